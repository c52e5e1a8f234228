// Untrusted transcripts render as inert text. A hostile run (HTML, scripts, event handlers,
// javascript: links, ANSI and OSC escapes, bidi controls, a 5 MB single line) goes through the
// real analysis and the built webview under its real CSP; every payload would set
// `window.__pwned`, and a securitypolicyviolation listener records anything the CSP blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ensureBuilt, hasChromium, launch, openPage, serve, violationsOf, type Served } from './harness';
import { analysed, hostileRun } from './fixtures';
import { screenshot, settled } from './helpers';

const skip = !hasChromium && 'no /usr/bin/chromium';
let browser: Browser;
let served: Served;

before(async () => {
  if (skip) return;
  ensureBuilt();
  served = await serve();
  browser = await launch();
  served.add('hostile', { data: { uri: 'file:///w/hostile.json', format: 'openai-chat', runs: await analysed([hostileRun()]) } });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test('a hostile trajectory renders as inert text and runs no script', { skip }, async () => {
  const t0 = Date.now();
  const { page, errors, violations } = await openPage(browser, served.url('hostile'));
  await settled(page);
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
  // Expand every step, unfold every output (the 5 MB line included), hover and click links.
  for (let i = 0; i < 3; i++) {
    await page.evaluate((n) => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(n), i);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.detail[data-state="complete"]');
    for (const b of await page.$$('.detail .show-all')) await b.click();
    for (const a of await page.$$('.detail .thought-full a')) await a.click({ force: true, timeout: 2000 }).catch(() => undefined);
    if (i === 0) await screenshot(page, 'timeline-hostile');
    // Nothing from the transcript became an element that can run or load anything.
    // (Scoped to where transcript text lands: the list, and the run's title and metadata.)
    const live = await page.$$eval('.list, .run-row .title, .run-row .meta', (roots) =>
      roots
        .flatMap((r) => [...r.querySelectorAll('script, img, iframe, svg, object, embed, style, form, link, meta, [onerror], [onload], [onclick]')])
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(live, [], `live elements in step ${i + 1}`);
    const hrefs = await page.$$eval('#app a[href]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(
      hrefs.every((h) => /^https?:/i.test(h ?? '')),
      `hrefs: ${hrefs.join(', ')}`,
    );
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(200);
  assert.equal(await pwned(), null, 'no payload ran');
  assert.deepEqual(violations, []);
  assert.deepEqual(await violationsOf(page), [], 'the CSP had nothing to block: nothing tried to run or load');
  assert.deepEqual(errors, []);
  assert.ok(Date.now() - t0 < 30_000);
  await page.close();
});

test('payloads are shown as text; escapes and bidi controls are neutralised', { skip }, async () => {
  const { page, errors } = await openPage(browser, served.url('hostile'));
  await settled(page);
  // Header: title and model with HTML are text.
  assert.match((await page.textContent('.run-row .title')) ?? '', /Hostile <b>run<\/b> <img src=x onerror/);
  assert.match((await page.textContent('.run-row')) ?? '', /<script>window.__pwned=10<\/script>/);
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  const thought = (await page.textContent('.detail .thought-full')) ?? '';
  assert.ok(thought.includes('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'), 'raw HTML shown literally');
  // Markdown link with a javascript: target keeps its text but loses the target.
  assert.ok(thought.includes('click me'));
  // Bidi controls are visible markers, never applied.
  const text = await page.$eval('#app', (a) => a.textContent ?? '');
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'no raw bidi control in the DOM text');
  const markers = await page.$$eval('.ctrl', (cs) => cs.map((c) => c.textContent));
  for (const m of ['\u27E8RLO\u27E9', '\u27E8PDF\u27E9', '\u27E8LRI\u27E9', '\u27E8PDI\u27E9']) assert.ok(markers.includes(m), `marker ${m}`);
  // ANSI: colours became classes or computed styles; no escape character or OSC payload remains.
  assert.equal(await page.textContent('.detail .output-text .ansi-fg-1'), 'red');
  const green = await page.$$eval('.detail .output-text span', (ss) => ss.filter((s) => (s as HTMLElement).style.color === 'rgb(0, 255, 0)').map((s) => s.textContent));
  assert.deepEqual(green, ['green']);
  const out = (await page.textContent('.detail .output-text')) ?? '';
  assert.ok(!out.includes('\u001b') && !out.includes('title') && !out.includes('javascript:window.__pwned=8'), out.slice(0, 200));
  assert.ok(out.includes('\u27E8BEL\u27E9bell') && out.includes('\u27E8NUL\u27E9nul'), 'other controls shown as named markers');
  // The 5 MB line: folded first, then shown whole on request, as one text run.
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.detail[data-state="complete"]');
  assert.match((await page.textContent('.detail .show-all')) ?? '', /Show all \(1 lines, 5\.0 MB\)/);
  const folded = await page.$eval('.detail .output-text', (p) => (p.textContent ?? '').length);
  assert.ok(folded <= 6000, `folded to ${folded} characters`);
  const t = Date.now();
  await page.click('.detail .show-all');
  const full = await page.$eval('.detail .output-text', (p) => (p.textContent ?? '').length);
  assert.ok(full >= 5 * 1024 * 1024, `shown ${full}`);
  assert.ok(Date.now() - t < 10_000);
  // Rows stay one line tall whatever the content.
  const heights = await page.$$eval('.list .row', (rs) => [...new Set(rs.map((r) => (r as HTMLElement).offsetHeight))]);
  assert.equal(heights.length, 1);
  assert.equal((await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)) ?? null, null);
  assert.deepEqual(await violationsOf(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
