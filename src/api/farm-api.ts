import type { FabricNode, Group, Server, ServerFilter } from '../fabric/index.js';

/** The replicated farm as this node has applied it (read-only). */
export interface FarmView {
  readonly topologyEpoch: number;
  groups(): Group[];
  group(id: string): Group | undefined;
  servers(filter?: ServerFilter): Server[];
  server(uuid: string): Server | undefined;
  serverByAddress(address: string): Server | undefined;
  nodes(): FabricNode[];
}

/** One server of a group, as `group health` reports it (mysql-fabric.md §1 `health`, extended). */
export interface ServerHealth {
  readonly uuid: string;
  readonly address: string;
  /** Status and mode in the replicated model. */
  readonly status: Server['status'];
  readonly mode: Server['mode'];
  readonly reachable: boolean;
  /** Why it is unreachable or what failed while probing ('' when nothing). */
  readonly error: string;
  /** What the server actually is: writable with no source, replica, or unknown when unreachable. */
  readonly role: 'primary' | 'replica' | 'standalone' | 'unknown';
  readonly readOnly: boolean;
  /** host:port it replicates from, '' when none. */
  readonly replicatingFrom: string;
  readonly ioRunning: string;
  readonly sqlRunning: boolean;
  readonly ioError: string;
  readonly sqlError: string;
  /** Seconds_Behind_Master; -1 when unknown. */
  readonly lagSeconds: number;
  readonly gtidExecuted: string;
  /** Semi-synchronous replication on this server: '' (off), 'source', 'replica' or 'source+replica'. */
  readonly semiSync: string;
  /** On the PRIMARY: the protection a failover has against it taking writes while cut from Fabric. */
  readonly fence: string;
  /** Problems found, each one sentence, e.g. "replicates from 127.0.0.1:3311, not from the primary 127.0.0.1:3310". */
  readonly issues: readonly string[];
}

/**
 * What GroupService, ServerService and TopologyService need beyond the
 * procedure API (src/node implements it over the model and src/mysql).
 */
export interface FarmApi {
  readonly view: FarmView;
  /** Probes every server of the group now (reads only; any node may answer). */
  health(groupId: string): Promise<ServerHealth[]>;
  /** fabric-ha's identity of the server at `address` (MySQL's server_uuid; MariaDB: the stored UUID, '' if none yet). */
  lookupUuid(address: string): Promise<string>;
  /** Calls `listener` after every batch of entries this node applies; returns the unsubscribe function. */
  onApplied(listener: () => void): () => void;
}
