import { InvalidMessageError } from './errors.js';
import type { Message } from './message.js';
import { MESSAGE_TYPES } from './message.js';
import type { NodeId } from './types.js';

const TYPES: ReadonlySet<string> = new Set(MESSAGE_TYPES);

function isIndex(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Rejects a message no correct peer could send, before it touches any
 * state: wrong addressee, bad numbers, entries that are not a contiguous run
 * after `index` with non-decreasing terms no newer than the message's.
 */
export function validateMessage(self: NodeId, m: Message): void {
  const fail = (why: string): never => {
    throw new InvalidMessageError(
      `raft ${self}: invalid ${m.type} message from '${m.from}': ${why}`,
    );
  };
  if (!TYPES.has(m.type)) fail('unknown message type');
  if (m.to !== self) fail(`addressed to '${m.to}'`);
  if (m.from === '' || m.from === self) fail('bad sender');
  if (!isIndex(m.term)) fail(`term ${String(m.term)} is not a non-negative integer`);
  validateFields(m, fail);
  switch (m.type) {
    case 'app': {
      if (!isIndex(m.index) || !isIndex(m.logTerm) || !isIndex(m.commit))
        fail('bad index, logTerm or commit');
      if (m.logTerm > m.term) fail('logTerm newer than the message term');
      let prevTerm = m.logTerm;
      m.entries.forEach((e, i) => {
        if (e.index !== m.index + 1 + i)
          fail(`entry ${i} has index ${e.index}, expected ${m.index + 1 + i}`);
        if (!isIndex(e.term) || e.term < prevTerm || e.term > m.term)
          fail(`entry ${e.index} has bad term ${e.term}`);
        prevTerm = e.term;
      });
      return;
    }
    case 'app-resp':
      if (!isIndex(m.index) || !isIndex(m.hintIndex) || !isIndex(m.hintTerm))
        fail('bad index or hint');
      return;
    case 'vote':
    case 'pre-vote':
      if (!isIndex(m.index) || !isIndex(m.logTerm)) fail('bad last index or term');
      if (m.logTerm > m.term) fail('last log term newer than the campaign term');
      return;
    case 'heartbeat':
      if (!isIndex(m.commit)) fail('bad commit');
      return;
    case 'snap': {
      const md = m.snapshot.metadata;
      if (!isIndex(md.index) || !isIndex(md.term) || md.term > m.term)
        fail('bad snapshot metadata');
      if (md.conf.voters.length === 0) fail('snapshot has no voters');
      const all = [...md.conf.voters, ...md.conf.learners];
      if (
        new Set(all).size !== all.length ||
        all.some((id) => typeof id !== 'string' || id === '')
      ) {
        fail('snapshot membership has duplicate, overlapping or empty ids');
      }
      return;
    }
    case 'read-index-resp':
      if (!isIndex(m.index)) fail('bad index');
      return;
    default:
      return;
  }
}

/** Shape checks for fields a decoder might have left missing or mistyped. */
function validateFields(m: Message, fail: (why: string) => never): void {
  const rec = m as unknown as Record<string, unknown>;
  const str = (k: string): void => {
    if (typeof rec[k] !== 'string') fail(`field ${k} must be a string`);
  };
  const bool = (k: string): void => {
    if (typeof rec[k] !== 'boolean') fail(`field ${k} must be a boolean`);
  };
  switch (m.type) {
    case 'app':
      if (!Array.isArray(rec.entries)) fail('field entries must be an array');
      for (const e of m.entries as readonly unknown[]) {
        const x = e as { type?: unknown; data?: unknown; change?: unknown };
        const ok =
          x.type === 'normal'
            ? x.data instanceof Uint8Array
            : x.type === 'conf' && typeof x.change === 'object';
        if (!ok) fail('an entry has no payload');
      }
      return;
    case 'app-resp':
    case 'vote-resp':
    case 'pre-vote-resp':
      bool('reject');
      return;
    case 'vote':
    case 'pre-vote':
      bool('transfer');
      return;
    case 'heartbeat':
    case 'heartbeat-resp':
    case 'read-index':
      str('context');
      return;
    case 'read-index-resp':
      str('context');
      bool('reject');
      return;
    case 'transfer-leader':
      str('target');
      return;
    case 'snap': {
      const snap = rec.snapshot as
        | { metadata?: { conf?: { voters?: unknown; learners?: unknown } }; data?: unknown }
        | undefined;
      const conf = snap?.metadata?.conf;
      if (
        !(snap?.data instanceof Uint8Array) ||
        !Array.isArray(conf?.voters) ||
        !Array.isArray(conf.learners)
      ) {
        fail('snapshot is incomplete');
      }
      return;
    }
    case 'timeout-now':
      return;
  }
}
