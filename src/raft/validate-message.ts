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
      return;
    }
    case 'read-index-resp':
      if (!isIndex(m.index)) fail('bad index');
      return;
    default:
      return;
  }
}
