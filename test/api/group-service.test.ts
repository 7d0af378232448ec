import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { FabricCallError } from '../../src/client/index.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { FakeNode, FakeProcedures, populatedFarm, procedureRecord, serve } from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

/** Asserts a rejection with this code, gRPC status and message. */
function fails(code: string, grpcCode: grpc.status, message: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof FabricCallError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.grpcCode, grpcCode);
    assert.match(e.message, message);
    return true;
  };
}

test(
  'group: every mutation submits its procedure with the contract args and the request id',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    const g = s.client.groups;
    try {
      const done = await g.create('g9', { description: 'ninth', requestId: 'req-1' });
      assert.equal(done.state, 'PROCEDURE_STATE_DONE');
      assert.equal(done.id, 'p1');
      await g.create('g8');
      await g.destroy('g9');
      await g.setDescription('g1', 'renamed');
      await g.add('g1', 'db-d:3306', { updateOnly: true });
      await g.add('g1', '[::1]:3306');
      await g.remove('g1', 'db-b:3306');
      await g.promote('g1', { server: 'uuid-b', force: true });
      await g.promote('g1');
      await g.demote('g1', { updateOnly: true });
      await g.activate('g1');
      await g.deactivate('g1');
      assert.deepEqual(
        procedures.submitted.map((x) => [x.name, x.args]),
        [
          ['group.create', { group: 'g9', description: 'ninth' }],
          ['group.create', { group: 'g8' }],
          ['group.destroy', { group: 'g9' }],
          ['group.description', { group: 'g1', description: 'renamed' }],
          ['group.add', { group: 'g1', address: 'db-d:3306', updateOnly: true }],
          ['group.add', { group: 'g1', address: '[::1]:3306' }],
          ['group.remove', { group: 'g1', server: 'db-b:3306' }],
          ['group.promote', { group: 'g1', server: 'uuid-b', force: true }],
          ['group.promote', { group: 'g1' }],
          ['group.demote', { group: 'g1', updateOnly: true }],
          ['group.activate', { group: 'g1' }],
          ['group.deactivate', { group: 'g1' }],
        ],
      );
      assert.equal(procedures.submitted[0]?.requestId, 'req-1');
      const ids = new Set(procedures.submitted.map((x) => x.requestId));
      assert.equal(ids.size, procedures.submitted.length, 'a fresh request id per call');
      assert.deepEqual(new Set(procedures.waits), new Set([30_000]), 'waits 30 s by default');
    } finally {
      await s.stop();
    }
  },
);

test(
  'group: no_wait answers with the running procedure; a custom wait is passed on',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    try {
      const p = await s.client.groups.activate('g1', { noWait: true });
      assert.equal(p.state, 'PROCEDURE_STATE_RUNNING');
      assert.deepEqual(procedures.waits, [], 'no_wait does not wait');
      await s.client.groups.activate('g1', { timeoutMs: 1_234 });
      assert.deepEqual(procedures.waits, [1_234]);
    } finally {
      await s.stop();
    }
  },
);

test(
  'group: a FAILED procedure is an error with its step code, naming the step and the procedure',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    try {
      procedures.ending = (name) =>
        procedureRecord({
          id: 'p-add',
          name,
          state: 'FAILED',
          error: {
            step: 'check',
            code: 'SERVER_UNREACHABLE',
            message: 'db-d:3306 refused the connection',
          },
        });
      await assert.rejects(
        s.client.groups.add('g1', 'db-d:3306'),
        fails(
          'SERVER_UNREACHABLE',
          grpc.status.UNAVAILABLE,
          /^group\.add failed at step check: db-d:3306 refused the connection \(procedure p-add\)$/,
        ),
      );
      // A step code that is not ours (a MySQL error name) becomes PROCEDURE_FAILED and stays in the message.
      procedures.ending = (name) =>
        procedureRecord({
          name,
          state: 'FAILED',
          error: { step: 'configure', code: 'ER_ACCESS_DENIED_ERROR', message: 'Access denied' },
        });
      await assert.rejects(
        s.client.groups.promote('g1'),
        fails(
          'PROCEDURE_FAILED',
          grpc.status.ABORTED,
          /group\.promote failed at step configure: ER_ACCESS_DENIED_ERROR: Access denied \(procedure p1\)/,
        ),
      );
    } finally {
      await s.stop();
    }
  },
);

test(
  'group: a procedure still running at the deadline is DEADLINE_EXCEEDED naming it',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    try {
      procedures.ending = (name) => procedureRecord({ id: 'p-slow', name, state: 'RUNNING' });
      await assert.rejects(
        s.client.groups.demote('g1', { timeoutMs: 50 }),
        fails(
          'DEADLINE_EXCEEDED',
          grpc.status.DEADLINE_EXCEEDED,
          /group\.demote is still RUNNING after 50 ms .*procedure p-slow.*fabric procedure wait p-slow/,
        ),
      );
    } finally {
      await s.stop();
    }
  },
);

test('group: the admission check refuses at once with its own code', GUARD, async () => {
  const procedures = new FakeProcedures();
  const s = await serve(new FakeNode(), procedures, populatedFarm());
  try {
    procedures.admit = (name, args) => {
      throw new FabricError(
        'GROUP_NOT_FOUND',
        `${name}: group ${JSON.stringify(args)} does not exist`,
      );
    };
    await assert.rejects(
      s.client.groups.destroy('nope'),
      fails('GROUP_NOT_FOUND', grpc.status.NOT_FOUND, /group\.destroy: group .*nope/),
    );
  } finally {
    await s.stop();
  }
});

test(
  'group: bad input is refused before anything is submitted, naming the field',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    const g = s.client.groups;
    const invalid = (field: RegExp) =>
      fails('INVALID_ARGUMENT', grpc.status.INVALID_ARGUMENT, field);
    try {
      await assert.rejects(g.create(''), invalid(/^group_id "" is invalid: name a group/));
      await assert.rejects(g.activate(''), invalid(/group_id ""/));
      await assert.rejects(
        g.create('g9', { description: 'x'.repeat(1025) }),
        invalid(/description/),
      );
      await assert.rejects(
        g.add('g1', 'db-d'),
        invalid(/^address "db-d" is invalid: use host:port/),
      );
      await assert.rejects(
        g.add('g1', 'db-d:70000'),
        invalid(/address db-d:70000: port must be 1-65535/),
      );
      await assert.rejects(
        g.remove('g1', ''),
        invalid(/^server "" is invalid: name a server by uuid or host:port/),
      );
      await assert.rejects(
        g.destroy('g1', { requestId: '' }),
        invalid(/^request_id must be 1-128 bytes, got 0/),
      );
      await assert.rejects(g.destroy('g1', { requestId: 'r'.repeat(129) }), invalid(/request_id/));
      await assert.rejects(
        g.destroy('g1', { timeoutMs: 3_600_001 }),
        invalid(/^timeout_ms must be at most 3600000 ms/),
      );
      assert.deepEqual(procedures.submitted, []);
    } finally {
      await s.stop();
    }
  },
);

test(
  'group: a follower forwards mutations to the leader with the same request id',
  GUARD,
  async () => {
    const leaderProcedures = new FakeProcedures();
    const leader = await serve(new FakeNode('n1'), leaderProcedures, populatedFarm());
    const followerProcedures = new FakeProcedures();
    const follower = await serve(
      new FakeNode('n2', { id: 'n1', address: leader.address }),
      followerProcedures,
      populatedFarm(),
    );
    try {
      const p = await follower.client.groups.promote('g1', {
        server: 'db-b:3306',
        requestId: 'req-f',
      });
      assert.equal(p.state, 'PROCEDURE_STATE_DONE');
      assert.deepEqual(followerProcedures.submitted, []);
      assert.deepEqual(leaderProcedures.submitted, [
        { name: 'group.promote', args: { group: 'g1', server: 'db-b:3306' }, requestId: 'req-f' },
      ]);
      leaderProcedures.ending = (name) =>
        procedureRecord({
          name,
          state: 'FAILED',
          error: { step: 'choose-candidate', code: 'NO_CANDIDATE', message: 'no secondary' },
        });
      await assert.rejects(
        follower.client.groups.promote('g1'),
        fails(
          'NO_CANDIDATE',
          grpc.status.FAILED_PRECONDITION,
          /group\.promote failed at step choose-candidate: no secondary/,
        ),
      );
    } finally {
      await follower.stop();
      await leader.stop();
    }
  },
);

test(
  'group: LookupGroups, LookupServers and Health answer from the model and the probes',
  GUARD,
  async () => {
    const farm = populatedFarm();
    farm.healthRows.set('g1', [
      {
        uuid: 'uuid-b',
        address: 'db-b:3306',
        status: 'SECONDARY',
        mode: 'READ_ONLY',
        reachable: true,
        error: '',
        role: 'replica',
        readOnly: true,
        replicatingFrom: 'db-a:3306',
        ioRunning: 'Yes',
        sqlRunning: true,
        ioError: '',
        sqlError: '',
        lagSeconds: 3,
        gtidExecuted: 'x:1-5',
        fence: '',
        semiSync: 'replica',
        issues: ['lags 3 s behind the primary'],
        gtidDomainId: 2,
      },
    ]);
    const s = await serve(new FakeNode(), new FakeProcedures(), farm);
    const g = s.client.groups;
    try {
      assert.deepEqual(
        (await g.lookupGroups()).map((x) => x.id),
        ['g1', 'g2'],
      );
      const [g1] = await g.lookupGroups('g1');
      assert.equal(g1?.primary_address, 'db-a:3306');
      await assert.rejects(g.lookupGroups('nope'), { code: 'GROUP_NOT_FOUND' });
      assert.deepEqual(
        (await g.lookupServers('g1', { status: 'SECONDARY' })).map((x) => x.address),
        ['db-b:3306'],
      );
      assert.deepEqual(
        (await g.lookupServers('g1', { server: 'db-a:3306' })).map((x) => x.uuid),
        ['uuid-a'],
      );
      await assert.rejects(g.lookupServers('g1', { server: 'db-c:3306' }), {
        code: 'SERVER_NOT_FOUND',
        message: /server db-c:3306 is not in group g1/,
      });
      await assert.rejects(g.lookupServers(''), {
        code: 'INVALID_ARGUMENT',
        message: /filter\.group_id/,
      });
      const h = (await g.health('g1'))[0]!;
      assert.equal(h.role, 'SERVER_ROLE_REPLICA');
      assert.equal(h.status, 'SERVER_STATUS_SECONDARY');
      assert.equal(h.lag_seconds, 3);
      assert.deepEqual(h.issues, ['lags 3 s behind the primary']);
      await assert.rejects(g.health('nope'), { code: 'GROUP_NOT_FOUND' });
    } finally {
      await s.stop();
    }
  },
);
