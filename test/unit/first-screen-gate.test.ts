// The order of what a timeline page is sent as it opens (src/extension/timeline/first-screen-gate.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FirstScreenGate } from '../../src/extension/timeline/first-screen-gate';
import type { FirstScreen, HostToWebview } from '../../src/protocol/webview';

/** A first screen whose runs list is tagged `n` (the n-th asked for). */
function screen(n: number): FirstScreen {
  return { type: 'runs', result: { uri: `v${n}`, version: null, format: null, runs: [], error: null, issues: [] }, page: null };
}

/** A gate whose asks resolve when the test says; `sent` names what reached the page, in order. */
function harness() {
  const asks: ((s: FirstScreen) => void)[] = [];
  const sent: string[] = [];
  const gate = new FirstScreenGate(
    () => new Promise<FirstScreen>((ok) => asks.push(ok)),
    (m: HostToWebview) => sent.push(m.type === 'runs' ? `runs ${m.result.uri}` : m.type === 'changed' ? `changed ${m.version}` : m.type),
  );
  const answer = (i: number) => asks[i](screen(i));
  const changed = (v: number): HostToWebview => ({ type: 'changed', version: v, runIds: [] });
  return { gate, asks, sent, answer, changed };
}

const tick = () => new Promise((r) => setImmediate(r));

test('asked as the panel opens, sent when the page is ready; what came before ready goes first', async () => {
  const h = harness();
  assert.equal(h.asks.length, 1, 'asked at once');
  h.gate.post({ type: 'annotationMarks', runId: 'r', marks: [] });
  h.answer(0);
  await tick();
  assert.deepEqual(h.sent, [], 'nothing before the page is ready');
  await h.gate.pageReady();
  assert.deepEqual(h.sent, ['annotationMarks', 'runs v0']);
});

test('a change before the page is ready follows the first screen (the top of a log first, then its whole)', async () => {
  const h = harness();
  h.gate.post(h.changed(1));
  assert.equal(h.asks.length, 1, 'not asked again');
  h.answer(0);
  await h.gate.pageReady();
  assert.deepEqual(h.sent, ['runs v0', 'changed 1']);
});

test('a change after ready and before the first screen is sent follows it; one after goes at once', async () => {
  const h = harness();
  const ready = h.gate.pageReady();
  h.gate.post(h.changed(1));
  assert.equal(h.asks.length, 1, 'not asked again: the page is waiting for this one');
  h.answer(0);
  await ready;
  assert.deepEqual(h.sent, ['runs v0', 'changed 1']);
  h.gate.post(h.changed(2));
  assert.deepEqual(h.sent, ['runs v0', 'changed 1', 'changed 2']);
});

test('a reloaded page gets a fresh first screen; an older ready still waiting sends nothing', async () => {
  const h = harness();
  h.answer(0);
  await h.gate.pageReady();
  assert.equal(h.gate.wasReady, true);
  // Reloaded twice quickly: two asks; the first answer is for a page that is gone.
  const first = h.gate.pageReady();
  const second = h.gate.pageReady();
  assert.equal(h.asks.length, 3);
  h.gate.post(h.changed(1));
  h.answer(1);
  h.answer(2);
  await Promise.all([first, second]);
  assert.deepEqual(h.sent, ['runs v0', 'runs v2', 'changed 1']);
});

test('nothing is sent once disposed', async () => {
  const h = harness();
  const ready = h.gate.pageReady();
  h.gate.dispose();
  h.answer(0);
  await ready;
  h.gate.post(h.changed(1));
  assert.deepEqual(h.sent, []);
});
