import { reject } from './apply-result.js';
import type { Rejection } from './apply-result.js';
import { ROUTING_CHANGED } from './effect-outcome.js';
import type { EffectOutcome } from './effect-outcome.js';
import type { Effect } from './effects.js';
import { isGroupEffect, isServerEffect } from './effects.js';
import { cloneFarm } from './farm.js';
import type { Farm } from './farm.js';
import { applyGroupEffect } from './group-effects.js';
import { applyServerEffect } from './server-effects.js';
import { applyShardEffect } from './shard-effects.js';

/** The farm after a step's effects, or the first broken rule. @internal */
export type EffectsResult = { readonly ok: true; readonly farm: Farm } | Rejection;

/**
 * Applies a step's effects in order to a draft copy of the farm. Either
 * every effect holds and the draft is returned, or the first broken rule is
 * returned and the draft dropped: a step-done never half-applies. Later
 * effects see earlier ones (demote, then promote, in one step).
 *
 * The topology epoch moves by one for the whole list if any effect changed
 * what connectors route on: one committed step, one new epoch.
 *
 * @internal
 */
export function applyEffects(farm: Farm, effects: readonly Effect[]): EffectsResult {
  if (effects.length === 0) return { ok: true, farm };
  const draft = cloneFarm(farm);
  let routing = false;
  for (const [i, effect] of effects.entries()) {
    const out = applyEffect(draft, effect);
    if (!out.ok) return inEffect(out, i, effect);
    routing ||= out.routing;
  }
  if (routing) draft.topologyEpoch += 1;
  return { ok: true, farm: draft };
}

function applyEffect(f: Farm, e: Effect): EffectOutcome {
  if (e.type === 'bump-epoch') return ROUTING_CHANGED;
  if (isGroupEffect(e)) return applyGroupEffect(f, e);
  if (isServerEffect(e)) return applyServerEffect(f, e);
  return applyShardEffect(f, e);
}

function inEffect(r: Rejection, index: number, e: Effect): Rejection {
  return reject(r.code, `effect ${index} (${e.type}): ${r.message}`, {
    ...r.details,
    effect: index,
    effectType: e.type,
  });
}
