import { withParsedJsonFields } from './json-fields.js';

/** Renders rows as an aligned text table (the CLI's default output). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Prints either JSON (for scripts; `*_json` fields as objects, see json-fields.ts) or the human-readable text. */
export function emit(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(withParsedJsonFields(value), null, 2) : text()}\n`);
}
