import type { RaftLogger } from '../raft/index.js';
import type { Logger } from '../util/logger.js';

/** Routes the core's log lines into a pino child logger. */
export function raftLoggerFrom(logger: Logger): RaftLogger {
  return {
    debug: (msg, fields) => {
      logger.debug(fields ?? {}, msg);
    },
    info: (msg, fields) => {
      logger.info(fields ?? {}, msg);
    },
    warn: (msg, fields) => {
      logger.warn(fields ?? {}, msg);
    },
  };
}
