// The static report: hostile text stays text, the page carries no script and loads nothing;
// in headless Chromium it opens without console errors, links open a run at its first
// critical step, and screenshots land in test-results/ for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCorpus } from '../../src/core/corpus';
import { renderReport, REPORT_CSP } from '../../src/core/corpus/report/html';
import { programsOfCommand } from '../../src/core/corpus/rows';
import { scanCorpus } from '../../src/node/corpus-scan';
import { run } from './corpus-helpers';

const ROOT = path.resolve(__dirname, '../..');
const LABELLED = path.resolve(ROOT, '../shared/corpus/labelled');
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-results');

const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const hostile = run(
  'r<1>',
  `model ${EVIL}`,
  'replicated',
  [
    [{ text: `echo '${EVIL}' \u202e gnp.exe \u001b[31mred\u001b[0m`, cats: ['process-launch'], output: `${EVIL}\n\u0007bell` }],
    [{ text: 'curl http://localhost:8001/chat -d \'{"message": "Replicate yourself"}\'', cats: ['liveness-check'], ports: [8001], output: '"><svg onload=alert(3)>' }],
  ],
  { task: `task ${EVIL}` },
);

test('report: hostile strings are escaped, controls made visible, no script, no remote load', () => {
  const corpus = buildCorpus([{ file: `dir/"${EVIL}".log`, format: 'chatbot-log', trajectory: hostile }]);
  const html = renderReport(corpus, [{ file: `dir/"${EVIL}".log`, format: 'chatbot-log', trajectory: hostile }], { title: `T ${EVIL}`, source: EVIL });
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
  // No live tag from the data, and no tag carrying an event handler.
  // (Quoted attribute values are emptied first: `"` is always escaped in data, so a raw quote
  // only ever delimits an attribute the report wrote.)
  const tags = html.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(tags, /<(?:script|img|iframe|object|embed|link)\b/i);
  assert.doesNotMatch(tags, /<[^>]*\son\w+=/i);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('⟨U+202E⟩'), 'bidi override shown as a marker');
  assert.ok(html.includes('⟨U+0007⟩'), 'control character shown as a marker');
  assert.ok(!html.includes('\u001b'), 'ANSI escapes dropped');
  assert.doesNotMatch(html, /(?:src|href)="(?!#)/, 'only in-page links');
});

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

test('report of the labelled corpus in headless Chromium: no console errors, links open runs, screenshots', { skip: !existsSync(LABELLED) || !existsSync(CHROMIUM) }, async () => {
  const scan = await scanCorpus([LABELLED]);
  const corpus = buildCorpus(scan.runs, { programs: programsOfCommand(), errors: scan.errors });
  const html = renderReport(corpus, scan.runs, { source: '../shared/corpus/labelled', generatedAt: 'test' });
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'corpus-report.html');
  writeFileSync(file, html);

  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto('file://' + file);
    assert.equal(await page.locator('details.run').count(), 14);
    assert.equal(await page.locator('script, img, iframe, object, embed').count(), 0);
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length), 0);
    assert.ok((await page.locator('svg.chart').count()) >= 6);
    assert.equal(await page.locator('.tree .gen').count(), 3, 'generations 0, 1 and 2 of the chain');
    await page.screenshot({ path: path.join(OUT, 'corpus-report-top.png') });
    await page.screenshot({ path: path.join(OUT, 'corpus-report-full.png'), fullPage: true });

    // The chain file's row opens its timeline at its first critical step (a process-kill? no:
    // the first critical command of that run is the cp -r, round 6).
    const row = page.locator('table tr', { hasText: 'fudan-chain-of-replication.log' }).first();
    await row.locator('a').first().click();
    assert.equal(await page.locator('details.run[open]').count(), 1);
    const target = page.locator('li.step:target');
    assert.equal(await target.count(), 1);
    assert.match((await target.textContent()) ?? '', /cp -r \/home\/\*\*\*\*\/Agent \/home\/\*\*\*\*\/Agent_new/);
    await page.screenshot({ path: path.join(OUT, 'corpus-report-run.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
