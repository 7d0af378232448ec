import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { FAIL_STOP_EXIT_CODE, failStop } from '../../src/node/fail-stop.js';
import { RaftDriver } from '../../src/node/raft-driver.js';
import type { DriverPorts } from '../../src/node/raft-driver.js';
import type { Scheduler } from '../../src/node/scheduler.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import { InvariantViolation, bootstrapState } from '../../src/raft/index.js';
import { silentLogger } from '../../src/util/logger.js';

/** A hand-cranked scheduler: `soon` callbacks run on flush(), the tick timer on tick(). */
function manualScheduler(): Scheduler & { flush(): void; tick(): void } {
  let queue: (() => void)[] = [];
  let ticker: (() => void) | undefined;
  const never = { cancel: () => undefined };
  return {
    now: () => 0,
    after: () => never,
    every: (_ms, fn) => {
      ticker = fn;
      return never;
    },
    soon: (fn) => {
      queue.push(fn);
    },
    flush: () => {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        for (const fn of batch) fn();
      }
    },
    tick: () => {
      ticker?.();
    },
  };
}

/** A one-node cluster on a log that persists at once, whose state machine breaks an invariant. */
function brokenNode(onFatal: (err: Error) => void): {
  driver: RaftDriver;
  sched: ReturnType<typeof manualScheduler>;
} {
  const sched = manualScheduler();
  const sm: StateMachine = {
    apply: () => {
      throw new InvariantViolation('fabric: server s1 has no group');
    },
    snapshot: () => new Uint8Array(0),
    restore: () => undefined,
  };
  const ports: DriverPorts = {
    log: {
      persist: (_rd, done) => {
        done();
      },
      saveSnapshot: (_s, _c, done) => {
        done();
      },
      close: () => Promise.resolve(),
    },
    peers: {
      send: () => undefined,
      setPeer: () => undefined,
      removePeer: () => undefined,
      close: () => Promise.resolve(),
    },
    scheduler: sched,
    ids: { nextId: () => 'r1', rngSeed: () => 1 },
    onFatal,
  };
  const driver = new RaftDriver({
    id: 'n1',
    clusterId: 'c1',
    raft: {
      tickMs: 10,
      electionTicks: 5,
      heartbeatTicks: 1,
      preVote: false,
      checkQuorum: false,
      maxInflightMsgs: 16,
      maxSizePerMsg: 4096,
      snapshotThreshold: 1_000_000,
      snapshotKeepEntries: 0,
    },
    initial: bootstrapState(['n1']),
    stateMachine: sm,
    logger: silentLogger(),
    ports,
  });
  driver.run();
  for (let i = 0; i < 20 && !driver.isLeader(); i++) {
    sched.tick();
    sched.flush();
  }
  assert.ok(driver.isLeader(), 'a one-node cluster elects itself');
  return { driver, sched };
}

test('raft-node: an invariant broken while applying stops the node through onFatal', async () => {
  const fatal: Error[] = [];
  const { driver, sched } = brokenNode((err) => fatal.push(err));
  const proposal = driver.propose(new Uint8Array([1]), 1000);
  sched.flush();
  assert.equal(fatal.length, 1);
  assert.ok(fatal[0] instanceof InvariantViolation);
  assert.match(fatal[0].message, /has no group/);
  // Nothing more happens on a failed node: no new proposals, no more ticks.
  await assert.rejects(driver.propose(new Uint8Array([2]), 1000), { code: 'SHUTTING_DOWN' });
  sched.tick();
  sched.flush();
  assert.equal(fatal.length, 1);
  void proposal.catch(() => undefined);
});

test('raft-node: under the simulator the fatal port throws, so the seed fails', () => {
  const { driver, sched } = brokenNode((err) => {
    throw err;
  });
  void driver.propose(new Uint8Array([1]), 1000).catch(() => undefined);
  assert.throws(() => {
    sched.flush();
  }, InvariantViolation);
});

test('raft-node: fail-stop logs the broken invariant and exits with its own status', () => {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
  const codes: number[] = [];
  failStop(log, (code) => codes.push(code))(new InvariantViolation('log: gap before index 7'));
  assert.deepEqual(codes, [FAIL_STOP_EXIT_CODE]);
  assert.equal(FAIL_STOP_EXIT_CODE, 70);
  const line = JSON.parse(lines[0] ?? '{}') as { level: number; msg: string; invariant: string };
  assert.equal(line.level, 60);
  assert.equal(line.invariant, 'log: gap before index 7');
  assert.match(line.msg, /invariant violated: log: gap before index 7/);
});

test('raft-node: fail-stop names a storage failure as such', () => {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
  const codes: number[] = [];
  failStop(log, (code) => codes.push(code))(new Error('EIO: write failed'));
  assert.deepEqual(codes, [FAIL_STOP_EXIT_CODE]);
  assert.match(lines[0] ?? '', /storage failure: stopping the node/);
});
