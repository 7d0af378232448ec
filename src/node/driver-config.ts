/**
 * The part of the cluster file the Raft driver reads. The process's whole
 * config (src/server/config.ts) extends it, so the driver never depends on
 * the layers above it (README "Architecture").
 */

export const TRANSPORT_SECURITY = ['plaintext', 'tls', 'mtls'] as const;
export type TransportSecurityMode = (typeof TRANSPORT_SECURITY)[number];

export interface MemberConfig {
  readonly id: string;
  readonly address: string;
}

export interface DriverConfig {
  readonly node: {
    readonly id: string;
    readonly dataDir: string;
  };
  readonly cluster: { readonly id: string; readonly members: readonly MemberConfig[] };
  readonly raft: {
    readonly tickMs: number;
    readonly heartbeatTicks: number;
    readonly electionTicks: number;
    readonly preVote: boolean;
    readonly checkQuorum: boolean;
    readonly maxInflightMsgs: number;
    readonly maxInflightBytes: number;
    readonly maxSizePerMsg: number;
    readonly snapshotThreshold: number;
    readonly snapshotKeepEntries: number;
  };
  readonly security: {
    readonly transport: TransportSecurityMode;
    readonly caFile: string;
    readonly certFile: string;
    readonly keyFile: string;
  };
}
