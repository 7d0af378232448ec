import { MysqlFaults } from '../../mysql/index.js';
import { FabricError } from '../../util/fabric-error.js';
import { ADDRESS_PATTERN, ADDRESS_RULE } from '../../util/naming.js';

/**
 * TEST ONLY. The environment variable that cuts this node's link to chosen
 * managed servers from startup: a comma-separated list of host:port. Every
 * operation of this node's ServerPool on them fails with SERVER_UNREACHABLE
 * (src/mysql/mysql-faults.ts) while the servers themselves, and the other
 * nodes' links, stay up. Real-process chaos tests use it to cut only the
 * leader's link to a primary. Never set it in production.
 */
export const BLOCK_SERVERS_ENV = 'FABRIC_TEST_BLOCK_SERVERS';

/**
 * The faults named by FABRIC_TEST_BLOCK_SERVERS, read once at startup;
 * undefined when it is unset or empty. A malformed address is a startup
 * error, not a silently unblocked server.
 */
export function blockedServersFromEnv(value: string | undefined): MysqlFaults | undefined {
  const addresses = (value ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (addresses.length === 0) return undefined;
  const faults = new MysqlFaults();
  for (const a of addresses) {
    if (!ADDRESS_PATTERN.test(a))
      throw new FabricError(
        'CONFIG_INVALID',
        `${BLOCK_SERVERS_ENV}: "${a}" is not ${ADDRESS_RULE}`,
        { variable: BLOCK_SERVERS_ENV },
      );
    faults.block(a);
  }
  return faults;
}
