/**
 * How driver errors become FabricErrors, without a server: connect
 * failures say where and why, failed statements are named by kind, and
 * no password survives into a message, detail or cause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connectError, redact, statementError } from '../../src/mysql/internal.js';

test('errors: connect failures say where and why, and which account was refused', () => {
  const refused = connectError('10.0.0.5:3306', 'fab', 1000, {
    code: 'ECONNREFUSED',
    errno: -111,
    message: 'connect ECONNREFUSED 10.0.0.5:3306',
    fatal: true,
  });
  assert.equal(refused.code, 'SERVER_UNREACHABLE');
  assert.equal(
    refused.message,
    'cannot connect to the server at 10.0.0.5:3306: connection refused (nothing listens on that port)',
  );
  const timeout = connectError('10.0.0.5:3306', 'fab', 1000, {
    code: 'ETIMEDOUT',
    message: 'connect ETIMEDOUT',
  });
  assert.match(timeout.message, /no answer within the connect timeout of 1000 ms/);
  const denied = connectError('h:1', 'fab', 1000, {
    code: 'ER_ACCESS_DENIED_ERROR',
    errno: 1045,
    sqlMessage: "Access denied for user 'fab'@'127.0.0.1' (using password: YES)",
  });
  assert.equal(denied.code, 'SERVER_ACCESS_DENIED');
  assert.match(denied.message, /^the server at h:1 refused the connection: /);
  assert.match(denied.message, /access denied for user 'fab'/);
  assert.match(
    denied.message,
    /password comes from the \[servers\] section of the cluster configuration/,
  );
  assert.equal(denied.details.errno, 1045);
});

test('errors: a failed statement is named by kind, and its password never appears', () => {
  const stmt = {
    kind: 'CHANGE MASTER',
    sql: 'CHANGE MASTER TO MASTER_PASSWORD = ?',
    values: ["s3cr'et"],
    secrets: ["s3cr'et"],
  };
  const err = statementError('h:1', stmt, 5000, {
    code: 'ER_SOMETHING',
    errno: 1198,
    sqlMessage:
      "This operation cannot be performed as you have a running slave ''; password s3cr\\'et",
    sql: "CHANGE MASTER TO MASTER_PASSWORD = 's3cr\\'et'",
  });
  assert.equal(err.code, 'SERVER_QUERY_FAILED');
  assert.match(err.message, /^CHANGE MASTER failed on the server at h:1: This operation/);
  assert.doesNotMatch(err.message, /s3cr/);
  assert.doesNotMatch(JSON.stringify(err.cause), /s3cr/);
  assert.doesNotMatch((err.cause as Error).message, /s3cr/);
  assert.equal(
    (err.cause as { sql?: string }).sql,
    undefined,
    'the driver error with its SQL is not attached',
  );
  const syntax = statementError('h:1', stmt, 5000, {
    errno: 1064,
    sqlMessage: "You have an error in your SQL syntax; ... near 's3c' at line 1",
  });
  assert.doesNotMatch(syntax.message, /s3c/);
  assert.match(syntax.message, /withheld/);
  assert.equal(redact('a secret and another secret', ['secret']), 'a *** and another ***');
});

test('errors: timeouts and lost connections are unreachable, not query failures', () => {
  const stmt = { kind: 'SHOW SLAVE STATUS', sql: 'SHOW SLAVE STATUS' };
  const timeout = statementError('h:1', stmt, 250, {
    code: 'PROTOCOL_SEQUENCE_TIMEOUT',
    fatal: true,
  });
  assert.equal(timeout.code, 'SERVER_UNREACHABLE');
  assert.equal(timeout.message, 'the server at h:1 did not answer SHOW SLAVE STATUS within 250 ms');
  const lost = statementError('h:1', stmt, 250, {
    code: 'PROTOCOL_CONNECTION_LOST',
    fatal: true,
    message: 'Connection lost: The server closed the connection.',
  });
  assert.equal(lost.code, 'SERVER_UNREACHABLE');
  assert.equal(lost.details.lost, true);
  const shutdown = statementError('h:1', stmt, 250, {
    errno: 1053,
    sqlMessage: 'Server shutdown in progress',
  });
  assert.equal(shutdown.code, 'SERVER_UNREACHABLE');
});
