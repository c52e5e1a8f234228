// Opening the 48 MB generated chatbot log AS TEXT in the real VS Code (code-server with the
// packaged VSIX, driven from Chromium as the e2e suite drives it), the way a researcher opens a
// day's log with Quick Open. From the Enter in Quick Open:
//   - text: the log's first lines painted in the editor;
//   - first / all problems: the status bar's problem counts first shown, and last changed;
//   - typing: while the server works, keys typed into another editor (a small notes file in
//     the same window): the time from each key to its character painted, median and max;
//   - long tasks: the workbench's main thread blocked (PerformanceObserver 'longtask'), the
//     longest and the total in the first 30 s after the open action.
// Each run in a fresh window (a reload) whose language server is warm (a small log opened as
// text first, then closed). Medians of RUNS; the load average is printed with them.
//
//   npm run build && node scripts/package.mjs && node --import tsx bench/vscode-open-text.ts [--runs 3]
//     [--watch SECONDS] [--vsix OTHER.vsix | --no-extension] [--profile DIR] [--trace] [--server-log]
import { cpSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eSkipReason, launchVSCode, openFile, outputChannelLog, quickInput, type VSCode } from '../test/e2e/harness';
import { chatbotLog, fail, machine, median, RESULTS } from './measure';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
/** `--no-extension`: the same in VS Code without the extension (its own cost of a large file). */
const BARE = process.argv.includes('--no-extension');
/** `--vsix FILE`: another build of the extension (an earlier commit's, for a before/after). */
const VSIX = process.argv.includes('--vsix') ? process.argv[process.argv.indexOf('--vsix') + 1] : undefined;
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : null;
const BIG = 'big-48mb.log';
const NOTES = 'notes.txt';
const WARM_UP = 'warm-up.log';
/** How long the window is watched after the open action (typing, problems, long tasks). */
const WATCH_MS = Number(process.argv[process.argv.indexOf('--watch') + 1] || 0) * 1000 || 60_000;
/** A problem count unchanged this long is taken as the server's last word. */
const SETTLED_MS = 15_000;

interface Run {
  textMs: number;
  firstProblemsMs: number | null;
  allProblemsMs: number | null;
  problems: string;
  keys: number[];
  longestTaskMs: number;
  blockedMs: number;
}

type Page = VSCode['page'];

/** The problem counts in the status bar ("0 errors, 12 warnings, 3 infos" as its label says). */
async function problemCounts(page: Page): Promise<string> {
  return page
    .locator('.statusbar-item[id="status.problems"]')
    .first()
    .evaluate((e) => (e.textContent ?? '').trim(), undefined, { timeout: 2000 })
    .catch(() => '');
}

/** Characters in the active editor's visible lines. */
function visibleChars(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent?.length ?? 0);
}

async function openByQuickOpen(page: Page, name: string): Promise<number> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page);
  await input.waitFor({ state: 'visible', timeout: 60_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first().waitFor();
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  return t0;
}

async function openOnce(vs: VSCode): Promise<Run> {
  const page = vs.page;
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  // Warm: the extension and its server started by a small log opened as text, its problems shown.
  await openFile(page, WARM_UP);
  for (let i = 0; i < 600 && !BARE && !/[1-9]/.test(await problemCounts(page)); i++) await page.waitForTimeout(100);
  await openFile(page, NOTES);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { rlLong: { start: number; duration: number }[] };
    w.rlLong = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.rlLong.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });

  // `--profile DIR`: the workbench's main thread profiled from the open action (Chrome DevTools Protocol).
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  let t0 = await openByQuickOpen(page, BIG);
  // VS Code in a browser asks before opening a file this large as text: the open action is then
  // the click on "Open Anyway" (what a researcher does), timed from that click.
  const text = page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'Chatbot - INFO' }).first();
  const anyway = page.getByRole('button', { name: 'Open Anyway' });
  await Promise.race([text.waitFor({ timeout: 120_000 }), anyway.waitFor({ timeout: 120_000 })]);
  if (await anyway.isVisible()) {
    t0 = Date.now();
    await anyway.click();
  }
  await text.waitFor({ timeout: 120_000 });
  const textMs = Date.now() - t0;

  // Type into the notes file (another editor of the same window) while the server works.
  await openFile(page, NOTES);
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+End');
  const keys: number[] = [];
  let firstProblemsMs: number | null = null;
  let allProblemsMs: number | null = null;
  let last = '';
  const changes: string[] = [];
  let lastChange = Date.now();
  while (Date.now() - t0 < WATCH_MS) {
    const before = await visibleChars(page);
    const k0 = Date.now();
    await page.keyboard.type('x');
    await page.waitForFunction((n) => (document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent?.length ?? 0) > n, before, {
      timeout: 60_000,
      polling: 'raf',
    });
    keys.push(Date.now() - k0);
    const counts = await problemCounts(page);
    if (counts !== last) {
      last = counts;
      changes.push(`+${Date.now() - t0}: ${counts.replace(/\s+/g, ' ')}`);
      lastChange = Date.now();
      if (firstProblemsMs === null && /[1-9]/.test(counts)) firstProblemsMs = lastChange - t0;
      if (/[1-9]/.test(counts)) allProblemsMs = lastChange - t0;
    }
    if ((BARE || firstProblemsMs !== null) && Date.now() - lastChange > SETTLED_MS) break;
    await page.waitForTimeout(100);
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(PROFILE!, { recursive: true });
    writeFileSync(join(PROFILE!, `workbench-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
  const long = await page.evaluate(() => (window as unknown as { rlLong: { start: number; duration: number }[] }).rlLong);
  const after = long.filter((l) => l.start >= t0);
  if (process.argv.includes('--server-log')) console.log('problem counts:', changes.join(', '));
  if (process.argv.includes('--server-log'))
    console.log(
      'long tasks (start after open +ms: duration):',
      after
        .filter((l) => l.duration > 200)
        .map((l) => `+${Math.round(l.start - t0)}: ${Math.round(l.duration)}`)
        .join(', '),
    );
  // Leave the notes file as it was and close everything (the reload must not restore the log).
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Shift+P');
  await quickInput(page).fill('>View: Revert and Close Editor');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Shift+P');
  await quickInput(page).fill('>View: Close All Editors');
  await page.keyboard.press('Enter');
  return {
    textMs,
    firstProblemsMs,
    allProblemsMs,
    problems: last,
    keys,
    longestTaskMs: Math.round(Math.max(0, ...after.map((l) => l.duration))),
    blockedMs: Math.round(after.reduce((s, l) => s + l.duration, 0)),
  };
}

async function main(): Promise<void> {
  const skip = e2eSkipReason();
  if (skip) throw new Error(`cannot run the real VS Code here: ${skip}`);
  mkdirSync(RESULTS, { recursive: true });
  const big = chatbotLog();
  const ws = mkdtempSync(join(tmpdir(), 'rl-bench-text-'));
  cpSync(big, join(ws, BIG));
  cpSync(chatbotLog(20), join(ws, WARM_UP));
  writeFileSync(join(ws, NOTES), 'notes while the log opens\n');
  // `--trace`: the language client logs every message (with --server-log: printed at the end).
  const settings = process.argv.includes('--trace') ? { 'replicationLens.trace.server': 'messages' } : undefined;
  const vs = await launchVSCode({ workspaceFrom: ws, settings, ...(BARE ? { vsix: null } : VSIX ? { vsix: VSIX } : {}) });
  const runs: Run[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      try {
        const o = await openOnce(vs);
        runs.push(o);
        console.log(
          `run ${r + 1}: text ${o.textMs} ms, problems first ${o.firstProblemsMs ?? '-'} ms, last change ${o.allProblemsMs ?? '-'} ms (${o.problems}), ` +
            `keys ${o.keys.length}: median ${median(o.keys)} ms, max ${Math.max(...o.keys)} ms; main thread: longest task ${o.longestTaskMs} ms, ${o.blockedMs} ms in long tasks; load ${loadavg()[0].toFixed(1)}`,
        );
      } catch (e) {
        const shot = join(RESULTS, `vscode-open-text-failed-${r + 1}.png`);
        await vs.page.screenshot({ path: shot }).catch(() => undefined);
        console.log(`run ${r + 1}: FAILED (${shot}): ${(e as Error).message.split('\n')[0]}`);
        break;
      }
    }
  } finally {
    if (process.argv.includes('--server-log')) console.log(outputChannelLog(vs, 'Replication Lens'));
    await vs.close();
  }
  if (runs.length) {
    const keys = runs.flatMap((r) => r.keys);
    console.log(
      `\n${BIG} (${(statSync(big).size / 1e6).toFixed(1)} MB) as text, medians of ${runs.length}: text ${median(runs.map((r) => r.textMs))} ms; ` +
        `first problems ${median(runs.map((r) => r.firstProblemsMs ?? Infinity))} ms; last change ${median(runs.map((r) => r.allProblemsMs ?? Infinity))} ms; ` +
        `keys median ${median(keys)} ms, max ${Math.max(...keys)} ms; longest main-thread task ${median(runs.map((r) => r.longestTaskMs))} ms; load ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
    );
  }
  writeFileSync(join(RESULTS, 'vscode-open-text.json'), JSON.stringify({ machine: machine(), runs }, null, 2));
}

main().catch(fail);
