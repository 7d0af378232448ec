/** @internal The connector's pure parts, for its tests. */
export { checkRoute } from './route.js';
export type { CheckedRoute, ResolvedGroupRoute, ShardPlace } from './route.js';
export { placeRoute } from './place-route.js';
export { ShardIndex } from './shard-index.js';
export { RoutingView } from './routing-view.js';
export { selectServer, takesReads, takesWrites } from './select-server.js';
export type { Selection, SelectOptions } from './select-server.js';
export { weightedChoice } from './weighted-choice.js';
export { redialDelayMs } from './redial-backoff.js';
export { connectFailure, isReadStatement, statementFailure } from './mysql-failure.js';
export { parseHostPort } from './server-address.js';
export { TopologyState } from './topology-state.js';
export { Dispatcher } from './dispatcher.js';
export type { DispatcherDeps } from './dispatcher.js';
export { statementWork, transactionWork } from './routed-work.js';
export { PoolEvents } from './pool-events.js';
export { resolvePoolOptions } from './pool-options.js';
