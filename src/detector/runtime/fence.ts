import type { Server } from '../../fabric/index.js';
import type { Logger } from '../../util/logger.js';
import type { ProbeTargets, ServerProber } from './prober.js';

/**
 * Leader: makes every FAULTY server that answers and is writable read-only
 * at once. A failed-over primary that comes back (a restart, a healed
 * partition) is writable and still reachable by clients that cached it;
 * fencing it before anything else keeps two writable servers from
 * coexisting. It stays FAULTY until an operator rejoins it
 * (`server set-status SPARE`). Never rejects; a failure is retried on the
 * next pass.
 */
export async function fenceFaulty(
  servers: readonly Server[],
  prober: ServerProber,
  targets: ProbeTargets,
  log: Logger,
): Promise<void> {
  await Promise.all(
    servers.map(async (s) => {
      const r = await prober.probe(s);
      if (!r.ok || r.readOnly !== false) return;
      try {
        // With the uuid, a different server now answering at the address is left alone.
        await targets.server(s.address, s.uuid).setReadOnly(true);
        log.warn(
          { server: s.address, uuid: s.uuid, group: s.groupId },
          `FAULTY server ${s.address} answers again and was writable: set read_only (it stays FAULTY)`,
        );
      } catch (err) {
        log.warn({ err, server: s.address }, `could not fence FAULTY server ${s.address}`);
      }
    }),
  );
}
