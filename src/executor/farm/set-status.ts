import type { JsonValue, Server } from '../../fabric/index.js';
import { SET_STATUS_FROM, groupLockKey } from '../../fabric/index.js';
import { compareGtidHistories } from '../../mysql/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, flag, oneOf, serverRef } from './args.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needServer, primaryOf } from './lookup.js';
import { ensureReplicating } from './replication-steps.js';
import { applyGroupDomain } from './shard-roles.js';

/** The statuses an operator may set (mysql-fabric.md §4); the others have their own commands. */
const OPERATOR_STATUSES = ['SECONDARY', 'SPARE'] as const;
type OperatorStatus = (typeof OPERATOR_STATUSES)[number];
const HOW_ELSE: Readonly<Record<string, string>> = {
  PRIMARY: 'a server becomes PRIMARY only through fabric group promote',
  FAULTY: 'FAULTY is set by the failure detector (or fabric threat report-failure)',
  CONFIGURING: 'CONFIGURING is set by fabric-ha itself while it adds a server',
};

interface SetStatusArgs {
  readonly server: string;
  readonly status: OperatorStatus;
  readonly updateOnly: boolean;
}

function parse(args: JsonValue): SetStatusArgs {
  const a = asArgs(args);
  const requested = a.status;
  if (typeof requested === 'string' && requested in HOW_ELSE)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `status ${requested} cannot be set: ${HOW_ELSE[requested]} [rule set-status]`,
    );
  return {
    server: serverRef(a),
    status: oneOf(a, 'status', OPERATOR_STATUSES),
    updateOnly: flag(a, 'updateOnly'),
  };
}

/**
 * server.set-status: SPARE ⇄ SECONDARY and FAULTY → SPARE. A server that
 * will serve reads or may be promoted is checked and made a read-only
 * replica of the primary first; a FAULTY server that diverged (it holds
 * transactions the primary lacks, e.g. an old primary's unreplicated
 * writes) is refused with the way to rebuild it.
 */
export function setStatusProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const admit = (p: SetStatusArgs): Server => {
    const s = needServer(model, p.server);
    if (s.status === p.status)
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `server ${s.address} is already ${p.status}`,
      );
    const from = SET_STATUS_FROM[p.status];
    if (!from.includes(s.status))
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `server ${s.address} is ${s.status}; ${p.status} can be set only from ${from.filter((f) => f !== 'CONFIGURING').join(' or ')} [rule set-status ${p.status}]`,
      );
    return s;
  };

  async function configure(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    const s = admit(p);
    const primary = primaryOf(model, needGroup(model, s.groupId));
    const needsReplication =
      !p.updateOnly && primary !== undefined && (s.status === 'FAULTY' || p.status === 'SECONDARY');
    let output: JsonValue = { configured: false };
    if (needsReplication) {
      const h = servers.server(s.address, s.uuid);
      const info = await h.info();
      const mine = await h.gtidHistory();
      const theirs = await servers.server(primary.address, primary.uuid).gtidHistory();
      const diverged = compareGtidHistories(info.engine, mine, theirs).aMinusB;
      if (diverged !== '')
        throw new PermanentStepError(
          'ERRANT_TRANSACTIONS',
          `server ${s.address} has diverged: it holds transactions the primary ${primary.address} lacks (${diverged}). Rebuild it from the primary: remove it (fabric group remove), restore a dump taken with mariadb-dump --master-data=1 --gtid (MySQL: a clone), then fabric group add`,
        );
      await h.setReadOnly(true);
      // A server that restarted forgot SET GLOBAL gtid_domain_id (MariaDB
      // keeps it only in my.cnf): give it its group's again before it rejoins.
      await applyGroupDomain(model, h, s.groupId);
      const changed = await ensureReplicating(h, primary.address);
      output = { configured: true, repointed: changed, replicatingFrom: primary.address };
    }
    return { output, effects: [{ type: 'server-set-status', uuid: s.uuid, status: p.status }] };
  }

  return {
    name: 'server.set-status',
    lockKeys: (args) => [groupLockKey(needServer(model, parse(args).server).groupId)],
    admit: (args) => {
      admit(parse(args));
    },
    steps: [{ name: 'configure', run: configure }],
  };
}
