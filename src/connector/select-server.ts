import type { Server__Output } from '../gen/fabric/v1/Server.js';
import { ConnectorError } from './connector-error.js';
import type { ResolvedGroupRoute } from './route.js';
import type { RoutingView } from './routing-view.js';
import { weightedChoice } from './weighted-choice.js';
import type { Random } from './weighted-choice.js';

/**
 * Why a READ_ONLY route went to the primary: no SECONDARY may serve reads
 * (none, none with replication OK, none whose mode takes reads), or every
 * one that may has just failed on this connector.
 */
export const FALLBACK_REASONS = ['NO_READABLE_SECONDARY', 'SECONDARIES_FAILING'] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** The server chosen for a route. */
export interface Selected {
  readonly kind: 'selected';
  readonly server: Server__Output;
  /** Set when a READ_ONLY route fell back to the primary. */
  readonly fallback?: FallbackReason;
}

/**
 * No server now. `retryable`: a newer epoch may bring one (a group between
 * primaries during a failover); otherwise the route is wrong for this farm.
 */
export interface Refused {
  readonly kind: 'refused';
  readonly error: ConnectorError;
  readonly retryable: boolean;
}

export type Selection = Selected | Refused;

export interface SelectOptions {
  readonly random: Random;
  /** Servers that failed on this connector a moment ago: used only when nothing else may serve. */
  readonly recentlyFailed: (address: string) => boolean;
}

/** Modes under which a server serves reads (READ_WRITE primaries may take reads). */
export function takesReads(s: Server__Output): boolean {
  return s.mode === 'SERVER_MODE_READ_ONLY' || s.mode === 'SERVER_MODE_READ_WRITE';
}

/** Modes under which a server serves writes. */
export function takesWrites(s: Server__Output): boolean {
  return s.mode === 'SERVER_MODE_WRITE_ONLY' || s.mode === 'SERVER_MODE_READ_WRITE';
}

/**
 * The server for a group route, from one topology (pure: the draw comes
 * from `random`). READ_WRITE: the group's PRIMARY, if its mode takes
 * writes. READ_ONLY: a SECONDARY drawn by weight among those whose
 * replication the failure detector reports OK and whose mode takes reads,
 * preferring ones that have not just failed here; else the primary if its
 * mode takes reads (a fallback). SPARE, CONFIGURING and FAULTY servers are
 * never chosen.
 */
export function selectServer(
  view: RoutingView,
  route: ResolvedGroupRoute,
  o: SelectOptions,
): Selection {
  const servers = view.serversOf(route.group);
  if (servers === undefined)
    return refused('UNKNOWN_GROUP', `group '${route.group}' is not in the topology`, route, false);
  const primary = servers.find((s) => s.status === 'SERVER_STATUS_PRIMARY');
  if (route.mode === 'READ_WRITE') return selectPrimary(primary, route);
  return selectReader(servers, primary, route, o);
}

function selectPrimary(primary: Server__Output | undefined, route: ResolvedGroupRoute): Selection {
  if (primary === undefined)
    return refused('NO_PRIMARY', `group '${route.group}' has no PRIMARY`, route, true);
  if (!takesWrites(primary))
    return refused(
      'MODE_NOT_ALLOWED',
      `the PRIMARY of group '${route.group}' (${primary.address}) is in mode ` +
        `${modeName(primary)}, which takes no writes`,
      route,
      false,
      primary.address,
    );
  return { kind: 'selected', server: primary };
}

function selectReader(
  servers: readonly Server__Output[],
  primary: Server__Output | undefined,
  route: ResolvedGroupRoute,
  o: SelectOptions,
): Selection {
  const readable = servers.filter(
    (s) =>
      s.status === 'SERVER_STATUS_SECONDARY' &&
      s.replication === 'REPLICATION_STATE_OK' &&
      takesReads(s),
  );
  const fresh = readable.filter((s) => !o.recentlyFailed(s.address));
  const drawn = weightedChoice(fresh, (s) => s.weight, o.random);
  if (drawn !== undefined) return { kind: 'selected', server: drawn };
  if (primary !== undefined && takesReads(primary))
    return {
      kind: 'selected',
      server: primary,
      fallback: readable.length === 0 ? 'NO_READABLE_SECONDARY' : 'SECONDARIES_FAILING',
    };
  // A server that failed a moment ago beats none: it is retried, never dropped for good.
  const stale = weightedChoice(readable, (s) => s.weight, o.random);
  if (stale !== undefined) return { kind: 'selected', server: stale };
  if (primary !== undefined)
    return refused(
      'MODE_NOT_ALLOWED',
      `group '${route.group}' has no SECONDARY that takes reads and its PRIMARY ` +
        `(${primary.address}) is in mode ${modeName(primary)}`,
      route,
      false,
      primary.address,
    );
  return refused(
    'NO_READABLE_SERVER',
    `group '${route.group}' has no server that takes reads (no PRIMARY, no SECONDARY ` +
      'with replication OK)',
    route,
    true,
  );
}

function modeName(s: Server__Output): string {
  return s.mode.replace('SERVER_MODE_', '');
}

function refused(
  code: ConnectorError['code'],
  message: string,
  route: ResolvedGroupRoute,
  retryable: boolean,
  server?: string,
): Refused {
  const details = {
    group: route.group,
    mode: route.mode,
    ...(server === undefined ? {} : { server }),
  };
  return { kind: 'refused', error: new ConnectorError(code, message, details), retryable };
}
