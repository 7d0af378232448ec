import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removalIn, removedError } from '../../src/node/removal.js';
import type { OwnView, PeerAnswer } from '../../src/node/removal.js';

const own: OwnView = { id: 'n3', clusterId: 'c1', term: 4, confIndex: 3, listed: true };
const leaderAnswer: PeerAnswer = {
  nodeId: 'n1',
  clusterId: 'c1',
  isLeader: true,
  term: 5,
  committedConfIndex: 9,
  committedMembers: ['n1', 'n2'],
};

test('removal: a leader of a later term whose newer committed configuration omits the node removes it', () => {
  assert.deepEqual(removalIn(own, leaderAnswer), { index: 9, by: 'n1', term: 5 });
});

test('removal: a leader of the same term counts', () => {
  assert.deepEqual(removalIn({ ...own, term: 5 }, leaderAnswer), { index: 9, by: 'n1', term: 5 });
});

test('removal: a committed configuration that still lists the node is no removal', () => {
  assert.equal(
    removalIn(own, { ...leaderAnswer, committedMembers: ['n1', 'n2', 'n3'] }),
    undefined,
  );
});

test('removal: a follower or candidate answer never counts, whatever it lists', () => {
  assert.equal(removalIn(own, { ...leaderAnswer, isLeader: false }), undefined);
});

test('removal: a leader of an older term (cut off itself) does not count', () => {
  assert.equal(removalIn({ ...own, term: 6 }, leaderAnswer), undefined);
});

test('removal: a committed configuration not newer than the node own one does not count (a joiner before its add commits)', () => {
  assert.equal(removalIn({ ...own, confIndex: 9 }, leaderAnswer), undefined);
  assert.equal(removalIn({ ...own, confIndex: 12 }, leaderAnswer), undefined);
});

test('removal: a node its own log does not list was never a member and is not removed', () => {
  assert.equal(
    removalIn({ ...own, listed: false, confIndex: 0, term: 0 }, leaderAnswer),
    undefined,
  );
});

test('removal: an answer from another cluster does not count', () => {
  assert.equal(removalIn(own, { ...leaderAnswer, clusterId: 'c2' }), undefined);
});

test('removal: an applied removal of the node is confirmed by a leader whose committed configuration at or after it omits the node', () => {
  const applied: OwnView = { ...own, confIndex: 9, listed: false, removedAt: 9 };
  assert.deepEqual(removalIn(applied, leaderAnswer), { index: 9, by: 'n1', term: 5 });
});

test('removal: an applied removal from an earlier incarnation of the id (a rebuilt node replaying history) is not confirmed while the leader lists the node', () => {
  const replaying: OwnView = { ...own, confIndex: 9, listed: false, removedAt: 9 };
  const readded = { ...leaderAnswer, committedConfIndex: 14, committedMembers: ['n1', 'n2', 'n3'] };
  assert.equal(removalIn(replaying, readded), undefined);
});

test('removal: an applied removal is not confirmed by a leader whose committed configuration is older than it', () => {
  const applied: OwnView = { ...own, confIndex: 9, listed: false, removedAt: 9 };
  assert.equal(removalIn(applied, { ...leaderAnswer, committedConfIndex: 8 }), undefined);
  assert.equal(removalIn(applied, { ...leaderAnswer, isLeader: false }), undefined);
});

test('removal: the error names the node, cluster, index, leader and the way back', () => {
  const e = removedError('n3', 'c1', { index: 9, by: 'n1', term: 5 });
  assert.equal(e.code, 'NODE_REMOVED');
  assert.match(e.message, /node n3 was removed from cluster c1 at index 9 by leader n1/);
  assert.match(e.message, /move the data dir aside/);
  assert.match(e.message, /fabric node start --join/);
});
