import { FabricError } from '../util/fabric-error.js';
import { ADDRESS_PATTERN, ADDRESS_RULE, NODE_ID_PATTERN, NODE_ID_RULE } from '../util/naming.js';

/** One key of the cluster file: its type, default, and what is allowed. */
export type KeySpec =
  | {
      readonly kind: 'string';
      readonly default?: string;
      readonly oneOf?: readonly string[];
      readonly pattern?: RegExp;
      readonly rule?: string;
    }
  | {
      readonly kind: 'integer';
      readonly default?: number;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'boolean'; readonly default?: boolean }
  | { readonly kind: 'members' }
  /** A non-empty list of strings (a program and its arguments). */
  | { readonly kind: 'argv'; readonly default?: readonly string[] }
  /** A table of "host:port" = "host:port". */
  | { readonly kind: 'address-map'; readonly default?: Readonly<Record<string, string>> }
  /** A list of "host:port" (possibly empty). */
  | { readonly kind: 'address-list'; readonly default?: readonly string[] };

export type SectionSpec = Readonly<Record<string, KeySpec>>;

/** Reads and checks one key; errors name the file, the key, the value and what is allowed. */
export function readKey(
  file: string,
  section: string,
  key: string,
  spec: KeySpec,
  raw: unknown,
): unknown {
  const where = `${file}: [${section}] ${key}`;
  const bad = (allowed: string): never => {
    throw new FabricError('CONFIG_INVALID', `${where} = ${JSON.stringify(raw)}: ${allowed}`, {
      file,
      section,
      key,
    });
  };
  if (raw === undefined) {
    if (spec.kind === 'address-map') return new Map(Object.entries(spec.default ?? {}));
    if (spec.kind !== 'members' && spec.default !== undefined) return spec.default;
    throw new FabricError('CONFIG_INVALID', `${where} is required`, { file, section, key });
  }
  switch (spec.kind) {
    case 'string':
      if (typeof raw !== 'string') return bad('must be a string');
      if (spec.oneOf !== undefined && !spec.oneOf.includes(raw))
        return bad(`must be one of ${spec.oneOf.map((o) => `"${o}"`).join(', ')}`);
      if (spec.pattern !== undefined && !spec.pattern.test(raw))
        return bad(spec.rule ?? `must match ${String(spec.pattern)}`);
      return raw;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return bad('must be an integer');
      if (raw < spec.min || raw > spec.max)
        return bad(`must be between ${spec.min} and ${spec.max}`);
      return raw;
    case 'boolean':
      if (typeof raw !== 'boolean') return bad('must be true or false');
      return raw;
    case 'members':
      return readMembers(where, raw);
    case 'argv':
      if (!Array.isArray(raw) || raw.some((a) => typeof a !== 'string'))
        return bad('must be an array of strings: the program, then its arguments (no shell)');
      if (raw.length > 0 && raw[0] === '')
        return bad('the program (first element) must not be empty');
      return raw as string[];
    case 'address-map':
      return readAddressMap(where, raw);
    case 'address-list':
      if (!Array.isArray(raw) || raw.some((a) => typeof a !== 'string' || !ADDRESS_PATTERN.test(a)))
        return bad(`must be an array of addresses, each ${ADDRESS_RULE}`);
      return raw as string[];
  }
}

function readAddressMap(where: string, raw: unknown): Map<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new FabricError(
      'CONFIG_INVALID',
      `${where}: must be a table of "host:port" = "host:port"`,
    );
  const out = new Map<string, string>();
  for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
    if (!ADDRESS_PATTERN.test(from))
      throw new FabricError('CONFIG_INVALID', `${where}: key "${from}" ${MUST_BE_ADDRESS}`);
    if (typeof to !== 'string' || !ADDRESS_PATTERN.test(to))
      throw new FabricError(
        'CONFIG_INVALID',
        `${where}."${from}" = ${JSON.stringify(to)}: ${MUST_BE_ADDRESS}`,
      );
    out.set(from, to);
  }
  return out;
}

export const MUST_BE_NODE_ID = `must be ${NODE_ID_RULE}`;
export const MUST_BE_ADDRESS = `must be ${ADDRESS_RULE}`;

/**
 * How two addresses are compared for collisions: host names are
 * case-insensitive, and "localhost" is the loopback address most configs
 * spell as 127.0.0.1.
 */
export function sameAddress(a: string, b: string): boolean {
  const key = (x: string): string => x.toLowerCase().replace(/^localhost:/, '127.0.0.1:');
  return key(a) === key(b);
}

function readMembers(where: string, raw: unknown): { id: string; address: string }[] {
  if (!Array.isArray(raw))
    throw new FabricError('CONFIG_INVALID', `${where}: must be an array of { id, address } tables`);
  const seen = new Set<string>();
  const members: { id: string; address: string }[] = [];
  for (const [i, m] of (raw as unknown[]).entries()) {
    const at = `${where}[${i}]`;
    const rec = m as Record<string, unknown> | null;
    const id = rec?.id;
    const address = rec?.address;
    if (typeof id !== 'string' || !NODE_ID_PATTERN.test(id)) {
      throw new FabricError(
        'CONFIG_INVALID',
        `${at}.id = ${JSON.stringify(id)}: ${MUST_BE_NODE_ID}`,
      );
    }
    if (typeof address !== 'string' || !ADDRESS_PATTERN.test(address)) {
      throw new FabricError(
        'CONFIG_INVALID',
        `${at}.address = ${JSON.stringify(address)}: ${MUST_BE_ADDRESS}`,
      );
    }
    if (seen.has(id))
      throw new FabricError('CONFIG_INVALID', `${at}.id = "${id}": duplicate member id`);
    const twin = members.findIndex((o) => sameAddress(o.address, address));
    if (twin >= 0)
      throw new FabricError(
        'CONFIG_INVALID',
        `${at}.address = "${address}": same address as members[${twin}] ("${members[twin]?.id}"); every member needs its own host:port`,
      );
    seen.add(id);
    members.push({ id, address });
  }
  return members;
}
