import type { ConfChange, Entry } from '../raft/index.js';
import { stringSize } from './byte-writer.js';
import { RecordProblem } from './record-problem.js';
import { FRAME_HEADER_BYTES, frameWriter, openFrame, sealFrame } from './record-frame.js';

/**
 * Entry record, version 1 (inside the frame of record-frame.ts):
 *
 *   u8      kind: 0 normal, 1 conf
 *   u64 BE  term
 *   u64 BE  index (also in the key; stored again so a record under the wrong key is caught)
 *   normal: the data bytes, to the end of the record (empty for a leader's no-op)
 *   conf:   u8 change type (0 add-voter, 1 add-learner, 2 remove)
 *           u8 1 if a context follows, else 0 (an empty context is not an absent one)
 *           u32 BE length + UTF-8 node id
 *           [u32 BE length + context bytes]
 */
export const ENTRY_FORMAT_VERSION = 1;

const ENTRY_KINDS = ['normal', 'conf'] as const satisfies readonly Entry['type'][];
const CHANGE_TYPES = [
  'add-voter',
  'add-learner',
  'remove',
] as const satisfies readonly ConfChange['type'][];
/** kind, term, index. */
const FIXED_BYTES = 1 + 8 + 8;

export function encodeEntry(e: Entry): Buffer {
  const w = frameWriter(ENTRY_FORMAT_VERSION, FIXED_BYTES + variableSize(e));
  w.u8(ENTRY_KINDS.indexOf(e.type)).u64(e.term).u64(e.index);
  if (e.type === 'normal') {
    w.raw(e.data);
  } else {
    const { type, nodeId, context } = e.change;
    w.u8(CHANGE_TYPES.indexOf(type))
      .u8(context === undefined ? 0 : 1)
      .string(nodeId);
    if (context !== undefined) w.blob(context);
  }
  return sealFrame(w.finish());
}

/** Size of the encoded record, for the log's byte count without encoding twice. */
export function encodedEntrySize(e: Entry): number {
  return FRAME_HEADER_BYTES + FIXED_BYTES + variableSize(e);
}

/** Decodes an entry record; throws RecordProblem if it is torn or corrupt. */
export function decodeEntry(record: Uint8Array): Entry {
  const r = openFrame(record, 'entry', ENTRY_FORMAT_VERSION);
  const kind = ENTRY_KINDS[r.u8('kind')];
  const term = r.u64('term');
  const index = r.u64('index');
  if (kind === 'normal') return { type: 'normal', term, index, data: r.rest('data') };
  if (kind === undefined) throw new RecordProblem('entry record has an unknown kind');
  const type = CHANGE_TYPES[r.u8('change type')];
  if (type === undefined) throw new RecordProblem('entry record has an unknown change type');
  const hasContext = r.u8('context flag');
  if (hasContext > 1) throw new RecordProblem('entry record has a bad context flag');
  const nodeId = r.string('node id');
  const change: ConfChange =
    hasContext === 1 ? { type, nodeId, context: r.blob('context') } : { type, nodeId };
  r.end();
  return { type: 'conf', term, index, change };
}

function variableSize(e: Entry): number {
  if (e.type === 'normal') return e.data.byteLength;
  const context = e.change.context;
  return 1 + 1 + stringSize(e.change.nodeId) + (context === undefined ? 0 : 4 + context.byteLength);
}
