import type { Dialect } from './dialect.js';
import type { ServerInfo } from './types.js';

/**
 * What fabric-ha learnt about the server behind one physical connection
 * when it opened (a connection never outlives its server process, so this
 * stays true while the connection lives).
 */
export interface ConnectionState {
  readonly dialect: Dialect;
  readonly info: ServerInfo;
  /**
   * The identity this connection was verified against, or read as present.
   * Undefined until then; a missing identity is not cached, because another
   * connection may create it.
   */
  identity: string | undefined;
}
