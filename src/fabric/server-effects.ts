import { QUIET, ROUTING_CHANGED, broken, obj } from './effect-outcome.js';
import type { EffectOutcome } from './effect-outcome.js';
import type { ServerEffect } from './effects.js';
import type { Farm } from './farm.js';
import { isRejection, needGroup, needServer } from './farm-lookups.js';
import type {
  Reachability,
  ReplicationState,
  Server,
  ServerMode,
  ServerStatus,
} from './farm-types.js';
import { reachable } from './farm-types.js';
import { demote, markFaulty, promote } from './primary.js';
import {
  DEFAULT_MODE,
  MODES_BY_STATUS,
  SET_STATUS_FROM,
  STATUS_REACHED_BY,
  isSettable,
} from './transitions.js';

/** Server effects (mysql-fabric.md §4). Each checks every rule before it touches the draft. @internal */
export function applyServerEffect(f: Farm, e: ServerEffect): EffectOutcome {
  switch (e.type) {
    case 'server-add':
      return addServer(f, e);
    case 'server-remove':
      return removeServer(f, e.uuid);
    case 'server-set-status':
      return setStatus(f, e.uuid, e.status);
    case 'server-set-mode':
      return setMode(f, e.uuid, e.mode);
    case 'server-set-weight':
      return setWeight(f, e.uuid, e.weight);
    case 'server-set-address':
      return setAddress(f, e.uuid, e.address);
    case 'server-promote':
      return promote(f, e.uuid);
    case 'server-demote':
      return demote(f, e.uuid);
    case 'server-mark-faulty':
      return markFaulty(f, e.uuid);
    case 'server-set-replication':
      return setReplication(f, e.uuid, e.state);
    case 'server-set-reachability':
      return setReachability(f, e.uuid, e.reachability);
  }
}

type AddServer = Extract<ServerEffect, { type: 'server-add' }>;

function addServer(f: Farm, e: AddServer): EffectOutcome {
  const g = needGroup(f, e.groupId);
  if (isRejection(g)) return g;
  const who = obj.server(e.uuid);
  const existing = f.servers.get(e.uuid);
  if (existing !== undefined)
    return broken('SERVER_EXISTS', who, 'uuid-unique', `already in group ${existing.groupId}`);
  const addressProblem = checkAddress(f, e.uuid, e.address);
  if (addressProblem !== undefined) return addressProblem;
  const status = e.status ?? 'SECONDARY';
  if (!isSettable(status))
    return broken('INVALID_TRANSITION', who, 'add-status', `cannot be added as ${status}`);
  const mode = e.mode ?? DEFAULT_MODE[status];
  const modeProblem = checkMode(e.uuid, status, mode);
  if (modeProblem !== undefined) return modeProblem;
  const weight = e.weight ?? 1;
  const weightProblem = checkWeight(e.uuid, weight);
  if (weightProblem !== undefined) return weightProblem;
  const server: Server = { uuid: e.uuid, address: e.address, groupId: g.id, status, mode, weight };
  f.servers.set(e.uuid, server);
  f.addresses.set(e.address, e.uuid);
  return ROUTING_CHANGED;
}

function removeServer(f: Farm, uuid: string): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if (f.groups.get(s.groupId)?.primary === uuid)
    return broken(
      'SERVER_IS_PRIMARY',
      obj.server(uuid),
      'remove-primary',
      `is the primary of group ${s.groupId}; demote it first`,
    );
  f.servers.delete(uuid);
  f.addresses.delete(s.address);
  return ROUTING_CHANGED;
}

function setStatus(f: Farm, uuid: string, status: ServerStatus): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if (!isSettable(status))
    return broken(
      'INVALID_TRANSITION',
      obj.server(uuid),
      'set-status-target',
      `set-status cannot make a server ${status}; use ${STATUS_REACHED_BY[status]}`,
    );
  if (!SET_STATUS_FROM[status].includes(s.status))
    return broken(
      'INVALID_TRANSITION',
      obj.server(uuid),
      'set-status-from',
      `cannot go from ${s.status} to ${status} (allowed from ${SET_STATUS_FROM[status].join(', ')})`,
    );
  f.servers.set(uuid, { ...s, status, mode: DEFAULT_MODE[status] });
  return ROUTING_CHANGED;
}

function setMode(f: Farm, uuid: string, mode: ServerMode): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  const problem = checkMode(uuid, s.status, mode);
  if (problem !== undefined) return problem;
  if (s.mode === mode) return QUIET;
  f.servers.set(uuid, { ...s, mode });
  return ROUTING_CHANGED;
}

function setWeight(f: Farm, uuid: string, weight: number): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  const problem = checkWeight(uuid, weight);
  if (problem !== undefined) return problem;
  if (s.weight === weight) return QUIET;
  f.servers.set(uuid, { ...s, weight });
  return ROUTING_CHANGED;
}

function setReplication(f: Farm, uuid: string, state: ReplicationState): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if ((s.replication ?? 'OK') === state) return QUIET;
  f.servers.set(uuid, { ...s, replication: state });
  return ROUTING_CHANGED;
}

/** Not routing as such, but topology readers (health, connectors, pages) must see it: a new epoch. */
function setReachability(f: Farm, uuid: string, reachability: Reachability): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if ((s.reachability ?? 'REACHABLE') === reachability) return QUIET;
  f.servers.set(uuid, reachability === 'REACHABLE' ? reachable(s) : { ...s, reachability });
  return ROUTING_CHANGED;
}

function setAddress(f: Farm, uuid: string, address: string): EffectOutcome {
  const s = needServer(f, uuid);
  if (isRejection(s)) return s;
  if (s.address === address) return QUIET;
  const problem = checkAddress(f, uuid, address);
  if (problem !== undefined) return problem;
  f.servers.set(uuid, { ...s, address });
  f.addresses.delete(s.address);
  f.addresses.set(address, uuid);
  return ROUTING_CHANGED;
}

// host:port with a required port (BUG#21043598); an IPv6 host goes in brackets.
const ADDRESS = /^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):([0-9]{1,5})$/;

function checkAddress(f: Farm, uuid: string, address: string): EffectOutcome | undefined {
  const m = ADDRESS.exec(address);
  const port = Number(m?.[2] ?? 0);
  if (m === null || port < 1 || port > 65535)
    return broken(
      'INVALID_ARGUMENT',
      obj.server(uuid),
      'address-format',
      `address '${address}' is not host:port with a port in 1..65535`,
    );
  const holder = f.addresses.get(address);
  if (holder !== undefined && holder !== uuid)
    return broken(
      'SERVER_EXISTS',
      obj.server(uuid),
      'address-unique',
      `address ${address} already belongs to server ${holder} in group ${f.servers.get(holder)?.groupId ?? '?'}`,
    );
  return undefined;
}

function checkMode(
  uuid: string,
  status: ServerStatus,
  mode: ServerMode,
): EffectOutcome | undefined {
  const allowed = MODES_BY_STATUS[status];
  if (allowed.includes(mode)) return undefined;
  const list = allowed.length === 0 ? 'none' : allowed.join(', ');
  return broken(
    'INVALID_TRANSITION',
    obj.server(uuid),
    'mode-for-status',
    `mode ${mode} is not allowed for a ${status} server (allowed: ${list})`,
  );
}

function checkWeight(uuid: string, weight: number): EffectOutcome | undefined {
  if (Number.isFinite(weight) && weight > 0) return undefined;
  return broken(
    'INVALID_ARGUMENT',
    obj.server(uuid),
    'weight-positive',
    `weight ${String(weight)} must be a finite number > 0`,
  );
}
