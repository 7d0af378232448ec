import net from 'node:net';

/**
 * Free loopback ports chosen by the OS (never fixed numbers: this machine
 * runs MariaDB, PostgreSQL, Redis, RabbitMQ, Mosquitto and NATS on their
 * standard ports). All are held open together so they are distinct.
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => {
            resolve(s);
          });
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((r) =>
          s.close(() => {
            r();
          }),
        ),
    ),
  );
  return ports;
}
