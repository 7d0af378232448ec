import type { Command } from 'commander';
import { FabricClient } from '../client/index.js';
import { loadConfig } from '../node/config.js';
import { transportSecurity } from '../node/transport-security.js';
import { channelCredentials } from '../transport/index.js';

export interface ConnectOptions {
  readonly address?: string;
  readonly config?: string;
}

/**
 * A client for the node named by --address, or by --config (its advertise
 * address and transport security). FABRIC_ADDRESS is the fallback.
 */
export function connect(opts: ConnectOptions): FabricClient {
  if (opts.config !== undefined) {
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
