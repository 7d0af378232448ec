import { FabricError } from '../util/fabric-error.js';
import { ADDRESS_PATTERN, ADDRESS_RULE, NODE_ID_PATTERN, NODE_ID_RULE } from '../util/naming.js';

/** Throws INVALID_ARGUMENT naming the field, the value and what is allowed. */
export function requireMatch(field: string, value: string, pattern: RegExp, allowed: string): void {
  if (!pattern.test(value)) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `${field} ${JSON.stringify(value)} is invalid: ${allowed}`,
      { field },
    );
  }
}

export function requireNodeId(field: string, value: string): void {
  requireMatch(field, value, NODE_ID_PATTERN, `use ${NODE_ID_RULE}`);
}

export function requireAddress(field: string, value: string): void {
  requireMatch(field, value, ADDRESS_PATTERN, `use ${ADDRESS_RULE}`);
  const port = Number(value.slice(value.lastIndexOf(':') + 1));
  if (port < 1 || port > 65535)
    throw new FabricError('INVALID_ARGUMENT', `${field} ${value}: port must be 1-65535`, { field });
}

export function requireLength(field: string, value: string, min: number, max: number): void {
  const n = Buffer.byteLength(value);
  if (n < min || n > max) {
    throw new FabricError('INVALID_ARGUMENT', `${field} must be ${min}-${max} bytes, got ${n}`, {
      field,
    });
  }
}
