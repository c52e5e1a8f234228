// Serves the built webview with a stand-in host from 127.0.0.1 and drives Debian's Chromium with
// playwright-core. The page is the extension's own HTML (src/extension/timeline/html.ts) with its
// real CSP; the only addition is the stand-in host script (nonce'd, like the webview's own).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { timelineHtml } from '../../src/extension/timeline/html';
import type { StandinData } from './standin';
import type { TimelineBoot } from '../../src/protocol/webview';

export const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/webview');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds the bundles when the webview's sources are newer than dist/webview/webview.js. */
export function ensureBuilt(): void {
  const out = join(DIST, 'webview.js');
  const sheets = readdirSync(join(ROOT, 'media'))
    .filter((f) => /^timeline[\w-]*\.css$/.test(f))
    .map((f) => statSync(join(ROOT, 'media', f)).mtimeMs);
  const src = Math.max(newest(join(ROOT, 'webview')), ...sheets, newest(join(ROOT, 'src/protocol')));
  if (existsSync(out) && existsSync(join(DIST, 'timeline.css')) && statSync(out).mtimeMs >= src && statSync(join(DIST, 'timeline.css')).mtimeMs >= src) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(out)) throw new Error(`build failed (status ${r.status})`);
}

let standinJs: string | null = null;
async function standin(): Promise<string> {
  if (standinJs) return standinJs;
  const r = await esbuild.build({
    entryPoints: [join(ROOT, 'test/webview/standin.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  standinJs = r.outputFiles[0].text;
  return standinJs;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

export interface Fixture {
  data: StandinData;
  boot?: Partial<TimelineBoot>;
}

export interface Served {
  origin: string;
  /** URL of the timeline page for a registered fixture. */
  url(name: string, theme?: 'vscode-dark' | 'vscode-light' | 'vscode-high-contrast'): string;
  add(name: string, f: Fixture): void;
  close(): Promise<void>;
}

export async function serve(): Promise<Served> {
  const fixtures = new Map<string, Fixture>();
  const js = await standin();
  let origin = '';
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', origin);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (u.pathname.startsWith('/dist/')) {
      const p = join(DIST, u.pathname.slice('/dist/'.length));
      if (!p.startsWith(DIST) || !existsSync(p)) return send(404, 'text/plain', 'not found');
      return send(200, TYPES[extname(p)] ?? 'application/octet-stream', readFileSync(p));
    }
    if (u.pathname.startsWith('/themes/')) {
      const p = join(ROOT, 'test/webview/themes', u.pathname.slice('/themes/'.length));
      if (!existsSync(p)) return send(404, 'text/plain', 'not found');
      return send(200, 'text/css', readFileSync(p));
    }
    if (u.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    if (u.pathname === '/standin.js') return send(200, 'text/javascript', js);
    const m = /^\/(data|page)\/([\w-]+)$/.exec(u.pathname);
    const f = m ? fixtures.get(m[2]) : undefined;
    if (!m || !f) return send(404, 'text/plain', 'not found');
    if (m[1] === 'data') return send(200, 'text/javascript', `window.__RL_DATA__ = ${JSON.stringify(f.data)};`);
    const theme = u.searchParams.get('theme') ?? 'vscode-dark';
    const themeCss = theme.includes('high-contrast') ? 'hc.css' : theme.includes('light') ? 'light.css' : 'dark.css';
    const boot: TimelineBoot = { uri: f.data.uri, fileName: f.data.uri.split('/').pop() ?? '', textSource: true, reveal: null, ...f.boot };
    let html = timelineHtml({
      cspSource: origin,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: `${origin}/dist/webview.js`,
      styleUri: `${origin}/dist/timeline.css`,
      codiconUri: `${origin}/dist/codicon.css`,
      boot,
      preScripts: [`${origin}/data/${m[2]}`, `${origin}/standin.js`],
    });
    // The theme's variables, as VS Code injects them into every webview.
    html = html.replace('<link rel="stylesheet" href', `<link rel="stylesheet" href="${origin}/themes/${themeCss}">\n    <link rel="stylesheet" href`);
    return send(200, 'text/html; charset=utf-8', html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    origin,
    url: (name, theme = 'vscode-dark') => `${origin}/page/${name}?theme=${encodeURIComponent(theme)}`,
    add: (name, f) => void fixtures.set(name, f),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens a page that records CSP violations and page errors before any script runs. */
export async function openPage(browser: Browser, url: string, size = { width: 1100, height: 760 }): Promise<{ page: Page; errors: string[]; violations: string[] }> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('.row:not(.loading)');
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { page, errors, violations };
}

export async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
