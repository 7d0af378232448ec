import { GroupStatus } from '../gen/fabric/v1/GroupStatus.js';
import type { GroupStatus__Output } from '../gen/fabric/v1/GroupStatus.js';
import { ServerMode } from '../gen/fabric/v1/ServerMode.js';
import type { ServerMode__Output } from '../gen/fabric/v1/ServerMode.js';
import { ServerRole } from '../gen/fabric/v1/ServerRole.js';
import type { ServerRole__Output } from '../gen/fabric/v1/ServerRole.js';
import { ServerStatus } from '../gen/fabric/v1/ServerStatus.js';
import type { ServerStatus__Output } from '../gen/fabric/v1/ServerStatus.js';
import { LookupHint } from '../gen/fabric/v1/LookupHint.js';
import type { LookupHint__Output } from '../gen/fabric/v1/LookupHint.js';
import { ShardMappingType } from '../gen/fabric/v1/ShardMappingType.js';
import type { ShardMappingType__Output } from '../gen/fabric/v1/ShardMappingType.js';
import { ShardState } from '../gen/fabric/v1/ShardState.js';
import type { ShardState__Output } from '../gen/fabric/v1/ShardState.js';
import { FabricError } from '../util/fabric-error.js';

/** The short name of a proto enum value: its name without the prefix ("SPARE"). */
type ShortName<V extends string, P extends string> = V extends `${P}UNSPECIFIED`
  ? never
  : V extends `${P}${infer N}`
    ? N
    : never;

export type ServerStatusName = ShortName<ServerStatus__Output, 'SERVER_STATUS_'>;
export type ServerModeName = ShortName<ServerMode__Output, 'SERVER_MODE_'>;
export type GroupStatusName = ShortName<GroupStatus__Output, 'GROUP_STATUS_'>;
export type ServerRoleName = ShortName<ServerRole__Output, 'SERVER_ROLE_'>;
export type ShardMappingTypeName = ShortName<ShardMappingType__Output, 'SHARD_MAPPING_TYPE_'>;
export type ShardStateName = ShortName<ShardState__Output, 'SHARD_STATE_'>;
export type LookupHintName = ShortName<LookupHint__Output, 'LOOKUP_HINT_'>;

/**
 * The names users type and read ("SPARE", "READ_ONLY") for one proto enum,
 * derived from the generated enum object, so the protos stay the one list.
 * The zero value (UNSPECIFIED) has no short name.
 */
export class EnumNames<N extends string, V extends string> {
  readonly names: readonly N[];
  readonly #prefix: string;

  constructor(prefix: string, values: Readonly<Record<string, V>>) {
    this.#prefix = prefix;
    this.names = Object.values(values)
      .filter((v) => v !== `${prefix}UNSPECIFIED`)
      .map((v) => v.slice(prefix.length) as N);
  }

  /** The proto value of a short name. */
  value(name: N): V {
    return `${this.#prefix}${name}` as V;
  }

  /** The short name of a proto value; `fallback` for UNSPECIFIED or an unknown number. */
  name(value: V | number, fallback = ''): string {
    const n = typeof value === 'string' ? value.slice(this.#prefix.length) : '';
    return (this.names as readonly string[]).includes(n) ? n : fallback;
  }

  /** Reads a name as a user typed it (any case, "-" for "_"); INVALID_ARGUMENT naming the field otherwise. */
  parse(field: string, text: string): N {
    const n = text.trim().toUpperCase().replaceAll('-', '_');
    if ((this.names as readonly string[]).includes(n)) return n as N;
    throw new FabricError(
      'INVALID_ARGUMENT',
      `${field} ${JSON.stringify(text)} is invalid: use one of ${this.names.join(', ')}`,
      { field },
    );
  }
}

export const SERVER_STATUS = new EnumNames<ServerStatusName, ServerStatus__Output>(
  'SERVER_STATUS_',
  ServerStatus,
);
export const SERVER_MODE = new EnumNames<ServerModeName, ServerMode__Output>(
  'SERVER_MODE_',
  ServerMode,
);
export const GROUP_STATUS = new EnumNames<GroupStatusName, GroupStatus__Output>(
  'GROUP_STATUS_',
  GroupStatus,
);
export const SERVER_ROLE = new EnumNames<ServerRoleName, ServerRole__Output>(
  'SERVER_ROLE_',
  ServerRole,
);
export const SHARD_MAPPING_TYPE = new EnumNames<ShardMappingTypeName, ShardMappingType__Output>(
  'SHARD_MAPPING_TYPE_',
  ShardMappingType,
);
export const SHARD_STATE = new EnumNames<ShardStateName, ShardState__Output>(
  'SHARD_STATE_',
  ShardState,
);
export const LOOKUP_HINT = new EnumNames<LookupHintName, LookupHint__Output>(
  'LOOKUP_HINT_',
  LookupHint,
);
