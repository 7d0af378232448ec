import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { RETRY_AFTER_MS, STATUS_OF, toServiceError } from '../../src/api/error-status.js';
import { ERROR_METADATA } from '../../src/wire/index.js';
import { NotLeaderError, ProposalDroppedError } from '../../src/raft/index.js';
import { FABRIC_ERROR_CODES, FabricError } from '../../src/util/fabric-error.js';

const md = (s: Partial<grpc.StatusObject>, key: string): string =>
  String(s.metadata?.get(key)[0] ?? '');

test('api errors: every typed code maps to a gRPC status in the one table', () => {
  for (const code of FABRIC_ERROR_CODES) assert.equal(typeof STATUS_OF[code], 'number', code);
  assert.equal(STATUS_OF.PROCEDURE_NOT_FOUND, grpc.status.NOT_FOUND);
  assert.equal(STATUS_OF.GROUP_EXISTS, grpc.status.ALREADY_EXISTS);
  assert.equal(STATUS_OF.INVALID_TRANSITION, grpc.status.FAILED_PRECONDITION);
  assert.equal(STATUS_OF.INVALID_ARGUMENT, grpc.status.INVALID_ARGUMENT);
});

test('api errors: no leader is UNAVAILABLE with retry info; a follower names the leader', () => {
  const none = toServiceError(new NotLeaderError('n1', ''));
  assert.equal(none.code, grpc.status.UNAVAILABLE);
  assert.equal(md(none, ERROR_METADATA.code), 'NO_LEADER');
  assert.equal(md(none, ERROR_METADATA.retryAfterMs), String(RETRY_AFTER_MS));
  const follower = toServiceError(new NotLeaderError('n1', 'n2'), {
    id: 'n2',
    address: '127.0.0.1:7002',
  });
  assert.equal(follower.code, grpc.status.FAILED_PRECONDITION);
  assert.equal(md(follower, ERROR_METADATA.leaderId), 'n2');
  assert.equal(md(follower, ERROR_METADATA.leaderAddress), '127.0.0.1:7002');
  const dropped = toServiceError(new ProposalDroppedError('transfer-in-progress', 'moving'));
  assert.equal(dropped.code, grpc.status.UNAVAILABLE);
  assert.equal(md(dropped, ERROR_METADATA.code), 'PROPOSAL_DROPPED');
});

test('api errors: typed errors keep their code and message; unknown errors are INTERNAL', () => {
  const nf = toServiceError(new FabricError('PROCEDURE_NOT_FOUND', 'procedure p1 does not exist'));
  assert.equal(nf.code, grpc.status.NOT_FOUND);
  assert.equal(nf.details, 'procedure p1 does not exist');
  const boom = toServiceError(new TypeError('x is undefined'));
  assert.equal(boom.code, grpc.status.INTERNAL);
  assert.match(boom.details ?? '', /internal error: x is undefined/);
});
