import type { FabricModel, Group, Server } from '../../fabric/index.js';
import { PermanentStepError } from '../procedure-definition.js';

/** Model lookups that fail a procedure with the model's own error codes. */

export function needGroup(model: FabricModel, id: string): Group {
  const g = model.group(id);
  if (g === undefined)
    throw new PermanentStepError(
      'GROUP_NOT_FOUND',
      `group ${id} does not exist (fabric group lookup-groups lists them)`,
    );
  return g;
}

/** A server by uuid or host:port, anywhere in the farm. */
export function findServer(model: FabricModel, ref: string): Server | undefined {
  return model.server(ref) ?? model.serverByAddress(ref);
}

export function needServer(model: FabricModel, ref: string): Server {
  const s = findServer(model, ref);
  if (s === undefined)
    throw new PermanentStepError(
      'SERVER_NOT_FOUND',
      `no server ${ref} in the farm (give its uuid or host:port as fabric group lookup-servers shows them)`,
    );
  return s;
}

export function needMember(model: FabricModel, groupId: string, ref: string): Server {
  needGroup(model, groupId);
  const s = needServer(model, ref);
  if (s.groupId !== groupId)
    throw new PermanentStepError(
      'SERVER_NOT_FOUND',
      `server ${ref} is in group ${s.groupId}, not in group ${groupId}`,
    );
  return s;
}

export function primaryOf(model: FabricModel, g: Group): Server | undefined {
  return g.primary === null ? undefined : model.server(g.primary);
}
