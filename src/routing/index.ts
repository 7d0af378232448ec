// The routing function (key -> shard), shared by the server (model validation, API
// lookups) and the connector. Pure and dependency-free: it imports nothing else of
// the project, and only @noble/hashes outside it.
export { MAPPING_TYPES, isMappingType } from './mapping-types.js';
export type { MappingType, Parsed } from './mapping-types.js';
export { compareBounds, parseBound, parseBounds, parseKey } from './bounds.js';
export { INT64_MAX, INT64_MIN } from './integer-keys.js';
export { hashDigest } from './hash-keys.js';
export { RING_START, evenHashBound } from './hash-ring.js';
export { routeKey } from './route.js';
export type { RoutableShard, Route, RouteError } from './route.js';
export { checkSplitValue, splitPoint } from './split-point.js';
