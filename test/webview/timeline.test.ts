// The timeline webview in Debian's Chromium, against the built bundle and a stand-in host fed
// with real analysis output: rendering, filters, search, keys, expansion, linking, live tail,
// run picker, annotation marks, state restore. Screenshots go to test-results/webview/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureBuilt, hasChromium, launch, serve, type Served } from './harness';
import { analysed, replicationRun, secondRun } from './fixtures';
import { done, frames, openTimeline, rowNumbers, screenshot, selectedNumber, settled, status } from './helpers';
import { isCritical, type AnalyzedTrajectory } from '../../src/core/model';
import { categoryDef } from '../../src/core/taxonomy';

const skip = !hasChromium && 'no /usr/bin/chromium';
let browser: Browser;
let served: Served;
let runs: AnalyzedTrajectory[];

before(async () => {
  if (skip) return;
  ensureBuilt();
  served = await serve();
  browser = await launch();
  runs = await analysed([replicationRun(), secondRun()]);
  served.add('one', { data: { uri: 'file:///w/fudan.chatbot.log', format: 'chatbot-log', runs: [runs[0]] } });
  served.add('two', { data: { uri: 'file:///w/two-runs.json', format: 'openai-chat', runs } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

const open = (name = 'one', theme?: 'vscode-dark' | 'vscode-light' | 'vscode-high-contrast') => openTimeline(browser, served.url(name, theme));

test('renders the header, chips, minimap and rows from the analysis', { skip }, async () => {
  const { page, errors } = await open();
  const run = runs[0];
  assert.equal((await page.textContent('.run-row .title'))?.trim(), run.title);
  assert.equal(await page.textContent('.verdict'), run.outcome.verdict);
  const numbers = await rowNumbers(page);
  assert.equal(numbers[0], '#1');
  assert.ok(numbers.length >= 8 && numbers.length <= run.steps.length, `rows in DOM: ${numbers.length}`);
  // Chips carry the analysis' counts per category.
  const kills = run.steps.flatMap((s) => s.commands).filter((c) => c.categories.includes('process-kill')).length;
  assert.ok(kills > 0);
  assert.equal(await page.textContent('.chip[data-label="process-kill"] .chip-count'), String(kills));
  // The critical part of a command is marked, and the shell is coloured.
  assert.ok(await page.$('.row .finding-port-discovery'));
  assert.ok(await page.$('.row .sh-cmd'));
  // Category colours come from the taxonomy table, through the CSP, as custom properties.
  const colour = await page.$eval('.row .finding-port-discovery', (e) => getComputedStyle(e).getPropertyValue('--c').trim());
  const kill = await page.$eval('.chip[data-label="process-kill"]', (e) => getComputedStyle(e).getPropertyValue('--c').trim());
  assert.deepEqual([colour, kill], [categoryDef('port-discovery')!.colour, categoryDef('process-kill')!.colour]);
  // The minimap drew category ticks.
  const painted = await page.$eval('canvas.minimap', (c) => {
    const g = (c as HTMLCanvasElement).getContext('2d')!;
    const d = g.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(painted > 100, `minimap pixels: ${painted}`);
  // Clicking near a tick jumps to its step; ticks are placed by time.
  const box = (await page.$('canvas.minimap'))!;
  const bb = (await box.boundingBox())!;
  const times = run.steps.map((s) => Date.parse(s.time!));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const lastCritical = [...run.steps]
    .reverse()
    .find((s) => s.commands.some((c) => c.categories.some((k) => !['process-discovery', 'resource-probe', 'dependency-install'].includes(k))))!;
  const x = 4 + ((times[lastCritical.index] - t0) / (t1 - t0)) * (bb.width - 8);
  await page.mouse.click(bb.x + x + 3, bb.y + bb.height / 2);
  assert.equal(await selectedNumber(page), `#${lastCritical.index + 1}`);
  await screenshot(page, 'timeline-dark');
  await done(page, errors);
});

test('looks right in the light and high-contrast themes', { skip }, async () => {
  for (const theme of ['vscode-light', 'vscode-high-contrast'] as const) {
    const { page, errors } = await open('one', theme);
    assert.ok(await page.evaluate((t) => document.body.classList.contains(t), theme));
    const bg = await page.$eval('body', (b) => getComputedStyle(b).backgroundColor);
    assert.equal(bg, theme === 'vscode-light' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.detail[data-state="complete"]');
    await screenshot(page, `timeline-${theme.replace('vscode-', '')}`);
    await done(page, errors);
  }
});

test('category chips, critical-only and role filters', { skip }, async () => {
  const { page, errors } = await open();
  const total = runs[0].steps.length;
  await page.click('.chip[data-label="process-kill"]');
  await settled(page);
  assert.equal(await page.getAttribute('.chip[data-label="process-kill"]', 'aria-pressed'), 'true');
  const killSteps = runs[0].steps.filter((s) => s.commands.some((c) => c.categories.includes('process-kill')));
  assert.deepEqual(
    await rowNumbers(page),
    killSteps.map((s) => `#${s.index + 1}`),
  );
  assert.equal(await status(page), `${killSteps.length} of ${total} steps`);
  // A second chip widens the filter (any of the chosen labels).
  await page.click('.chip[data-label="obstacle:connection-refused"]');
  await settled(page);
  const either = runs[0].steps.filter((s) => s.commands.some((c) => c.categories.includes('process-kill') || c.obstacles.includes('connection-refused')));
  assert.deepEqual(
    await rowNumbers(page),
    either.map((s) => `#${s.index + 1}`),
  );
  await page.click('.chip[data-label="process-kill"]');
  await page.click('.chip[data-label="obstacle:connection-refused"]');
  await page.click('.chip[data-label="@critical"]');
  await settled(page);
  const critical = runs[0].steps.filter((s) => s.commands.some((c) => c.categories.some(isCritical)));
  assert.equal(await status(page), `${critical.length} of ${total} steps`);
  await page.click('.chip[data-label="@critical"]');
  // Role filter (content filter: answered by scanning the run).
  await page.$eval('.role-filter', (s) => {
    (s as HTMLElement & { value: string }).value = 'user';
    s.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('0 of'));
  await page.$eval('.role-filter', (s) => {
    (s as HTMLElement & { value: string }).value = 'assistant';
    s.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction((t) => document.querySelector('.status')?.textContent === `${t} of ${t} steps`, total);
  await done(page, errors);
});

test('search: text and regular expressions over thoughts, commands and outputs', { skip }, async () => {
  const { page, errors } = await open();
  await page.keyboard.press('/');
  await page.keyboard.type('address already in use');
  await page.keyboard.press('Enter');
  // Only in an output (step 9's vllm.log tail).
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '1 of 18 steps');
  assert.deepEqual(await rowNumbers(page), ['#9']);
  // Thoughts and commands: rows show the hits.
  await page.fill('.search >> input', 'vllm');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.status')?.textContent?.includes('searching') && document.querySelector('.status')?.textContent !== '1 of 18 steps');
  await settled(page);
  assert.ok((await page.$$('.row .hit')).length >= 2);
  // Regular expression.
  await page.click('.regex-toggle');
  await page.fill('.search >> input', 'kill -9 \\d+');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '1 of 18 steps');
  assert.deepEqual(await rowNumbers(page), ['#11']);
  // An invalid pattern marks the field (and shows no step: test/webview/first-sight.test.ts).
  await page.fill('.search >> input', 'kill (');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (document.querySelector('.search') as HTMLElement & { invalid: boolean }).invalid === true);
  await page.fill('.search >> input', '');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '18 steps');
  await screenshot(page, 'timeline-search');
  await done(page, errors);
});

test('keys: j/k and arrows move, n/N jump between critical steps, Enter expands, Escape collapses', { skip }, async () => {
  const { page, errors } = await open();
  await page.keyboard.press('j');
  assert.equal(await selectedNumber(page), '#1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  assert.equal(await selectedNumber(page), '#3');
  await page.keyboard.press('k');
  assert.equal(await selectedNumber(page), '#2');
  await page.keyboard.press('ArrowUp');
  assert.equal(await selectedNumber(page), '#1');
  const critical = runs[0].steps
    .filter((s) => s.commands.some((c) => c.categories.some((k) => !['process-discovery', 'resource-probe', 'dependency-install'].includes(k))))
    .map((s) => `#${s.index + 1}`);
  await page.keyboard.press('n');
  assert.equal(await selectedNumber(page), critical[0]);
  await page.keyboard.press('n');
  assert.equal(await selectedNumber(page), critical[1]);
  await page.keyboard.press('N');
  assert.equal(await selectedNumber(page), critical[0]);
  await page.keyboard.press('End');
  assert.equal(await selectedNumber(page), `#${runs[0].steps.length}`);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.list .detail');
  await page.keyboard.press('Escape');
  assert.equal(await page.$('.list .detail'), null);
  await page.keyboard.press('/');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('search')));
  await done(page, errors);
});

test('expansion: markdown thought, every command, ANSI output, entity threads, go to source', { skip }, async () => {
  const { page, errors } = await open();
  // Step 9: its output carries ANSI colours.
  await page.evaluate(() => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(8));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  assert.equal(await page.textContent('.detail .ansi-fg-1'), 'ERROR');
  assert.ok(await page.$('.detail .ansi-bold.ansi-fg-2'));
  const out = await page.textContent('.detail .output-text');
  assert.ok(out && !out.includes('\u001b'), 'escape codes are not shown raw');
  await screenshot(page, 'timeline-ansi');
  // Step 11 (kill -9 6001 after lsof on port 8001): threads.
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(12));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  await screenshot(page, 'timeline-threads');
  const threads = await page.$$eval('.detail .thread', (ts) => ts.map((t) => t.textContent ?? ''));
  const port = threads.find((t) => t.startsWith('port 8001'));
  assert.ok(port, `threads: ${threads.join(' | ')}`);
  assert.match(port, /launched in .*checked in/);
  const thread = runs[0].threads.find((t) => t.entity === 'port:8001');
  assert.ok(thread);
  // Clicking a step in the thread selects it.
  await page.click('.detail .thread .step-link >> nth=0');
  assert.equal(await selectedNumber(page), `#${thread.steps[0] + 1}`);
  // Go to source: the host receives the step's lines.
  await page.evaluate(() => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(5));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  await screenshot(page, 'timeline-expanded');
  await page.click('.detail .go-source');
  const sent = await page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'goToSource'));
  assert.deepEqual(sent.at(-1), { type: 'goToSource', runId: runs[0].id, index: 5, ...runs[0].steps[5].source });
  await done(page, errors);
});

test('linking: a cursor line in the text editor selects its step', { skip }, async () => {
  const { page, errors } = await open();
  const target = runs[0].steps[14];
  assert.ok(target.source);
  await page.evaluate((line) => window.__RL_HOST__.notify({ type: 'selectLine', line }), target.source.startLine + 1);
  await page.waitForFunction(() => document.querySelector('.row.selected .idx')?.textContent === '#15');
  // openTimeline on an open timeline: select by index.
  await page.evaluate(() => window.__RL_HOST__.notify({ type: 'selectStep', index: 3 }));
  await page.waitForFunction(() => document.querySelector('.row.selected .idx')?.textContent === '#4');
  await done(page, errors);
});

test('live tail: a growing log adds rows and the view follows the end', { skip }, async () => {
  const { page, errors } = await open();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const l = document.querySelector('.list')!;
    l.scrollTop = l.scrollHeight;
  });
  await frames(page);
  const grown = await analysed([{ ...replicationRun(), steps: [...replicationRun().steps, ...secondRun().steps.map((s, i) => ({ ...s, id: `extra-${i}` }))] }]);
  await page.evaluate((r) => window.__RL_HOST__.update(r), grown);
  await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `${n} steps`, grown[0].steps.length);
  await settled(page);
  const numbers = await rowNumbers(page);
  assert.equal(numbers.at(-1), `#${grown[0].steps.length}`);
  const atEnd = await page.$eval('.list', (l) => l.scrollTop + l.clientHeight >= l.scrollHeight - 70);
  assert.ok(atEnd, 'followed the end');
  // Scrolled away: more lines arrive, the view stays where the researcher is.
  await page.$eval('.list', (l) => (l.scrollTop = 0));
  await frames(page);
  const more = await analysed([
    {
      ...replicationRun(),
      steps: [...replicationRun().steps, ...secondRun().steps.map((s, i) => ({ ...s, id: `extra-${i}` })), ...secondRun().steps.map((s, i) => ({ ...s, id: `more-${i}` }))],
    },
  ]);
  await page.evaluate((r) => window.__RL_HOST__.update(r), more);
  await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `${n} steps`, more[0].steps.length);
  assert.equal(await page.$eval('.list', (l) => l.scrollTop), 0);
  await done(page, errors);
});

test('run picker for a file with several runs', { skip }, async () => {
  const { page, errors } = await open('two');
  assert.ok(await page.$('.run-picker'));
  await page.$eval(
    '.run-picker',
    (s, id) => {
      (s as HTMLElement & { value: string }).value = id;
      s.dispatchEvent(new Event('change'));
    },
    runs[1].id,
  );
  await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `${n} steps`, runs[1].steps.length);
  await settled(page);
  assert.deepEqual(
    await rowNumbers(page),
    runs[1].steps.map((s) => `#${s.index + 1}`),
  );
  assert.ok(await page.$('.chip[data-label="remote-transfer"]'));
  await done(page, errors);
});

test('annotation marks (the hook for issue 6): badge, chip count, filter, key a', { skip }, async () => {
  const { page, errors } = await open();
  await page.evaluate(
    (runId) =>
      window.__RL_HOST__.notify({
        type: 'annotationMarks',
        runId,
        marks: [
          { index: 2, labels: ['obstacle resolved'] },
          { index: 10, labels: ['deception'] },
        ],
      }),
    runs[0].id,
  );
  await page.waitForFunction(() => document.querySelector('.chip[data-label="@annotated"] .chip-count')?.textContent === '2');
  await page.click('.chip[data-label="@annotated"]');
  await settled(page);
  assert.deepEqual(await rowNumbers(page), ['#3', '#11']);
  assert.equal((await page.$$('.row .badge.annotation')).length, 2);
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  const sent = await page.evaluate(() => window.__RL_HOST__.received.filter((m) => m.type === 'annotateStep'));
  assert.deepEqual(sent, [{ type: 'annotateStep', runId: runs[0].id, index: 2, stepId: runs[0].steps[2].id }]);
  await done(page, errors);
});

test('state is restored on reload: run, selection, expansion, filters, scroll', { skip }, async () => {
  const { page, errors } = await open('two');
  await page.click('.chip[data-label="@critical"]');
  await settled(page);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  const selected = await selectedNumber(page);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  await page.$eval('.list', (l) => (l.scrollTop = 40));
  // The webview saves its state a moment after a change: wait for the scroll to be in it.
  await page.waitForFunction(() => JSON.parse(sessionStorage.getItem('rl-state') ?? '{}').scrollTop === 40);
  await page.reload();
  await page.waitForSelector('.row:not(.loading)');
  await page.waitForSelector('.detail[data-state="complete"]');
  assert.equal(await selectedNumber(page), selected);
  assert.equal(await page.getAttribute('.chip[data-label="@critical"]', 'aria-pressed'), 'true');
  assert.equal(await page.$eval('.list', (l) => l.scrollTop), 40);
  await done(page, errors);
});

test('100,000 steps: only the rows on screen are in the DOM, wherever the list is scrolled', { skip }, async () => {
  served.add('big', { data: { uri: 'file:///w/big.chatbot.log', format: 'chatbot-log', runs: [], synthetic: 100_000 } });
  const { page, errors } = await open('big');
  assert.equal(await status(page), '100,000 steps');
  for (const f of [0, 0.25, 0.5, 0.999, 1]) {
    await page.$eval('.list', (l, x) => (l.scrollTop = x * (l.scrollHeight - l.clientHeight)), f);
    await settled(page);
    const n = await page.$$eval('.list .row', (r) => r.length);
    assert.ok(n > 5 && n < 60, `${n} rows at ${f}`);
  }
  assert.deepEqual((await rowNumbers(page)).at(-1), '#100000');
  await done(page, errors);
});

const shared = resolve(import.meta.dirname, '../../../shared/corpus/labelled/fudan-chain-of-replication.log');
test('a labelled corpus run through the real reader and analysis renders', { skip: skip || (!existsSync(shared) && 'no /work/shared corpus') }, async () => {
  const { analyzeBytes } = await import('../../src/core/analyze');
  const { initAnalysis } = await import('../../src/node/init-analysis');
  await initAnalysis();
  const a = analyzeBytes('fudan-chain-of-replication.log', readFileSync(shared));
  served.add('fudan', { data: { uri: 'file:///corpus/fudan-chain-of-replication.log', format: a.format, runs: a.trajectories } });
  const { page, errors } = await open('fudan');
  assert.equal(await status(page), `${a.trajectories[0].steps.length} steps`);
  assert.equal(await page.textContent('.verdict'), a.trajectories[0].outcome.verdict);
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  await screenshot(page, 'timeline-fudan');
  await done(page, errors);
});
