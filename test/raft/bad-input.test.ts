/**
 * Bad input: messages no correct peer could send are refused with
 * InvalidMessageError and change nothing; odd but possible messages (stale,
 * duplicated, reordered, from strangers) are ignored or answered safely; and
 * RaftConfig validation names the offending field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  InvalidMessageError,
  RaftCore,
  RaftError,
  SeededRng,
  bootstrapState,
} from '../../src/raft/index.js';
import type { Entry, Message, RaftConfig, ReadOnlyOption } from '../../src/raft/index.js';
import {
  ack,
  drain,
  electLeader,
  logWithTerms,
  ofType,
  snapMessage,
  statusSnapshot,
} from './feature-helpers.js';
import { newCore } from './harness.js';
import type { CoreOptions } from './harness.js';

const ABC = ['a', 'b', 'c'];

const entry = (index: number, term: number, data = `e${index}`): Entry => ({
  type: 'normal',
  index,
  term,
  data: new TextEncoder().encode(data),
});

/** Follower b at term 2 led by a: log 1..5 (4 and 5 at term 2), commit 4. */
function follower(opts: CoreOptions = {}): RaftCore {
  const b = newCore('b', ABC, {
    ...opts,
    storage: logWithTerms(ABC, [2, 2], { commit: 4, term: 2 }),
  });
  b.step({ type: 'heartbeat', from: 'a', to: 'b', term: 2, commit: 4, context: '' });
  drain(b);
  assert.deepEqual([b.status().leader, b.status().commit, b.status().lastIndex], ['a', 4, 5]);
  return b;
}

/** Leader a at term 2 with b replicating and commit 4. */
function leader(opts: CoreOptions = {}): RaftCore {
  const a = newCore('a', ABC, opts);
  electLeader(a, ['b']);
  ack(a, 'b', 4);
  assert.equal(a.status().commit, 4);
  return a;
}

/** Candidate c at term 2 with its own vote only. */
function candidate(): RaftCore {
  const c = newCore('c', ABC);
  c.campaign();
  drain(c);
  assert.equal(c.status().role, 'candidate');
  return c;
}

const fixtures: Record<string, () => RaftCore> = { follower, leader, candidate };

/** Steps `m`, expecting InvalidMessageError and no change at all. */
function expectInvalid(core: RaftCore, m: unknown, label: string): void {
  const before = statusSnapshot(core);
  assert.equal(core.hasReady(), false);
  assert.throws(
    () => {
      core.step(m as Message);
    },
    InvalidMessageError,
    label,
  );
  assert.deepEqual(statusSnapshot(core), before, `${label}: status changed`);
  assert.equal(core.hasReady(), false, `${label}: something to persist or send`);
}

/** Steps `m`, expecting no throw, no state change, and returns what was sent. */
function expectHarmless(core: RaftCore, m: Message, label: string): Message[] {
  const before = statusSnapshot(core);
  assert.doesNotThrow(() => {
    core.step(m);
  }, label);
  const rd = core.hasReady() ? core.ready() : undefined;
  if (rd !== undefined) {
    assert.equal(rd.hardState, undefined, `${label}: hard state changed`);
    assert.deepEqual(rd.entries, [], `${label}: entries appended`);
    assert.equal(rd.snapshot, undefined, `${label}: snapshot installed`);
    assert.deepEqual(rd.committedEntries, [], `${label}: entries committed`);
    core.advance();
  }
  assert.deepEqual(statusSnapshot(core), before, `${label}: status changed`);
  return rd === undefined ? [] : [...rd.messages];
}

/** Every node's perspective gets the same bad messages (addressed to it, from a member). */
function invalidMessages(to: string): [string, unknown][] {
  const from = to === 'a' ? 'c' : 'a';
  const app = {
    type: 'app',
    from,
    to,
    term: 2,
    index: 5,
    logTerm: 2,
    commit: 4,
    entries: [] as Entry[],
  };
  return [
    ['addressed to another node', { ...app, to: 'zz' }],
    ['from self', { ...app, from: to }],
    ['from the empty sender', { ...app, from: '' }],
    ['unknown type', { ...app, type: 'app-please' }],
    ['negative term', { ...app, term: -1 }],
    ['NaN term', { ...app, term: Number.NaN }],
    ['fractional term', { ...app, term: 2.5 }],
    ['infinite term', { ...app, term: Number.POSITIVE_INFINITY }],
    ['string term', { ...app, term: '2' }],
    ['negative index', { ...app, index: -1 }],
    ['NaN index', { ...app, index: Number.NaN }],
    ['fractional index', { ...app, index: 4.5 }],
    ['negative logTerm', { ...app, logTerm: -2 }],
    ['fractional commit', { ...app, commit: 3.5 }],
    ['negative commit', { ...app, commit: -4 }],
    ['logTerm newer than the message term', { ...app, logTerm: 3 }],
    ['entries not starting after index', { ...app, entries: [entry(7, 2)] }],
    ['entries with a gap', { ...app, entries: [entry(6, 2), entry(8, 2)] }],
    ['entries with a repeated index', { ...app, entries: [entry(6, 2), entry(6, 2)] }],
    ['entry term newer than the message term', { ...app, entries: [entry(6, 3)] }],
    [
      'entry terms going backwards',
      { ...app, index: 3, logTerm: 1, entries: [entry(4, 2), entry(5, 1)] },
    ],
    ['entry term older than logTerm', { ...app, entries: [entry(6, 1)] }],
    ['entry with a fractional term', { ...app, entries: [entry(6, 1.5)] }],
    [
      'app-resp with a negative index',
      { type: 'app-resp', from, to, term: 2, index: -1, reject: false, hintIndex: 0, hintTerm: 0 },
    ],
    [
      'app-resp with a NaN hint',
      {
        type: 'app-resp',
        from,
        to,
        term: 2,
        index: 3,
        reject: true,
        hintIndex: Number.NaN,
        hintTerm: 0,
      },
    ],
    [
      'app-resp with a fractional hint term',
      { type: 'app-resp', from, to, term: 2, index: 3, reject: true, hintIndex: 2, hintTerm: 0.5 },
    ],
    [
      'vote with a negative index',
      { type: 'vote', from, to, term: 3, index: -1, logTerm: 2, transfer: false },
    ],
    [
      'vote whose last log term is newer than its term',
      { type: 'vote', from, to, term: 3, index: 9, logTerm: 4, transfer: false },
    ],
    [
      'pre-vote with a NaN log term',
      { type: 'pre-vote', from, to, term: 3, index: 9, logTerm: Number.NaN, transfer: false },
    ],
    [
      'heartbeat with a negative commit',
      { type: 'heartbeat', from, to, term: 2, commit: -1, context: '' },
    ],
    [
      'heartbeat with a NaN commit',
      { type: 'heartbeat', from, to, term: 2, commit: Number.NaN, context: '' },
    ],
    [
      'snapshot with a negative index',
      snapMessage(from, to, 2, {
        metadata: { index: -1, term: 2, conf: { voters: ABC, learners: [] } },
        data: new Uint8Array(),
      }),
    ],
    [
      'snapshot newer than the message term',
      snapMessage(from, to, 2, {
        metadata: { index: 20, term: 3, conf: { voters: ABC, learners: [] } },
        data: new Uint8Array(),
      }),
    ],
    [
      'snapshot without voters',
      snapMessage(from, to, 2, {
        metadata: { index: 20, term: 2, conf: { voters: [], learners: [] } },
        data: new Uint8Array(),
      }),
    ],
    [
      'read-index-resp with a fractional index',
      { type: 'read-index-resp', from, to, term: 2, index: 4.2, context: 'x', reject: false },
    ],
  ];
}

for (const [role, make] of Object.entries(fixtures)) {
  test(`raft bad input: malformed messages to a ${role} throw InvalidMessageError and change nothing`, () => {
    const core = make();
    for (const [label, m] of invalidMessages(core.id)) expectInvalid(core, m, `${role}: ${label}`);
  });
}

test('raft bad input: responses and requests from unknown nodes are ignored', () => {
  const a = leader();
  const stranger = 'zz';
  for (const m of [
    {
      type: 'app-resp',
      from: stranger,
      to: 'a',
      term: 2,
      index: 5,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    },
    {
      type: 'app-resp',
      from: stranger,
      to: 'a',
      term: 2,
      index: 3,
      reject: true,
      hintIndex: 1,
      hintTerm: 1,
    },
    { type: 'heartbeat-resp', from: stranger, to: 'a', term: 2, context: '' },
    { type: 'read-index', from: stranger, to: 'a', term: 2, context: 'r' },
    { type: 'transfer-leader', from: stranger, to: 'a', term: 2, target: 'b' },
  ] as const satisfies readonly Message[]) {
    assert.deepEqual(expectHarmless(a, m, `leader: ${m.type}`), []);
  }
  assert.equal(a.status().progress.has(stranger), false);

  // Granted votes from strangers do not elect a candidate.
  const c = candidate();
  for (const from of ['x', 'y', 'z']) {
    assert.deepEqual(
      expectHarmless(c, { type: 'vote-resp', from, to: 'c', term: 2, reject: false }, 'vote-resp'),
      [],
    );
  }
  assert.equal(c.status().role, 'candidate');

  // A follower ignores a stranger's read-index response.
  const b = follower();
  b.step({
    type: 'read-index-resp',
    from: 'zz',
    to: 'b',
    term: 2,
    index: 4,
    context: 'r',
    reject: false,
  });
  assert.equal(b.hasReady(), false);
});

test('raft bad input: vote requests from non-members are ignored, whatever their term', () => {
  for (const make of [follower, leader]) {
    const core = make();
    for (const type of ['vote', 'pre-vote'] as const) {
      const out = expectHarmless(
        core,
        { type, from: 'zz', to: core.id, term: 50, index: 100, logTerm: 40, transfer: false },
        `${core.id}: ${type}`,
      );
      assert.deepEqual(out, []);
    }
  }
});

test('raft bad input: stale-term messages are ignored, or answered with the current term', () => {
  const b = follower();
  const stale: Message[] = [
    {
      type: 'app',
      from: 'c',
      to: 'b',
      term: 1,
      index: 5,
      logTerm: 1,
      commit: 5,
      entries: [entry(6, 1)],
    },
    { type: 'heartbeat', from: 'c', to: 'b', term: 1, commit: 5, context: '' },
    { type: 'vote', from: 'c', to: 'b', term: 1, index: 99, logTerm: 1, transfer: false },
    {
      type: 'snap',
      from: 'c',
      to: 'b',
      term: 1,
      snapshot: {
        metadata: { index: 50, term: 1, conf: { voters: ABC, learners: [] } },
        data: new Uint8Array(),
      },
    },
    { type: 'timeout-now', from: 'a', to: 'b', term: 1 },
  ];
  for (const m of stale) assert.deepEqual(expectHarmless(b, m, `stale ${m.type}`), []);

  // With CheckQuorum, a stale leader is told the current term so it can step down.
  const bq = follower({ checkQuorum: true });
  const out = expectHarmless(bq, stale[0]!, 'stale app with checkQuorum');
  assert.deepEqual(
    out.map((m) => [m.type, m.to, m.term]),
    [['app-resp', 'c', 2]],
  );
  // A stale pre-vote is rejected with the current term.
  const pre = expectHarmless(
    b,
    { type: 'pre-vote', from: 'c', to: 'b', term: 1, index: 99, logTerm: 1, transfer: false },
    'stale pre-vote',
  );
  assert.deepEqual(
    pre.map((m) => [m.type, m.term, m.type === 'pre-vote-resp' ? m.reject : undefined]),
    [['pre-vote-resp', 2, true]],
  );

  // The leader ignores stale responses.
  const a = leader();
  for (const m of [
    {
      type: 'app-resp',
      from: 'c',
      to: 'a',
      term: 1,
      index: 4,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    },
    { type: 'heartbeat-resp', from: 'c', to: 'a', term: 1, context: '' },
    { type: 'vote-resp', from: 'c', to: 'a', term: 1, reject: false },
  ] as const satisfies readonly Message[]) {
    assert.deepEqual(expectHarmless(a, m, `leader stale ${m.type}`), []);
  }
});

test('raft bad input: a duplicated append changes nothing the second time', () => {
  const b = follower();
  const m: Message = {
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 5,
    logTerm: 2,
    commit: 5,
    entries: [entry(6, 2)],
  };
  b.step(m);
  const first = ofType(drain(b), 'app-resp');
  assert.deepEqual(
    first.map((r) => [r.index, r.reject]),
    [[6, false]],
  );
  const again = expectHarmless(b, m, 'duplicate');
  assert.deepEqual(
    ofType(again, 'app-resp').map((r) => [r.index, r.reject]),
    [[6, false]],
  );
  // An older, shorter append (delivered late) does not truncate what followed it.
  const older: Message = {
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 4,
    logTerm: 2,
    commit: 4,
    entries: [entry(5, 2)],
  };
  const late = expectHarmless(b, older, 'late shorter append');
  assert.deepEqual(
    ofType(late, 'app-resp').map((r) => [r.index, r.reject]),
    [[5, false]],
  );
  assert.equal(b.status().lastIndex, 6);
});

test('raft bad input: reordered appends are rejected with a hint, then applied in order', () => {
  const b = follower();
  const m7: Message = {
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 6,
    logTerm: 2,
    commit: 4,
    entries: [entry(7, 2)],
  };
  const m6: Message = {
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 5,
    logTerm: 2,
    commit: 4,
    entries: [entry(6, 2)],
  };
  const rej = ofType(expectHarmless(b, m7, 'ahead of the log'), 'app-resp');
  assert.equal(rej.length, 1);
  assert.equal(rej[0]!.reject, true);
  assert.equal(rej[0]!.index, 6);
  assert.ok(rej[0]!.hintIndex <= 5, 'the hint never points past our log');
  b.step(m6);
  b.step(m7);
  assert.deepEqual(
    ofType(drain(b), 'app-resp').map((r) => [r.index, r.reject]),
    [
      [6, false],
      [7, false],
    ],
  );
  assert.equal(b.status().lastIndex, 7);
});

test('raft bad input: an append far past the end of the log is rejected; the log is untouched', () => {
  const b = follower();
  const out = expectHarmless(
    b,
    {
      type: 'app',
      from: 'a',
      to: 'b',
      term: 2,
      index: 1000,
      logTerm: 2,
      commit: 1000,
      entries: [entry(1001, 2)],
    },
    'past the end',
  );
  const resp = ofType(out, 'app-resp');
  assert.deepEqual(
    resp.map((r) => [r.reject, r.index, r.hintIndex, r.hintTerm]),
    [[true, 1000, 5, 2]],
  );
});

test('raft bad input: an append before the commit index or the snapshot cannot rewrite committed entries', () => {
  const b = follower();
  // Conflicting entries at 4 and 5, but 4 is committed: answered with the commit index only.
  const out = expectHarmless(
    b,
    {
      type: 'app',
      from: 'a',
      to: 'b',
      term: 2,
      index: 3,
      logTerm: 1,
      commit: 4,
      entries: [entry(4, 2, 'evil'), entry(5, 2, 'evil')],
    },
    'before commit',
  );
  assert.deepEqual(
    ofType(out, 'app-resp').map((r) => [r.reject, r.index]),
    [[false, 4]],
  );

  // After a snapshot: an append inside the snapshot is acknowledged at the commit index.
  const s = newCore('s', ['a', 's', 'c']);
  s.step(
    snapMessage('a', 's', 3, {
      metadata: { index: 20, term: 3, conf: { voters: ['a', 'c', 's'], learners: [] } },
      data: new Uint8Array(),
    }),
  );
  drain(s);
  const out2 = expectHarmless(
    s,
    {
      type: 'app',
      from: 'a',
      to: 's',
      term: 3,
      index: 2,
      logTerm: 1,
      commit: 3,
      entries: [entry(3, 2)],
    },
    'before the snapshot',
  );
  assert.deepEqual(
    ofType(out2, 'app-resp').map((r) => [r.reject, r.index]),
    [[false, 20]],
  );
});

test('raft bad input: a heartbeat with a commit index past the log never moves commit past the log', () => {
  const b = follower();
  b.step({ type: 'heartbeat', from: 'a', to: 'b', term: 2, commit: 1000, context: '' });
  drain(b);
  const st = b.status();
  assert.ok(st.commit <= st.lastIndex, `commit ${st.commit} past last index ${st.lastIndex}`);
  assert.equal(st.lastIndex, 5);
  assert.equal(st.term, 2);
});

test('raft bad input: malformed messages leave the node working normally afterwards', () => {
  const b = follower();
  for (const [, m] of invalidMessages('b'))
    assert.throws(() => {
      b.step(m as Message);
    }, InvalidMessageError);
  b.step({
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 5,
    logTerm: 2,
    commit: 6,
    entries: [entry(6, 2)],
  });
  const rd = b.ready();
  assert.deepEqual(
    rd.committedEntries.map((e) => e.index),
    [5, 6],
  );
  b.advance();
  assert.equal(b.status().commit, 6);
});

function config(over: Partial<RaftConfig>): RaftConfig {
  return {
    id: 'a',
    electionTick: 10,
    heartbeatTick: 1,
    rng: new SeededRng(1),
    storage: bootstrapState(ABC),
    ...over,
  };
}

test('raft bad input: invalid RaftConfig values are refused with an error naming the field', () => {
  const cases: [Partial<RaftConfig>, RegExp][] = [
    [{ electionTick: 5, heartbeatTick: 5 }, /heartbeatTick.*electionTick/],
    [{ electionTick: 3, heartbeatTick: 4 }, /heartbeatTick.*electionTick/],
    [{ electionTick: 10.5 }, /electionTick/],
    [{ electionTick: 0 }, /electionTick/],
    [{ heartbeatTick: 0 }, /heartbeatTick/],
    [{ heartbeatTick: 0.5 }, /heartbeatTick/],
    [{ electionTick: Number.NaN }, /electionTick/],
    [{ readOnly: 'lease', checkQuorum: false }, /readOnly.*checkQuorum/],
    [{ readOnly: 'fast' as unknown as ReadOnlyOption }, /readOnly/],
    [{ maxInflightMsgs: 0 }, /maxInflightMsgs/],
    [{ maxSizePerMsg: -1 }, /maxSizePerMsg/],
    [{ maxInflightBytes: 1.5 }, /maxInflightBytes/],
    [{ maxUncommittedEntriesSize: -5 }, /maxUncommittedEntriesSize/],
    [{ maxCommittedSizePerReady: Number.NaN }, /maxCommittedSizePerReady/],
    [{ id: '' }, /\bid\b/],
  ];
  for (const [over, field] of cases) {
    assert.throws(
      () => new RaftCore(config(over)),
      (e: unknown) =>
        e instanceof RaftError && e.code === 'INVALID_ARGUMENT' && field.test(e.message),
      JSON.stringify(over),
    );
  }
  assert.doesNotThrow(() => new RaftCore(config({ readOnly: 'lease', checkQuorum: true })));
  assert.doesNotThrow(() => new RaftCore(config({ electionTick: 2, heartbeatTick: 1 })));
});
