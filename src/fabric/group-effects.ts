import { QUIET, ROUTING_CHANGED, broken, obj } from './effect-outcome.js';
import type { EffectOutcome } from './effect-outcome.js';
import type { GroupEffect } from './effects.js';
import type { Farm } from './farm.js';
import { mapsWithGlobalGroup, serversOf, shardOfGroup } from './farm.js';
import { isRejection, needGroup } from './farm-lookups.js';
import type { GroupStatus } from './farm-types.js';
import { setPrimary } from './primary.js';

/**
 * Group effects (mysql-fabric.md §1 "group", §4). Creating, destroying and
 * describing a group are quiet: an empty group routes nothing. Status and
 * primary changes move the topology epoch.
 *
 * @internal
 */
export function applyGroupEffect(f: Farm, e: GroupEffect): EffectOutcome {
  switch (e.type) {
    case 'group-create':
      return createGroup(f, e.groupId, e.description);
    case 'group-destroy':
      return destroyGroup(f, e.groupId);
    case 'group-set-description':
      return describeGroup(f, e.groupId, e.description);
    case 'group-activate':
      return setGroupStatus(f, e.groupId, 'ACTIVE');
    case 'group-deactivate':
      return setGroupStatus(f, e.groupId, 'INACTIVE');
    case 'group-set-primary':
      return setPrimary(f, e.groupId, e.uuid);
    case 'group-assign-gtid-domain':
      return assignGtidDomain(f, e.groupId);
  }
}

/**
 * 1 + the highest domain ever assigned (Farm.gtidDomainHigh), once per
 * group: a group that has one keeps it (a re-run step is harmless). Quiet:
 * connectors do not route by domain.
 */
function assignGtidDomain(f: Farm, id: string): EffectOutcome {
  const g = needGroup(f, id);
  if (isRejection(g)) return g;
  if (g.gtidDomainId !== undefined) return QUIET;
  f.gtidDomainHigh += 1;
  f.groups.set(id, { ...g, gtidDomainId: f.gtidDomainHigh });
  return QUIET;
}

function createGroup(f: Farm, id: string, description: string): EffectOutcome {
  if (f.groups.has(id)) return broken('GROUP_EXISTS', obj.group(id), 'id-unique', 'already exists');
  f.groups.set(id, { id, description, status: 'INACTIVE', primary: null });
  return QUIET;
}

/** Fabric refuses to destroy a group that still has servers or takes part in sharding. */
function destroyGroup(f: Farm, id: string): EffectOutcome {
  const g = needGroup(f, id);
  if (isRejection(g)) return g;
  const servers = serversOf(f, id).length;
  if (servers > 0)
    return broken(
      'GROUP_IN_USE',
      obj.group(id),
      'destroy-empty',
      `still has ${servers} server(s); remove them first`,
    );
  const map = mapsWithGlobalGroup(f, id)[0];
  if (map !== undefined)
    return broken(
      'GROUP_IN_USE',
      obj.group(id),
      'destroy-global-group',
      `is the global group of shard map ${map.id}`,
    );
  const shard = shardOfGroup(f, id);
  if (shard !== undefined)
    return broken('GROUP_IN_USE', obj.group(id), 'destroy-shard-group', `holds shard ${shard.id}`);
  f.groups.delete(id);
  return QUIET;
}

function describeGroup(f: Farm, id: string, description: string): EffectOutcome {
  const g = needGroup(f, id);
  if (isRejection(g)) return g;
  f.groups.set(id, { ...g, description });
  return QUIET;
}

/** Re-activating an ACTIVE group (or the reverse) is allowed and changes nothing. */
function setGroupStatus(f: Farm, id: string, status: GroupStatus): EffectOutcome {
  const g = needGroup(f, id);
  if (isRejection(g)) return g;
  if (g.status === status) return QUIET;
  f.groups.set(id, { ...g, status });
  return ROUTING_CHANGED;
}
