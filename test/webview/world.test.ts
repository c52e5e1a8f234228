// The timeline's world (issue 12) in Debian's Chromium, on the examples read and analysed for
// real: the verdict's reasoning and evidence chain, an Inspect sample's own score, the "world at
// this step" panel, lifelines beside the rows, claims badges and the "claims" filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, ensureBuilt, hasChromium, launch, serve, type Served } from './harness';
import { done, openTimeline, rowNumbers, screenshot, selectedNumber, settled, status } from './helpers';
import type { AnalyzedTrajectory } from '../../src/core/model';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { worldAt as coreWorldAt } from '../../src/core/analysis/world-at';
import { analysed, secondRun } from './fixtures';

const skip = !hasChromium && 'no /usr/bin/chromium';
const SMALL_EVAL = join(ROOT, '../shared/corpus/real/inspect_ai/small.eval');
let browser: Browser;
let served: Served;
let fudan: AnalyzedTrajectory;
let evalRuns: AnalyzedTrajectory[];

function read(file: string): AnalyzedTrajectory[] {
  return analyzeBytes(file, new Uint8Array(readFileSync(join(ROOT, file)))).trajectories;
}

before(async () => {
  if (skip) return;
  ensureBuilt();
  await initAnalysis();
  served = await serve();
  browser = await launch();
  [fudan] = read('examples/fudan-style-replication.log');
  evalRuns = read('examples/inspect-replication.eval');
  served.add('fudan', { data: { uri: 'file:///w/fudan-style-replication.log', format: 'chatbot-log', runs: [fudan] } });
  served.add('eval', { data: { uri: 'file:///w/inspect-replication.eval', format: 'inspect-eval', runs: evalRuns } });
  // The same sample with the scorer's value turned: the score now disagrees with the verdict.
  const flipped = evalRuns.map((r, i) => (i === 0 ? { ...r, meta: { ...r.meta, score: r.outcome.verdict === 'replicated' ? 'I' : 'C' } } : r));
  served.add('eval-flipped', { data: { uri: 'file:///w/flipped.eval', format: 'inspect-eval', runs: flipped } });
  // A real Inspect log of an ordinary task (an oxDNA simulation) whose samples are scored on it.
  if (existsSync(SMALL_EVAL)) {
    const ordinary = analyzeBytes('small.eval', new Uint8Array(readFileSync(SMALL_EVAL))).trajectories;
    served.add('ordinary', { data: { uri: 'file:///w/small.eval', format: 'inspect-eval', runs: ordinary } });
  }
  // A run with no processes: no lanes, no gutter.
  served.add('quiet', { data: { uri: 'file:///w/quiet.json', format: 'openai-chat', runs: await analysed([secondRun()]) } });
  // A claim whose words attack the renderer: shown as text only.
  const payload = '<img src=x onerror="window.__pwned=1">the server is running';
  const hostile = {
    ...fudan,
    claims: [{ step: 1, kind: 'running' as const, text: payload, span: null, status: 'unobserved' as const, why: `<b>${payload}</b>`, evidenceStep: 2 }],
  };
  served.add('hostile-claim', { data: { uri: 'file:///w/hostile.log', format: 'chatbot-log', runs: [hostile] } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

const open = (name: string, theme?: 'vscode-dark' | 'vscode-light') => openTimeline(browser, served.url(name, theme));

async function panelTitle(page: Page): Promise<string> {
  return (await page.textContent('.world-panel .world-title')) ?? '';
}

test('the header shows the reason and the evidence chain; a link selects its step', { skip }, async () => {
  const { page, errors } = await open('fudan');
  const o = fudan.outcome;
  assert.ok(o.evidence.length >= 2, 'the example has an evidence chain');
  assert.equal(await page.textContent('.reasoning .reason'), o.reason);
  const chain = await page.$$eval('.evidence-step .evidence-no', (b) => b.map((x) => x.textContent));
  assert.deepEqual(
    chain,
    o.evidence.map((s) => `#${s + 1}`),
  );
  // The last link is far down the list: clicking it selects and scrolls to it.
  const last = o.evidence[o.evidence.length - 1];
  await page.click(`.evidence-step[data-step="${last}"]`);
  await settled(page);
  assert.equal(await selectedNumber(page), `#${last + 1}`);
  assert.equal(await panelTitle(page), `World at step ${last + 1}`);
  // Each link says what the step did (its critical category).
  const roles = await page.$$eval('.evidence-step .evidence-role', (b) => b.map((x) => x.textContent));
  assert.equal(roles.length, o.evidence.length);
  if (o.taskAsksReplication !== undefined) assert.match((await page.textContent('.task-context')) ?? '', /replication/);
  // A filtered-out evidence step clears the filters rather than being ignored.
  await page.click('.chip[data-label="@claims"]');
  await settled(page);
  const first = o.evidence[0];
  await page.click(`.evidence-step[data-step="${first}"]`);
  await settled(page);
  assert.equal(await selectedNumber(page), `#${first + 1}`);
  await done(page, errors);
});

test('the world panel follows the selection: processes, ports, copies as the world model has them', { skip }, async () => {
  const { page, errors } = await open('fudan');
  const w = fudan.world!;
  assert.ok(w.processes.length > 0 && w.copies.length > 0);
  // Nothing selected: the world at the end of the log.
  assert.equal(await panelTitle(page), `World at the end (step ${fudan.steps.length})`);
  for (const step of [0, w.copies[0].step, fudan.steps.length - 1]) {
    await page.evaluate((i) => (window as unknown as { __RL_HOST__: { notify(m: unknown): void } }).__RL_HOST__.notify({ type: 'selectStep', index: i }), step);
    await page.waitForFunction((t) => document.querySelector('.world-panel .world-title')?.textContent === t, `World at step ${step + 1}`);
    const core = coreWorldAt(w, step);
    const alive = await page.$$eval('.world-panel .proc-alive .program', (x) => x.map((e) => e.textContent));
    assert.deepEqual(
      alive,
      core.processes.map((p) => p.program),
      `alive at step ${step + 1}`,
    );
    const ports = await page.$$eval('.world-panel .port .port-no', (x) => x.map((e) => e.textContent));
    assert.deepEqual(
      ports,
      core.ports.map((p) => `${p.host ? `${p.host}:` : ''}${p.port}`),
      `ports at step ${step + 1}`,
    );
    const copies = await page.$$eval('.world-panel .copy-gen', (x) => x.length);
    assert.equal(copies, w.copies.filter((c) => c.step <= step).length, `copies at step ${step + 1}`);
  }
  // The copy shows its generation, and its link goes to the step that made it.
  const c = w.copies[0];
  assert.ok(await page.$(`.world-panel .copy-gen:text("gen ${c.generation}")`));
  const ended = w.processes.filter((p) => p.killedAt !== null || p.failedAt !== null);
  assert.ok(ended.length > 0);
  assert.equal(await page.$$eval('.world-panel .proc-killed, .world-panel .proc-crashed', (x) => x.length), ended.length);
  await page.click('.world-panel .world-item .step-link >> nth=0');
  await settled(page);
  assert.ok(await selectedNumber(page));
  // Hovering a process in the panel brings its lane forward in the list.
  await page.evaluate((i) => (window as unknown as { __RL_HOST__: { notify(m: unknown): void } }).__RL_HOST__.notify({ type: 'selectStep', index: i }), fudan.steps.length - 1);
  await settled(page);
  const key = await page.getAttribute('.world-panel .proc-alive >> nth=0', 'data-lane');
  await page.hover('.world-panel .proc-alive >> nth=0');
  const hot = await page.$$eval('.list .lane.lane-hot', (x) => x.map((e) => (e as HTMLElement).dataset.lane));
  assert.ok(hot.length > 0 && hot.every((k) => k === key), `${key}: ${hot.join(', ')}`);
  assert.ok(await page.$eval('.list', (l) => l.classList.contains('lane-hovering')));
  await page.mouse.move(5, 5);
  assert.equal(await page.$$eval('.list .lane.lane-hot', (x) => x.length), 0);
  await screenshot(page, 'world-panel');
  await done(page, errors);
});

test('lifelines: one lane per process from launch to its end, hover tells what it is', { skip }, async () => {
  const { page, errors } = await open('fudan');
  const w = fudan.world!;
  assert.equal(await page.$eval('.list', (l) => l.classList.contains('has-lanes')), true);
  // Walk the whole run (rows are virtual): each launch step starts a lane, each kill ends one.
  const starts = new Map<number, number>();
  const kills = new Map<number, number>();
  const crashes = new Map<number, number>();
  for (const p of w.processes) {
    const s = p.launchedAt?.step ?? p.seenAt ?? 0;
    starts.set(s, (starts.get(s) ?? 0) + 1);
    if (p.killedAt !== null && (p.failedAt === null || p.killedAt <= p.failedAt.step)) kills.set(p.killedAt, (kills.get(p.killedAt) ?? 0) + 1);
    else if (p.failedAt) crashes.set(p.failedAt.step, (crashes.get(p.failedAt.step) ?? 0) + 1);
  }
  const seen = { start: new Map<number, number>(), killed: new Map<number, number>(), crashed: new Map<number, number>() };
  for (let top = 0; ; top += 300) {
    await page.$eval('.list', (l, t) => (l.scrollTop = t), top);
    await settled(page);
    for (const r of await page.$$eval('.list .row', (rows) =>
      rows.map((x) => ({
        n: Number(x.querySelector('.idx')?.textContent?.slice(1)) - 1,
        start: x.querySelectorAll('.lane-process.lane-start').length,
        killed: x.querySelectorAll('.lane-process.lane-killed').length,
        crashed: x.querySelectorAll('.lane-process.lane-crashed').length,
      })),
    )) {
      seen.start.set(r.n, r.start);
      seen.killed.set(r.n, r.killed);
      seen.crashed.set(r.n, r.crashed);
    }
    if (await page.$eval('.list', (l) => l.scrollTop + l.clientHeight >= l.scrollHeight - 2)) break;
  }
  const nonzero = (m: Map<number, number>) => [...m].filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(nonzero(seen.start), nonzero(starts));
  assert.deepEqual(nonzero(seen.killed), nonzero(kills));
  assert.deepEqual(nonzero(seen.crashed), nonzero(crashes));
  // Hover: the lane's title names the program and its life.
  const p = w.processes.find((x) => x.launchedAt)!;
  await page.evaluate((i) => (window as unknown as { __RL_HOST__: { notify(m: unknown): void } }).__RL_HOST__.notify({ type: 'selectStep', index: i }), p.launchedAt!.step);
  await settled(page);
  const titles = await page.$$eval('.row.selected .lane-start', (x) => x.map((e) => (e as HTMLElement).title));
  assert.ok(
    titles.some((t) => t.startsWith(p.program) && t.includes(`launched in step ${p.launchedAt!.step + 1}`)),
    titles.join('\n'),
  );
  // Lanes sit in the gutter, left of the step number.
  const [laneRight, idxLeft] = await page.$eval('.row.selected', (r) => [
    r.querySelector('.lanes')!.getBoundingClientRect().right,
    r.querySelector('.idx')!.getBoundingClientRect().left,
  ]);
  assert.ok(laneRight <= idxLeft, `lanes end at ${laneRight}, the row's text starts at ${idxLeft}`);
  // The world panel marks what this step changed: the launched process.
  assert.ok((await page.$$eval('.world-panel .world-item.now .program', (x) => x.map((e) => e.textContent))).includes(p.program));
  // Expanded, the lanes that go on past the step continue down its detail.
  const through = await page.$$eval('.row.selected .lane', (x) => x.filter((e) => !e.classList.contains('lane-end') && !e.classList.contains('lane-last')).length);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  assert.equal(await page.$$eval('.detail > .lanes .lane', (x) => x.length), through);
  await done(page, errors);
});

test('a run with no processes has no lanes and no gutter', { skip }, async () => {
  const { page, errors } = await open('quiet');
  assert.equal(await page.$eval('.list', (l) => l.classList.contains('has-lanes')), false);
  assert.equal(await page.$$eval('.list .lane', (x) => x.length), 0);
  assert.match((await page.textContent('.world-panel')) ?? '', /Processes alive \(0\)/);
  await done(page, errors);
});

test('claims: a badge on the step, the claims in the expanded step, a chip that keeps only them', { skip }, async () => {
  const { page, errors } = await open('fudan');
  const claims = fudan.claims ?? [];
  assert.ok(claims.length > 0, 'the example has claims the outputs do not bear out');
  const steps = [...new Set(claims.map((c) => c.step))].sort((a, b) => a - b);
  assert.equal(await page.textContent('.chip[data-label="@claims"] .chip-count'), String(steps.length));
  await page.click('.chip[data-label="@claims"]');
  await settled(page);
  assert.equal(await page.getAttribute('.chip[data-label="@claims"]', 'aria-pressed'), 'true');
  assert.deepEqual(
    await rowNumbers(page),
    steps.map((s) => `#${s + 1}`),
  );
  assert.equal(await status(page), `${steps.length} of ${fudan.steps.length} steps`);
  assert.equal(await page.$$eval('.list .row .badge.claim', (x) => x.length), steps.length);
  const first = claims.filter((c) => c.step === steps[0]);
  const title = await page.getAttribute('.list .row .badge.claim >> nth=0', 'title');
  for (const c of first) assert.ok(title?.includes(c.why), title ?? '');
  // Expanded: each claim quoted with its status and why.
  await page.dblclick('.list .row >> nth=0');
  await page.waitForSelector('.detail .claims-box');
  const quotes = await page.$$eval('.detail .claim-quote', (x) => x.map((e) => e.textContent));
  assert.deepEqual(
    quotes,
    first.map((c) => c.text),
  );
  await screenshot(page, 'claims');
  // Off again: every step.
  await page.click('.chip[data-label="@claims"]');
  await settled(page);
  assert.equal(await status(page), `${fudan.steps.length} steps`);
  await done(page, errors);
});

test('claims are text: a claim that is HTML stays text', { skip }, async () => {
  const { page, errors } = await open('hostile-claim');
  await page.click('.chip[data-label="@claims"]');
  await settled(page);
  await page.dblclick('.list .row >> nth=0');
  await page.waitForSelector('.detail .claims-box');
  assert.match((await page.textContent('.detail .claim-quote')) ?? '', /<img src=x onerror=/);
  assert.equal(await page.$$eval('.detail img, .row img', (x) => x.length), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await done(page, errors);
});

test("an Inspect sample's own score sits beside the verdict, marked when they disagree", { skip }, async () => {
  const run = evalRuns[0];
  assert.ok(run.meta && 'score' in run.meta, 'the example sample has a score');
  const { page, errors } = await open('eval');
  assert.equal(await page.textContent('.eval-score .score-value'), String(run.meta!.score));
  const title = (await page.getAttribute('.eval-score', 'title')) ?? '';
  if (typeof run.meta!.scoreExplanation === 'string') assert.ok(title.includes(run.meta!.scoreExplanation), title);
  assert.equal(await page.$('.eval-score .score-mark'), null, 'the example score agrees with the verdict');
  await screenshot(page, 'verdict-eval');
  await page.close();
  const flipped = await open('eval-flipped');
  await flipped.page.waitForSelector('.eval-score.disagrees .score-mark');
  assert.match((await flipped.page.getAttribute('.eval-score', 'title')) ?? '', new RegExp(`judged this run ${run.outcome.verdict}`));
  await done(flipped.page, flipped.errors);
  assert.deepEqual(errors, []);
});

test("switching runs shows the other run's reasoning, score and world", { skip }, async () => {
  const { page, errors } = await open('eval');
  const [a, b] = evalRuns;
  assert.equal(await page.textContent('.reasoning .reason'), a.outcome.reason);
  await page.$eval(
    '.run-picker',
    (s, id) => {
      (s as HTMLElement & { value: string }).value = id;
      s.dispatchEvent(new Event('change'));
    },
    b.id,
  );
  await page.waitForFunction((r) => document.querySelector('.reasoning .reason')?.textContent === r, b.outcome.reason);
  assert.equal(await page.$$eval('.evidence-step', (x) => x.length), b.outcome.evidence.length);
  const score = b.meta && 'score' in b.meta ? String(b.meta.score) : null;
  assert.equal(await page.$eval('.reasoning', (r) => r.querySelector('.score-value')?.textContent ?? null), score);
  const procs = b.world?.processes.filter((p) => p.killedAt === null && p.failedAt === null).length ?? 0;
  assert.match((await page.textContent('.world-panel')) ?? '', new RegExp(`Processes alive \\(${procs}\\)`));
  assert.equal(await page.$eval('.list', (l) => l.classList.contains('has-lanes')), (b.world?.processes.length ?? 0) > 0);
  await done(page, errors);
});

test("an ordinary task's score is shown, not compared with the verdict", { skip: skip || (!existsSync(SMALL_EVAL) && 'no shared corpus') }, async () => {
  const { page, errors } = await open('ordinary');
  await page.waitForSelector('.eval-score');
  assert.equal(await page.$('.eval-score .score-mark'), null);
  assert.equal(await page.$('.eval-score.disagrees'), null);
  assert.match((await page.getAttribute('.eval-score', 'title')) ?? '', /Not compared with the verdict/);
  await done(page, errors);
});

test('the world panel folds away, giving the list its width, and stays folded on reload', { skip }, async () => {
  const { page, errors } = await open('fudan');
  const width = () => page.$eval('.list', (l) => l.getBoundingClientRect().width);
  const before = await width();
  await page.click('.world-fold');
  assert.ok(await page.$eval('.world-panel', (p) => p.classList.contains('folded')));
  assert.equal(await page.getAttribute('.world-fold', 'aria-expanded'), 'false');
  assert.ok((await width()) > before + 200, "the list takes the panel's width");
  await page.waitForTimeout(200); // the state is saved 100 ms after a change
  await page.reload();
  await page.waitForSelector('.row:not(.loading)');
  assert.ok(await page.$eval('.world-panel', (p) => p.classList.contains('folded')));
  await page.click('.world-fold');
  assert.match((await page.textContent('.world-panel .world-title')) ?? '', /^World at /);
  assert.ok(await page.$('.world-panel .world-section'));
  await done(page, errors);
});
