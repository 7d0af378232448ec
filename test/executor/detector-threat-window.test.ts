/** report-error counting (src/detector/verdict/threat-window.ts): many clients' suspicions within a window. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThreatWindow } from '../../src/detector/verdict/index.js';

const SETTINGS = { windowMs: 60_000, threshold: 4, clients: 2 };

test('threat-window: the threshold alone is not enough, the distinct reporters are needed too', () => {
  const w = new ThreatWindow(SETTINGS);
  for (let i = 0; i < 10; i++) {
    const t = w.record('p', 'c1', 1_000 + i);
    assert.equal(t.triggered, false);
    assert.equal(t.reporters, 1);
  }
  const t = w.record('p', 'c2', 2_000);
  assert.deepEqual(t, { reports: 5, reporters: 2, triggered: true });
});

test('threat-window: many reporters below the threshold do not trigger', () => {
  const w = new ThreatWindow(SETTINGS);
  assert.equal(w.record('p', 'a', 1).triggered, false);
  assert.equal(w.record('p', 'b', 2).triggered, false);
  assert.deepEqual(w.record('p', 'c', 3), { reports: 3, reporters: 3, triggered: false });
  assert.equal(w.record('p', 'd', 4).triggered, true);
});

test('threat-window: reports older than the window are forgotten', () => {
  const w = new ThreatWindow(SETTINGS);
  w.record('p', 'a', 0);
  w.record('p', 'b', 1);
  w.record('p', 'a', 2);
  assert.deepEqual(w.record('p', 'b', 60_001), { reports: 2, reporters: 2, triggered: false });
});

test('threat-window: a trigger starts the count again; servers are counted apart', () => {
  const w = new ThreatWindow(SETTINGS);
  for (const r of ['a', 'b', 'a']) w.record('p', r, 10);
  assert.equal(w.record('q', 'b', 10).reports, 1, 'another server has its own count');
  assert.equal(w.record('p', 'b', 11).triggered, true);
  assert.deepEqual(w.record('p', 'a', 12), { reports: 1, reporters: 1, triggered: false });
});
