/** routing: hashDigest against node:crypto's MD5 (the fence keeps node:crypto out of src). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import { hashDigest } from '../../src/routing/index.js';
import { below, randomString, seededRandom } from './helpers.js';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

test('routing: hashDigest equals node:crypto md5 for generated keys', () => {
  const rand = seededRandom(12);
  const keys: string[] = [''];
  // Lengths around MD5's 64-byte block and 56-byte padding edge, in ASCII bytes.
  for (let n = 50; n <= 130; n++) keys.push('k'.repeat(n));
  for (let i = 0; i < 300; i++) keys.push(randomString(rand, 1 + below(rand, 80)));
  for (let i = 0; i < 100; i++) keys.push(String(Math.floor((rand() - 0.5) * 2 ** 53)));
  for (const k of keys) assert.equal(hashDigest(k), md5(k), JSON.stringify(k));
});
