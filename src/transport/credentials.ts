/**
 * gRPC credentials for the node's server and for its clients (peers, and the
 * clients of the node's other services). Security is always explicit:
 * `{ kind: 'plaintext' }` has to be asked for.
 *
 * Every node holds one certificate, used both to serve and to dial, signed by
 * the cluster's CA. With `requireClientCert` the server refuses a client that
 * presents no certificate or one the CA did not sign.
 *
 * Node ids are not authenticated in this stage: a peer's certificate proves it
 * belongs to the cluster's PKI, but nothing ties its CN or SAN to the
 * sender_node_id it claims on the stream. Any holder of a cluster certificate
 * can speak for any node id.
 */
import { readFileSync } from 'node:fs';

import * as grpc from '@grpc/grpc-js';

import { FabricError } from '../util/fabric-error.js';

export interface TlsConfig {
  /** CA that signed every node's certificate. */
  readonly caFile: string;
  /** This node's certificate (server and client). */
  readonly certFile: string;
  readonly keyFile: string;
  /** Mutual TLS: servers require and verify client certificates. */
  readonly requireClientCert: boolean;
}

/** `security: 'plaintext'` must be explicit; there is no silent default. */
export type TransportSecurity =
  { readonly kind: 'plaintext' } | ({ readonly kind: 'tls' } & TlsConfig);

interface TlsMaterial {
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new FabricError(
      'CONFIG_INVALID',
      `transport: cannot read the ${what} file ${path}: ${(err as Error).message}`,
      { path, field: what },
      { cause: err },
    );
  }
}

function readTls(sec: TlsConfig): TlsMaterial {
  return {
    ca: readPem(sec.caFile, 'ca'),
    cert: readPem(sec.certFile, 'cert'),
    key: readPem(sec.keyFile, 'key'),
  };
}

/** Credentials for the node's gRPC server. Throws CONFIG_INVALID when a file is unreadable. */
export function serverCredentials(sec: TransportSecurity): grpc.ServerCredentials {
  if (sec.kind === 'plaintext') return grpc.ServerCredentials.createInsecure();
  const tls = readTls(sec);
  return grpc.ServerCredentials.createSsl(
    tls.ca,
    [{ private_key: tls.key, cert_chain: tls.cert }],
    sec.requireClientCert,
  );
}

/**
 * Credentials for dialing a node. Under TLS the client always presents the
 * node's certificate, so one setting works against TLS and mTLS servers.
 * Throws CONFIG_INVALID when a file is unreadable.
 */
export function channelCredentials(sec: TransportSecurity): grpc.ChannelCredentials {
  if (sec.kind === 'plaintext') return grpc.credentials.createInsecure();
  const tls = readTls(sec);
  return grpc.credentials.createSsl(tls.ca, tls.key, tls.cert);
}
