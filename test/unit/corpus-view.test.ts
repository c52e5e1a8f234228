// The corpus view's webview in headless Chromium, under its real CSP, fed the real
// `stats --json --rows` document of the labelled corpus by a stand-in host (the page's
// `acquireVsCodeApi`), served over HTTP as a webview's resources would be. Checks the table,
// sorting, filtering, the message a click sends, and that no CSP violation or error is logged;
// takes a screenshot for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { corpusHtml } from '../../src/extension/corpus/html';
import { loadCorpus } from '../../src/cli/commands/stats';

const ROOT = path.resolve(__dirname, '../..');
const LABELLED = path.resolve(ROOT, '../shared/corpus/labelled');
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-results');

/** Colours of VS Code's Dark Modern theme, as a webview receives them. */
const THEME = `body{background:#1f1f1f;--vscode-editor-background:#1f1f1f;--vscode-foreground:#cccccc;--vscode-descriptionForeground:#9d9d9d;
--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-input-background:#313131;--vscode-input-foreground:#cccccc;
--vscode-input-border:#3c3c3c;--vscode-dropdown-background:#313131;--vscode-dropdown-foreground:#cccccc;--vscode-dropdown-border:#3c3c3c;
--vscode-focusBorder:#0078d4;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;
--vscode-panel-border:#2b2b2b;--vscode-sideBar-background:#181818;--vscode-list-hoverBackground:#2a2d2e;--vscode-textLink-foreground:#4daafc;
--vscode-errorForeground:#f85149}`;

test('corpus view: table, sort, filter, open message, no CSP violation', { skip: !existsSync(LABELLED) || !existsSync(CHROMIUM) }, async () => {
  const build = mkdtempSync(path.join(os.tmpdir(), 'rl-corpus-view-'));
  await esbuild.build({
    entryPoints: { corpus: path.join(ROOT, 'src/extension/corpus/webview/main.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: build,
    logLevel: 'error',
  });
  const { corpus, scan } = await loadCorpus([LABELLED], 'model');
  const doc = {
    ...corpus.stats,
    scan: { base: scan.base, files: scan.files, claimed: scan.claimed, unclaimed: scan.unclaimed, ms: scan.ms },
    lineage: corpus.lineage,
    errors: corpus.errors,
    rows: corpus.rows,
  };
  const host = `window.__sent = []; window.__state = undefined;
window.acquireVsCodeApi = () => ({
  postMessage(m) { window.__sent.push(m); if (m.type === 'ready') setTimeout(() => window.postMessage({ type: 'data', folder: 'labelled', doc: ${JSON.stringify(doc)} }, '*')); },
  getState() { return window.__state; }, setState(s) { window.__state = s; },
});`;
  const nonce = 'bm9uY2UtZm9yLXRlc3Q=';
  let page = '';
  const server = http.createServer((req, res) => {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page],
      '/corpus.js': ['text/javascript', readFileSync(path.join(build, 'corpus.js'), 'utf8')],
      '/corpus.css': ['text/css', readFileSync(path.join(build, 'corpus.css'), 'utf8') + THEME],
      '/host.js': ['text/javascript', host],
    };
    // Chromium asks for a favicon on its own; a webview never does.
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const f = files[req.url ?? ''];
    res.writeHead(f ? 200 : 404, { 'content-type': f?.[0] ?? 'text/plain' });
    res.end(f?.[1] ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  page = corpusHtml({ cspSource: origin, nonce, scriptUri: `${origin}/corpus.js`, styleUri: `${origin}/corpus.css`, folder: 'labelled' }).replace(
    '<script type="module"',
    `<script nonce="${nonce}" src="${origin}/host.js"></script>\n    <script type="module"`,
  );

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await p.goto(origin + '/');
    const rows = p.locator('table.runs tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 14);
    assert.ok((await p.locator('.charts svg').count()) >= 6);
    // Parsed as SVG (not as unknown XML shown as text): the bars have a size.
    const bar = await p.locator('.charts svg rect').first().boundingBox();
    assert.ok(bar && bar.width > 0 && bar.height > 0);
    assert.equal(await p.locator('.chains .gen').count(), 3);
    mkdirSync(OUT, { recursive: true });
    await p.screenshot({ path: path.join(OUT, 'corpus-view.png'), fullPage: true });

    // Sort by steps: numeric columns sort descending first.
    await p.locator('th button', { hasText: /^steps$/ }).click();
    const steps = await p.locator('table.runs tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual(
      steps.map(Number),
      [...steps.map(Number)].sort((a, b) => b - a),
    );
    await p.locator('th button', { hasText: /^steps/ }).click();
    const asc = (await p.locator('table.runs tbody tr td:nth-child(4)').allTextContents()).map(Number);
    assert.deepEqual(
      asc,
      [...asc].sort((a, b) => a - b),
    );

    // Filter by text, then by verdict.
    await p.locator('.toolbar input[type=search]').fill('fudan');
    assert.equal(await rows.count(), 3);
    await p.locator('.toolbar select').first().selectOption('replicated');
    assert.equal(await rows.count(), 2);
    await p.locator('.toolbar input[type=search]').fill('');
    assert.equal(await rows.count(), 5);

    // A click asks the host to open the run at its first critical step.
    await p.locator('table.runs tbody tr', { hasText: 'fudan-chain-of-replication.log' }).click();
    const sent = await p.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent);
    const chain = corpus.rows.find((r) => r.file === 'fudan-chain-of-replication.log')!;
    assert.deepEqual(sent.at(-1), { type: 'open', file: chain.file, runId: chain.runId, step: chain.firstCritical });
    // Sort and filters are kept for a reload (getState/setState).
    const state = await p.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.deepEqual(state, { sort: { column: 'steps', descending: false }, filter: { text: '', verdict: 'replicated', model: '' } });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
