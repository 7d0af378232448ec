import type { Entry } from '../../src/raft/index.js';

/** 32-bit FNV-1a, folded over numbers and bytes. */
export function fnv(h: number, bytes: Uint8Array): number {
  let x = h >>> 0;
  for (const b of bytes) x = Math.imul(x ^ b, 16777619) >>> 0;
  return x;
}

export function fnvNum(h: number, n: number): number {
  let x = h >>> 0;
  let v = n;
  for (let i = 0; i < 7; i++) {
    x = Math.imul(x ^ (v & 0xff), 16777619) >>> 0;
    v = Math.floor(v / 256);
  }
  return x;
}

const enc = new TextEncoder();

/** Identity of one entry's content (term, index and payload). */
export function entryHash(e: Entry): number {
  let h = fnvNum(fnvNum(2166136261, e.term), e.index);
  if (e.type === 'normal') return fnv(fnvNum(h, 1), e.data);
  h = fnvNum(h, 2);
  return fnv(h, enc.encode(`${e.change.type}:${e.change.nodeId}`));
}

/** Prefix hash: the hash of a log up to and including `e`, given the prefix before it. */
export function chainHash(prev: number, e: Entry): number {
  return fnvNum(prev, entryHash(e));
}
