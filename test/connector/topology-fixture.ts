/** Hand-built topologies for the connector's pure tests. */
import type { Server__Output } from '../../src/gen/fabric/v1/Server.js';
import type { Topology__Output } from '../../src/gen/fabric/v1/Topology.js';

type Status = 'PRIMARY' | 'SECONDARY' | 'SPARE' | 'FAULTY' | 'CONFIGURING';
type Mode = 'OFFLINE' | 'READ_ONLY' | 'WRITE_ONLY' | 'READ_WRITE';
type Replication = 'OK' | 'LAGGING' | 'STOPPED' | 'UNSPECIFIED';

export interface ServerSpec {
  readonly address: string;
  readonly group?: string;
  readonly status: Status;
  readonly mode?: Mode;
  readonly weight?: number;
  readonly replication?: Replication;
}

export function server(s: ServerSpec): Server__Output {
  return {
    uuid: `uuid-${s.address}`,
    address: s.address,
    group_id: s.group ?? 'g1',
    status: `SERVER_STATUS_${s.status}`,
    mode: `SERVER_MODE_${s.mode ?? (s.status === 'PRIMARY' ? 'READ_WRITE' : 'READ_ONLY')}`,
    weight: s.weight ?? 1,
    replication: `REPLICATION_STATE_${s.replication ?? (s.status === 'SECONDARY' ? 'OK' : 'UNSPECIFIED')}`,
    reachability: 'REACHABILITY_REACHABLE',
  };
}

export function topology(
  epoch: number,
  servers: readonly ServerSpec[],
  groups: readonly string[] = ['g1'],
): Topology__Output {
  return {
    epoch,
    groups: groups.map((id) => ({
      id,
      description: '',
      status: 'GROUP_STATUS_ACTIVE',
      primary_uuid: '',
      primary_address: '',
    })),
    servers: servers.map(server),
    fabric_nodes: [
      { id: 'n1', address: '127.0.0.1:1', role: 'FABRIC_NODE_ROLE_LEADER', voter: true },
    ],
    shard_maps: [],
    shard_tables: [],
    shards: [],
  };
}

/** A deterministic sequence of draws in [0, 1). */
export function draws(...values: number[]): () => number {
  let i = 0;
  return () => {
    const v = values[i % values.length] ?? 0;
    i += 1;
    return v;
  };
}

/** A seeded PRNG (mulberry32) for many draws: the routing tests' one. */
export { seededRandom as seeded } from '../routing/helpers.js';
