// The first screen (issue 14): the host sends the runs and the first rows' page unasked once the
// page is ready, so the first rows need no request; and a change that comes while a page is on
// its way (the run list and the first page racing a live log's growth) still ends with every row
// in the window loaded, with the new data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { RawTrajectory } from '../../src/core/model';
import { ensureBuilt, hasChromium, launch, serve, type Served } from './harness';
import { analysed, replicationRun, secondRun } from './fixtures';
import { done, frames, openTimeline, rowNumbers, settled } from './helpers';

const skip = !hasChromium && 'no /usr/bin/chromium';
let browser: Browser;
let served: Served;

/** The replication run with its steps repeated `times` (distinct ids): several pages of steps. */
function longRun(times: number, tag: string): RawTrajectory {
  const base = replicationRun();
  const steps = Array.from({ length: times }, (_, k) => base.steps.map((s) => ({ ...s, id: `${tag}-${k}-${s.id}` }))).flat();
  return { ...base, steps };
}

before(async () => {
  if (skip) return;
  ensureBuilt();
  served = await serve();
  browser = await launch();
  served.add('one', { data: { uri: 'file:///w/one.log', format: 'chatbot-log', runs: await analysed([replicationRun()]) } });
  served.add('long', { data: { uri: 'file:///w/long.log', format: 'chatbot-log', runs: await analysed([longRun(30, 'a')]) } });
  served.add('two', { data: { uri: 'file:///w/two.json', format: 'openai-chat', runs: await analysed([replicationRun(), secondRun()]) } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test('the first rows come with the first screen: the page asks for nothing before they show', { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('one'));
  const asked = await page.evaluate(() => window.__RL_HOST__.received.filter((m) => 'requestId' in m).map((m) => m.type));
  assert.deepEqual(asked, [], 'no request: the runs and the first page were sent');
  assert.equal((await rowNumbers(page))[0], '#1');
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.ok(marks.includes('rl:runs') && marks.includes('rl:first-rows'), marks.join());
  // Markdown is a script of its own, asked for once the first rows are painted (not before them).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/lazy/markdown.js')));
  const order = await page.evaluate(() => ({
    markdown: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/lazy/markdown.js'))!.startTime,
    rows: performance.getEntriesByName('rl:first-rows')[0].startTime,
  }));
  assert.ok(order.markdown > order.rows, `markdown asked for at ${order.markdown} ms, the first rows at ${order.rows} ms`);
  await done(page, errors);
});

test('the run asked for is shown first, with its own page', { skip }, async () => {
  // Two runs: the first screen carries the first run's page; the second is fetched when picked.
  const { page, errors } = await openTimeline(browser, served.url('two'));
  assert.deepEqual(await page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'getSteps').length), 0);
  await done(page, errors);
});

test('a change while a page is on its way: the rows in the window are fetched again and show the new data', { skip }, async () => {
  const { page, errors } = await openTimeline(browser, served.url('long'));
  const total = await page.$eval('.status', (s) => s.textContent ?? '');
  // Hold the host's answers, scroll to rows whose page is not loaded: its request waits.
  await page.evaluate(() => (window.__RL_HOST__.hold = true));
  await page.$eval('.list', (l) => (l.scrollTop = l.scrollHeight / 2));
  await frames(page);
  await page.waitForFunction(() => window.__RL_HOST__.held.length >= 1);
  const pending = await page.evaluate(() => window.__RL_HOST__.held.length);
  assert.ok(await page.$('.list .row.loading'), 'rows wait for their page');
  // The log changes meanwhile (same steps, new ids): the page asks for the runs again.
  const changed = await analysed([longRun(30, 'b')]);
  await page.evaluate((r) => window.__RL_HOST__.update(r), changed);
  await page.waitForFunction((n) => window.__RL_HOST__.held.length === n + 1, pending);
  // The runs are answered first, then the page asked for before the change (now stale).
  await page.evaluate(() => window.__RL_HOST__.release(true));
  await settled(page);
  assert.equal(await page.$eval('.status', (s) => s.textContent ?? ''), total);
  const stale = await page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'getSteps').length);
  assert.ok(stale > pending, `the window's pages were asked for again after the change (${stale} page requests)`);
  // The rows show the new analysis: an expanded row's step id is the changed one.
  const first = await page.$eval('.list .row:not(.loading)', (r) => (r as HTMLElement).dataset.item ?? '');
  assert.ok(Number(first) > 100, `rows at the scrolled position (item ${first})`);
  await done(page, errors);
});
