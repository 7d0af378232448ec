import { QUIET, ROUTING_CHANGED, broken, obj } from './effect-outcome.js';
import type { EffectOutcome } from './effect-outcome.js';
import type { Farm } from './farm.js';
import { reachable } from './farm-types.js';
import { groupOf, isRejection, needGroup, needServer } from './farm-lookups.js';
import { DEFAULT_MODE, PROMOTABLE } from './transitions.js';

/**
 * The only ways into and out of PRIMARY, kept together because each must
 * update the server and its group's `primary` in the same breath: that is
 * what keeps "a group has at most one PRIMARY, and group.primary names it"
 * true (mysql-fabric.md §3 worries about exactly this gap).
 */

/** SECONDARY or SPARE → PRIMARY/READ_WRITE, in a group that has no primary. @internal */
export function promote(f: Farm, uuid: string): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  const g = groupOf(f, s);
  if (g.primary !== null)
    return broken(
      'PRIMARY_EXISTS',
      obj.group(g.id),
      'one-primary',
      `already has primary ${g.primary}; demote it first or use group-set-primary`,
    );
  if (!PROMOTABLE.includes(s.status))
    return broken(
      'INVALID_TRANSITION',
      obj.server(uuid),
      'promote-from',
      `is ${s.status}; only ${PROMOTABLE.join(' or ')} servers can be promoted`,
    );
  f.servers.set(uuid, { ...s, status: 'PRIMARY', mode: DEFAULT_MODE.PRIMARY });
  f.groups.set(g.id, { ...g, primary: uuid });
  return ROUTING_CHANGED;
}

/** The group's PRIMARY → SECONDARY/READ_ONLY; the group is left without a primary. @internal */
export function demote(f: Farm, uuid: string): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  const g = groupOf(f, s);
  if (g.primary !== uuid)
    return broken(
      'INVALID_TRANSITION',
      obj.server(uuid),
      'demote-primary',
      `is ${s.status}, not the primary of group ${g.id}`,
    );
  f.servers.set(uuid, { ...s, status: 'SECONDARY', mode: DEFAULT_MODE.SECONDARY });
  f.groups.set(g.id, { ...g, primary: null });
  return ROUTING_CHANGED;
}

/** Any status → FAULTY, keeping the mode; a faulty primary stops being the group's primary. @internal */
export function markFaulty(f: Farm, uuid: string): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if (s.status === 'FAULTY')
    return broken('INVALID_TRANSITION', obj.server(uuid), 'faulty-from', 'is already FAULTY');
  const g = groupOf(f, s);
  // A FAULTY server is no longer watched: whether Fabric reaches it is moot.
  f.servers.set(uuid, { ...reachable(s), status: 'FAULTY' });
  if (g.primary === uuid) f.groups.set(g.id, { ...g, primary: null });
  return ROUTING_CHANGED;
}

/**
 * A switchover in one effect: demote the current primary (if it is another
 * server), then promote `uuid`; null only demotes. Naming the current
 * primary again changes nothing.
 *
 * @internal
 */
export function setPrimary(f: Farm, groupId: string, uuid: string | null): EffectOutcome {
  const g = needGroup(f, groupId);
  if (isRejection(g)) return g;
  if (g.primary === uuid) return QUIET;
  if (uuid !== null) {
    const s = needServer(f, uuid);
    if (isRejection(s)) return s;
    if (s.groupId !== groupId)
      return broken(
        'INVALID_TRANSITION',
        obj.server(uuid),
        'primary-in-group',
        `belongs to group ${s.groupId}, not ${groupId}`,
      );
  }
  if (g.primary !== null) {
    const out = demote(f, g.primary);
    if (!out.ok) return out;
  }
  return uuid === null ? ROUTING_CHANGED : promote(f, uuid);
}
