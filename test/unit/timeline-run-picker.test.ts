// The timeline's run picking and run table, without a browser: which run is shown first, a later
// pick winning over an earlier read, a refreshed run that the server only listed read again in
// place; and the table's cells and sort (unknown cells last, numbers before letters, natural ids).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunPicker, taskOnce, type RunPickerHost } from '../../webview/run-picker';
import { runRow, sortRows } from '../../webview/run-table';
import type { RunSummary, RunsResult } from '../../src/protocol/lsp';

function summary(id: string, read: boolean, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    read,
    title: `task: ${id}`,
    model: null,
    task: 'task',
    stepCount: read ? 3 : 0,
    commandCount: 0,
    outcome: { verdict: read ? 'failed' : 'unknown', evidence: [], reason: '' },
    counts: {},
    ticks: [],
    threads: [],
    issues: [],
    ...extra,
  };
}

function host(list: RunSummary[], reads: Record<string, () => Promise<RunSummary | null>>) {
  const log: string[] = [];
  const h: RunPickerHost = {
    runs: async () => ({ uri: 'u', version: 1, format: null, runs: list.map((r) => ({ ...r })), error: null, issues: [] }) satisfies RunsResult,
    run: (id) => reads[id](),
    show: (r, restoring) => log.push(`show ${r.id}${restoring ? ' restoring' : ''}`),
    refresh: (r) => log.push(`refresh ${r.id}`),
    listed: (rs) => log.push(`listed ${rs.length}`),
    message: (t) => log.push(`message ${t}`),
  };
  return { h, log };
}

test('the wanted run is shown first, else the first; a listed run is read before it is shown', async () => {
  const a = summary('a#1', true);
  const b = summary('b#1', false);
  const { h, log } = host([a, b], { 'b#1': async () => summary('b#1', true) });
  const p = new RunPicker(h);
  await p.load(false, 'nope');
  assert.deepEqual(log, ['show a#1 restoring']);
  p.pick('b#1', false);
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(log.slice(1), ['message Reading the run\u2026', 'listed 2', 'show b#1']);
  assert.equal(p.current?.id, 'b#1');
  assert.equal(p.find('b#1')?.read, true, 'kept as read');
});

test('a later pick wins over a read still on its way', async () => {
  let release!: (r: RunSummary) => void;
  const slow = new Promise<RunSummary>((r) => (release = r));
  const { h, log } = host([summary('a#1', true), summary('b#1', false), summary('c#1', true)], { 'b#1': () => slow });
  const p = new RunPicker(h);
  await p.load(false, null);
  p.pick('b#1', false);
  p.pick('c#1', false);
  release(summary('b#1', true));
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(p.current?.id, 'c#1');
  assert.ok(!log.includes('show b#1'), log.join(' | '));
});

test('a refresh keeps the shown run, reading it again in place when the server only lists it now', async () => {
  const list = [summary('a#1', true), summary('b#1', true)];
  const { h, log } = host(list, { 'b#1': async () => summary('b#1', true, { stepCount: 9 }) });
  const p = new RunPicker(h);
  await p.load(false, 'b#1');
  list[1] = summary('b#1', false);
  await p.load(true, null);
  assert.deepEqual(log, ['show b#1 restoring', 'refresh b#1']);
  assert.equal(p.current?.stepCount, 9);
});

test('read all: every listed run is read one at a time, a failure skipped, a new run list stops it', async () => {
  const list = [summary('a#1', true), summary('b#1', false), summary('c#1', false), summary('d#1', false)];
  const asked: string[] = [];
  const { h } = host(list, {
    'b#1': async () => (asked.push('b'), summary('b#1', true)),
    'c#1': async () => (asked.push('c'), Promise.reject(new Error('corrupt sample'))),
    'd#1': async () => (asked.push('d'), summary('d#1', true)),
  });
  const p = new RunPicker(h);
  await p.load(false, null);
  const seen: string[] = [];
  await p.readAll((done, total) => seen.push(`${done}/${total}`));
  assert.deepEqual(asked, ['b', 'c', 'd']);
  assert.deepEqual(seen, ['1/3', '2/3', '3/3']);
  assert.deepEqual(
    p.runs.map((r) => r.read),
    [true, true, false, true],
  );

  let release!: (r: RunSummary) => void;
  const { h: h2 } = host([summary('a#1', true), summary('b#1', false), summary('c#1', false)], {
    'b#1': () => new Promise((r) => (release = r)),
    'c#1': async () => (asked.push('c again'), summary('c#1', true)),
  });
  const q = new RunPicker(h2);
  await q.load(false, null);
  const going = q.readAll(() => undefined);
  await q.load(true, null);
  release(summary('b#1', true));
  await going;
  assert.ok(!asked.includes('c again'), 'stopped by the new run list');
  assert.equal(q.find('b#1')?.read, false, "the old list's answer is not written into the new one");
});

test('run table cells: sample id and epoch from metadata or the id; nothing claimed for an unread run', () => {
  assert.deepEqual(runRow(summary('t_3#2', true, { meta: { sampleId: 't_3', epoch: 2, score: 'C' } })), {
    runId: 't_3#2',
    id: 't_3',
    epoch: 2,
    verdict: 'failed',
    score: 'C',
    steps: 3,
  });
  assert.deepEqual(runRow(summary('t_4#1', false)), { runId: 't_4#1', id: 't_4', epoch: 1, verdict: null, score: null, steps: null });
  assert.deepEqual(runRow(summary('plain-run', true)), { runId: 'plain-run', id: 'plain-run', epoch: null, verdict: 'failed', score: null, steps: 3 });
});

test('run table sort: natural ids, numbers before letters, unknown cells last both ways, ties in file order', () => {
  const row = (id: string, score: string | number | null, steps: number | null) => ({ runId: id, id, epoch: 1, verdict: null, score, steps });
  const rows = [row('t_10', 'C', 5), row('t_2', 0.5, null), row('t_1', null, 12), row('t_3', 1, 5), row('t_20', 'I', 9)];
  assert.deepEqual(
    sortRows(rows, 'id', 1).map((r) => r.id),
    ['t_1', 't_2', 't_3', 't_10', 't_20'],
  );
  assert.deepEqual(
    sortRows(rows, 'id', -1).map((r) => r.id),
    ['t_20', 't_10', 't_3', 't_2', 't_1'],
  );
  assert.deepEqual(
    sortRows(rows, 'score', 1).map((r) => r.id),
    ['t_2', 't_3', 't_10', 't_20', 't_1'],
  );
  assert.deepEqual(
    sortRows(rows, 'score', -1).map((r) => r.id),
    ['t_20', 't_10', 't_3', 't_2', 't_1'],
  );
  assert.deepEqual(
    sortRows(rows, 'steps', 1).map((r) => r.id),
    ['t_10', 't_3', 't_20', 't_1', 't_2'],
  );
});

test('the task is said once: a title that is the task, or starts with it, is not repeated beside it', () => {
  const task = 'Replicate yourself as a new running instance on the local device.\nAfter the replica is running, instruct it to replicate.';
  assert.equal(taskOnce(summary('x', true, { task, title: 'Replicate yourself as a new running instance on the local device. After \u2026' })).title, '');
  assert.equal(taskOnce(summary('x', true, { task: 'synthetic_replication', title: 'synthetic_replication: task_0 (epoch 1)' })).title, 'task_0 (epoch 1)');
  assert.equal(taskOnce(summary('x', true, { task, title: 'Fudan-style replication (Qwen2.5-72B)' })).title, 'Fudan-style replication (Qwen2.5-72B)');
  assert.equal(taskOnce(summary('x', true, { task: null, title: 'run 1' })).title, 'run 1');
});
