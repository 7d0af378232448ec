/**
 * Elections, Pre-Vote and CheckQuorum (ports of the election and
 * check-quorum groups of etcd-io/raft raft_test.go). Adaptations to this
 * core: a bootstrapped cluster starts at term 1 with its configuration at
 * indexes 1..n, so every term and index is one or n above etcd's; "dead"
 * nodes are members without a node in the network (etcd's nopStepper); and
 * a fixed-offset Rng stands in for etcd's setRandomizedElectionTimeout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message, RaftCore, Role } from '../../src/raft/index.js';
import { Network, enc } from './harness.js';
import {
  appMsg,
  campaignTo,
  drain,
  heartbeatMsg,
  ids,
  logOf,
  logState,
  makeCore,
  populate,
  tickSilently,
  tickUntilNot,
  voteMsg,
} from './paper-helpers.js';
import type { NodeSpec, TestCoreOptions } from './paper-helpers.js';

const ET = 10;
const PEERS = ids(3);

function net(
  peers: readonly string[],
  opts: TestCoreOptions = {},
  specs: Readonly<Record<string, NodeSpec>> = {},
  dead: readonly string[] = [],
): Network {
  return populate(new Network([]), peers, opts, specs, dead);
}

function roleOf(n: Network, id: string): Role {
  return n.core(id).status().role;
}

function termOf(n: Network, id: string): number {
  return n.core(id).status().term;
}

for (const preVote of [false, true]) {
  const kind = preVote ? 'raft pre-vote' : 'raft election';
  const candRole: Role = preVote ? 'pre-candidate' : 'candidate';
  // A failed pre-vote round does not advance the term.
  const candTerm = preVote ? 1 : 2;

  test(`${kind}: a candidate wins only with votes from a majority (cluster shapes, dead nodes, longer logs)`, () => {
    const five = ids(5);
    const cases: { name: string; n: Network; role: Role; term: number }[] = [
      { name: '3 of 3 alive', n: net(ids(3), { preVote }), role: 'leader', term: 2 },
      { name: '2 of 3 alive', n: net(ids(3), { preVote }, {}, ['3']), role: 'leader', term: 2 },
      {
        name: '1 of 3 alive',
        n: net(ids(3), { preVote }, {}, ['2', '3']),
        role: candRole,
        term: candTerm,
      },
      {
        name: '2 of 4 alive',
        n: net(ids(4), { preVote }, {}, ['2', '3']),
        role: candRole,
        term: candTerm,
      },
      { name: '3 of 5 alive', n: net(five, { preVote }, {}, ['2', '3']), role: 'leader', term: 2 },
      // Three voters hold longer logs at term 2 (not having voted), so they
      // answer with rejections rather than ignoring the request: node 1 learns
      // it lost and returns to follower in their term.
      {
        name: 'three voters with longer logs',
        n: net(
          five,
          { preVote },
          {
            '2': { storage: logState(five, [1], { term: 2 }) },
            '3': { storage: logState(five, [1], { term: 2 }) },
            '4': { storage: logState(five, [1, 1], { term: 2 }) },
          },
        ),
        role: 'follower',
        term: 2,
      },
    ];
    for (const tc of cases) {
      tc.n.campaign('1');
      assert.equal(roleOf(tc.n, '1'), tc.role, tc.name);
      assert.equal(termOf(tc.n, '1'), tc.term, tc.name);
    }
  });

  test(`${kind}: each node in turn can campaign and be elected from a non-clean state`, () => {
    const n = net(PEERS, { preVote });
    for (const campaigner of PEERS) {
      n.campaign(campaigner);
      for (const id of PEERS) {
        assert.equal(
          roleOf(n, id),
          id === campaigner ? 'leader' : 'follower',
          `campaigner ${campaigner}, node ${id}`,
        );
      }
    }
  });

  test(`${kind}: a new leader lacking a newer uncommitted entry overwrites it`, () => {
    const five = ids(5);
    // After the founding entries (1..5, term 1):
    // - node 1 won term 2 and replicated 6@2 to node 2 only;
    // - node 3 won term 3 with the votes of 4 and 5, wrote 6@3 and died.
    const n = net(
      five,
      { preVote },
      {
        '1': { storage: logState(five, [2], { term: 2 }) },
        '2': { storage: logState(five, [2], { term: 2 }) },
        '3': { storage: logState(five, [3], { term: 3 }) },
        '4': { storage: logState(five, [], { term: 3, vote: '3' }) },
        '5': { storage: logState(five, [], { term: 3, vote: '3' }) },
      },
    );

    // A quorum knows of term 3, which node 1 learns from their rejections.
    n.campaign('1');
    assert.equal(roleOf(n, '1'), 'follower');
    assert.equal(termOf(n, '1'), 3);

    // Campaigning again, in a higher term, succeeds.
    n.campaign('1');
    assert.equal(roleOf(n, '1'), 'leader');
    assert.equal(termOf(n, '1'), 4);

    // Everyone now holds 6@2 (node 3's 6@3 is gone) and the no-op 7@4.
    for (const id of five)
      assert.deepEqual(logOf(n.node(id)).slice(5), ['6@2', '7@4'], `node ${id}`);
  });

  test(`${kind}: a single-node cluster elects itself`, () => {
    const n = net(['1'], { preVote });
    n.campaign('1');
    assert.equal(roleOf(n, '1'), 'leader');
    assert.equal(termOf(n, '1'), 2);
  });
}

/** Core '1' of PEERS in `role`, reached through the messages that lead there. */
function coreInRole(role: Role, opts: TestCoreOptions = {}): RaftCore {
  const core = makeCore('1', PEERS, opts);
  if (role === 'follower') {
    core.step(heartbeatMsg('3', '1', core.status().term));
    drain(core);
  } else {
    campaignTo(core, role);
  }
  assert.equal(core.status().role, role);
  return core;
}

for (const type of ['vote', 'pre-vote'] as const) {
  const kind = type === 'vote' ? 'raft election' : 'raft pre-vote';
  test(`${kind}: a node in any state grants a ${type} for a higher term to an up-to-date candidate`, () => {
    for (const role of ['follower', 'pre-candidate', 'candidate', 'leader'] as const) {
      const core = coreInRole(role, { preVote: true });
      const origTerm = core.status().term;
      const newTerm = origTerm + 1;

      core.step(voteMsg(type, '2', '1', newTerm, { index: 42, logTerm: newTerm }));

      const msgs = drain(core).messages;
      assert.deepEqual(
        msgs,
        [
          {
            type: type === 'vote' ? 'vote-resp' : 'pre-vote-resp',
            from: '1',
            to: '2',
            term: newTerm,
            reject: false,
          },
        ],
        role,
      );
      const st = core.status();
      if (type === 'vote') {
        // A real vote moves us to the new term as a follower that voted.
        assert.equal(st.role, 'follower', role);
        assert.equal(st.term, newTerm, role);
        assert.equal(st.vote, '2', role);
      } else {
        // A pre-vote changes nothing.
        assert.equal(st.role, role, role);
        assert.equal(st.term, origTerm, role);
        assert.ok(st.vote === '' || st.vote === '1', `${role}: vote ${st.vote}`);
      }
    }
  });
}

test('raft election: dueling candidates: the one with a majority wins, the other catches up', () => {
  const n = net(PEERS);
  n.cut('1', '3');

  n.campaign('1');
  n.campaign('3');
  // 1 wins with 2's vote; 3 gets its own vote and a rejection from 2.
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '3'), 'candidate');

  n.recover();
  // 3 campaigns in a higher term: it deposes 1, but both 1 and 2 reject it
  // because its log lacks 1's no-op.
  n.campaign('3');

  const want: Record<string, { role: Role; term: number; lastIndex: number }> = {
    '1': { role: 'follower', term: 3, lastIndex: 4 },
    '2': { role: 'follower', term: 3, lastIndex: 4 },
    '3': { role: 'follower', term: 3, lastIndex: 3 },
  };
  for (const [id, w] of Object.entries(want)) {
    const st = n.core(id).status();
    assert.deepEqual({ role: st.role, term: st.term, lastIndex: st.lastIndex }, w, `node ${id}`);
  }
});

test('raft pre-vote: dueling pre-candidates: the stale one fails its pre-vote and does not disrupt the leader', () => {
  const n = net(PEERS, { preVote: true });
  n.cut('1', '3');

  n.campaign('1');
  n.campaign('3');
  // 1 wins with 2's votes; 3's pre-vote is rejected by 2 and 3 reverts to follower.
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '3'), 'follower');

  n.recover();
  // With Pre-Vote, 3 cannot disrupt the leader: nobody's term moves.
  n.campaign('3');

  const want: Record<string, { role: Role; term: number; lastIndex: number }> = {
    '1': { role: 'leader', term: 2, lastIndex: 4 },
    '2': { role: 'follower', term: 2, lastIndex: 4 },
    '3': { role: 'follower', term: 2, lastIndex: 3 },
  };
  for (const [id, w] of Object.entries(want)) {
    const st = n.core(id).status();
    assert.deepEqual({ role: st.role, term: st.term, lastIndex: st.lastIndex }, w, `node ${id}`);
  }
});

test('raft election: a partitioned candidate concedes to the leader once healed and receives its log', () => {
  const n = net(PEERS);
  n.isolate('1');
  n.campaign('1');
  n.campaign('3');
  assert.equal(roleOf(n, '1'), 'candidate');
  assert.equal(roleOf(n, '3'), 'leader');

  n.recover();
  // A heartbeat from 3 (same term) makes 1 concede.
  n.core('3').tick();
  n.stabilize();
  n.propose('3', 'force follower');
  n.core('3').tick();
  n.stabilize();

  assert.equal(roleOf(n, '1'), 'follower');
  assert.equal(termOf(n, '1'), 2);
  assert.equal(n.core('1').status().leader, '3');
  const want = ['1@1', '2@1', '3@1', '4@2', '5@2'];
  for (const id of PEERS) {
    assert.deepEqual(logOf(n.node(id)), want, `node ${id}`);
    assert.equal(n.core(id).status().commit, 5, `node ${id}`);
  }
  const last = n.node('1').storage.entries.at(-1);
  assert.deepEqual(last?.type === 'normal' ? last.data : undefined, enc('force follower'));
});

for (const type of ['vote', 'pre-vote'] as const) {
  const kind = type === 'vote' ? 'raft election' : 'raft pre-vote';
  test(`${kind}: ${type} granting by state, term, prior vote and log up-to-dateness`, () => {
    // The voter's log: founding entries 1..3 (term 1), then 4@2 and 5@2, so
    // its last entry is (5, 2). Rows: candidate's (index, logTerm), our vote.
    const rows: { role: Role; index: number; logTerm: number; vote: string; reject: boolean }[] = [
      { role: 'follower', index: 3, logTerm: 0, vote: '', reject: true },
      { role: 'follower', index: 3, logTerm: 1, vote: '', reject: true },
      { role: 'follower', index: 3, logTerm: 2, vote: '', reject: true },
      { role: 'follower', index: 3, logTerm: 3, vote: '', reject: false },

      { role: 'follower', index: 4, logTerm: 0, vote: '', reject: true },
      { role: 'follower', index: 4, logTerm: 1, vote: '', reject: true },
      { role: 'follower', index: 4, logTerm: 2, vote: '', reject: true },
      { role: 'follower', index: 4, logTerm: 3, vote: '', reject: false },

      { role: 'follower', index: 5, logTerm: 0, vote: '', reject: true },
      { role: 'follower', index: 5, logTerm: 1, vote: '', reject: true },
      { role: 'follower', index: 5, logTerm: 2, vote: '', reject: false },
      { role: 'follower', index: 5, logTerm: 3, vote: '', reject: false },

      { role: 'follower', index: 6, logTerm: 0, vote: '', reject: true },
      { role: 'follower', index: 6, logTerm: 1, vote: '', reject: true },
      { role: 'follower', index: 6, logTerm: 2, vote: '', reject: false },
      { role: 'follower', index: 6, logTerm: 3, vote: '', reject: false },

      // Already voted in this term: only for the same candidate again.
      { role: 'follower', index: 6, logTerm: 2, vote: '2', reject: false },
      { role: 'follower', index: 6, logTerm: 2, vote: '1', reject: true },

      // Leaders and (pre-)candidates have voted for themselves.
      { role: 'leader', index: 6, logTerm: 3, vote: '1', reject: true },
      { role: 'pre-candidate', index: 6, logTerm: 3, vote: '1', reject: true },
      { role: 'candidate', index: 6, logTerm: 3, vote: '1', reject: true },
    ];
    for (const [i, row] of rows.entries()) {
      // Request and voter share one term, so only the vote and the log decide.
      const term = Math.max(2, row.logTerm);
      let core: RaftCore;
      if (row.role === 'follower') {
        core = makeCore('1', PEERS, { storage: logState(PEERS, [2, 2], { term, vote: row.vote }) });
      } else if (row.role === 'pre-candidate') {
        core = makeCore('1', PEERS, {
          storage: logState(PEERS, [2, 2], { term, vote: '1' }),
          preVote: true,
        });
        campaignTo(core, 'pre-candidate');
      } else {
        core = makeCore('1', PEERS, { storage: logState(PEERS, [2, 2], { term: term - 1 }) });
        campaignTo(core, row.role);
      }
      const st = core.status();
      assert.deepEqual([st.role, st.term, st.vote], [row.role, term, row.vote], `#${i}: setup`);

      core.step(voteMsg(type, '2', '1', term, { index: row.index, logTerm: row.logTerm }));

      const msgs = drain(core).messages;
      assert.equal(msgs.length, 1, `#${i}`);
      const m = msgs[0]!;
      assert.equal(m.type, type === 'vote' ? 'vote-resp' : 'pre-vote-resp', `#${i}`);
      assert.equal(m.reject, row.reject, `#${i}`);
    }
  });
}

test('raft election: every state steps down to follower on a vote request or append of a higher term', () => {
  const cases: { role: Role; lastIndex: number }[] = [
    { role: 'follower', lastIndex: 3 },
    { role: 'pre-candidate', lastIndex: 3 },
    { role: 'candidate', lastIndex: 3 },
    // The leader keeps its no-op.
    { role: 'leader', lastIndex: 4 },
  ];
  const term = 3;
  const msgs: Message[] = [
    voteMsg('vote', '2', '1', term, { index: 0, logTerm: term }),
    appMsg('2', '1', term, { index: 0, logTerm: 0 }),
  ];
  for (const tc of cases) {
    const core = makeCore('1', PEERS, { preVote: tc.role === 'pre-candidate' });
    if (tc.role !== 'follower') campaignTo(core, tc.role);
    for (const m of msgs) {
      core.step(m);
      const st = core.status();
      const at = `${tc.role}, ${m.type}`;
      assert.equal(st.role, 'follower', at);
      assert.equal(st.term, term, at);
      assert.equal(st.lastIndex, tc.lastIndex, at);
      // A vote request names no leader; an append does.
      assert.equal(st.leader, m.type === 'vote' ? '' : '2', at);
    }
  }
});

for (const type of ['heartbeat', 'app'] as const) {
  test(`raft election: a candidate that receives ${type === 'app' ? 'an append' : 'a heartbeat'} from the leader adopts its term and follows it`, () => {
    const n = net(PEERS);
    n.campaign('1');
    assert.deepEqual(
      PEERS.map((id) => roleOf(n, id)),
      ['leader', 'follower', 'follower'],
    );

    // Isolate 3 and raise the term among the others.
    n.isolate('3');
    n.campaign('2');
    n.campaign('1');
    assert.equal(roleOf(n, '1'), 'leader');
    assert.equal(roleOf(n, '2'), 'follower');
    const leaderTerm = termOf(n, '1');
    assert.equal(leaderTerm, 4);

    // 3 times out alone and campaigns, in a term below the leader's.
    tickUntilNot(n.core('3'), 'follower', 2 * ET);
    n.stabilize();
    assert.equal(roleOf(n, '3'), 'candidate');
    assert.ok(termOf(n, '3') < leaderTerm);

    n.recover();
    const m: Message =
      type === 'heartbeat'
        ? heartbeatMsg('1', '3', leaderTerm)
        : appMsg('1', '3', leaderTerm, { index: 0, logTerm: 0 });
    n.send([m]);

    assert.equal(roleOf(n, '3'), 'follower');
    assert.equal(termOf(n, '3'), leaderTerm);
    assert.equal(n.core('3').status().leader, '1');
  });
}

test('raft check-quorum: a leader stays leader while it hears from a quorum', () => {
  const core = makeCore('1', PEERS, { checkQuorum: true, electionTick: 5 });
  campaignTo(core, 'leader');
  const term = core.status().term;
  for (let i = 0; i < 5 + 1; i++) {
    core.step({ type: 'heartbeat-resp', from: '2', to: '1', term, context: '' });
    core.tick();
  }
  assert.equal(core.status().role, 'leader');
  assert.equal(core.status().term, term);
});

test('raft check-quorum: a leader that hears from no quorum for an election timeout steps down', () => {
  const core = makeCore('1', PEERS, { checkQuorum: true, electionTick: 5 });
  campaignTo(core, 'leader');
  const term = core.status().term;
  for (let i = 0; i < 5 + 1; i++) core.tick();
  const st = core.status();
  assert.equal(st.role, 'follower');
  assert.equal(st.term, term, 'stepping down does not change the term');
  assert.equal(st.leader, '');
});

test('raft check-quorum: voters refuse to depose a live leader until their own election timeout passes', () => {
  // b's randomized timeout is fixed at ET+1 so that ticking it ET times
  // expires its leader lease without making it campaign.
  const n = net(PEERS, { checkQuorum: true }, { '2': { opts: { timeoutOffset: 1 } } });
  tickSilently(n.node('2'), ET);
  n.campaign('1');
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '3'), 'follower');

  n.campaign('3');
  // b heard from the leader less than an election timeout ago: it ignores 3.
  assert.equal(roleOf(n, '3'), 'candidate');
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(termOf(n, '2'), 2);

  tickSilently(n.node('2'), ET);
  n.campaign('3');
  assert.equal(roleOf(n, '3'), 'leader');
  assert.equal(roleOf(n, '1'), 'follower');
});

test('raft check-quorum: elections still happen once followers stop hearing from the leader', () => {
  const n = net(
    PEERS,
    { checkQuorum: true },
    {
      '1': { opts: { timeoutOffset: 1 } },
      '2': { opts: { timeoutOffset: 2 } },
    },
  );
  // A fresh cluster has no leader lease: votes are cast at once.
  n.campaign('1');
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '3'), 'follower');

  // An election timeout passes with the leader's heartbeats lost.
  tickSilently(n.node('1'), ET);
  tickSilently(n.node('2'), ET);
  n.campaign('3');

  assert.equal(roleOf(n, '1'), 'follower');
  assert.equal(roleOf(n, '3'), 'leader');
});

test('raft check-quorum: a stuck candidate with a higher term deposes the leader, which adopts its term', () => {
  const n = net(PEERS, { checkQuorum: true }, { '2': { opts: { timeoutOffset: 1 } } });
  tickSilently(n.node('2'), ET);
  n.campaign('1');

  n.isolate('1');
  n.campaign('3');
  // 2 still has a leader lease: it ignores 3, which stays candidate.
  assert.equal(roleOf(n, '2'), 'follower');
  assert.equal(roleOf(n, '3'), 'candidate');
  assert.equal(termOf(n, '3'), termOf(n, '2') + 1);

  n.campaign('3');
  assert.equal(roleOf(n, '2'), 'follower');
  assert.equal(roleOf(n, '3'), 'candidate');
  assert.equal(termOf(n, '3'), termOf(n, '2') + 2);

  n.recover();
  // The leader's stale heartbeat is answered with 3's term: the leader steps down.
  n.send([heartbeatMsg('1', '3', termOf(n, '1'))]);
  assert.equal(roleOf(n, '1'), 'follower');
  assert.equal(termOf(n, '1'), termOf(n, '3'));

  // 3 is freed: its next campaign succeeds.
  n.campaign('3');
  assert.equal(roleOf(n, '3'), 'leader');
});

test('raft check-quorum: a non-promotable member never campaigns and follows the leader', () => {
  // Voter 1 and learner 2 (this core's non-promotable member).
  const learnerLog = {
    hardState: { term: 1, vote: '', commit: 2 },
    entries: [
      {
        type: 'conf' as const,
        term: 1,
        index: 1,
        change: { type: 'add-voter' as const, nodeId: '1' },
      },
      {
        type: 'conf' as const,
        term: 1,
        index: 2,
        change: { type: 'add-learner' as const, nodeId: '2' },
      },
    ],
  };
  const n = net(
    ['1', '2'],
    { checkQuorum: true, storage: learnerLog },
    { '2': { opts: { timeoutOffset: 1 } } },
  );

  tickSilently(n.node('2'), 2 * ET);
  assert.equal(roleOf(n, '2'), 'follower');
  assert.equal(termOf(n, '2'), 1);

  n.campaign('1');
  tickSilently(n.node('2'), 2 * ET);

  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '2'), 'follower');
  assert.equal(n.core('2').status().leader, '1');
  assert.equal(termOf(n, '2'), termOf(n, '1'));
});

test('raft check-quorum: without Pre-Vote an isolated follower that times out forces the leader down', () => {
  const n = net(PEERS, { checkQuorum: true });
  n.campaign('1');
  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['leader', 'follower', 'follower'],
  );

  // 3's election timer fires before the leader's heartbeat reaches it.
  tickUntilNot(n.core('3'), 'follower', 2 * ET);
  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['leader', 'follower', 'candidate'],
  );
  assert.deepEqual(
    PEERS.map((id) => termOf(n, id)),
    [2, 2, 3],
  );

  // The late heartbeat (term 2) reaches candidate 3, which answers with term 3;
  // 3's vote requests are ignored by 1 and 2, which still have a live leader.
  n.send([heartbeatMsg('1', '3', termOf(n, '1'))]);

  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['follower', 'follower', 'candidate'],
  );
  assert.deepEqual(
    PEERS.map((id) => termOf(n, id)),
    [3, 2, 3],
  );
});

test('raft pre-vote: an isolated follower that times out does not force the leader down', () => {
  const n = net(PEERS, { checkQuorum: true, preVote: true });
  n.campaign('1');
  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['leader', 'follower', 'follower'],
  );

  n.isolate('3');
  for (const d of ['somedata', 'somedata', 'somedata']) n.propose('1', d);
  n.recover();
  n.campaign('3');

  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['leader', 'follower', 'pre-candidate'],
  );
  assert.deepEqual(
    PEERS.map((id) => termOf(n, id)),
    [2, 2, 2],
  );

  // The delayed heartbeat makes 3 follow the leader again; the leader stays.
  n.send([heartbeatMsg('1', '3', termOf(n, '1'))]);
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(termOf(n, '1'), 2);
  assert.equal(roleOf(n, '3'), 'follower');
});

test('raft pre-vote: a node with a smaller term rejoining as the leader fails does not stall elections', () => {
  const n = net(PEERS, { preVote: true });
  n.cut('1', '3');
  n.cut('2', '3');

  n.campaign('1');
  assert.equal(roleOf(n, '1'), 'leader');
  assert.equal(roleOf(n, '2'), 'follower');

  n.campaign('3');
  assert.equal(roleOf(n, '3'), 'pre-candidate');

  n.campaign('2');
  assert.deepEqual(
    PEERS.map((id) => termOf(n, id)),
    [3, 3, 1],
  );
  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['follower', 'leader', 'pre-candidate'],
  );

  // Bring 3 back and lose leader 2.
  n.recover();
  n.cut('2', '1');
  n.cut('2', '3');

  n.campaign('3');
  n.campaign('1');

  assert.ok(
    roleOf(n, '1') === 'leader' || roleOf(n, '3') === 'leader',
    PEERS.map((id) => roleOf(n, id)).join(),
  );
});

test('raft pre-vote: after a split vote the next round elects a leader', () => {
  const n = net(PEERS, { preVote: true });
  n.campaign('1');

  // The leader goes down; 2 and 3 time out together.
  n.isolate('1');
  n.core('2').campaign();
  n.core('3').campaign();
  n.stabilize();

  assert.deepEqual([termOf(n, '2'), termOf(n, '3')], [3, 3]);
  assert.deepEqual([roleOf(n, '2'), roleOf(n, '3')], ['candidate', 'candidate']);

  // 2 times out first.
  n.campaign('2');
  assert.deepEqual([termOf(n, '2'), termOf(n, '3')], [4, 4]);
  assert.deepEqual([roleOf(n, '2'), roleOf(n, '3')], ['leader', 'follower']);
});

test('raft pre-vote: with CheckQuorum a pre-candidate does not block the election of another node', () => {
  const n = net(PEERS, { preVote: true, checkQuorum: true });
  n.campaign('1');
  n.isolate('1');
  assert.deepEqual(
    PEERS.map((id) => roleOf(n, id)),
    ['leader', 'follower', 'follower'],
  );

  // 2 still has a leader lease and ignores 3's pre-vote; 3, a pre-candidate
  // with no leader, grants 2's.
  n.campaign('3');
  assert.equal(roleOf(n, '3'), 'pre-candidate');
  n.campaign('2');

  assert.equal(roleOf(n, '2'), 'leader');
  assert.equal(roleOf(n, '3'), 'follower');
});
