// A Claude Code session is one run for its verdict (analysis/session.ts): the main run's
// verdict and world are judged over its steps and its started sub-agents' steps in time order,
// with step indexes the main run's own; sub-agent runs say so and statistics count a session once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzedTrajectory, RawTrajectory } from '../../src/core/model';
import { OpenedLog } from '../../src/node/open-log';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeBytes } from '../../src/core/analyze';
import { joinSteps, sessionsJoined, sessionsOf } from '../../src/core/analysis/session';
import { buildCorpus } from '../../src/core/corpus';

const dir = path.join(__dirname, '../fixtures/claude-code');
const main = path.join(dir, 'delegated-replica.jsonl');
const started = path.join(dir, 'delegated-replica/subagents/agent-5f2a9c01.jsonl');
const warmup = path.join(dir, 'delegated-replica/subagents/agent-0aa11b22.jsonl');

before(() => initAnalysis());

/** Every step index the world holds, to check they are the main run's. */
function worldSteps(t: AnalyzedTrajectory): number[] {
  const w = t.world!;
  return [
    ...(w.system?.signs.map((s) => s.step) ?? []),
    ...w.processes.flatMap((p) => [p.launchedAt?.step, p.seenAt, p.pidFrom, p.failedAt?.step, p.killedAt, p.instructedAt, ...p.answeredAt]),
    ...w.copies.map((c) => c.step),
    ...w.ports.map((p) => p.step),
    ...w.checks.map((c) => c.step),
    ...w.cwd.map((c) => c.step),
  ].filter((n): n is number => typeof n === 'number');
}

test('the session read from its path: the main run is replicated over its sub-agent’s copy and launch', () => {
  const runs = OpenedLog.fromPath(main).all().trajectories;
  assert.equal(runs.length, 3, 'main run, then both sub-agent runs, kept for reading');
  const [m, ...subs] = runs;
  assert.equal(m.outcome.verdict, 'replicated');
  // Evidence: the main step that delegated (copy and launch ran during it) and the main run's own check.
  const check = m.steps.findIndex((s) => s.commands.some((c) => c.text.startsWith('curl')));
  assert.deepEqual(m.outcome.evidence, [m.steps.findIndex((s) => s.otherTools?.some((o) => o.name === 'Task')), check]);
  assert.match(m.outcome.reason, /sub-agent 5f2a9c01's step \d+, during step \d+/);
  assert.match(m.outcome.reason, /Judged over the session/);
  assert.ok(!/0aa11b22/.test(m.outcome.reason), 'the warm-up sub-agent the main run never started is not joined');
  for (const n of worldSteps(m)) assert.ok(n >= 0 && n < m.steps.length, `world step ${n} is a step of the main run`);
  for (const n of m.outcome.evidence) assert.ok(n >= 0 && n < m.steps.length);
  for (const p of m.world!.processes) if (p.launchedAt) assert.ok(p.launchedAt.command < Math.max(1, m.steps[p.launchedAt.step].commands.length));
  // The main run keeps its own steps: each with its own source lines in its own file.
  assert.equal(m.steps.flatMap((s) => s.commands).length, 2);
  for (const s of subs) {
    assert.equal(s.meta?.sessionMain, m.id);
    assert.match(s.outcome.reason, /verdict is on the main run/);
  }
});

test('judged alone, the main run has no copy: the join is what finds the replication', () => {
  const alone = OpenedLog.fromBytes('main.jsonl', readFileSync(main)).all().trajectories[0];
  assert.notEqual(alone.outcome.verdict, 'replicated');
});

test('inline sidechain records in the session file are joined the same way', () => {
  const bytes = Buffer.concat([readFileSync(main), readFileSync(started), readFileSync(warmup)]);
  const a = analyzeBytes('inline.jsonl', bytes);
  assert.equal(a.trajectories[0].outcome.verdict, 'replicated');
  assert.equal(a.trajectories.filter((t) => t.meta?.sessionMain).length, 2);
});

test('a sub-agent file read on its own is marked as part of a session elsewhere', () => {
  const [t] = OpenedLog.fromPath(started).all().trajectories;
  assert.equal(t.meta?.sessionMain, '9d41c0aa-7e2b-4f13-b6c8-3a5e0f2d8b71');
  assert.match(t.outcome.reason, /read without its session/);
});

test('statistics count the session once; the rows still list every run', () => {
  const runs = OpenedLog.fromPath(main)
    .all()
    .trajectories.map((trajectory) => ({ file: 'delegated-replica.jsonl', format: 'claude-code' as const, trajectory }));
  const c = buildCorpus(runs);
  assert.equal(c.rows.length, 3);
  assert.equal(c.stats.total.runs, 1);
  assert.equal(c.stats.total.verdicts.replicated, 1);
  assert.equal(c.stats.total.successRate, 1);
});

test('sessionsJoined: the main run with its started sub-agent’s commands in time order, sub-agent runs gone', () => {
  const joined = sessionsJoined(OpenedLog.fromPath(main).all().trajectories);
  assert.equal(joined.length, 1);
  assert.deepEqual(
    joined[0].steps.flatMap((s) => s.commands.map((c) => c.text.split(' ')[0])),
    ['ls', 'cp', 'cd', 'curl'],
  );
  assert.deepEqual(
    joined[0].steps.map((s) => s.index),
    joined[0].steps.map((_, i) => i),
  );
});

const step = (time: string | null, thought: string) => ({ id: thought, role: 'assistant' as const, time, thought, source: { startLine: 1, endLine: 1 }, commands: [] });
const raw = (id: string, steps: ReturnType<typeof step>[], meta?: RawTrajectory['meta']): RawTrajectory => ({ id, title: id, model: null, task: null, steps, issues: [], meta });

test('joinSteps: by time; a step with no time stays after its run’s previous step; ties keep the main run first', () => {
  const m = raw('s', [step('2026-01-01T00:00:00Z', 'm0'), step('2026-01-01T00:00:05Z', 'm1'), step(null, 'm2')]);
  const s = raw('s:a', [step('2026-01-01T00:00:05Z', 'a0'), step(null, 'a1'), step('2026-01-01T00:00:02Z', 'a2')]);
  assert.deepEqual(
    joinSteps([m, s]).steps.map((x) => x.thought),
    ['m0', 'm1', 'm2', 'a0', 'a1', 'a2'],
  );
  const late = raw('s:b', [step('2025-12-31T23:59:59Z', 'b0')]);
  assert.deepEqual(
    joinSteps([m, late]).steps.map((x) => x.thought),
    ['b0', 'm0', 'm1', 'm2'],
  );
});

test('sessionsOf: sub-agents go with the main run whose id prefixes theirs; a named list picks the joined ones', () => {
  const m = raw('s', [step(null, 'm')], { sidechain: false, subagents: 'a' });
  const a = raw('s:a', [step(null, 'a')], { sidechain: true });
  const b = raw('s:b', [step(null, 'b')], { sidechain: true });
  const other = raw('t', [step(null, 't')]);
  assert.deepEqual(sessionsOf([m, a, b, other]), [{ main: 0, joined: [1], others: [2] }]);
  assert.deepEqual(sessionsOf([raw('s', [step(null, 'm')]), a, b]), [{ main: 0, joined: [1, 2], others: [] }]);
  assert.deepEqual(sessionsOf([other]), []);
});

test('the language server judges the session as one run, also when an edit re-reads it', async () => {
  const { serve } = await import('../../src/server/store');
  const uri = `file://${main}`;
  const first = serve(uri, 1, { text: readFileSync(main, 'utf8') });
  const edited = serve(uri, 2, { text: `${readFileSync(main, 'utf8')}\n` }, undefined, undefined, first);
  for (const d of [first, edited]) {
    const runs = d.analysis!.trajectories;
    assert.equal(runs[0].outcome.verdict, 'replicated');
    assert.equal(runs.filter((t) => t.meta?.sessionMain === runs[0].id).length, 2);
  }
});
