/**
 * The protos carry free-form values as JSON text in `*_json` fields
 * (args_json, result_json, output_json, evidence_json...). For `--json`
 * output they become objects under the name without the suffix (`args`,
 * `result`, `output`, `evidence`), so `jq .args.group` works without a
 * second parse; '' (absent) becomes null. Other fields keep the protos' names.
 */
export function withParsedJsonFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withParsedJsonFields);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('_json') && typeof v === 'string') out[k.slice(0, -'_json'.length)] = parsed(v);
    else out[k] = withParsedJsonFields(v);
  }
  return out;
}

/** Tolerant: text that is not JSON (never expected) is kept as it is rather than lost. */
export function parsed(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A JSON value as indented "key: value" lines, for people: nested objects
 * indent, lists of scalars join with commas, lists of objects are "-" items.
 */
export function readable(value: unknown, indent = '  '): string {
  return lines(value, indent).join('\n');
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.every(isScalar)) return [`${indent}${value.map(scalar).join(', ') || '(none)'}`];
    return value.flatMap((item) => {
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value !== 'object' || value === null) return [`${indent}${scalar(value)}`];
  return Object.entries(value).flatMap(([k, v]) =>
    isScalar(v) || (Array.isArray(v) && v.every(isScalar))
      ? [`${indent}${k}: ${Array.isArray(v) ? v.map(scalar).join(', ') || '(none)' : scalar(v)}`]
      : [`${indent}${k}:`, ...lines(v, `${indent}  `)],
  );
}

function isScalar(v: unknown): boolean {
  return typeof v !== 'object' || v === null;
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
