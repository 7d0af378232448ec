/**
 * A named replication connection's name (MariaDB multi-source
 * "connection_name", MySQL "channel"), checked before it is spliced into
 * a statement: both engines take it as a literal, not a placeholder, and
 * fabric-ha's names are fixed words ('fabric_global'), never user input.
 * Both engines compare the names case-insensitively (measured on 10.11:
 * RESET SLAVE 'FABRIC_GLOBAL' ALL removes 'fabric_global'), so they are
 * kept lower-case. At most 64 characters (MariaDB manual, "Multi-Source
 * Replication").
 */
export function channelName(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(name))
    throw new Error(`replication channel name ${JSON.stringify(name)} is not a lower-case word`);
  return name;
}
