// The timeline at first sight, in Debian's Chromium against the built bundle: the run table of a
// file with many samples (sorting, picking), the legend of colours, `o` on a selected step that is
// not expanded, and an invalid regular expression that says so. Screenshots go to
// test-results/webview/; UPDATE_SCREENSHOTS=1 also refreshes media/screenshots/timeline-run-table.png
// (from bench/results/vscode-59-samples.eval when present).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, hasChromium, launch, serve, ROOT, type Served } from './harness';
import { analysed, replicationRun, secondRun } from './fixtures';
import { done, openTimeline, rowNumbers, screenshot, selectedNumber, settled, status } from './helpers';
import type { AnalyzedTrajectory, RawTrajectory } from '../../src/core/model';
import { CATEGORY_TABLE } from '../../src/core/taxonomy';

const skip = !hasChromium && 'no /usr/bin/chromium';
let browser: Browser;
let served: Served;
let one: AnalyzedTrajectory;
let samples: AnalyzedTrajectory[];

/** Twelve samples of an Inspect-like log: ids that sort naturally (task_2 before task_10), two epochs, numeric scores. */
function sampleRuns(): RawTrajectory[] {
  const base = [replicationRun(), secondRun()];
  const out: RawTrajectory[] = [];
  const ids = ['task_10', 'task_2', 'task_1', 'task_7', 'task_3', 'task_12'];
  for (const epoch of [1, 2]) {
    ids.forEach((id, k) => {
      const b = base[k % 2];
      const steps = b.steps.slice(0, 3 + ((k * 5 + epoch) % (b.steps.length - 2)));
      out.push({ ...b, id: `${id}#${epoch}`, title: `${id} (epoch ${epoch})`, steps, meta: { sampleId: id, epoch, score: ((k * 7 + epoch * 3) % 11) / 10 } });
    });
  }
  return out;
}

before(async () => {
  if (skip) return;
  ensureBuilt();
  served = await serve();
  browser = await launch();
  [one] = await analysed([replicationRun()]);
  samples = await analysed(sampleRuns());
  served.add('one', { data: { uri: 'file:///w/fudan.chatbot.log', format: 'chatbot-log', runs: [one] } });
  served.add('eval', { data: { uri: 'file:///w/samples.eval', format: 'inspect-eval', runs: samples }, boot: { textSource: false } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

const tableIds = (page: Page) => page.$$eval('.run-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.run ?? ''));
const sortBy = (page: Page, col: string) => page.click(`.run-table th[data-col="${col}"] .sort`);

test('many samples: a run table (id, epoch, verdict, score, steps) instead of a drop-down, sorted by a click on a column', { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('eval'));
  assert.equal(await page.$('.run-picker'), null, 'no drop-down beside the table');
  assert.deepEqual(
    await tableIds(page),
    samples.map((s) => s.id),
    'file order first',
  );
  assert.deepEqual(await page.$$eval('.run-table th', (ths) => ths.map((t) => t.textContent)), ['Id', 'Epoch', 'Verdict', 'Score', 'Steps']);
  const first = await page.$$eval('.run-table tbody tr:first-child td', (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(first, ['task_10', '1', samples[0].outcome.verdict, String(samples[0].meta?.score), String(samples[0].steps.length)]);
  assert.equal(await page.getAttribute('.run-table tr.current', 'data-run'), samples[0].id);

  // Score ascending, then descending (ties keep file order).
  const byScore = (dir: 1 | -1) =>
    samples
      .map((s, i) => [s, i] as const)
      .sort(([a, i], [b, j]) => ((a.meta?.score as number) - (b.meta?.score as number)) * dir || i - j)
      .map(([s]) => s.id);
  await sortBy(page, 'score');
  assert.deepEqual(await tableIds(page), byScore(1));
  assert.equal(await page.getAttribute('.run-table th[data-col="score"]', 'aria-sort'), 'ascending');
  await sortBy(page, 'score');
  assert.deepEqual(await tableIds(page), byScore(-1));
  assert.equal(await page.getAttribute('.run-table th[data-col="score"]', 'aria-sort'), 'descending');
  assert.equal(await page.getAttribute('.run-table th[data-col="id"]', 'aria-sort'), 'none');

  // Ids in natural order: task_2 before task_10 (and epoch order kept for one id).
  await sortBy(page, 'id');
  const ids = await page.$$eval('.run-table tbody tr td.id', (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(ids, ['task_1', 'task_1', 'task_2', 'task_2', 'task_3', 'task_3', 'task_7', 'task_7', 'task_10', 'task_10', 'task_12', 'task_12']);
  // Steps: numbers, not text ("9" after "12" as text).
  await sortBy(page, 'steps');
  const steps = await page.$$eval('.run-table tbody tr td:last-child', (tds) => tds.map((t) => Number(t.textContent)));
  assert.deepEqual(
    steps,
    [...steps].sort((a, b) => a - b),
  );

  // A click opens the run; Enter on a focused row too.
  const pick = samples[7];
  await page.click(`.run-table tr[data-run="${pick.id}"]`);
  await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `${n} steps`, pick.steps.length);
  await settled(page);
  assert.deepEqual(
    await rowNumbers(page),
    pick.steps.map((s) => `#${s.index + 1}`),
  );
  assert.equal(await page.getAttribute('.run-table tr.current', 'data-run'), pick.id);
  const other = samples[2];
  await page.focus(`.run-table tr[data-run="${other.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('.run-table tr.current')?.getAttribute('data-run') === id, other.id);
  await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `${n} steps`, other.steps.length);
  // Focus in the table: the list's own keys still work (n: the first critical step).
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.querySelector('.list .row.selected.critical'));
  await screenshot(page, 'timeline-run-table-small');
  await done(page, errors);
});

test('the legend names every critical category with the colour its rows use, and each verdict', { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('one'));
  assert.equal(await page.isVisible('.legend-body'), false, 'closed until asked');
  await page.click('.legend > summary');
  const critical = CATEGORY_TABLE.filter((c) => c.kind === 'critical');
  const listed = await page.$$eval('.legend-section:nth-child(2) .legend-swatch .badge', (bs) => bs.map((b) => b.textContent));
  assert.equal(listed.length, critical.length);
  assert.deepEqual(await page.$$eval('.legend-swatch .verdict', (vs) => vs.map((v) => v.textContent)), ['replicated', 'failed', 'not-attempted', 'unknown']);
  assert.equal(await page.textContent('.legend-swatch.current .verdict'), one.outcome.verdict);
  // The swatch's colour is the stripe's: same custom property, resolved the same way.
  const rowColours = await page.$$eval('.list .row.critical', (rows) =>
    rows.map((r) => [[...r.classList].find((c) => c.startsWith('accent-'))!.slice(7), getComputedStyle(r, '::before').backgroundColor] as const),
  );
  assert.ok(rowColours.length > 0);
  for (const [cat, colour] of rowColours) {
    // The badge's --c as an rgb() colour (a probe element takes it as its text colour).
    const swatch = await page.$eval(`.legend .badge.cat-${cat}`, (b) => {
      const probe = document.createElement('span');
      probe.style.setProperty('color', getComputedStyle(b).getPropertyValue('--c').trim());
      b.appendChild(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    });
    assert.equal(swatch, colour, `${cat}: legend and stripe agree`);
  }
  await screenshot(page, 'timeline-legend');
  await done(page, errors);
});

test("o goes to the selected step's source without expanding it; not for an .eval (no text lines)", { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('one'));
  await page.evaluate(() => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(5));
  assert.equal(await selectedNumber(page), '#6');
  await page.keyboard.press('o');
  const sent = await page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'goToSource'));
  assert.deepEqual(sent, [{ type: 'goToSource', runId: one.id, index: 5, ...one.steps[5].source }]);
  assert.equal(await page.$('.list .detail'), null, 'not expanded');
  await page.close();

  const ev = await openTimeline(browser, served.url('eval'));
  await ev.page.keyboard.press('j');
  await ev.page.keyboard.press('o');
  await ev.page.waitForTimeout(100);
  assert.deepEqual(await ev.page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'goToSource')), []);
  await done(ev.page, [...errors, ...ev.errors]);
});

test('an invalid regular expression shows no step and says why; fixing it brings the steps back', { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('one'));
  const total = one.steps.length;
  await page.click('.regex-toggle');
  await page.fill('.search >> input', 'kill (');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('Invalid regular expression'));
  assert.match(await status(page), /Invalid regular expression: .*kill \(/);
  assert.equal(await page.$$eval('.list .row', (r) => r.length), 0, 'no step shown');
  assert.equal(await page.isVisible('.message'), true);
  assert.match((await page.textContent('.message')) ?? '', /not a valid regular expression/);
  await screenshot(page, 'timeline-invalid-regex');
  await page.fill('.search >> input', 'kill \\(?-9');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => new RegExp(`^[1-9]\\d* of ${t} steps$`).test(document.querySelector('.status')?.textContent ?? ''), total);
  assert.equal(await page.isVisible('.message'), false);
  assert.ok((await page.$$('.list .row')).length > 0);
  // No match at all is said too, differently.
  await page.fill('.search >> input', 'no such text anywhere');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.message-title')?.textContent === 'No step matches the filters.');
  await done(page, errors);
});

const EVAL = join(ROOT, 'bench/results/vscode-59-samples.eval');
const noEval = !existsSync(EVAL) && 'no bench/results/vscode-59-samples.eval';
test(
  'screenshot: the run table on a 59-sample .eval',
  { skip: skip || noEval || (!process.env.UPDATE_SCREENSHOTS && 'set UPDATE_SCREENSHOTS=1 (it analyses 100 MB)') },
  async () => {
    const { analyzeBytes } = await import('../../src/core/analyze');
    const a = analyzeBytes('vscode-59-samples.eval', readFileSync(EVAL));
    // The page carries its fixture inline: outputs are cut so 100 MB of samples load in time (rows never show outputs).
    const runs = a.trajectories.map((t) => ({ ...t, steps: t.steps.map((st) => ({ ...st, commands: st.commands.map((c) => ({ ...c, output: c.output.slice(0, 400) })) })) }));
    served.add('eval59', { data: { uri: 'file:///w/vscode-59-samples.eval', format: a.format, runs }, boot: { textSource: false } });
    const { page, errors } = await openTimeline(browser, served.url('eval59'));
    await page.setViewportSize({ width: 1280, height: 820 });
    await sortBy(page, 'id');
    await page.keyboard.press('n');
    await settled(page);
    const shot = await screenshot(page, 'timeline-run-table');
    mkdirSync(resolve(ROOT, 'media/screenshots'), { recursive: true });
    copyFileSync(shot, resolve(ROOT, 'media/screenshots/timeline-run-table.png'));
    await done(page, errors);
  },
);
