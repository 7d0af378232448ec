import type { Command } from 'commander';
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { FabricClient } from '../client/index.js';
import { FabricError } from '../util/fabric-error.js';
import { ENDPOINT_HELP, plainTransportError, resolveEndpoints } from './endpoints.js';

export interface ConnectOptions {
  readonly address?: string;
  readonly endpoints?: string;
  readonly config?: string;
}

/** How long one endpoint has to answer before the next is tried. */
const DIAL_TIMEOUT_MS = 3_000;

/**
 * A client of the first endpoint that answers (see resolveEndpoints for
 * where they come from); --config adds its advertise address (as the
 * default) and its transport security. When none answers, the error says
 * each address tried, why it failed in plain words, and how to set them.
 *
 * gRPC and the protos load here, on the first call, not when the command
 * line is parsed: `fabric --help` and argument errors answer without them.
 */
export async function connect(opts: ConnectOptions): Promise<FabricClient> {
  const { endpoints, credentials } = await target(opts);
  const { FabricClient } = await import('../client/fabric-client.js');
  const failures: string[] = [];
  for (const endpoint of endpoints) {
    const c = new FabricClient(endpoint, credentials === undefined ? {} : { credentials });
    const why = await answers(c);
    if (why === '') return c;
    c.close();
    failures.push(`${endpoint} (${why})`);
  }
  throw new FabricError(
    'PEER_UNREACHABLE',
    `cannot reach the cluster: tried ${failures.join(', ')}\n${ENDPOINT_HELP}`,
    { endpoints: endpoints.join(',') },
  );
}

/** '' when the node answers SERVING, else why not. */
async function answers(c: FabricClient): Promise<string> {
  try {
    return (await c.ping(DIAL_TIMEOUT_MS)) ? '' : 'not serving: the node is shutting down';
  } catch (e) {
    // A node that answers with an error is there (e.g. a server without the health service).
    const { FabricCallError } = await import('../client/index.js');
    const transport =
      e instanceof FabricCallError && ['PEER_UNREACHABLE', 'DEADLINE_EXCEEDED'].includes(e.code);
    return transport ? plainTransportError(e.message, DIAL_TIMEOUT_MS) : '';
  }
}

async function target(
  opts: ConnectOptions,
): Promise<{ endpoints: string[]; credentials?: ChannelCredentials }> {
  if (opts.config === undefined)
    return { endpoints: resolveEndpoints({ ...opts, env: process.env }) };
  const [{ loadConfig }, { transportSecurity }, { channelCredentials }] = await Promise.all([
    import('../server/config.js'),
    import('../node/transport-security.js'),
    import('../transport/credentials.js'),
  ]);
  const cfg = loadConfig(opts.config, { joining: true });
  const named = opts.address !== undefined || opts.endpoints !== undefined;
  return {
    endpoints: named
      ? resolveEndpoints({ ...opts, env: {} })
      : resolveEndpoints({ address: cfg.node.advertise, env: {} }),
    credentials: channelCredentials(transportSecurity(cfg)),
  };
}

/** The options every client command takes: where the cluster is, and --json. */
export function withConnectOptions(c: Command): Command {
  return c
    .option(
      '--endpoints <list>',
      'nodes of the cluster, host:port[,host:port...], tried in turn until one answers (default $FABRIC_ENDPOINTS, else $FABRIC_ADDRESS, else 127.0.0.1:7001)',
    )
    .option('-a, --address <host:port>', 'one node of the cluster (same as --endpoints with one)')
    .option('-c, --config <file>', 'take the address and TLS settings from a cluster file')
    .option('--json', 'print JSON for scripts');
}
