import { randomUUID } from 'node:crypto';
import { FabricError } from '../util/fabric-error.js';
import { requireLength } from './validate.js';

/**
 * Checks of the farm requests' fields, made before anything is submitted.
 * They catch what the procedures' JSON arguments would blur: proto3 sends
 * an unset string as "" and an unset enum as UNSPECIFIED, and JSON turns
 * NaN and Infinity into null. The rules proper (group id syntax, which
 * statuses and modes a server may take) belong to the procedures'
 * admission checks, which refuse at submit time with their own messages.
 */

/** Server's default wait for a procedure, and the longest a caller may ask for. */
export const DEFAULT_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 3_600_000;

function invalid(field: string, value: unknown, allowed: string): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${field} ${JSON.stringify(value)} is invalid: ${allowed}`,
    { field },
  );
}

/** A group id is required; 64 bytes at most (mysql-fabric's VARCHAR(64)). */
export function requireGroupId(field: string, value: string): void {
  if (value === '' || Buffer.byteLength(value) > 64)
    throw invalid(field, value, 'name a group (1-64 characters)');
}

/** A server named by uuid or host:port is required. */
export function requireServerRef(field: string, value: string): void {
  if (value === '' || Buffer.byteLength(value) > 300)
    throw invalid(field, value, 'name a server by uuid or host:port');
}

export function requireDescription(field: string, value: string): void {
  requireLength(field, value, 0, 1024);
}

/** Weights go to connectors' load balancing: finite and > 0 (mysql-fabric.md §4). */
export function requireWeight(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `${field} must be a finite number > 0, got ${String(value)}`,
      { field },
    );
  }
}

export function requireRequestId(field: string, value: string): void {
  requireLength(field, value, 1, 128);
}

/**
 * The request's idempotency key, assigned here when the client sent none
 * (''). It is written into the request object itself, so a follower
 * forwards the call with it and the leader records the same id; the
 * answer carries it back. A retry without an id gets a fresh one and is
 * NOT deduplicated (the protos say so).
 */
export function assignRequestId(
  request: { readonly request_id: string },
  field = 'request_id',
): string {
  if (request.request_id === '') (request as { request_id: string }).request_id = randomUUID();
  requireRequestId(field, request.request_id);
  return request.request_id;
}

/**
 * The wait in ms: 0 means the default. Longer than MAX_WAIT_MS is refused
 * (timers overflow past 2^31 ms, and hour-long calls belong to no_wait).
 */
export function waitMs(field: string, value: number): number {
  if (value === 0) return DEFAULT_WAIT_MS;
  if (value > MAX_WAIT_MS) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `${field} must be at most ${MAX_WAIT_MS} ms, got ${value}; for longer procedures use no_wait and wait for the procedure`,
      { field },
    );
  }
  return value;
}
