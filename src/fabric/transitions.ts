import type { ServerMode, ServerStatus } from './farm-types.js';

/**
 * The server status rules of mysql-fabric.md §4, as tables.
 *
 * set-status may reach only the "settable" statuses. PRIMARY is reached by
 * promote (server-promote, group-set-primary) and FAULTY by the failure
 * path (server-mark-faulty), as Fabric refuses `set_status PRIMARY` and
 * `set_status FAULTY`. A new server starts in a settable status too
 * (Fabric 1.5: SECONDARY; 1.6 trunk: CONFIGURING).
 */
export const SETTABLE_STATUSES = ['SECONDARY', 'SPARE', 'CONFIGURING'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export function isSettable(s: ServerStatus): s is SettableStatus {
  return (SETTABLE_STATUSES as readonly ServerStatus[]).includes(s);
}

/** Which effect reaches a status that set-status refuses, for the error message. */
export const STATUS_REACHED_BY: Readonly<Record<Exclude<ServerStatus, SettableStatus>, string>> = {
  PRIMARY: 'server-promote or group-set-primary',
  FAULTY: 'server-mark-faulty',
};

/** set-status: the statuses each target may be reached from. */
export const SET_STATUS_FROM: Readonly<Record<SettableStatus, readonly ServerStatus[]>> = {
  // Fabric: "set_status SECONDARY: only from SPARE"; CONFIGURING is 1.6's re-slaving stage.
  SECONDARY: ['SPARE', 'CONFIGURING'],
  // Fabric: from SECONDARY or FAULTY (the way back after a failover).
  SPARE: ['SECONDARY', 'FAULTY', 'CONFIGURING'],
  // 1.6 trunk routes FAULTY → SPARE through CONFIGURING while the server is re-checked.
  CONFIGURING: ['FAULTY', 'SPARE'],
};

/** Statuses a server may be promoted from. */
export const PROMOTABLE: readonly ServerStatus[] = ['SECONDARY', 'SPARE'];

/** The mode a server gets on entering a status (FAULTY keeps its mode, so it has none). */
export const DEFAULT_MODE: Readonly<Record<SettableStatus | 'PRIMARY', ServerMode>> = {
  PRIMARY: 'READ_WRITE',
  SECONDARY: 'READ_ONLY',
  SPARE: 'OFFLINE',
  CONFIGURING: 'OFFLINE',
};

/** Fabric's `set_mode` table; a FAULTY server's mode cannot be changed. */
export const MODES_BY_STATUS: Readonly<Record<ServerStatus, readonly ServerMode[]>> = {
  PRIMARY: ['WRITE_ONLY', 'READ_WRITE'],
  SECONDARY: ['OFFLINE', 'READ_ONLY'],
  SPARE: ['OFFLINE', 'READ_ONLY'],
  FAULTY: [],
  CONFIGURING: ['OFFLINE'],
};
