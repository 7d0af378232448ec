import type { Command } from 'commander';
import type { FabricClient } from '../client/index.js';

export interface ConnectOptions {
  readonly address?: string;
  readonly config?: string;
}

/**
 * A client for the node named by --address, or by --config (its advertise
 * address and transport security). FABRIC_ADDRESS is the fallback.
 *
 * gRPC and the protos load here, on the first call, not when the command
 * line is parsed: `fabric --help` and argument errors answer without them.
 */
export async function connect(opts: ConnectOptions): Promise<FabricClient> {
  const { FabricClient } = await import('../client/fabric-client.js');
  if (opts.config !== undefined) {
    const [{ loadConfig }, { transportSecurity }, { channelCredentials }] = await Promise.all([
      import('../server/config.js'),
      import('../node/transport-security.js'),
      import('../transport/credentials.js'),
    ]);
    const cfg = loadConfig(opts.config, { joining: true });
    return new FabricClient(opts.address ?? cfg.node.advertise, {
      credentials: channelCredentials(transportSecurity(cfg)),
    });
  }
  const address = opts.address ?? process.env.FABRIC_ADDRESS ?? '127.0.0.1:7001';
  return new FabricClient(address);
}

/** The options every client command takes: where the cluster is, and --json. */
export function withConnectOptions(c: Command): Command {
  return c
    .option(
      '-a, --address <host:port>',
      'any node of the cluster (default $FABRIC_ADDRESS or 127.0.0.1:7001)',
    )
    .option('-c, --config <file>', 'take the address and TLS settings from a cluster file')
    .option('--json', 'print JSON for scripts');
}
