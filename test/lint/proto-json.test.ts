/** src/gen/fabric-v1.json (what the runtime loads) must describe exactly the .proto files. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DESCRIPTOR_JSON } from '../../src/wire/proto.js';

test('proto json: the committed descriptors equal the .proto files (run npm run gen:proto)', () => {
  const fresh = execFileSync(process.execPath, ['scripts/proto-json.mjs', '--print'], {
    encoding: 'utf8',
  });
  assert.equal(readFileSync(DESCRIPTOR_JSON, 'utf8'), fresh);
});
