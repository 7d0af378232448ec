import type { Effect, JsonValue } from '../../fabric/index.js';
import {
  MODES_BY_STATUS,
  REPLICATION_STATES,
  REACHABILITIES,
  SERVER_MODES,
  groupLockKey,
} from '../../fabric/index.js';
import type { Reachability, ReplicationState, ServerMode } from '../../fabric/index.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, groupId, oneOf, serverRef, text, weight } from './args.js';
import type { Args } from './args.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needServer } from './lookup.js';

/**
 * Procedures that change only the replicated metadata: one step whose
 * effects the model applies or refuses as a whole. They still run through
 * the executor so that they queue behind the group's other procedures
 * (a description change never overtakes a running switchover).
 */
function metadataProcedure<P>(opts: {
  name: string;
  parse: (a: Args) => P;
  lockKey: (p: P) => string;
  admit: (p: P) => void;
  effects: (p: P) => Effect[];
}): ProcedureDefinition {
  const parse = (args: JsonValue): P => opts.parse(asArgs(args));
  return {
    name: opts.name,
    lockKeys: (args) => [opts.lockKey(parse(args))],
    admit: (args) => {
      opts.admit(parse(args));
    },
    steps: [
      {
        name: 'update-metadata',
        run: (ctx) => {
          const p = parse(ctx.args);
          opts.admit(p);
          return Promise.resolve({ output: null, effects: opts.effects(p) });
        },
      },
    ],
  };
}

const DESCRIPTION_MAX = 1024;

export function groupMetadataProcedures(deps: FarmDeps): ProcedureDefinition[] {
  const { model } = deps;
  const lockKey = (p: { group: string }): string => groupLockKey(p.group);
  const exists = (p: { group: string }): void => {
    needGroup(model, p.group);
  };
  return [
    metadataProcedure({
      name: 'group.create',
      parse: (a) => ({
        group: groupId(a),
        description: text(a, 'description', DESCRIPTION_MAX, ''),
      }),
      lockKey,
      admit: (p) => {
        if (model.group(p.group) !== undefined)
          throw new PermanentStepError('GROUP_EXISTS', `group ${p.group} already exists`);
      },
      // Its gtid_domain_id with it (Group.gtidDomainId), chosen by the model.
      effects: (p) => [
        { type: 'group-create', groupId: p.group, description: p.description },
        { type: 'group-assign-gtid-domain', groupId: p.group },
      ],
    }),
    metadataProcedure({
      name: 'group.destroy',
      parse: (a) => ({ group: groupId(a) }),
      lockKey,
      admit: (p) => {
        needGroup(model, p.group);
        const n = model.servers({ groupId: p.group }).length;
        if (n > 0)
          throw new PermanentStepError(
            'GROUP_IN_USE',
            `group ${p.group} still has ${n} server(s); remove them first (fabric group remove)`,
          );
      },
      effects: (p) => [{ type: 'group-destroy', groupId: p.group }],
    }),
    metadataProcedure({
      name: 'group.description',
      parse: (a) => ({ group: groupId(a), description: text(a, 'description', DESCRIPTION_MAX) }),
      lockKey,
      admit: exists,
      effects: (p) => [
        { type: 'group-set-description', groupId: p.group, description: p.description },
      ],
    }),
    metadataProcedure({
      name: 'group.activate',
      parse: (a) => ({ group: groupId(a) }),
      lockKey,
      admit: exists,
      effects: (p) => [{ type: 'group-activate', groupId: p.group }],
    }),
    metadataProcedure({
      name: 'group.deactivate',
      parse: (a) => ({ group: groupId(a) }),
      lockKey,
      admit: exists,
      effects: (p) => [{ type: 'group-deactivate', groupId: p.group }],
    }),
  ];
}

export function serverMetadataProcedures(deps: FarmDeps): ProcedureDefinition[] {
  const { model } = deps;
  const lockKey = (p: { server: string }): string =>
    groupLockKey(needServer(model, p.server).groupId);
  return [
    metadataProcedure({
      name: 'server.set-weight',
      parse: (a) => ({ server: serverRef(a), weight: weight(a) }),
      lockKey,
      admit: (p) => {
        needServer(model, p.server);
      },
      effects: (p) => [
        { type: 'server-set-weight', uuid: needServer(model, p.server).uuid, weight: p.weight },
      ],
    }),
    metadataProcedure({
      // Submitted by the failure detector when a replica starts or stops
      // lagging or replicating, so the topology tells clients where not to read.
      name: 'server.set-replication',
      parse: (a) => ({
        server: serverRef(a),
        state: oneOf<ReplicationState>(a, 'state', REPLICATION_STATES),
        detail: text(a, 'detail', 1024, ''),
      }),
      lockKey,
      admit: (p) => {
        needServer(model, p.server);
      },
      effects: (p) => [
        { type: 'server-set-replication', uuid: needServer(model, p.server).uuid, state: p.state },
      ],
    }),
    metadataProcedure({
      // Submitted by the failure detector: every Fabric node lost the server
      // while its replicas still receive from it (the failover it vetoed, with
      // the evidence in the arguments), or Fabric reaches it again.
      name: 'server.set-reachability',
      parse: (a) => ({
        server: serverRef(a),
        reachability: oneOf<Reachability>(a, 'reachability', REACHABILITIES),
      }),
      lockKey,
      admit: (p) => {
        needServer(model, p.server);
      },
      effects: (p) => [
        {
          type: 'server-set-reachability',
          uuid: needServer(model, p.server).uuid,
          reachability: p.reachability,
        },
      ],
    }),
    metadataProcedure({
      name: 'server.set-mode',
      parse: (a) => ({ server: serverRef(a), mode: oneOf<ServerMode>(a, 'mode', SERVER_MODES) }),
      lockKey,
      admit: (p) => {
        const s = needServer(model, p.server);
        const allowed = MODES_BY_STATUS[s.status];
        if (!allowed.includes(p.mode))
          throw new PermanentStepError(
            'INVALID_TRANSITION',
            `server ${s.address} is ${s.status}; ${s.status} servers may have mode ${allowed.length === 0 ? '(none: a FAULTY server keeps its mode)' : allowed.join(' or ')}, not ${p.mode} [rule set-mode]`,
          );
      },
      effects: (p) => [
        { type: 'server-set-mode', uuid: needServer(model, p.server).uuid, mode: p.mode },
      ],
    }),
  ];
}
