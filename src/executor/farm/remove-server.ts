import type { JsonValue } from '../../fabric/index.js';
import { groupLockKey } from '../../fabric/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { PermanentStepError } from '../procedure-definition.js';
import { asArgs, groupId, serverRef } from './args.js';
import type { FarmDeps } from './farm-deps.js';
import { needGroup, needMember } from './lookup.js';

interface RemoveArgs {
  readonly group: string;
  readonly server: string;
}

function parse(args: JsonValue): RemoveArgs {
  const a = asArgs(args);
  return { group: groupId(a), server: serverRef(a) };
}

/**
 * group.remove (mysql-fabric.md §1): forget a server. The primary is
 * refused ("demote it first"); the server itself is left as it is, still
 * replicating if it was, so removing never disturbs a running server.
 */
export function removeServerProcedure(deps: FarmDeps): ProcedureDefinition {
  const { model, servers } = deps;
  const admit = (p: RemoveArgs): void => {
    const s = needMember(model, p.group, p.server);
    if (needGroup(model, p.group).primary === s.uuid)
      throw new PermanentStepError(
        'SERVER_IS_PRIMARY',
        `server ${s.address} is the primary of group ${p.group}; promote another server or demote it first (fabric group promote / demote)`,
      );
  };

  async function remove(ctx: StepContext): Promise<StepResult> {
    const p = parse(ctx.args);
    admit(p);
    const s = needMember(model, p.group, p.server);
    await servers.forget(s.address);
    return {
      output: { uuid: s.uuid, address: s.address },
      effects: [{ type: 'server-remove', uuid: s.uuid }],
    };
  }

  return {
    name: 'group.remove',
    lockKeys: (args) => [groupLockKey(parse(args).group)],
    admit: (args) => {
      admit(parse(args));
    },
    steps: [{ name: 'remove', run: remove }],
  };
}
