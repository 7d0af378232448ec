/** Finding and following procedures from a test or benchmark, through any live node. */
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import { sleep } from '../cluster/cluster.js';
import type { Farm } from './farm.js';

/** The automatic group.failover of server `uuid` submitted at or after `after` (ms), once it exists. */
export async function failoverOf(
  farm: Farm,
  uuid: string,
  after: number,
  via?: string,
): Promise<Procedure__Output> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await farm
      .client(via)
      .procedures({ limit: 50 })
      .catch(() => ({ procedures: [] as Procedure__Output[] }));
    const p = r.procedures.find(
      (x) =>
        x.name === 'group.failover' &&
        x.submitted_at_ms >= after &&
        (JSON.parse(x.args_json) as { server?: string }).server === uuid,
    );
    if (p !== undefined) return p;
    if (Date.now() > deadline) throw new Error(`no failover of ${uuid} within 30 s`);
    await sleep(5);
  }
}

/** Returns as soon as step `step` (0-based) of procedure `id` is done, as node `via` sees it. */
export async function waitForStepDone(
  farm: Farm,
  via: string,
  id: string,
  step: number,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    // A stale read on a follower may not have applied the submit yet.
    const r = await farm
      .client(via)
      .procedure(id, true)
      .catch(() => undefined);
    if (r?.procedure?.steps[step]?.state === 'done') return;
    if (Date.now() > deadline) throw new Error(`step ${step} of ${id} never finished`);
    await sleep(2);
  }
}
