import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface MemberSpec {
  readonly id: string;
  readonly address: string;
}

export interface FileOptions {
  readonly clusterId?: string;
  readonly tickMs?: number;
  readonly snapshotThreshold?: number;
  readonly snapshotKeepEntries?: number;
  readonly logLevel?: string;
  readonly security?: string;
  /** PEM files for security "tls"/"mtls", per node id. */
  readonly tls?: (nodeId: string) => { caFile: string; certFile: string; keyFile: string };
}

/** Writes a cluster file for one node into `dir` and returns its path. */
export function writeNodeConfig(
  dir: string,
  self: MemberSpec,
  members: readonly MemberSpec[],
  o: FileOptions = {},
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${self.id}.toml`);
  const membersToml = members
    .map((m) => `  { id = "${m.id}", address = "${m.address}" },`)
    .join('\n');
  writeFileSync(
    file,
    `[node]
id = "${self.id}"
listen = "${self.address}"
data_dir = "./data-${self.id}"

[cluster]
id = "${o.clusterId ?? 'test'}"
members = [
${membersToml}
]

[raft]
tick_ms = ${o.tickMs ?? 20}
snapshot_threshold = ${o.snapshotThreshold ?? 10000}
snapshot_keep_entries = ${o.snapshotKeepEntries ?? 1000}

[security]
transport = "${o.security ?? 'plaintext'}"
${tlsKeys(self.id, o)}
[log]
level = "${o.logLevel ?? 'info'}"
`,
  );
  return file;
}

function tlsKeys(id: string, o: FileOptions): string {
  if (o.tls === undefined) return '';
  const t = o.tls(id);
  return `ca_file = "${t.caFile}"\ncert_file = "${t.certFile}"\nkey_file = "${t.keyFile}"\n`;
}
