import type { MemberConfig } from './config.js';

export interface ClusterFileOptions {
  readonly clusterId: string;
  readonly tickMs?: number;
  readonly snapshotThreshold?: number;
  readonly snapshotKeepEntries?: number;
  readonly logLevel?: string;
  /** "plaintext" unless given; "tls"/"mtls" need `tls`. */
  readonly security?: string;
  readonly tls?: { readonly caFile: string; readonly certFile: string; readonly keyFile: string };
  /** [servers]: the managed servers' accounts; passwords through the environment variables named. */
  readonly servers?: {
    readonly user: string;
    readonly passwordEnv: string;
    readonly replicationUser: string;
    readonly replicationPasswordEnv: string;
  };
  readonly switchoverTimeoutMs?: number;
  /** Raw TOML appended as is (e.g. a [failure_detector] table for a test). */
  readonly extraToml?: string;
}

/**
 * The text of a cluster file for one node (see cluster.example.toml), with
 * data_dir next to the file. The sandbox and the test clusters write theirs
 * with it; keys not given keep their documented defaults.
 */
export function clusterFileText(
  self: MemberConfig,
  members: readonly MemberConfig[],
  o: ClusterFileOptions,
): string {
  const raft = [
    o.tickMs === undefined ? '' : `tick_ms = ${o.tickMs}\n`,
    o.snapshotThreshold === undefined ? '' : `snapshot_threshold = ${o.snapshotThreshold}\n`,
    o.snapshotKeepEntries === undefined ? '' : `snapshot_keep_entries = ${o.snapshotKeepEntries}\n`,
  ].join('');
  const tls =
    o.tls === undefined
      ? ''
      : `ca_file = "${o.tls.caFile}"\ncert_file = "${o.tls.certFile}"\nkey_file = "${o.tls.keyFile}"\n`;
  const servers =
    o.servers === undefined
      ? ''
      : `
[servers]
user = "${o.servers.user}"
password_env = "${o.servers.passwordEnv}"
replication_user = "${o.servers.replicationUser}"
replication_password_env = "${o.servers.replicationPasswordEnv}"
`;
  const ha =
    o.switchoverTimeoutMs === undefined
      ? ''
      : `\n[ha]\nswitchover_timeout_ms = ${o.switchoverTimeoutMs}\n`;
  return `[node]
id = "${self.id}"
listen = "${self.address}"
data_dir = "./data-${self.id}"

[cluster]
id = "${o.clusterId}"
members = [
${members.map((m) => `  { id = "${m.id}", address = "${m.address}" },`).join('\n')}
]

[raft]
${raft}
[security]
transport = "${o.security ?? 'plaintext'}"
${tls}
[log]
level = "${o.logLevel ?? 'info'}"
${servers}${ha}${o.extraToml === undefined ? '' : `\n${o.extraToml}\n`}`;
}
