import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { FabricError } from '../util/fabric-error.js';
import { LOG_LEVELS } from '../util/logger.js';
import type { LogLevel } from '../util/logger.js';
import type { SectionSpec } from './config-schema.js';
import { ADDRESS_PATTERN, NODE_ID_PATTERN } from '../util/naming.js';
import { MUST_BE_ADDRESS, MUST_BE_NODE_ID, readKey, sameAddress } from './config-schema.js';
import type { MysqlSettings } from '../mysql/types.js';
import { TRANSPORT_SECURITY } from '../node/driver-config.js';
import type { DriverConfig, MemberConfig, TransportSecurityMode } from '../node/driver-config.js';
import type { FailureDetectorConfig } from '../detector/runtime/config.js';

const ENV_NAME = /^$|^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_RULE = 'must be an environment variable name (letters, digits, _)';

export { TRANSPORT_SECURITY } from '../node/driver-config.js';
export type { MemberConfig, TransportSecurityMode } from '../node/driver-config.js';

export type { FailureDetectorConfig } from '../detector/runtime/config.js';

/**
 * How a failover makes sure a primary Fabric cannot reach takes no more
 * writes: 'none' (nothing: an isolated primary that clients still reach
 * keeps acknowledging writes the new primary never gets), 'command' (an
 * operator's program, e.g. a STONITH or firewall call, must succeed before
 * the promotion), 'semi-sync' (the group's primaries wait for a replica's
 * acknowledgement without falling back to asynchronous replication, so an
 * isolated primary blocks its commits).
 */
export const FENCE_MODES = ['none', 'command', 'semi-sync'] as const;
export type FenceMode = (typeof FENCE_MODES)[number];

/** [ha]. */
export interface HaConfig {
  /** Longest a switchover waits for the candidate to apply the old primary's transactions. */
  readonly switchoverTimeoutMs: number;
  readonly fence: FenceMode;
  /** fence = 'command': the program and its arguments; the server's address is appended. */
  readonly fenceCommand: readonly string[];
  /** fence = 'command': longest the program may run. */
  readonly fenceTimeoutMs: number;
}

/**
 * [testing]: behaviour only tests want, switched on in the node's own
 * config file (validated like every other key) rather than by environment
 * variables read at import time, which every node process of a test run
 * would inherit alike. Never set in production.
 */
export interface TestingConfig {
  /** Pause before every procedure step (ms): widens step boundaries for chaos tests. */
  readonly stepPauseMs: number;
  /** Register the test.* procedures (src/server/testing/test-procedures.ts). */
  readonly procedures: boolean;
  /** This node's links to these managed servers fail from startup (SERVER_UNREACHABLE). */
  readonly blockServers: readonly string[];
}

/** A validated cluster file (cluster.example.toml documents every key). */
export interface NodeConfig extends DriverConfig {
  readonly file: string;
  readonly node: DriverConfig['node'] & {
    readonly listen: string;
    readonly advertise: string;
  };
  readonly procedures: {
    /** Completed procedures kept, at most. */
    readonly historyMax: number;
    readonly historyMaxAgeS: number;
    /** How long a request id is remembered for de-duplication. */
    readonly dedupWindowS: number;
    /** Attempts per step before a procedure ends FAILED. */
    readonly maxAttempts: number;
  };
  readonly log: { readonly level: LogLevel };
  /** How the leader reaches the managed MySQL/MariaDB servers (passwords resolved, never logged). */
  readonly servers: MysqlSettings;
  readonly ha: HaConfig;
  readonly failureDetector: FailureDetectorConfig;
  readonly testing: TestingConfig;
}

const MIB = 1024 * 1024;

const SCHEMA: Readonly<Record<string, SectionSpec>> = {
  node: {
    id: { kind: 'string', pattern: NODE_ID_PATTERN, rule: MUST_BE_NODE_ID },
    listen: { kind: 'string', pattern: ADDRESS_PATTERN, rule: MUST_BE_ADDRESS },
    advertise: {
      kind: 'string',
      default: '',
      // Empty means "same as listen".
      pattern: new RegExp(`^$|${ADDRESS_PATTERN.source}`),
      rule: MUST_BE_ADDRESS,
    },
    data_dir: { kind: 'string', default: '' },
  },
  cluster: {
    id: { kind: 'string', pattern: NODE_ID_PATTERN, rule: MUST_BE_NODE_ID },
    members: { kind: 'members' },
  },
  raft: {
    tick_ms: { kind: 'integer', default: 20, min: 1, max: 10_000 },
    heartbeat_ticks: { kind: 'integer', default: 2, min: 1, max: 1_000 },
    election_ticks: { kind: 'integer', default: 10, min: 2, max: 10_000 },
    pre_vote: { kind: 'boolean', default: true },
    check_quorum: { kind: 'boolean', default: true },
    max_inflight_msgs: { kind: 'integer', default: 256, min: 1, max: 65_536 },
    max_inflight_bytes: { kind: 'integer', default: 4 * MIB, min: 0, max: 1024 * MIB },
    max_size_per_msg: { kind: 'integer', default: MIB, min: 1, max: 64 * MIB },
    snapshot_threshold: { kind: 'integer', default: 10_000, min: 1, max: 100_000_000 },
    snapshot_keep_entries: { kind: 'integer', default: 1_000, min: 0, max: 100_000_000 },
  },
  security: {
    transport: { kind: 'string', oneOf: TRANSPORT_SECURITY },
    ca_file: { kind: 'string', default: '' },
    cert_file: { kind: 'string', default: '' },
    key_file: { kind: 'string', default: '' },
  },
  procedures: {
    history_max: { kind: 'integer', default: 10_000, min: 10, max: 10_000_000 },
    history_max_age_s: { kind: 'integer', default: 7 * 86_400, min: 60, max: 10 * 365 * 86_400 },
    dedup_window_s: { kind: 'integer', default: 86_400, min: 60, max: 365 * 86_400 },
    max_attempts: { kind: 'integer', default: 5, min: 1, max: 100 },
  },
  log: {
    level: { kind: 'string', default: 'info', oneOf: LOG_LEVELS },
  },
  servers: {
    user: { kind: 'string', default: 'fabric' },
    password: { kind: 'string', default: '' },
    password_env: { kind: 'string', default: '', pattern: ENV_NAME, rule: ENV_RULE },
    replication_user: { kind: 'string', default: 'fabric_repl' },
    replication_password: { kind: 'string', default: '' },
    replication_password_env: { kind: 'string', default: '', pattern: ENV_NAME, rule: ENV_RULE },
    connect_timeout_ms: { kind: 'integer', default: 1_000, min: 50, max: 60_000 },
    query_timeout_ms: { kind: 'integer', default: 5_000, min: 100, max: 600_000 },
    replication_endpoints: { kind: 'address-map', default: {} },
  },
  ha: {
    switchover_timeout_ms: { kind: 'integer', default: 10_000, min: 100, max: 3_600_000 },
    fence: { kind: 'string', default: 'none', oneOf: FENCE_MODES },
    fence_command: { kind: 'argv', default: [] },
    fence_timeout_ms: { kind: 'integer', default: 10_000, min: 100, max: 600_000 },
  },
  failure_detector: {
    detection_interval_ms: { kind: 'integer', default: 200, min: 50, max: 60_000 },
    detections: { kind: 'integer', default: 3, min: 1, max: 100 },
    probe_timeout_ms: { kind: 'integer', default: 300, min: 20, max: 60_000 },
    observation_window_ms: { kind: 'integer', default: 1_500, min: 100, max: 600_000 },
    failover_cooldown_s: { kind: 'integer', default: 60, min: 0, max: 86_400 },
    lag_threshold_s: { kind: 'integer', default: 30, min: 1, max: 86_400 },
    report_error_window_s: { kind: 'integer', default: 60, min: 1, max: 3_600 },
    report_error_threshold: { kind: 'integer', default: 20, min: 1, max: 1_000_000 },
    report_error_clients: { kind: 'integer', default: 5, min: 1, max: 1_000_000 },
    failover_without_replica_evidence: { kind: 'boolean', default: false },
    replica_heartbeat_ms: { kind: 'integer', default: 250, min: 10, max: 30_000 },
  },
  testing: {
    step_pause_ms: { kind: 'integer', default: 0, min: 0, max: 60_000 },
    procedures: { kind: 'boolean', default: false },
    block_servers: { kind: 'address-list', default: [] },
  },
};

/** Sections that may be omitted entirely (all their keys have defaults). */
const OPTIONAL_SECTIONS = new Set([
  'raft',
  'log',
  'procedures',
  'servers',
  'ha',
  'failure_detector',
  'testing',
]);

/** Loads and validates a cluster file. `joining` relaxes [cluster] members (fabric node start --join). */
export function loadConfig(file: string, opts: { joining?: boolean } = {}): NodeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FabricError(
      'CONFIG_INVALID',
      `cannot read config file ${file}: ${(e as Error).message}`,
      { file },
      { cause: e },
    );
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(text);
  } catch (e) {
    throw new FabricError(
      'CONFIG_INVALID',
      `${file} is not valid TOML: ${(e as Error).message}`,
      { file },
      { cause: e },
    );
  }
  return buildConfig(file, doc, opts.joining ?? false);
}

function section(
  file: string,
  doc: Record<string, unknown>,
  name: string,
  joining: boolean,
): Record<string, unknown> {
  const spec = SCHEMA[name] as SectionSpec;
  const raw = doc[name];
  if (raw === undefined && OPTIONAL_SECTIONS.has(name)) return readDefaults(file, name, spec);
  if (raw === undefined)
    throw new FabricError('CONFIG_INVALID', `${file}: section [${name}] is required`, {
      file,
      section: name,
    });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FabricError('CONFIG_INVALID', `${file}: [${name}] must be a table`, {
      file,
      section: name,
    });
  }
  const table = raw as Record<string, unknown>;
  for (const key of Object.keys(table)) {
    if (!(key in spec)) {
      throw new FabricError(
        'CONFIG_INVALID',
        `${file}: unknown key [${name}] ${key}; allowed keys: ${Object.keys(spec).join(', ')}`,
        { file, section: name, key },
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, ks] of Object.entries(spec)) {
    const optionalMembers = key === 'members' && joining && table[key] === undefined;
    out[key] = optionalMembers ? [] : readKey(file, name, key, ks, table[key]);
  }
  return out;
}

function readDefaults(file: string, name: string, spec: SectionSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, ks] of Object.entries(spec)) out[key] = readKey(file, name, key, ks, undefined);
  return out;
}

function buildConfig(file: string, doc: Record<string, unknown>, joining: boolean): NodeConfig {
  for (const name of Object.keys(doc)) {
    if (!(name in SCHEMA)) {
      throw new FabricError(
        'CONFIG_INVALID',
        `${file}: unknown section [${name}]; allowed: ${Object.keys(SCHEMA).join(', ')}`,
        { file },
      );
    }
  }
  const n = section(file, doc, 'node', joining);
  const c = section(file, doc, 'cluster', joining);
  const r = section(file, doc, 'raft', joining);
  const s = section(file, doc, 'security', joining);
  const l = section(file, doc, 'log', joining);
  const p = section(file, doc, 'procedures', joining);
  const sv = section(file, doc, 'servers', joining);
  const ha = section(file, doc, 'ha', joining);
  const fd = section(file, doc, 'failure_detector', joining);
  const t = section(file, doc, 'testing', joining);
  const base = path.dirname(path.resolve(file));
  const resolve = (p: string): string => (p === '' ? '' : path.resolve(base, p));
  const id = n.id as string;
  const members = c.members as MemberConfig[];
  const cfg: NodeConfig = {
    file,
    node: {
      id,
      listen: n.listen as string,
      advertise: (n.advertise as string) === '' ? (n.listen as string) : (n.advertise as string),
      dataDir:
        (n.data_dir as string) === '' ? defaultDataDir(file, id) : resolve(n.data_dir as string),
    },
    cluster: { id: c.id as string, members },
    raft: {
      tickMs: r.tick_ms as number,
      heartbeatTicks: r.heartbeat_ticks as number,
      electionTicks: r.election_ticks as number,
      preVote: r.pre_vote as boolean,
      checkQuorum: r.check_quorum as boolean,
      maxInflightMsgs: r.max_inflight_msgs as number,
      maxInflightBytes: r.max_inflight_bytes as number,
      maxSizePerMsg: r.max_size_per_msg as number,
      snapshotThreshold: r.snapshot_threshold as number,
      snapshotKeepEntries: r.snapshot_keep_entries as number,
    },
    security: {
      transport: s.transport as TransportSecurityMode,
      caFile: resolve(s.ca_file as string),
      certFile: resolve(s.cert_file as string),
      keyFile: resolve(s.key_file as string),
    },
    procedures: {
      historyMax: p.history_max as number,
      historyMaxAgeS: p.history_max_age_s as number,
      dedupWindowS: p.dedup_window_s as number,
      maxAttempts: p.max_attempts as number,
    },
    log: { level: l.level as LogLevel },
    servers: {
      admin: {
        user: sv.user as string,
        password: secret(file, sv, 'password'),
      },
      replication: {
        user: sv.replication_user as string,
        password: secret(file, sv, 'replication_password'),
      },
      connectTimeoutMs: sv.connect_timeout_ms as number,
      queryTimeoutMs: sv.query_timeout_ms as number,
      heartbeatPeriodMs: fd.replica_heartbeat_ms as number,
      replicationEndpoints: sv.replication_endpoints as Map<string, string>,
    },
    ha: {
      switchoverTimeoutMs: ha.switchover_timeout_ms as number,
      fence: ha.fence as FenceMode,
      fenceCommand: ha.fence_command as string[],
      fenceTimeoutMs: ha.fence_timeout_ms as number,
    },
    failureDetector: {
      detectionIntervalMs: fd.detection_interval_ms as number,
      detections: fd.detections as number,
      probeTimeoutMs: fd.probe_timeout_ms as number,
      observationWindowMs: fd.observation_window_ms as number,
      failoverCooldownS: fd.failover_cooldown_s as number,
      lagThresholdS: fd.lag_threshold_s as number,
      reportErrorWindowS: fd.report_error_window_s as number,
      reportErrorThreshold: fd.report_error_threshold as number,
      reportErrorClients: fd.report_error_clients as number,
      failoverWithoutReplicaEvidence: fd.failover_without_replica_evidence as boolean,
    },
    testing: {
      stepPauseMs: t.step_pause_ms as number,
      procedures: t.procedures as boolean,
      blockServers: t.block_servers as string[],
    },
  };
  crossCheck(cfg, joining);
  return cfg;
}

/**
 * A password from [servers] `<key>` or from the environment variable that
 * `<key>_env` names (never from a command line, where `ps` would show it).
 */
function secret(file: string, sv: Record<string, unknown>, key: string): string {
  const inline = sv[key] as string;
  const envName = sv[`${key}_env`] as string;
  const fail = (msg: string): never => {
    throw new FabricError('CONFIG_INVALID', `${file}: [servers] ${msg}`, {
      file,
      section: 'servers',
      key,
    });
  };
  if (envName === '') return inline;
  if (inline !== '') fail(`set either ${key} or ${key}_env, not both`);
  const value = process.env[envName];
  if (value === undefined)
    fail(`${key}_env = "${envName}": the environment variable ${envName} is not set`);
  return value ?? '';
}

/** The default data dir of node `id`: data/<id> next to the cluster file. */
function defaultDataDir(file: string, id: string): string {
  return path.resolve(path.dirname(path.resolve(file)), 'data', id);
}

/**
 * This node must not take another member's address or (on one host, with
 * the members' files side by side) its default data dir: two nodes on one
 * address steal each other's traffic, and on one data dir one of them
 * cannot start (or worse, votes with the other's log).
 */
function checkOwnAddresses(cfg: NodeConfig, fail: (msg: string) => never): void {
  const me = cfg.node;
  const own = cfg.cluster.members.find((m) => m.id === me.id);
  const ownNote = own === undefined ? '' : ` (its own entry says "${own.address}")`;
  for (const m of cfg.cluster.members) {
    if (m.id === me.id) continue;
    for (const key of ['listen', 'advertise'] as const) {
      if (sameAddress(me[key], m.address))
        fail(
          `[node] ${key} = "${me[key]}": is the address of member "${m.id}" in [cluster] members; node "${me.id}" must ${key} on an address no other member uses${ownNote}`,
        );
    }
    if (me.dataDir === defaultDataDir(cfg.file, m.id))
      fail(
        `[node] data_dir = "${me.dataDir}": is the default data dir of member "${m.id}" (data/${m.id} next to this file); node "${me.id}" needs a data dir of its own (default data/${me.id})`,
      );
  }
}

/** Rules that span keys. */
function crossCheck(cfg: NodeConfig, joining: boolean): void {
  const f = cfg.file;
  const fail = (msg: string): never => {
    throw new FabricError('CONFIG_INVALID', `${f}: ${msg}`, { file: f });
  };
  const fd = cfg.failureDetector;
  if (fd.probeTimeoutMs >= fd.detectionIntervalMs * fd.detections)
    fail(
      `[failure_detector] probe_timeout_ms = ${fd.probeTimeoutMs}: must be less than detection_interval_ms × detections (${fd.detectionIntervalMs * fd.detections}), or a hung server is never judged within a detection period`,
    );
  if (fd.observationWindowMs < 2 * fd.detectionIntervalMs)
    fail(
      `[failure_detector] observation_window_ms = ${fd.observationWindowMs}: must be at least twice detection_interval_ms (${2 * fd.detectionIntervalMs}), or the other nodes' reports expire before the next ones arrive`,
    );
  const ha = cfg.ha;
  if (ha.fence === 'command' && ha.fenceCommand.length === 0)
    fail('[ha] fence = "command" needs fence_command = ["program", "arg", …]');
  if (ha.fence !== 'command' && ha.fenceCommand.length > 0)
    fail(`[ha] fence_command is set but fence = "${ha.fence}": set fence = "command" to use it`);
  if (cfg.raft.electionTicks <= cfg.raft.heartbeatTicks) {
    fail(
      `[raft] election_ticks = ${cfg.raft.electionTicks}: must be greater than heartbeat_ticks (${cfg.raft.heartbeatTicks})`,
    );
  }
  if (!joining && !cfg.cluster.members.some((m) => m.id === cfg.node.id)) {
    fail(
      `[node] id = "${cfg.node.id}": must be one of [cluster] members (${cfg.cluster.members.map((m) => m.id).join(', ')}), or start with --join`,
    );
  }
  if (!joining && cfg.cluster.members.length === 0)
    fail('[cluster] members must list at least one member');
  checkOwnAddresses(cfg, fail);
  if (cfg.security.transport !== 'plaintext') {
    for (const [key, value] of [
      ['ca_file', cfg.security.caFile],
      ['cert_file', cfg.security.certFile],
      ['key_file', cfg.security.keyFile],
    ] as const) {
      if (value === '')
        fail(`[security] ${key} is required when transport = "${cfg.security.transport}"`);
    }
  }
}
