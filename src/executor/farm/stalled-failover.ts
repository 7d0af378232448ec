import type { FabricModel, JsonValue } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import type { Rejected } from './failover.js';

/** A failover that found no clean candidate and left its group without a primary. */
export interface StalledFailover {
  readonly procedureId: string;
  readonly message: string;
  /** Each SECONDARY it could not promote, and why. */
  readonly candidates: readonly Rejected[];
}

/** The procedures that set or clear a group's primary. */
const PRIMARY_CHANGES = new Set(['group.failover', 'group.promote', 'group.demote']);

/**
 * The group's last primary change, when it is a failover that stopped with
 * NO_CANDIDATE and nothing has given the group a primary since: `group
 * health` names each candidate and why it was not promoted, until an
 * operator fixes one or promotes by hand.
 */
export function stalledFailover(model: FabricModel, group: string): StalledFailover | undefined {
  if (model.group(group)?.primary !== null) return undefined;
  const last = model
    .procedures({ lockKey: groupLockKey(group) })
    .filter((p) => PRIMARY_CHANGES.has(p.name) && (p.state === 'DONE' || p.state === 'FAILED'))
    .sort((a, b) => (a.finishedAt ?? a.submittedAt) - (b.finishedAt ?? b.submittedAt))
    .at(-1);
  if (last?.name !== 'group.failover' || last.error?.code !== 'NO_CANDIDATE') return undefined;
  return {
    procedureId: last.id,
    message: last.error.message,
    candidates: candidatesOf(last.error.cause),
  };
}

/** The NO_CANDIDATE error's cause, as failover.ts writes it (JSON); [] when unreadable. */
function candidatesOf(cause: string | undefined): Rejected[] {
  if (cause === undefined) return [];
  try {
    const parsed = JSON.parse(cause) as { candidates?: JsonValue };
    if (!Array.isArray(parsed.candidates)) return [];
    return (parsed.candidates as unknown[]).filter(isRejected);
  } catch {
    return [];
  }
}

function isRejected(v: unknown): v is Rejected {
  const r = v as Partial<Rejected> | null;
  return (
    typeof r?.address === 'string' && typeof r.uuid === 'string' && typeof r.reason === 'string'
  );
}
