import type { Engine } from './types.js';

/** A server version as numbers, e.g. [10, 11, 19] for "10.11.19-MariaDB-0+deb12u1-log". */
export type Version = readonly [number, number, number];

/** The oldest versions fabric-ha manages (see the dialects for why). */
export const MINIMUM_VERSIONS: Readonly<Record<Engine, Version>> = {
  // 10.6: the oldest MariaDB LTS still supported with the split privileges
  // (REPLICATION SLAVE ADMIN, READ_ONLY ADMIN, ...) fabric-ha grants and checks.
  mariadb: [10, 6, 0],
  // 8.0.23: CHANGE REPLICATION SOURCE TO and SHOW REPLICA STATUS's new column names.
  mysql: [8, 0, 23],
};

/** SELECT VERSION() names MariaDB in every MariaDB build; MySQL's never does. */
export function engineOf(version: string): Engine {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/** The leading "x.y.z" of VERSION(); undefined when the text has none. */
export function parseVersion(version: string): Version | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (m === null) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function versionAtLeast(v: Version, min: Version): boolean {
  for (let i = 0; i < 3; i++) {
    const a = v[i] as number;
    const b = min[i] as number;
    if (a !== b) return a > b;
  }
  return true;
}

export function formatVersion(v: Version): string {
  return v.join('.');
}
