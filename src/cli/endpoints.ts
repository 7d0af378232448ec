import { FabricError } from '../util/fabric-error.js';

/** Where the CLI looks for the cluster when nothing says otherwise (the sandbox's first node). */
export const DEFAULT_ENDPOINT = '127.0.0.1:7001';

/** How to point the CLI at a cluster: every "cannot reach" message ends with it. */
export const ENDPOINT_HELP =
  'set the address with --endpoints host:port[,host:port...] (or -a host:port), or export FABRIC_ENDPOINTS=host:port,host:port';

export interface EndpointSources {
  readonly endpoints?: string;
  readonly address?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** host:port, [v6]:port; the port a whole number from 1 to 65535. */
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/;

/**
 * The endpoints to try, in order: --endpoints, then -a/--address, then
 * FABRIC_ENDPOINTS, then FABRIC_ADDRESS, then 127.0.0.1:7001. A flag beats
 * the environment (as etcdctl's --endpoints beats ETCDCTL_ENDPOINTS); the
 * two flags together are ambiguous and refused.
 */
export function resolveEndpoints(src: EndpointSources): string[] {
  if (src.endpoints !== undefined && src.address !== undefined)
    throw new FabricError(
      'INVALID_ARGUMENT',
      '--endpoints and --address both name the cluster: give one of them',
      { field: '--endpoints' },
    );
  const [name, text] =
    src.endpoints !== undefined
      ? ['--endpoints', src.endpoints]
      : src.address !== undefined
        ? ['--address', src.address]
        : nonEmpty(src.env.FABRIC_ENDPOINTS) !== undefined
          ? ['FABRIC_ENDPOINTS', src.env.FABRIC_ENDPOINTS ?? '']
          : nonEmpty(src.env.FABRIC_ADDRESS) !== undefined
            ? ['FABRIC_ADDRESS', src.env.FABRIC_ADDRESS ?? '']
            : ['default', DEFAULT_ENDPOINT];
  return parseEndpoints(name, text);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** A comma-separated list of host:port; a malformed entry is a usage error naming its source. */
export function parseEndpoints(name: string, text: string): string[] {
  const list = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (list.length === 0)
    throw new FabricError('INVALID_ARGUMENT', `${name} is empty: use host:port[,host:port...]`, {
      field: name,
    });
  for (const e of list) {
    const m = HOST_PORT.exec(e);
    const port = m === null ? 0 : Number(m[2]);
    if (port < 1 || port > 65535)
      throw new FabricError(
        'INVALID_ARGUMENT',
        `${name} ${JSON.stringify(e)} is invalid: use host:port, e.g. ${DEFAULT_ENDPOINT}`,
        { field: name },
      );
  }
  return list;
}

/**
 * A transport failure in plain words. grpc-js reports them as text
 * ("No connection established. Last error: connect ECONNREFUSED …",
 * "Name resolution failed for target dns:…"): the CLI says what it means.
 */
export function plainTransportError(message: string, timeoutMs: number): string {
  if (message.includes('ECONNREFUSED')) return 'connection refused: nothing listens on that port';
  if (/Name resolution failed|ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message))
    return 'the host name does not resolve';
  if (/EHOSTUNREACH|ENETUNREACH/.test(message)) return 'the host is unreachable';
  if (/ETIMEDOUT|[Dd]eadline exceeded|DEADLINE/.test(message))
    return `no answer within ${timeoutMs} ms`;
  if (/ECONNRESET|Connection dropped|Protocol error|EPROTO|ssl|TLS/i.test(message))
    return 'the connection was dropped: is it a Fabric node, and does it expect TLS (then use --config)?';
  return message;
}
