import type { Command } from 'commander';

/** Runs `fabric <args…>` in-process on `program` and returns what it printed on stdout. */
export async function captureOutput(program: Command, args: readonly string[]): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    out.push(String(chunk));
    return true;
  };
  try {
    await program.parseAsync(['node', 'fabric', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out.join('');
}
