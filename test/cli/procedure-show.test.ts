import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerGroupCommands } from '../../src/cli/group-commands.js';
import { procedureText } from '../../src/cli/procedure-commands.js';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import {
  FakeNode,
  FakeProcedures,
  populatedFarm,
  procedureRecord,
  serve,
} from '../api/farm-harness.js';
import { captureOutput } from './capture-output.js';

const EVIDENCE = { judge: 'n1', saw: [{ node: 'n2', error: 'connection refused' }] };

function failover(): Procedure__Output {
  const step = (name: string, output_json: string): Procedure__Output['steps'][number] => ({
    name,
    state: 'done',
    attempts: 1,
    started_at_ms: 1_000,
    finished_at_ms: 1_010,
    term: 2,
    output_json,
    error: null,
    progress: null,
  });
  return {
    id: 'p7',
    name: 'group.failover',
    request_id: 'r7',
    args_json: JSON.stringify({ group: 'g1', server: 'uuid-a', evidence: EVIDENCE }),
    lock_keys: ['group:g1'],
    state: 'PROCEDURE_STATE_DONE',
    steps: [step('check', ''), step('mark-faulty', JSON.stringify({ faulty: 'db-a:3306' }))],
    current_step: 2,
    submitted_at_ms: 1_000,
    finished_at_ms: 1_020,
    result_json: JSON.stringify({ primary: 'uuid-b' }),
    error: null,
    failed_step: '',
  };
}

test('cli procedure show: arguments, evidence, result and step outputs read as indented lines', () => {
  const text = procedureText(failover());
  const has = (part: string): void => {
    assert.ok(text.includes(part), `${part}\nnot in\n${text}`);
  };
  has(
    [
      '\narguments:',
      '  group: g1',
      '  server: uuid-a',
      '  evidence:',
      '    judge: n1',
      '    saw:',
      '      - node: n2',
      '        error: connection refused\n',
    ].join('\n'),
  );
  has('\nresult:\n  primary: uuid-b\n');
  assert.ok(text.endsWith('\noutput of step 2 (mark-faulty):\n  faulty: db-a:3306'), text);
  assert.doesNotMatch(text, /[{}"]/, 'no JSON text');
});

test('cli --json: args, result and outputs are objects, not JSON inside strings', async () => {
  const procedures = new FakeProcedures();
  procedures.ending = (name) => ({
    ...procedureRecord({ name }),
    args: { group: 'g1', evidence: EVIDENCE },
    steps: [{ name: 'check', state: 'done', attempts: 1, output: { faulty: 'db-a:3306' } }],
    result: { primary: 'uuid-b' },
  });
  const s = await serve(new FakeNode(), procedures, populatedFarm());
  try {
    const p = new Command('fabric').exitOverride();
    registerGroupCommands(p);
    const out = JSON.parse(
      await captureOutput(p, ['group', 'create', 'g9', '--json', '-a', s.address]),
    ) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    assert.deepEqual(out.args, { group: 'g1', evidence: EVIDENCE });
    assert.deepEqual(out.result, { primary: 'uuid-b' });
    assert.deepEqual(out.steps[0]?.output, { faulty: 'db-a:3306' });
    assert.equal(out.args_json, undefined);
  } finally {
    await s.stop();
  }
});
