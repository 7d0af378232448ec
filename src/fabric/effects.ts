import type {
  ReplicationState,
  Reachability,
  ServerMode,
  ServerStatus,
  ShardMapType,
  ShardState,
} from './farm-types.js';

/**
 * What a completed step changes in the farm. A step-done carries a list of
 * effects; the model applies all of them, in order, atomically with the
 * step's completion, or none of them (apply-effects.ts).
 */
export type Effect = GroupEffect | ServerEffect | ShardEffect | BumpEpochEffect;

export type GroupEffect =
  | { readonly type: 'group-create'; readonly groupId: string; readonly description: string }
  | { readonly type: 'group-destroy'; readonly groupId: string }
  | {
      readonly type: 'group-set-description';
      readonly groupId: string;
      readonly description: string;
    }
  | { readonly type: 'group-activate'; readonly groupId: string }
  | { readonly type: 'group-deactivate'; readonly groupId: string }
  /**
   * A switchover in the metadata: the current primary (if another) becomes
   * SECONDARY/READ_ONLY and `uuid` becomes PRIMARY/READ_WRITE; null only demotes.
   */
  | { readonly type: 'group-set-primary'; readonly groupId: string; readonly uuid: string | null }
  /**
   * Gives the group its gtid_domain_id (Group.gtidDomainId) unless it has
   * one: the next after the highest ever assigned. The model picks the
   * number at apply time, so two procedures racing to assign never collide.
   */
  | { readonly type: 'group-assign-gtid-domain'; readonly groupId: string };

export type ServerEffect =
  | {
      readonly type: 'server-add';
      readonly groupId: string;
      readonly uuid: string;
      readonly address: string;
      /** SECONDARY (the default), SPARE or CONFIGURING. */
      readonly status?: ServerStatus;
      /** Defaults to the status's default mode (transitions.ts). */
      readonly mode?: ServerMode;
      /** Defaults to 1. */
      readonly weight?: number;
    }
  | { readonly type: 'server-remove'; readonly uuid: string }
  | { readonly type: 'server-set-status'; readonly uuid: string; readonly status: ServerStatus }
  | { readonly type: 'server-set-mode'; readonly uuid: string; readonly mode: ServerMode }
  | { readonly type: 'server-set-weight'; readonly uuid: string; readonly weight: number }
  | { readonly type: 'server-set-address'; readonly uuid: string; readonly address: string }
  /** SECONDARY or SPARE → PRIMARY/READ_WRITE in a group that has no primary. */
  | { readonly type: 'server-promote'; readonly uuid: string }
  /** The group's PRIMARY → SECONDARY/READ_ONLY; the group is left without a primary. */
  | { readonly type: 'server-demote'; readonly uuid: string }
  /** Any status → FAULTY, mode unchanged; a faulty primary leaves its group without one. */
  | { readonly type: 'server-mark-faulty'; readonly uuid: string }
  /** The failure detector's view of a replica's replication (routing: clients skip non-OK). */
  | {
      readonly type: 'server-set-replication';
      readonly uuid: string;
      readonly state: ReplicationState;
    }
  /** The failure detector's view of whether Fabric reaches a server (see Reachability). */
  | {
      readonly type: 'server-set-reachability';
      readonly uuid: string;
      readonly reachability: Reachability;
    };

export type ShardEffect =
  | {
      readonly type: 'shard-map-create';
      readonly mapId: number;
      readonly mapType: ShardMapType;
      readonly globalGroupId: string;
    }
  | { readonly type: 'shard-map-remove'; readonly mapId: number }
  | {
      readonly type: 'shard-table-add';
      readonly mapId: number;
      readonly table: string;
      readonly column: string;
    }
  | { readonly type: 'shard-table-remove'; readonly table: string }
  | {
      readonly type: 'shard-add';
      readonly shardId: number;
      readonly mapId: number;
      readonly lowerBound: string;
      readonly groupId: string;
      readonly state: ShardState;
    }
  | { readonly type: 'shard-remove'; readonly shardId: number }
  | { readonly type: 'shard-set-group'; readonly shardId: number; readonly groupId: string }
  | { readonly type: 'shard-set-state'; readonly shardId: number; readonly state: ShardState };

/** Forces a new topology epoch, e.g. after a change outside the model that connectors must re-read. */
export interface BumpEpochEffect {
  readonly type: 'bump-epoch';
}

export type EffectType = Effect['type'];

/** Every effect type once; a Record so that adding a union member without listing it fails to compile. */
const EFFECT_TYPE_SET: Readonly<Record<EffectType, true>> = {
  'group-create': true,
  'group-destroy': true,
  'group-set-description': true,
  'group-activate': true,
  'group-deactivate': true,
  'group-set-primary': true,
  'group-assign-gtid-domain': true,
  'server-add': true,
  'server-remove': true,
  'server-set-status': true,
  'server-set-mode': true,
  'server-set-weight': true,
  'server-set-address': true,
  'server-promote': true,
  'server-demote': true,
  'server-mark-faulty': true,
  'server-set-replication': true,
  'server-set-reachability': true,
  'shard-map-create': true,
  'shard-map-remove': true,
  'shard-table-add': true,
  'shard-table-remove': true,
  'shard-add': true,
  'shard-remove': true,
  'shard-set-group': true,
  'shard-set-state': true,
  'bump-epoch': true,
};

export const EFFECT_TYPES: readonly EffectType[] = Object.keys(EFFECT_TYPE_SET) as EffectType[];

/** The effect families share a type prefix; each family has its own rules file. */
export function isGroupEffect(e: Effect): e is GroupEffect {
  return e.type.startsWith('group-');
}

export function isServerEffect(e: Effect): e is ServerEffect {
  return e.type.startsWith('server-');
}
