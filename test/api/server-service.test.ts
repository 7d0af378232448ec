import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { FabricCallError, fabricProtos, fromServiceError } from '../../src/client/index.js';
import type { ServerServiceSetStatusRequest } from '../../src/gen/fabric/v1/ServerServiceSetStatusRequest.js';
import { FakeNode, FakeProcedures, populatedFarm, serve } from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

function invalid(message: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof FabricCallError, String(e));
    assert.equal(e.code, 'INVALID_ARGUMENT', e.message);
    assert.equal(e.grpcCode, grpc.status.INVALID_ARGUMENT);
    assert.match(e.message, message);
    return true;
  };
}

test('server: set-status, set-weight and set-mode submit the contract args', GUARD, async () => {
  const procedures = new FakeProcedures();
  const s = await serve(new FakeNode(), procedures, populatedFarm());
  const v = s.client.servers;
  try {
    await v.setStatus('db-c:3306', 'SECONDARY');
    await v.setStatus('uuid-b', 'SPARE', { updateOnly: true });
    await v.setWeight('uuid-b', 0.25);
    await v.setMode('uuid-b', 'OFFLINE');
    assert.deepEqual(
      procedures.submitted.map((x) => [x.name, x.args]),
      [
        ['server.set-status', { server: 'db-c:3306', status: 'SECONDARY' }],
        ['server.set-status', { server: 'uuid-b', status: 'SPARE', updateOnly: true }],
        ['server.set-weight', { server: 'uuid-b', weight: 0.25 }],
        ['server.set-mode', { server: 'uuid-b', mode: 'OFFLINE' }],
      ],
    );
  } finally {
    await s.stop();
  }
});

test(
  'server: a weight that is not a finite number > 0 is refused before submitting',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    try {
      for (const [weight, shown] of [
        [Number.NaN, 'NaN'],
        [0, '0'],
        [-1, '-1'],
        [Number.POSITIVE_INFINITY, 'Infinity'],
        [Number.NEGATIVE_INFINITY, '-Infinity'],
      ] as const) {
        await assert.rejects(
          s.client.servers.setWeight('uuid-b', weight),
          invalid(new RegExp(`^weight must be a finite number > 0, got ${shown}$`)),
        );
      }
      assert.deepEqual(procedures.submitted, []);
    } finally {
      await s.stop();
    }
  },
);

/** The raw stub, to send what the typed client cannot: missing and unknown enum values. */
function rawSetStatus(address: string, req: ServerServiceSetStatusRequest): Promise<unknown> {
  const stub = new (fabricProtos().server.ServerService)(
    address,
    grpc.credentials.createInsecure(),
  );
  return new Promise((resolve, reject) => {
    stub.SetStatus(req, (err, value) => {
      stub.close();
      if (err !== null) reject(fromServiceError(err));
      else resolve(value);
    });
  });
}

test(
  'server: a missing or unknown status or mode is refused, naming the field and the choices',
  GUARD,
  async () => {
    const procedures = new FakeProcedures();
    const s = await serve(new FakeNode(), procedures, populatedFarm());
    try {
      await assert.rejects(
        rawSetStatus(s.address, { server: 'uuid-b', request_id: 'r1' }),
        invalid(/^status is required: use one of PRIMARY, SECONDARY, SPARE, FAULTY, CONFIGURING$/),
      );
      await assert.rejects(
        rawSetStatus(s.address, { server: 'uuid-b', status: 99 as 1, request_id: 'r1' }),
        invalid(/^status 99 is invalid: use one of PRIMARY, SECONDARY/),
      );
      await assert.rejects(
        s.client.servers.setMode('uuid-b', 'BOGUS' as 'OFFLINE'),
        invalid(/mode/),
      );
      await assert.rejects(
        s.client.servers.setStatus('', 'SPARE'),
        invalid(/^server "" is invalid/),
      );
      assert.deepEqual(procedures.submitted, []);
    } finally {
      await s.stop();
    }
  },
);

test('server: LookupUuid checks the address and asks the server', GUARD, async () => {
  const farm = populatedFarm();
  farm.uuids.set('db-x:3306', 'uuid-x');
  const s = await serve(new FakeNode(), new FakeProcedures(), farm);
  try {
    assert.equal(await s.client.servers.lookupUuid('db-x:3306'), 'uuid-x');
    await assert.rejects(
      s.client.servers.lookupUuid('db-x'),
      invalid(/^address "db-x" is invalid/),
    );
  } finally {
    await s.stop();
  }
});
