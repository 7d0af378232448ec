import { accept } from './apply-result.js';
import type { ApplyResult } from './apply-result.js';
import type { SubmitCommand } from './commands.js';
import { broken, obj } from './effect-outcome.js';
import { compareStrings } from './json.js';
import type { ModelState } from './model-state.js';
import type { Procedure } from './procedure-types.js';
import { tryStart } from './scheduling.js';

/**
 * submit: a known request id changes nothing and answers with the ORIGINAL
 * procedure id (the client retried after a timeout or a leader change);
 * otherwise the procedure is created QUEUED, enqueued on all of its lock
 * keys at once (locks.ts explains why that rules out deadlock) and started
 * at once if it heads every queue.
 *
 * @internal
 */
export function applySubmit(s: ModelState, c: SubmitCommand): ApplyResult {
  const known = s.requests.get(c.requestId);
  if (known !== undefined) {
    const original = s.procedures.get(known.procedureId);
    return accept({
      type: 'submit',
      procedureId: known.procedureId,
      duplicate: true,
      ...(original === undefined ? {} : { state: original.state }),
      started: [],
    });
  }
  if (s.procedures.has(c.procedureId))
    return broken(
      'PROCEDURE_EXISTS',
      obj.procedure(c.procedureId),
      'id-unique',
      'a procedure with this id exists (under another request id)',
    );
  const p = newProcedure(c);
  s.procedures.set(p.id, p);
  s.requests.remember({ requestId: c.requestId, procedureId: p.id, at: c.at });
  s.locks.enqueue(p.id, p.lockKeys);
  const started = tryStart(s, p.id, c.at);
  return accept({
    type: 'submit',
    procedureId: p.id,
    duplicate: false,
    state: started ? 'RUNNING' : 'QUEUED',
    started: started ? [p.id] : [],
  });
}

function newProcedure(c: SubmitCommand): Procedure {
  return {
    id: c.procedureId,
    name: c.name,
    requestId: c.requestId,
    args: c.args,
    // Sorted and unique: the same key twice must not enqueue twice.
    lockKeys: [...new Set(c.lockKeys)].sort(compareStrings),
    state: 'QUEUED',
    steps: c.steps.map((name) => ({ name, state: 'pending', attempts: 0 })),
    current: 0,
    ownerTerm: c.term,
    submittedAt: c.at,
  };
}
