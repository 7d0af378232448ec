import type { TransportSecurity } from '../transport/index.js';
import type { DriverConfig as NodeConfig } from './driver-config.js';

/** Maps [security] to the transport's settings; plaintext only when the file says so. */
export function transportSecurity(cfg: NodeConfig): TransportSecurity {
  const s = cfg.security;
  if (s.transport === 'plaintext') return { kind: 'plaintext' };
  return {
    kind: 'tls',
    caFile: s.caFile,
    certFile: s.certFile,
    keyFile: s.keyFile,
    requireClientCert: s.transport === 'mtls',
  };
}
