// The real-VS-Code harness: code-server (installed by scripts/setup-code-server.sh) with the
// packaged VSIX installed into fresh dirs, driven by playwright-core in Debian's Chromium.
// Everything waits on real signals (an HTTP answer, a DOM element), never on a fixed sleep.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const CODE_SERVER = process.env.CODE_SERVER_PATH ?? join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VSIX = join(ROOT, 'out/replication-lens.vsix');
export const RESULTS = join(ROOT, 'test-results/e2e');
export const EXTENSION_ID = 'replication-lens.replication-lens';

/**
 * Why the suite cannot run here, or false when it can. Under CI (=true) a missing tool is an
 * error thrown at import time, so the test file fails loudly instead of skipping.
 */
export function e2eSkipReason(): string | false {
  const missing: string[] = [];
  if (!existsSync(CODE_SERVER)) missing.push(`code-server (run: bash scripts/setup-code-server.sh) at ${CODE_SERVER}`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (apt-get install -y chromium) at ${CHROMIUM}`);
  if (!missing.length) return false;
  const msg = `end-to-end suite needs ${missing.join(' and ')}`;
  const ci = process.env.CI;
  if (ci && ci !== 'false' && ci !== '0') throw new Error(`CI=${ci}: ${msg}`);
  console.error(`[e2e] skipping: ${msg}`);
  return msg;
}

/** Newest modification time of the files that go into the VSIX. */
function newestInput(): number {
  let newest = statSync(join(ROOT, 'package.json')).mtimeMs;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else newest = Math.max(newest, s.mtimeMs);
    }
  };
  for (const d of ['dist', 'src', 'webview', 'syntaxes', 'media']) walk(join(ROOT, d));
  return newest;
}

/** Packages the extension (scripts/package.mjs) when the VSIX is missing or older than its inputs. */
export function ensureVsix(): string {
  if (existsSync(VSIX) && statSync(VSIX).mtimeMs >= newestInput()) return VSIX;
  console.error('[e2e] packaging the extension (out/replication-lens.vsix is missing or stale)');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(VSIX)) throw new Error('npm run package failed; see the output above');
  return VSIX;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
};

/** Runs code-server's CLI once (install an extension) and returns its output. */
function codeServerCli(args: string[]): string {
  const r = spawnSync(CODE_SERVER, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

export function installVsix(extensionsDir: string, userDataDir: string, vsix: string): void {
  const out = codeServerCli(['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force']);
  if (!/successfully installed|already installed/i.test(out)) throw new Error(`VSIX did not install:\n${out}`);
}

export interface ServerOptions {
  /** Folder opened in VS Code. */
  folder: string;
  /** VSIX to install (null: no extension). */
  vsix: string | null;
  port?: number;
  host?: string;
  /** Base directory for user-data and extensions (a fresh temp dir when absent). */
  dir?: string;
  settings?: Record<string, unknown>;
  /** Where code-server's own output goes (inherit for the demo). */
  stdio?: 'inherit' | 'file';
  /** Keep workspace trust on and never prompt, so the folder opens in Restricted Mode. */
  restricted?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts code-server with fresh user-data and extensions dirs and waits until it answers. */
export async function startCodeServer(opts: ServerOptions): Promise<RunningServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'rl-e2e-'));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const trust = opts.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust, ...opts.settings }, null, 2));
  if (opts.vsix) installVsix(extensionsDir, userDataDir, opts.vsix);

  const port = opts.port ?? (await freePort());
  const host = opts.host ?? '127.0.0.1';
  const logFile = join(dir, 'code-server.log');
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    opts.folder,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
  delete env.VSCODE_IPC_HOOK_CLI;
  let proc: ChildProcess;
  if (opts.stdio === 'inherit') {
    proc = spawn(CODE_SERVER, args, { detached: true, stdio: 'inherit', env });
  } else {
    proc = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    const log = createWriteStream(logFile);
    proc.stdout!.pipe(log);
    proc.stderr!.pipe(log);
  }
  // Kill the whole process group (code-server forks its server and extension hosts).
  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  let exited = false;
  const exitedPromise = new Promise<void>((ok) =>
    proc.once('exit', () => {
      exited = true;
      ok();
    }),
  );

  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup('SIGKILL');
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }

  return {
    url,
    port,
    dir,
    userDataDir,
    extensionsDir,
    logFile,
    proc,
    async stop() {
      process.removeListener('exit', onExit);
      if (!exited) {
        killGroup('SIGTERM');
        const t = setTimeout(() => killGroup('SIGKILL'), 5_000);
        await exitedPromise;
        clearTimeout(t);
        killGroup('SIGKILL'); // stragglers of the group (extension hosts)
      }
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface VSCode {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** The workspace folder opened (a temp copy of examples/ unless told otherwise). */
  workspace: string;
  close(): Promise<void>;
}

/**
 * A real VS Code with the packaged extension and a fresh copy of examples/ open, in Chromium.
 * One per test file: start it in `before` and close it in `after`.
 */
export async function launchVSCode(opts: { vsix?: string | null; workspaceFrom?: string; settings?: Record<string, unknown>; restricted?: boolean } = {}): Promise<VSCode> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-e2e-'));
  const workspace = join(dir, 'workspace');
  cpSync(opts.workspaceFrom ?? join(ROOT, 'examples'), workspace, { recursive: true });
  const vsix = opts.vsix === undefined ? ensureVsix() : opts.vsix;
  const server = await startCodeServer({ folder: workspace, vsix, dir, settings: opts.settings, restricted: opts.restricted });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const vscode: VSCode = {
      server,
      context,
      page,
      workspace,
      async close() {
        await context!.close().catch(() => undefined);
        await server.stop();
        if (!process.env.KEEP_E2E_DIRS) rmSync(dir, { recursive: true, force: true });
      },
    };
    return vscode;
  } catch (e) {
    await context?.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}

// ---- Driving the workbench --------------------------------------------------------------

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The quick input box (command palette, quick open). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Picks the quick-input row whose label is exactly `label` (waits for it to appear). */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  const re = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: re }) })
    .first();
  await row.click();
}

/** Runs a command by its palette title, e.g. "Replication Lens: Open Timeline". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => undefined);
  await page.keyboard.press('F1');
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await pickQuickItem(page, title);
  // Done when the palette closed or turned into the command's own prompt (e.g. Go to Line).
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
    return !el || !el.checkVisibility() || !el.value.startsWith('>');
  });
}

/** Opens a workspace file in its default editor through quick open (Ctrl+P). */
export async function openFile(page: Page, relPath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(relPath);
  const base = relPath.split('/').pop()!;
  await pickQuickItem(page, base);
  await input.waitFor({ state: 'hidden' });
  await activeTab(page, base).waitFor();
}

/** The active tab of the active editor group, when it has the given label. */
export function activeTab(page: Page, label: string): Locator {
  return page.locator(`.editor-group-container.active .tabs-container .tab.active[aria-label^="${label.replace(/"/g, '\\"')}"]`);
}

/**
 * The DOM of the visible webview (the timeline). VS Code nests it: an outer iframe it owns,
 * and `#active-frame` holding the extension's HTML. `index` picks among several webviews.
 */
export function webview(page: Page, index = 0): FrameLocator {
  // Hidden editors keep their webview iframes in the DOM: only the visible ones count.
  return page.locator('iframe.webview.ready').filter({ visible: true }).nth(index).contentFrame().locator('#active-frame').contentFrame();
}

/** The visible timeline webview. */
export function timeline(page: Page): FrameLocator {
  return webview(page);
}

/**
 * The timeline row whose text contains `text`. The list is virtualised (only visible rows are
 * in the DOM), so this scrolls the list from the top, a screen at a time, until the row shows.
 */
export async function timelineRow(tl: FrameLocator, text: string): Promise<Locator> {
  const row = tl.locator('.row:not(.loading)', { hasText: text }).first();
  const list = tl.locator('.list').first();
  await list.waitFor();
  if (await row.count()) return row;
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 400; i++) {
    // Rows of the current screen loaded (not placeholders) before judging it.
    await tl.locator('.row:not(.loading)').first().waitFor();
    if (await row.count()) {
      await row.scrollIntoViewIfNeeded();
      return row;
    }
    const moved = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollBy(0, Math.max(1, el.clientHeight - 40));
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await tl.locator('.row:not(.loading)').first().waitFor();
  }
  if (await row.count()) return row;
  throw new Error(`no timeline row contains ${JSON.stringify(text)}`);
}

/** "Category: Title" of a contributed command, as the command palette shows it. */
export function commandTitle(id: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { commands?: { command: string; title: string; category?: string }[] };
  };
  const c = pkg.contributes?.commands?.find((x) => x.command === id);
  if (!c) throw new Error(`package.json does not contribute the command ${id}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

/** What the quick input is asking now (title, placeholder, label), to notice the next prompt. */
export async function quickInputIdentity(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
    const title = document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? '';
    return `${title}|${el?.placeholder ?? ''}|${el?.getAttribute('aria-label') ?? ''}`;
  });
}

/** Texts of the Problems panel rows (opens the panel). */
export async function problems(page: Page): Promise<string[]> {
  await runCommand(page, 'View: Focus Problems (Problems)').catch(async () => {
    await page.keyboard.press('Control+Shift+M');
  });
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor();
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
}

/** Lines currently visible in the active text editor. */
export async function editorLines(page: Page): Promise<string[]> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  await lines.first().waitFor();
  return lines.evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: e.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, ' ')),
  );
}

/** The active editor's cursor line, from the status bar ("Ln 12, Col 1"). */
export async function cursorLine(page: Page): Promise<number> {
  const item = page.locator('.statusbar-item[id="status.editor.selection"]');
  await item.waitFor();
  const text = (await item.textContent()) ?? '';
  const m = /Ln (\d+)/.exec(text);
  if (!m) throw new Error(`no cursor position in status bar: ${text}`);
  return Number(m[1]);
}

/** Contents of every output-channel log file whose name mentions `channel` (written by the extension host). */
export function outputChannelLog(vscode: VSCode, channel: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.includes(channel) && name.endsWith('.log')) found.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(vscode.server.userDataDir, 'logs'));
  return found.join('\n');
}

/** Saves a screenshot as test-results/e2e/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Runs `fn`; on failure saves a screenshot NAME-failure.png and, given the whole VS Code,
 * prints what CI output alone cannot show: the notifications on screen and the end of the
 * extension's and the server's logs. Then rethrows.
 */
export async function withScreenshotOnFailure<T>(target: Page | VSCode, name: string, fn: () => Promise<T>): Promise<T> {
  const page = 'page' in target ? target.page : target;
  try {
    return await fn();
  } catch (e) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    if ('page' in target) console.error(await failureContext(target, name).catch((err: unknown) => `[e2e] ${name}: no context (${String(err)})`));
    throw e;
  }
}

/** Notifications on screen and the last lines of the Replication Lens logs, for a failed test. */
async function failureContext(vscode: VSCode, name: string): Promise<string> {
  const toasts = await vscode.page.locator('.notification-list-item-message').allTextContents();
  const tail = (text: string) => text.trimEnd().split('\n').slice(-30).join('\n');
  return [
    `[e2e] ${name} failed. Notifications: ${toasts.length ? toasts.map((t) => JSON.stringify(t)).join('; ') : 'none'}`,
    `[e2e] end of the Replication Lens logs:\n${tail(outputChannelLog(vscode, 'Replication Lens')) || '(empty)'}`,
  ].join('\n');
}

/**
 * Polls `probe` (a file, a log, the DOM) until it returns a value other than null/false, for
 * signals no DOM event announces (a log file written by the extension host).
 */
export async function waitUntil<T>(probe: () => T | null | false | Promise<T | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Answers the annotation prompts, whatever they are (labels, a verdict, a note): in a list, the
 * first of `prefer` that filters to some rows is taken (else the first row); asked for text,
 * it types `note`.
 */
export async function answerAnnotationPrompts(page: Page, prefer: string[], note: string): Promise<void> {
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  for (let i = 0; i < 5 && (await input.isVisible()); i++) {
    const prompt = await quickInputIdentity(page);
    if (await rows.count()) {
      let picked = false;
      for (const want of prefer) {
        await input.fill(want);
        const row = rows.filter({ hasText: new RegExp(escapeRegExp(want), 'i') }).first();
        if (await row.count()) {
          await row.click();
          picked = true;
          break;
        }
      }
      if (!picked) {
        await input.fill('');
        await rows.first().click();
      }
      // A multi-select list needs Enter to accept; a single-select one has closed already.
      if ((await quickInputIdentity(page)) === prompt && (await input.isVisible())) await input.press('Enter');
    } else {
      await input.fill(note);
      await input.press('Enter');
    }
    // The next prompt, or none: the quick input closes or asks something else.
    await page.waitForFunction((prev) => {
      const el = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
      if (!el || !el.checkVisibility()) return true;
      const title = document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? '';
      return `${title}|${el.placeholder}|${el.getAttribute('aria-label') ?? ''}` !== prev;
    }, prompt);
  }
}

/** The JSON records of an annotation sidecar, once it exists and holds at least one. */
export async function sidecarRecords(file: string, timeoutMs = 15_000): Promise<Record<string, unknown>[]> {
  return waitUntil(
    () => {
      if (!existsSync(file)) return null;
      const recs = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      return recs.length ? recs : null;
    },
    timeoutMs,
    `${file} to be written`,
  );
}

/**
 * Reloads the window as a user does (Developer: Reload Window): VS Code saves its state on the
 * way out, which a bare page reload races. Resolves when the workbench is back.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  // The navigation may cut the palette helper short; `loaded` is the signal that counts.
  await runCommand(page, 'Developer: Reload Window').catch(() => undefined);
  await loaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}
