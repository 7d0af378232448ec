/** A managed server's address, split for mysql2. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** 'host:port' or '[v6]:port' (the topology's form) as host and port; port 3306 when absent. */
export function parseHostPort(address: string): HostPort {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (bracketed !== null) return { host: bracketed[1] ?? '', port: Number(bracketed[2] ?? '3306') };
  const i = address.lastIndexOf(':');
  if (i < 0) return { host: address, port: 3306 };
  return { host: address.slice(0, i), port: Number(address.slice(i + 1)) };
}
