// The host's first screen (src/extension/timeline/first-screen.ts): which run's page it carries,
// and what the page is told when the server fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstScreen, type Ask } from '../../src/extension/timeline/first-screen';
import type { RunSummary, RunsResult, StepsResult } from '../../src/protocol/lsp';

function summary(id: string, read: boolean, steps: number): RunSummary {
  return {
    id,
    read,
    title: id,
    model: null,
    task: null,
    stepCount: read ? steps : 0,
    commandCount: 0,
    outcome: { verdict: 'unknown', evidence: [], reason: '' },
    counts: {},
    ticks: read ? Array.from({ length: steps }, (_, i) => ({ index: i * 2, time: null, categories: [], obstacles: [] })) : [],
    threads: [],
    issues: [],
  };
}

/** A stand-in server: the runs given, pages of empty steps; records what was asked. */
function server(runs: RunSummary[], fail?: 'runs' | 'steps'): { ask: Ask; asked: string[] } {
  const asked: string[] = [];
  const ask = (async (kind: string, params: Record<string, unknown>) => {
    asked.push(`${kind} ${JSON.stringify(params)}`);
    if (fail === 'runs' && kind === 'getRuns') throw new Error('the server stopped');
    if (fail === 'steps' && kind === 'getSteps') throw new Error('no steps');
    if (kind === 'getRuns') return { uri: 'u', version: null, format: 'chatbot-log', runs, error: null, issues: [] } satisfies RunsResult;
    if (kind === 'getRun') {
      // The server reads a listed run when asked (one that cannot be read stays listed).
      const r = runs.find((x) => x.id === params.runId);
      return r && !r.id.startsWith('broken') ? summary(r.id, true, 150) : r;
    }
    const p = params as { runId: string; start: number; count: number };
    return { uri: 'u', runId: p.runId, start: p.start, total: 0, steps: [] } satisfies StepsResult;
  }) as Ask;
  return { ask, asked };
}

test('the first run read: its first page, cut as the list cuts outputs', async () => {
  const { ask, asked } = server([summary('a', true, 250), summary('b', true, 3)]);
  const s = await firstScreen(ask, 'u', null);
  assert.equal(s.type, 'runs');
  assert.equal(s.result.runs.length, 2);
  assert.equal(s.page?.runId, 'a');
  assert.deepEqual(asked, ['getRuns {}', 'getSteps {"runId":"a","start":0,"count":100,"maxOutput":1000}']);
});

test('a step to reveal: its run, and the page that holds it (steps are found by index, not position)', async () => {
  const { ask, asked } = server([summary('a', true, 10), summary('b', true, 250)]);
  // Step index 300 is at position 150 (indexes step by 2 here): page 100..199.
  await firstScreen(ask, 'u', { runId: 'b', index: 300 });
  assert.equal(asked[1], 'getSteps {"runId":"b","start":100,"count":100,"maxOutput":1000}');
  // The last page is short.
  const more = server([summary('a', true, 250)]);
  await firstScreen(more.ask, 'u', { index: 460 });
  assert.equal(more.asked[1], 'getSteps {"runId":"a","start":200,"count":50,"maxOutput":1000}');
});

test('a run only listed (an .eval sample) is read first, and comes read with its page; the others stay listed', async () => {
  const { ask, asked } = server([summary('a', false, 0), summary('b', false, 0)]);
  const s = await firstScreen(ask, 'u', null);
  assert.deepEqual(
    s.result.runs.map((r) => [r.id, r.read]),
    [
      ['a', true],
      ['b', false],
    ],
  );
  assert.equal(s.page?.runId, 'a');
  assert.deepEqual(asked, ['getRuns {}', 'getRun {"runId":"a"}', 'getSteps {"runId":"a","start":0,"count":100,"maxOutput":1000}']);
});

test('a run that cannot be read, or with no steps, or none: the runs alone (the page says why)', async () => {
  for (const runs of [[summary('broken', false, 0)], [summary('a', true, 0)], []]) {
    const { ask } = server(runs);
    const s = await firstScreen(ask, 'u', null);
    assert.equal(s.page, null);
    assert.equal(s.result.runs[0]?.read ?? false, runs[0]?.read ?? false);
  }
});

test('a server that fails: the runs say why; a page that fails is left for the page to ask', async () => {
  const bad = await firstScreen(server([], 'runs').ask, 'file:///w/x.log', null);
  assert.equal(bad.result.runs.length, 0);
  assert.match(bad.result.error ?? '', /could not analyse this file: the server stopped/);
  assert.equal(bad.result.uri, 'file:///w/x.log');
  const noPage = await firstScreen(server([summary('a', true, 5)], 'steps').ask, 'u', null);
  assert.equal(noPage.result.runs.length, 1);
  assert.equal(noPage.page, null);
});
