import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clusterFileText } from '../../src/server/cluster-file.js';
import type { ClusterFileOptions } from '../../src/server/cluster-file.js';

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
  /** [servers]: accounts on the managed servers (passwords through `env`). */
  readonly servers?: ClusterFileOptions['servers'];
  readonly switchoverTimeoutMs?: number;
  /** Raw TOML appended to every node's file (e.g. a [failure_detector] table). */
  readonly extraToml?: string;
  /** Extra environment of the node processes (the passwords [servers] names). */
  readonly env?: Readonly<Record<string, string>>;
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
  writeFileSync(
    file,
    clusterFileText(self, members, {
      clusterId: o.clusterId ?? 'test',
      ...(o.tickMs === undefined ? {} : { tickMs: o.tickMs }),
      ...(o.snapshotThreshold === undefined ? {} : { snapshotThreshold: o.snapshotThreshold }),
      ...(o.snapshotKeepEntries === undefined
        ? {}
        : { snapshotKeepEntries: o.snapshotKeepEntries }),
      ...(o.logLevel === undefined ? {} : { logLevel: o.logLevel }),
      ...(o.security === undefined ? {} : { security: o.security }),
      ...(o.tls === undefined ? {} : { tls: o.tls(self.id) }),
      ...(o.servers === undefined ? {} : { servers: o.servers }),
      ...(o.switchoverTimeoutMs === undefined
        ? {}
        : { switchoverTimeoutMs: o.switchoverTimeoutMs }),
      ...(o.extraToml === undefined ? {} : { extraToml: o.extraToml }),
    }),
  );
  return file;
}
