import { MysqlFaults } from '../../mysql/index.js';

/**
 * TEST ONLY ([testing] block_servers). Cuts this node's link to chosen
 * managed servers from startup: every operation of this node's ServerPool
 * on them fails with SERVER_UNREACHABLE (src/mysql/mysql-faults.ts) while
 * the servers themselves, and the other nodes' links, stay up. Real-process
 * chaos tests use it to cut only the leader's link to a primary. The
 * addresses were validated with the rest of the config; undefined when
 * there are none. Never set it in production.
 */
export function blockedServers(addresses: readonly string[]): MysqlFaults | undefined {
  if (addresses.length === 0) return undefined;
  const faults = new MysqlFaults();
  for (const a of addresses) faults.block(a);
  return faults;
}
