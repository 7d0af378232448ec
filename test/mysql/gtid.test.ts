/**
 * GTID comparison without a server: MariaDB positions compared per domain
 * (with divergence on equal sequence numbers), MySQL GTID sets parsed,
 * subtracted and formatted, and bad text refused with a message naming it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compareGtidHistories, compareGtids, withoutDomains } from '../../src/mysql/index.js';
import {
  formatGtidSet,
  parseGtidSet,
  parseMariadbPosition,
  subtractGtidSets,
} from '../../src/mysql/internal.js';
import { isFabricError } from '../../src/util/fabric-error.js';

const U1 = '3e11fa47-71ca-11e1-9e33-c80aa9429562';
const U2 = '4e11fa47-71ca-11e1-9e33-c80aa9429562';

function rejects(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isFabricError(e, 'INVALID_ARGUMENT'), String(e));
    assert.match(e.message, pattern);
    return true;
  });
}

test('gtid: MariaDB positions parse per domain', () => {
  const p = parseMariadbPosition('0-1-215, 1-2-5');
  assert.deepEqual([...p.keys()], [0, 1]);
  assert.deepEqual(p.get(0), { domain: 0, serverId: 1, seq: 215n });
  assert.equal(parseMariadbPosition('').size, 0);
  assert.equal(parseMariadbPosition('0-1-18446744073709551615').get(0)?.seq, 2n ** 64n - 1n);
});

test('gtid: bad MariaDB positions are refused naming the text and the part', () => {
  rejects(
    () => parseMariadbPosition('0-1'),
    /"0-1" is not a MariaDB GTID position: "0-1" is not domain-server_id-sequence/,
  );
  rejects(() => parseMariadbPosition('0-1-2,,0-1-3'), /"" is not domain-server_id-sequence/);
  rejects(() => parseMariadbPosition('0-1-2,0-2-3'), /domain 0 appears twice/);
  rejects(() => parseMariadbPosition('a-1-2'), /"a-1-2"/);
  rejects(() => parseMariadbPosition('0-4294967296-1'), /out of range/);
  rejects(
    () => compareGtids('mariadb', '0-1-2', `${U1}:1-5`),
    new RegExp(`"${U1}:1-5" is not a MariaDB`),
  );
});

test('gtid: MariaDB a includes b when every domain of b is at or behind a', () => {
  assert.deepEqual(compareGtids('mariadb', '0-1-215', '0-1-215'), {
    aIncludesB: true,
    aMinusB: '',
  });
  assert.deepEqual(compareGtids('mariadb', '0-1-216', '0-1-215'), {
    aIncludesB: true,
    aMinusB: '0-1-216',
  });
  // After a failover the seq continues under the new primary's server_id.
  assert.deepEqual(compareGtids('mariadb', '0-2-216', '0-1-215'), {
    aIncludesB: true,
    aMinusB: '0-2-216',
  });
  assert.deepEqual(compareGtids('mariadb', '0-1-205', '0-1-215'), {
    aIncludesB: false,
    aMinusB: '',
  });
  assert.deepEqual(compareGtids('mariadb', '', ''), { aIncludesB: true, aMinusB: '' });
  assert.deepEqual(compareGtids('mariadb', '0-1-3', ''), { aIncludesB: true, aMinusB: '0-1-3' });
  assert.deepEqual(compareGtids('mariadb', '', '0-1-3'), { aIncludesB: false, aMinusB: '' });
});

test('gtid: MariaDB equal sequence numbers from different servers are a divergence', () => {
  // The old primary wrote 0-2-217 that never replicated; the new one wrote 0-3-217 (mariadb.md gotcha 1).
  assert.deepEqual(compareGtids('mariadb', '0-2-217', '0-3-217'), {
    aIncludesB: false,
    aMinusB: '0-2-217',
  });
  assert.deepEqual(compareGtids('mariadb', '0-3-217', '0-2-217'), {
    aIncludesB: false,
    aMinusB: '0-3-217',
  });
});

test('gtid: MariaDB domains are compared independently', () => {
  assert.deepEqual(compareGtids('mariadb', '0-1-10,1-2-5', '0-1-10'), {
    aIncludesB: true,
    aMinusB: '1-2-5',
  });
  assert.deepEqual(compareGtids('mariadb', '0-1-10', '0-1-10,1-2-5'), {
    aIncludesB: false,
    aMinusB: '',
  });
  assert.deepEqual(compareGtids('mariadb', '1-2-6,0-1-9', '0-1-10,1-2-5'), {
    aIncludesB: false,
    aMinusB: '1-2-6',
  });
});

test('gtid: MySQL sets parse, merge and format in MySQL notation', () => {
  const s = parseGtidSet(`${U2}:1-3,\n${U1.toUpperCase()}:7-9:1-5:6`);
  assert.deepEqual(s.get(U1), [{ start: 1n, end: 9n }]);
  assert.equal(formatGtidSet(s), `${U1}:1-9,${U2}:1-3`);
  assert.equal(formatGtidSet(parseGtidSet(`${U1}:1-3:5:7-8`)), `${U1}:1-3:5:7-8`);
  assert.equal(parseGtidSet('').size, 0);
  assert.equal(parseGtidSet(' \n').size, 0);
});

test('gtid: MySQL tagged GTIDs (8.3+) are kept apart from untagged ones', () => {
  const s = parseGtidSet(`${U1}:1-5:Tag_a:1-2:7,${U1}:tag_b:3`);
  assert.equal(formatGtidSet(s), `${U1}:1-5:tag_a:1-2:7:tag_b:3`);
  assert.deepEqual(compareGtids('mysql', `${U1}:1-5`, `${U1}:tag_a:1`), {
    aIncludesB: false,
    aMinusB: `${U1}:1-5`,
  });
});

test('gtid: MySQL subtraction and inclusion', () => {
  const a = parseGtidSet(`${U1}:1-10,${U2}:1-3`);
  const b = parseGtidSet(`${U1}:3-4:8,${U2}:1-3`);
  assert.equal(formatGtidSet(subtractGtidSets(a, b)), `${U1}:1-2:5-7:9-10`);
  assert.equal(formatGtidSet(subtractGtidSets(b, a)), '');
  assert.deepEqual(compareGtids('mysql', `${U1}:1-10`, `${U1}:1-10`), {
    aIncludesB: true,
    aMinusB: '',
  });
  assert.deepEqual(compareGtids('mysql', `${U1}:1-10,${U2}:1`, `${U1}:2-5`), {
    aIncludesB: true,
    aMinusB: `${U1}:1:6-10,${U2}:1`,
  });
  // An errant transaction on a: a has one b lacks, and b has more of U1.
  assert.deepEqual(compareGtids('mysql', `${U1}:1-5,${U2}:1`, `${U1}:1-7`), {
    aIncludesB: false,
    aMinusB: `${U2}:1`,
  });
  assert.deepEqual(compareGtids('mysql', '', `${U1}:1`), { aIncludesB: false, aMinusB: '' });
});

test('gtid: bad MySQL sets are refused naming the text and the part', () => {
  rejects(
    () => parseGtidSet('nonsense'),
    /"nonsense" is not a MySQL GTID set: "nonsense" does not start with a server uuid/,
  );
  rejects(() => parseGtidSet(U1), /has no transaction numbers/);
  rejects(() => parseGtidSet(`${U1}:0-3`), /"0-3" is not a range/);
  rejects(() => parseGtidSet(`${U1}:5-3`), /"5-3" is not a range/);
  rejects(() => parseGtidSet(`${U1}:1-x`), /"1-x" is neither a number/);
  rejects(() => parseGtidSet(`${U1}:tag`), /tag without transaction numbers/);
  rejects(() => parseGtidSet(`${U1}:9223372036854775808`), /not a range/);
  rejects(() => compareGtids('mysql', `${U1}:1`, '0-1-5'), /"0-1-5" is not a MySQL GTID set/);
});

test('gtid: binlog states reveal a crashed primary’s unreplicated GTID that positions hide', () => {
  // The old primary (server 2) binlogged 0-2-5458 and died; the new primary
  // (server 1) replicated up to 0-2-5457 and went on with 0-1-5458….
  const oldPrimary = '0-1-3000,0-2-5458';
  const newPrimary = '0-1-6000,0-2-5457';
  assert.equal(compareGtids('mariadb', '0-2-5458', '0-1-6000').aMinusB, '', 'positions miss it');
  const c = compareGtidHistories('mariadb', oldPrimary, newPrimary);
  assert.equal(c.aMinusB, '0-2-5458');
  assert.equal(c.aIncludesB, false);
  const back = compareGtidHistories('mariadb', newPrimary, oldPrimary);
  assert.equal(back.aMinusB, '0-1-6000');
});

test('gtid: a replica’s binlog state is included in its primary’s', () => {
  const replica = '0-1-900,0-2-400,1-3-7';
  const primary = '0-1-950,0-2-400,1-3-7';
  assert.deepEqual(compareGtidHistories('mariadb', replica, primary), {
    aIncludesB: false,
    aMinusB: '',
  });
  assert.deepEqual(compareGtidHistories('mariadb', primary, replica), {
    aIncludesB: true,
    aMinusB: '0-1-950',
  });
  assert.equal(compareGtidHistories('mariadb', '', primary).aMinusB, '');
  assert.throws(() => compareGtidHistories('mariadb', '0-1-5,0-1-6', ''), /appears twice/);
  assert.equal(
    compareGtidHistories(
      'mysql',
      'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa:1-5',
      'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa:1-3',
    ).aMinusB,
    'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa:4-5',
  );
});

test('gtid: withoutDomains drops whole domains from MariaDB positions and binlog states, never from MySQL sets', () => {
  assert.equal(withoutDomains('mariadb', '0-1-5,7-50-3,7-51-9,12-3-1', [7]), '0-1-5,12-3-1');
  assert.equal(withoutDomains('mariadb', '7-50-3', [7]), '');
  assert.equal(withoutDomains('mariadb', '', [7]), '');
  assert.equal(withoutDomains('mariadb', '0-1-5', []), '0-1-5');
  const mysql = '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5';
  assert.equal(withoutDomains('mysql', mysql, [3]), mysql);
});
