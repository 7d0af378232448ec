import type { Statement } from './statement.js';
import type { ServerAccount, SourceAddress } from './types.js';

/**
 * CHANGE MASTER TO / CHANGE REPLICATION SOURCE TO in either engine's
 * words: `prefix` names host, port, user and password (then the engine's
 * fixed options), `heartbeat` the heartbeat-period option, which both
 * engines take in seconds with millisecond resolution. The password is a
 * secret: never in `kind`, logs or errors.
 */
export function changeSourceStatement(
  words: {
    readonly kind: string;
    readonly prefix: string;
    readonly heartbeat: string;
    /** After every option (MySQL's FOR CHANNEL clause); '' when none. */
    readonly suffix?: string;
  },
  source: SourceAddress,
  account: ServerAccount,
  heartbeatPeriodMs: number | undefined,
): Statement {
  const beat = heartbeatPeriodMs === undefined ? [] : [heartbeatPeriodMs / 1000];
  return {
    kind: words.kind,
    sql:
      words.prefix + (beat.length === 0 ? '' : `, ${words.heartbeat} = ?`) + (words.suffix ?? ''),
    values: [source.host, source.port, account.user, account.password, ...beat],
    secrets: [account.password],
  };
}
