import { FabricError } from '../util/fabric-error.js';

export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const ADDRESS_PATTERN = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})$/;

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
  requireMatch(
    field,
    value,
    NODE_ID_PATTERN,
    'use 1-63 characters of a-z, 0-9, "-" or "_", starting with a letter or digit',
  );
}

export function requireAddress(field: string, value: string): void {
  requireMatch(field, value, ADDRESS_PATTERN, 'use host:port, e.g. 127.0.0.1:7004');
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
