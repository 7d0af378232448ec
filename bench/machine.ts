import os from 'node:os';

/** One line describing where a benchmark ran, printed with every result. */
export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown cpu';
  const mem = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus.length} cores, ${mem} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
}
