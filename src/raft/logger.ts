/**
 * The core's logging port. The driver adapts it to a pino child logger;
 * tests capture it. The core never formats strings for a disabled level.
 */
export interface RaftLogger {
  debug(msg: string, fields?: Readonly<Record<string, unknown>>): void;
  info(msg: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(msg: string, fields?: Readonly<Record<string, unknown>>): void;
}

export const NOOP_LOGGER: RaftLogger = Object.freeze({
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
});
