/**
 * Raft paper §5.3 and §5.4.2 (ports of etcd-io/raft raft_paper_test.go).
 * Adaptations to this core: founding members hold their configuration at
 * indexes 1..n (term 1, committed), so the logs of etcd's tables continue
 * after it; a new leader's first entry is its no-op.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry, Message } from '../../src/raft/index.js';
import { MemoryStorage, Network, enc } from './harness.js';
import {
  ackAll,
  acceptAndReply,
  appMsg,
  byRecipient,
  drain,
  electLeader,
  ent,
  followLeader,
  ids,
  isApp,
  logOf,
  logState,
  makeCore,
  populate,
} from './paper-helpers.js';

const PEERS = ids(3);
const DATA = enc('some data');

/** A leader of `peers` whose no-op is committed everywhere; bootstrap entries count as applied. */
function leaderWithCommittedNoop(peers: readonly string[] = PEERS) {
  const core = makeCore('1', peers, { applied: peers.length });
  ackAll(core, electLeader(core).messages);
  const st = core.status();
  assert.equal(st.role, 'leader');
  assert.equal(st.commit, st.lastIndex, 'the no-op is committed');
  return core;
}

test('raft §5.3: the leader appends a proposal, persists it and sends AppendEntries with the preceding index and term to every peer', () => {
  const core = leaderWithCommittedNoop();
  const { lastIndex: li, term } = core.status();

  const pos = core.propose(DATA);

  assert.deepEqual(pos, { index: li + 1, term });
  assert.equal(core.status().lastIndex, li + 1);
  assert.equal(core.status().commit, li, 'not committed before replication');
  const rd = core.ready();
  const want: Entry = { type: 'normal', term, index: li + 1, data: DATA };
  assert.deepEqual(rd.entries, [want], 'handed out for stable storage');
  assert.equal(rd.mustSync, true);
  assert.deepEqual(byRecipient(rd.messages), [
    {
      type: 'app',
      from: '1',
      to: '2',
      term,
      index: li,
      logTerm: term,
      entries: [want],
      commit: li,
    },
    {
      type: 'app',
      from: '1',
      to: '3',
      term,
      index: li,
      logTerm: term,
      entries: [want],
      commit: li,
    },
  ]);
  core.advance();
});

test('raft §5.3: a replicated entry is committed, applied by the leader and its commit index sent in later appends', () => {
  const core = leaderWithCommittedNoop();
  const { lastIndex: li, term } = core.status();
  core.propose(DATA);

  for (const m of drain(core).messages) core.step(acceptAndReply(m));

  assert.equal(core.status().commit, li + 1);
  const out = drain(core);
  assert.deepEqual(out.committed, [{ type: 'normal', term, index: li + 1, data: DATA }]);
  const msgs = byRecipient(out.messages);
  assert.deepEqual(
    msgs.map((m) => m.to),
    ['2', '3'],
  );
  for (const m of msgs) {
    assert.ok(isApp(m), `${m.type} to ${m.to}`);
    assert.equal(m.commit, li + 1);
  }
});

test('raft §5.3: an entry is committed once the leader has replicated it on a majority', () => {
  const cases: { size: number; acceptors: string[]; committed: boolean }[] = [
    { size: 1, acceptors: [], committed: true },
    { size: 3, acceptors: [], committed: false },
    { size: 3, acceptors: ['2'], committed: true },
    { size: 3, acceptors: ['2', '3'], committed: true },
    { size: 5, acceptors: [], committed: false },
    { size: 5, acceptors: ['2'], committed: false },
    { size: 5, acceptors: ['2', '3'], committed: true },
    { size: 5, acceptors: ['2', '3', '4'], committed: true },
    { size: 5, acceptors: ['2', '3', '4', '5'], committed: true },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = leaderWithCommittedNoop(ids(tc.size));
    const li = core.status().lastIndex;
    core.propose(DATA);
    for (const m of drain(core).messages) {
      if (tc.acceptors.includes(m.to)) core.step(acceptAndReply(m));
    }
    assert.equal(core.status().commit > li, tc.committed, `#${i}`);
  }
});

test('raft §5.3: committing an entry commits every preceding one, older leaders included, applied in log order', () => {
  // Entries after the founding configuration (indexes 1..3), left uncommitted
  // by earlier leaders; the node restarts at term 2 and is elected at term 3.
  const cases: number[][] = [[], [2], [1, 2], [1]];
  for (const [i, terms] of cases.entries()) {
    const core = makeCore('1', PEERS, { storage: logState(PEERS, terms, { term: 2 }), applied: 3 });
    const { messages } = electLeader(core);
    core.propose(DATA);

    const { committed } = ackAll(core, messages);

    const li = 3 + terms.length;
    assert.deepEqual(
      committed,
      [
        ...terms.map((t, k) => ent(4 + k, t)),
        { type: 'normal', term: 3, index: li + 1, data: new Uint8Array(0) },
        { type: 'normal', term: 3, index: li + 2, data: DATA },
      ],
      `#${i}`,
    );
  }
});

test('raft §5.3: a follower that learns the commit index applies the entries in log order', () => {
  const cases: { entries: Entry[]; commit: number }[] = [
    { entries: [{ type: 'normal', term: 1, index: 4, data: enc('some data') }], commit: 4 },
    {
      entries: [
        { type: 'normal', term: 1, index: 4, data: enc('some data') },
        { type: 'normal', term: 1, index: 5, data: enc('some data2') },
      ],
      commit: 5,
    },
    {
      entries: [
        { type: 'normal', term: 1, index: 4, data: enc('some data2') },
        { type: 'normal', term: 1, index: 5, data: enc('some data') },
      ],
      commit: 5,
    },
    {
      entries: [
        { type: 'normal', term: 1, index: 4, data: enc('some data') },
        { type: 'normal', term: 1, index: 5, data: enc('some data2') },
      ],
      commit: 4,
    },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', PEERS, { applied: 3 });
    followLeader(core, '2', 1);

    core.step(
      appMsg('2', '1', 1, { index: 3, logTerm: 1, entries: tc.entries, commit: tc.commit }),
    );

    assert.equal(core.status().commit, tc.commit, `#${i}`);
    assert.deepEqual(drain(core).committed, tc.entries.slice(0, tc.commit - 3), `#${i}`);
  }
});

test('raft §5.3: a follower advances commit to min(leader commit, index of the last new entry)', () => {
  // The follower holds 4@1 and 5@1 after its founding entries; the append
  // covers only index 4, so index 5 is not known to match the leader's log.
  const cases = [
    { entries: [ent(4, 1)], leaderCommit: 5, want: 4 },
    { entries: [], leaderCommit: 5, want: 3 },
    { entries: [ent(4, 1), ent(5, 1)], leaderCommit: 5, want: 5 },
    { entries: [ent(4, 1), ent(5, 1)], leaderCommit: 4, want: 4 },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', PEERS, { storage: logState(PEERS, [1, 1]), applied: 3 });
    followLeader(core, '2', 1);

    core.step(
      appMsg('2', '1', 1, { index: 3, logTerm: 1, entries: tc.entries, commit: tc.leaderCommit }),
    );

    assert.equal(core.status().commit, tc.want, `#${i}`);
    assert.deepEqual(
      drain(core).committed.map((e) => e.index),
      [4, 5].filter((x) => x <= tc.want),
      `#${i}`,
    );
  }
});

test('raft §5.3: a follower refuses an append whose preceding entry it does not hold, and accepts it otherwise', () => {
  // Log: founding entries 1..3 at term 1 (committed), then index 4 at term 2.
  const cases: {
    name: string;
    logTerm: number;
    index: number;
    want: { index: number; reject: boolean; hintIndex: number; hintTerm: number };
  }[] = [
    // Matches within the committed prefix.
    {
      name: 'before the log',
      logTerm: 0,
      index: 0,
      want: { index: 3, reject: false, hintIndex: 0, hintTerm: 0 },
    },
    {
      name: 'last committed',
      logTerm: 1,
      index: 3,
      want: { index: 3, reject: false, hintIndex: 0, hintTerm: 0 },
    },
    // Matches an uncommitted entry.
    {
      name: 'uncommitted',
      logTerm: 2,
      index: 4,
      want: { index: 4, reject: false, hintIndex: 0, hintTerm: 0 },
    },
    // The entry exists with another term: point the leader at index 3 (term 1).
    {
      name: 'term mismatch',
      logTerm: 1,
      index: 4,
      want: { index: 4, reject: true, hintIndex: 3, hintTerm: 1 },
    },
    // The entry does not exist: point the leader at our last entry.
    {
      name: 'past the end',
      logTerm: 3,
      index: 5,
      want: { index: 5, reject: true, hintIndex: 4, hintTerm: 2 },
    },
  ];
  for (const tc of cases) {
    const core = makeCore('1', PEERS, { storage: logState(PEERS, [2], { term: 3 }) });
    followLeader(core, '2', 3);

    core.step(appMsg('2', '1', 3, { index: tc.index, logTerm: tc.logTerm }));

    assert.deepEqual(
      drain(core).messages,
      [{ type: 'app-resp', from: '1', to: '2', term: 3, ...tc.want }],
      tc.name,
    );
  }
});

test('raft §5.3: a follower deletes a conflicting suffix, appends the new entries and persists them', () => {
  // Log: founding entries 1..3 (term 1, committed), then 4@1 and 5@2.
  const cases: {
    index: number;
    logTerm: number;
    entries: Entry[];
    want: string[];
    unstable: string[];
  }[] = [
    { index: 5, logTerm: 2, entries: [ent(6, 3)], want: ['4@1', '5@2', '6@3'], unstable: ['6@3'] },
    {
      index: 4,
      logTerm: 1,
      entries: [ent(5, 3), ent(6, 4)],
      want: ['4@1', '5@3', '6@4'],
      unstable: ['5@3', '6@4'],
    },
    { index: 3, logTerm: 1, entries: [ent(4, 1)], want: ['4@1', '5@2'], unstable: [] },
    { index: 3, logTerm: 1, entries: [ent(4, 3)], want: ['4@3'], unstable: ['4@3'] },
  ];
  for (const [i, tc] of cases.entries()) {
    const init = logState(PEERS, [1, 2], { term: 4 });
    const storage = MemoryStorage.from(init);
    const core = makeCore('1', PEERS, { storage: init });
    followLeader(core, '2', 4);

    core.step(appMsg('2', '1', 4, { index: tc.index, logTerm: tc.logTerm, entries: tc.entries }));

    const out = drain(core, storage);
    const tail = (es: readonly Entry[]): string[] =>
      es.filter((e) => e.index > 3).map((e) => `${e.index}@${e.term}`);
    assert.deepEqual(tail(out.entries), tc.unstable, `#${i}: unstable`);
    assert.deepEqual(tail(storage.entries), tc.want, `#${i}: persisted log`);
    assert.equal(core.status().lastIndex, 3 + tc.want.length, `#${i}`);
    const resp = out.messages.at(-1);
    assert.ok(resp?.type === 'app-resp' && !resp.reject, `#${i}: accepted`);
  }
});

test('raft §5.3: the leader brings every Figure 7 follower log into agreement with its own', () => {
  // Figure 7: the leader of term 8 holds 1,1,1,4,4,5,5,6,6,6 (indexes 1..10).
  // Indexes 1..3 are the founding configuration, also at term 1.
  const leaderTerms = [4, 4, 5, 5, 6, 6, 6];
  const followers: Record<string, number[]> = {
    a: [4, 4, 5, 5, 6, 6],
    b: [4, 4],
    c: [4, 4, 5, 5, 6, 6, 6, 6],
    d: [4, 4, 5, 5, 6, 6, 6, 7, 7],
    e: [4, 4, 4, 4],
    f: [2, 2, 2, 3, 3, 3, 3, 3],
  };
  for (const [name, terms] of Object.entries(followers)) {
    // Three voters: node 3 is unreachable, so that the leader can win even
    // when the follower's log is more up to date than its own (c, d).
    const net = populate(
      new Network([]),
      PEERS,
      {},
      {
        '1': { storage: logState(PEERS, leaderTerms, { term: 8, commit: 10 }) },
        '2': { storage: logState(PEERS, terms, { term: 7 }) },
      },
      ['3'],
    );
    net.campaign('1');
    const lead = net.core('1');
    if (lead.status().role !== 'leader') {
      lead.step({ type: 'vote-resp', from: '3', to: '1', term: lead.status().term, reject: false });
      net.stabilize();
    }
    assert.equal(lead.status().role, 'leader', name);
    assert.equal(lead.status().term, 9, name);
    net.propose('1', 'x');

    const leaderLog = logOf(net.node('1'));
    assert.deepEqual(
      leaderLog.slice(0, 10),
      ['1@1', '2@1', '3@1', '4@4', '5@4', '6@5', '7@5', '8@6', '9@6', '10@6'],
      name,
    );
    assert.deepEqual(logOf(net.node('2')), leaderLog, name);
    assert.deepEqual(
      net.node('2').storage.entries,
      net.node('1').storage.entries,
      `${name}: same payloads`,
    );
    assert.equal(net.core('2').status().commit, lead.status().lastIndex, `${name}: committed`);
  }
});

test('raft §5.4.2: only entries of the current term are committed by counting replicas', () => {
  // Two voters; entries 3@1 and 4@2 are left over from earlier terms. The
  // node is elected at term 3 (no-op at 5) and proposes index 6.
  const peers = ids(2);
  const cases: { ackIndex: number; wantCommit: number; knob?: boolean }[] = [
    { ackIndex: 3, wantCommit: 2 },
    { ackIndex: 4, wantCommit: 2 },
    { ackIndex: 5, wantCommit: 5 },
    { ackIndex: 6, wantCommit: 6 },
    // The Figure 8 bug, enabled by a testing knob: the same acknowledgement
    // now commits index 4 of term 2, which this test must catch.
    { ackIndex: 4, wantCommit: 4, knob: true },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', peers, {
      storage: logState(peers, [1, 2], { term: 2 }),
      testing: { commitPreviousTermByCount: tc.knob ?? false },
    });
    electLeader(core);
    assert.equal(core.status().term, 3);
    core.propose(new Uint8Array(0));
    drain(core);

    const ack: Message = {
      type: 'app-resp',
      from: '2',
      to: '1',
      term: 3,
      index: tc.ackIndex,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    };
    core.step(ack);

    assert.equal(core.status().commit, tc.wantCommit, `#${i}`);
  }
});
