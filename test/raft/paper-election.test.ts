/**
 * Raft paper §5.1, §5.2 and §5.4.1 (ports of etcd-io/raft raft_paper_test.go).
 * Each test drives one core through its public API and checks its outgoing
 * messages and state. Adaptations to this core: a bootstrapped member starts
 * at term 1 with its founding configuration at indexes 1..n, so terms and
 * indexes are shifted relative to etcd's tables.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message, RaftCore, Role } from '../../src/raft/index.js';
import { bootstrapState, emptyState, enc } from './harness.js';
import {
  appMsg,
  byRecipient,
  campaignTo,
  drain,
  electLeader,
  ent,
  followLeader,
  heartbeatMsg,
  ids,
  logState,
  makeCore,
  voteMsg,
  voteRespMsg,
} from './paper-helpers.js';

const PEERS = ids(3);
const ET = 10;

/** Puts core '1' of PEERS into `role` through the messages that lead there. */
function coreInRole(role: Role): RaftCore {
  const core = makeCore('1', PEERS, { preVote: role === 'pre-candidate' });
  switch (role) {
    case 'follower':
      followLeader(core, '2', 1);
      break;
    case 'pre-candidate':
    case 'candidate':
    case 'leader':
      campaignTo(core, role);
      break;
  }
  assert.equal(core.status().role, role);
  return core;
}

for (const role of ['follower', 'candidate', 'leader'] as const) {
  test(`raft §5.1: a ${role} that sees a higher term adopts it and becomes a follower`, () => {
    const core = coreInRole(role);
    const { term, lastIndex, lastTerm } = core.status();
    core.step(appMsg('2', '1', term + 1, { index: lastIndex, logTerm: lastTerm }));
    const st = core.status();
    assert.equal(st.term, term + 1);
    assert.equal(st.role, 'follower');
    assert.equal(st.leader, '2');
    // The new term is made durable before anything is acknowledged.
    const d = drain(core);
    assert.equal(d.hardStates.at(-1)?.term, term + 1);
  });
}

test('raft §5.1: a request carrying a stale term is rejected and changes nothing', () => {
  // A follower of '2' at term 2 holding two uncommitted entries of term 2.
  const stale = 1;
  const cases: {
    name: string;
    msg: Message;
    wantReply: Message['type'] | undefined;
    checkQuorum?: boolean;
  }[] = [
    {
      name: 'append that would overwrite uncommitted entries',
      msg: appMsg('3', '1', stale, { index: 3, logTerm: 1, entries: [ent(4, 1)], commit: 4 }),
      wantReply: undefined,
    },
    {
      name: 'heartbeat that would advance commit',
      msg: heartbeatMsg('3', '1', stale, 5),
      wantReply: undefined,
    },
    {
      name: 'vote request',
      msg: voteMsg('vote', '3', '1', stale, { index: 9, logTerm: 1 }),
      wantReply: undefined,
    },
    // Pre-vote: the pre-candidate is told our term, so it can catch up.
    {
      name: 'pre-vote request',
      msg: voteMsg('pre-vote', '3', '1', stale, { index: 9, logTerm: 1 }),
      wantReply: 'pre-vote-resp',
    },
    // With CheckQuorum, a deposed leader's append is answered with our term
    // (so it steps down) but not accepted.
    {
      name: 'append, with CheckQuorum',
      msg: appMsg('3', '1', stale, { index: 3, logTerm: 1, entries: [ent(4, 1)], commit: 4 }),
      wantReply: 'app-resp',
      checkQuorum: true,
    },
  ];
  for (const tc of cases) {
    const core = makeCore('1', PEERS, {
      storage: logState(PEERS, [2, 2]),
      checkQuorum: tc.checkQuorum ?? false,
    });
    followLeader(core, '2', 2);
    const before = core.status();
    core.step(tc.msg);
    const after = core.status();
    for (const k of [
      'role',
      'term',
      'vote',
      'leader',
      'commit',
      'lastIndex',
      'lastTerm',
    ] as const) {
      assert.deepEqual(after[k], before[k], `${tc.name}: ${k}`);
    }
    const out = drain(core);
    assert.deepEqual(out.entries, [], `${tc.name}: nothing persisted`);
    if (tc.wantReply === undefined) {
      assert.deepEqual(out.messages, [], tc.name);
    } else {
      assert.equal(out.messages.length, 1, tc.name);
      const reply = out.messages[0]!;
      assert.equal(reply.type, tc.wantReply, tc.name);
      assert.equal(reply.term, 2, `${tc.name}: the reply carries our newer term`);
      if (reply.type === 'pre-vote-resp') assert.equal(reply.reject, true, tc.name);
    }
  }
});

test('raft §5.2: every server starts as a follower', () => {
  const cases = [
    { name: 'founding member', storage: bootstrapState(PEERS) },
    { name: 'joining node with an empty log', storage: emptyState() },
    // Restarted after voting for itself as candidate: still starts as follower.
    { name: 'restart after campaigning', storage: logState(PEERS, [4], { term: 5, vote: '1' }) },
  ];
  for (const tc of cases) {
    const core = makeCore('1', PEERS, { storage: tc.storage });
    const st = core.status();
    assert.equal(st.role, 'follower', tc.name);
    assert.equal(st.leader, '', tc.name);
    assert.equal(st.term, tc.storage.hardState.term, tc.name);
  }
});

test('raft §5.2: on a heartbeat tick the leader sends empty heartbeats to every follower', () => {
  const core = makeCore('1', PEERS, { heartbeatTick: 1 });
  electLeader(core);
  const term = core.status().term;
  for (let i = 0; i < 10; i++) core.propose(enc(`e${i}`));
  drain(core);

  core.tick();

  // Nobody acknowledged anything, so the commit index a heartbeat may carry is 0.
  assert.deepEqual(byRecipient(drain(core).messages), [
    { type: 'heartbeat', from: '1', to: '2', term, commit: 0, context: '' },
    { type: 'heartbeat', from: '1', to: '3', term, commit: 0, context: '' },
  ]);
});

for (const role of ['follower', 'candidate'] as const) {
  const name =
    role === 'follower'
      ? 'raft §5.2: a follower whose election timer fires becomes candidate, votes for itself and requests votes'
      : 'raft §5.2: a candidate that neither wins nor loses in time starts a new election in a higher term';
  test(name, () => {
    const core = coreInRole(role);
    const term = core.status().term;
    drain(core);

    // The randomized timeout is < 2*ET, and the next one is >= ET.
    for (let i = 1; i < 2 * ET; i++) core.tick();

    const st = core.status();
    assert.equal(st.role, 'candidate');
    assert.equal(st.term, term + 1);
    assert.equal(st.vote, '1');
    const out = drain(core);
    // The self-vote is persisted with the Ready that carries the requests.
    assert.deepEqual(out.hardStates.at(-1), { term: term + 1, vote: '1', commit: 3 });
    assert.deepEqual(byRecipient(out.messages), [
      { type: 'vote', from: '1', to: '2', term: term + 1, index: 3, logTerm: 1, transfer: false },
      { type: 'vote', from: '1', to: '3', term: term + 1, index: 3, logTerm: 1, transfer: false },
    ]);
  });
}

test('raft §5.2: one round of RequestVote wins with a majority, loses on majority rejection, else waits', () => {
  const cases: { size: number; votes: [string, boolean][]; want: Role }[] = [
    // Win with votes from a majority.
    { size: 1, votes: [], want: 'leader' },
    {
      size: 3,
      votes: [
        ['2', true],
        ['3', true],
      ],
      want: 'leader',
    },
    { size: 3, votes: [['2', true]], want: 'leader' },
    {
      size: 5,
      votes: [
        ['2', true],
        ['3', true],
        ['4', true],
        ['5', true],
      ],
      want: 'leader',
    },
    {
      size: 5,
      votes: [
        ['2', true],
        ['3', true],
        ['4', true],
      ],
      want: 'leader',
    },
    {
      size: 5,
      votes: [
        ['2', true],
        ['3', true],
      ],
      want: 'leader',
    },
    // Back to follower on rejections from a majority.
    {
      size: 3,
      votes: [
        ['2', false],
        ['3', false],
      ],
      want: 'follower',
    },
    {
      size: 5,
      votes: [
        ['2', false],
        ['3', false],
        ['4', false],
        ['5', false],
      ],
      want: 'follower',
    },
    {
      size: 5,
      votes: [
        ['2', true],
        ['3', false],
        ['4', false],
        ['5', false],
      ],
      want: 'follower',
    },
    // Undecided: stay candidate.
    { size: 3, votes: [], want: 'candidate' },
    { size: 5, votes: [['2', true]], want: 'candidate' },
    {
      size: 5,
      votes: [
        ['2', false],
        ['3', false],
      ],
      want: 'candidate',
    },
    { size: 5, votes: [], want: 'candidate' },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', ids(tc.size));
    core.campaign();
    drain(core);
    const term = core.status().term;
    for (const [from, granted] of tc.votes)
      core.step(voteRespMsg('vote-resp', from, '1', term, !granted));
    assert.equal(core.status().role, tc.want, `#${i}`);
    assert.equal(core.status().term, 2, `#${i}`);
  }
});

test('raft §5.2: a follower votes for at most one candidate per term, first come first served', () => {
  const cases = [
    { vote: '', candidate: '2', reject: false },
    { vote: '', candidate: '3', reject: false },
    { vote: '2', candidate: '2', reject: false },
    { vote: '3', candidate: '3', reject: false },
    { vote: '2', candidate: '3', reject: true },
    { vote: '3', candidate: '2', reject: true },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', PEERS, { storage: logState(PEERS, [], { term: 1, vote: tc.vote }) });
    core.step(voteMsg('vote', tc.candidate, '1', 1, { index: 3, logTerm: 1 }));
    assert.deepEqual(
      drain(core).messages,
      [voteRespMsg('vote-resp', '1', tc.candidate, 1, tc.reject)],
      `#${i}`,
    );
    assert.equal(core.status().vote, tc.vote === '' ? tc.candidate : tc.vote, `#${i}: vote`);
  }
});

test('raft §5.2: a candidate that hears from a leader of at least its term returns to follower', () => {
  for (const delta of [0, 1]) {
    const core = coreInRole('candidate');
    const term = core.status().term + delta;
    core.step(appMsg('2', '1', term, { index: 3, logTerm: 1, commit: 3 }));
    const st = core.status();
    assert.equal(st.role, 'follower', `term +${delta}`);
    assert.equal(st.term, term, `term +${delta}`);
    assert.equal(st.leader, '2', `term +${delta}`);
  }
});

test('raft §5.2: a follower stays follower while it receives valid RPCs from a leader or candidate', () => {
  // The timeout is fixed at exactly ET ticks; an RPC every ET-1 ticks keeps
  // the follower from ever reaching it.
  const rpcs: { name: string; msg: (term: number) => Message }[] = [
    { name: 'heartbeat', msg: (term) => heartbeatMsg('2', '1', term) },
    { name: 'append', msg: (term) => appMsg('2', '1', term, { index: 3, logTerm: 1 }) },
    // A granted vote in the current term (nobody voted for, no leader known).
    {
      name: 'granted vote',
      msg: (term) => voteMsg('vote', '2', '1', term, { index: 3, logTerm: 1 }),
    },
  ];
  for (const rpc of rpcs) {
    const core = makeCore('1', PEERS, { timeoutOffset: 0 });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ET - 1; i++) core.tick();
      core.step(rpc.msg(1));
      drain(core);
    }
    for (let i = 0; i < ET - 1; i++) core.tick();
    assert.equal(core.status().role, 'follower', rpc.name);
    assert.equal(core.status().term, 1, rpc.name);
    // Without the RPC, the timer fires.
    core.tick();
    assert.equal(core.status().role, 'candidate', `${rpc.name}: the timer still runs`);
  }
});

/** Ticks until the core sends something; returns the number of ticks. */
function ticksUntilMessage(core: RaftCore): number {
  for (let t = 1; t <= 4 * ET; t++) {
    core.tick();
    if (drain(core).messages.length > 0) return t;
  }
  throw new Error('no election within 4 election timeouts');
}

for (const role of ['follower', 'candidate'] as const) {
  test(`raft §5.2: ${role} election timeouts are randomized over [electionTick, 2*electionTick)`, () => {
    const core = makeCore('1', PEERS);
    const seen = new Set<number>();
    for (let round = 0; round < 50 * ET; round++) {
      if (role === 'follower') followLeader(core, '2', core.status().term + 1);
      else core.campaign();
      drain(core);
      seen.add(ticksUntilMessage(core));
    }
    for (const t of seen)
      assert.ok(t >= ET && t < 2 * ET, `timeout ${t} outside [${ET}, ${2 * ET})`);
    for (let d = ET; d < 2 * ET; d++)
      assert.ok(seen.has(d), `a timeout of ${d} ticks should happen`);
  });
}

for (const role of ['follower', 'candidate'] as const) {
  test(`raft §5.2: in most rounds a single ${role} times out first, so split votes are rare`, () => {
    const peers = ids(5);
    const cores = peers.map((id) => makeCore(id, peers));
    let conflicts = 0;
    const rounds = 1000;
    for (let round = 0; round < rounds; round++) {
      for (const [k, core] of cores.entries()) {
        if (role === 'follower') {
          // Every node grants a vote in a new term to a candidate that then vanishes.
          const from = peers[(k + 1) % peers.length]!;
          const term = core.status().term + 1;
          core.step(voteMsg('vote', from, core.id, term, { index: 99, logTerm: term }));
        } else {
          core.campaign();
        }
        drain(core);
      }
      let timedOut = 0;
      while (timedOut === 0) {
        for (const core of cores) {
          core.tick();
          if (drain(core).messages.length > 0) timedOut++;
        }
      }
      if (timedOut > 1) conflicts++;
    }
    assert.ok(
      conflicts / rounds <= 0.3,
      `${conflicts} of ${rounds} rounds had several nodes time out at once`,
    );
  });
}

test('raft §5.4.1: a vote request carries the candidate last log index and term and goes to every peer', () => {
  const cases = [
    { entries: [ent(4, 1)], leaderTerm: 1, wantTerm: 2 },
    { entries: [ent(4, 1), ent(5, 2)], leaderTerm: 2, wantTerm: 3 },
  ];
  for (const [j, tc] of cases.entries()) {
    const core = makeCore('1', PEERS);
    core.step(appMsg('2', '1', tc.leaderTerm, { index: 3, logTerm: 1, entries: tc.entries }));
    drain(core);

    for (let i = 1; i < 2 * ET; i++) core.tick();

    const msgs = byRecipient(drain(core).messages);
    const last = tc.entries.at(-1)!;
    assert.equal(msgs.length, 2, `#${j}`);
    for (const [i, m] of msgs.entries()) {
      assert.equal(m.type, 'vote', `#${j}.${i}`);
      assert.equal(m.to, PEERS[i + 1], `#${j}.${i}`);
      assert.equal(m.term, tc.wantTerm, `#${j}.${i}`);
      assert.equal(m.index, last.index, `#${j}.${i}`);
      assert.equal(m.logTerm, last.term, `#${j}.${i}`);
    }
  }
});

test('raft §5.4.1: a voter denies its vote to a candidate whose log is less up to date', () => {
  // Two founding members: the voter's log is indexes 1..2 at term 1, then `extra`.
  const peers = ids(2);
  const cases: { extra: number[]; logTerm: number; index: number; reject: boolean }[] = [
    // Same last term: the longer (or equal) log wins.
    { extra: [1], logTerm: 1, index: 3, reject: false },
    { extra: [1], logTerm: 1, index: 4, reject: false },
    { extra: [1, 1], logTerm: 1, index: 3, reject: true },
    // The candidate's last term is higher: granted whatever the lengths.
    { extra: [1], logTerm: 2, index: 3, reject: false },
    { extra: [1], logTerm: 2, index: 4, reject: false },
    { extra: [1, 1], logTerm: 2, index: 3, reject: false },
    // The voter's last term is higher: denied whatever the lengths.
    { extra: [2], logTerm: 1, index: 3, reject: true },
    { extra: [2], logTerm: 1, index: 4, reject: true },
    { extra: [2, 2], logTerm: 1, index: 3, reject: true },
    { extra: [1, 1], logTerm: 1, index: 3, reject: true },
    // A bare founding log against a voter that holds more.
    { extra: [1], logTerm: 1, index: 2, reject: true },
  ];
  for (const [i, tc] of cases.entries()) {
    const core = makeCore('1', peers, { storage: logState(peers, tc.extra) });
    core.step(voteMsg('vote', '2', '1', 3, { index: tc.index, logTerm: tc.logTerm }));
    const msgs = drain(core).messages;
    assert.equal(msgs.length, 1, `#${i}`);
    const m = msgs[0]!;
    assert.equal(m.type, 'vote-resp', `#${i}`);
    assert.equal(m.reject, tc.reject, `#${i}`);
    assert.equal(
      core.status().vote,
      tc.reject ? '' : '2',
      `#${i}: vote recorded only when granted`,
    );
  }
});
