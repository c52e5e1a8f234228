// Opening a log in the real VS Code (code-server with the packaged VSIX, driven from Chromium as
// the e2e suite drives it): from the open action in a loaded workbench to (a) the run list and
// (b) the first timeline rows of the first run, for a 100 MB `.eval` of shell-heavy samples, a
// 48 MB chatbot log and a 1 MB chatbot log. Also the peak RSS (VmHWM) of the extension host and
// of the language server, and the DOM elements of the timeline once its rows show.
//
// The open action: for the `.eval`, Enter on the file in Quick Open (it opens in the timeline
// by default); for a chatbot log, "Open Replication Timeline" in the explorer's context menu
// (the log is not opened as text: the server reads it from disk). Each file is opened RUNS times, each in a fresh window (a reload), medians kept.
//
//   node --import tsx bench/vscode-open.ts [--runs 3]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandTitle, e2eSkipReason, launchVSCode, openFile, quickInput, runCommand, timeline, webview, type VSCode } from '../test/e2e/harness';
import { chatbotLog, ensureGenerated, fail, machine, median, RESULTS } from './measure';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
/** `--only eval,small`: measure only these files (eval, big, small). */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
/** `--vsix a.vsix,b.vsix`: measure these packages instead of the tree's, alternating run by run (before/after on a loaded machine). */
/** `--cdp-trace`: record Chromium's Performance timeline (CDP Tracing) of each open, from the action to the first rows, into RESULTS, and print where the renderer's main thread went. */
const CDP_TRACE = process.argv.includes('--cdp-trace');
/**
 * `--unregister-sw` (a diagnosis, not the product's path): before each open, drop the webview
 * service worker's registration, so the new webview registers it afresh instead of updating it.
 */
const UNREGISTER_SW = process.argv.includes('--unregister-sw');
/**
 * `--control`: also time VS Code's own Markdown preview of a 3-line file, opened the same way (the
 * palette's "Markdown: Open Preview", from the Enter to its text shown in the preview's frame):
 * the floor any webview pays in this workbench on this machine, beside the timeline's figures.
 */
const CONTROL = process.argv.includes('--control');
/** `--screenshot`: the workbench once the first rows show, per file (RESULTS/vscode-open-NAME.png), to look at what was measured. */
const SCREENSHOT = process.argv.includes('--screenshot');
const VSIXES = process.argv.includes('--vsix') ? process.argv[process.argv.indexOf('--vsix') + 1].split(',') : [null];
/** Where the extension host and the server write their timestamps (src/node/trace.ts). */
const TRACE = join(mkdtempSync(join(tmpdir(), 'rl-bench-trace-')), 'trace.log');
process.env.RL_TRACE = TRACE;
const EVAL_SAMPLES = 59;

/** The generated 100 MB .eval: 59 samples of shell-heavy turns. */
function bigEval(): string {
  const file = join(RESULTS, `vscode-${EVAL_SAMPLES}-samples.eval`);
  ensureGenerated(file, join(__dirname, 'gen-eval.ts'), ['--samples', String(EVAL_SAMPLES), '--turns', '420', '--output-bytes', '9000', '--out', file]);
  return file;
}

/** Whether process `pid` descends from `root` (its parent chain in /proc). */
function descendsFrom(pid: number, root: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
    if (p === root) return true;
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return false;
}

/** Peak resident memory (VmHWM, MB) of the processes under code-server `root` whose command line matches. */
function peakRss(root: number, match: (cmd: string) => boolean): number {
  let mb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!match(cmd) || !descendsFrom(Number(pid), root)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) mb = Math.max(mb, Number(hwm[1]) / 1024);
    } catch {
      /* the process ended */
    }
  }
  return mb;
}

/** The warm-up log (written into the workspace): a few rounds of the generated chatbot log. */
const WARM_UP = 'warm-up.log';
/** The control's Markdown file (written into the workspace). */
const CONTROL_MD = 'control.md';

/**
 * Opens a text log in its editor (not timed), then "Open Replication Timeline" from the command
 * palette; returns the time of the Enter that runs it.
 */
async function openTimelineOf(page: VSCode['page'], name: string): Promise<number> {
  await openFile(page, name);
  return paletteEnter(page, commandTitle('replicationLens.openTimeline'), 'Open Replication Timeline');
}

/**
 * Runs a command from the palette (F1, its title typed, Enter once its row `row` is listed);
 * returns the time of the Enter. With `attempts` > 1, a command not listed within 5 s (its
 * extension not started yet) is asked for again, a second apart.
 */
async function paletteEnter(page: VSCode['page'], title: string, row: string, attempts = 1): Promise<number> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => undefined);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = quickInput(page);
    await input.waitFor({ state: 'visible', timeout: 120_000 });
    await input.fill(`>${title}`);
    const listed = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: row }).first();
    if (attempts === 1) await listed.waitFor();
    else if (
      !(await listed.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      if (attempt === attempts) throw new Error(`the palette never listed "${row}"`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
      continue;
    }
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    return t0;
  }
}

/** Every editor closed from the palette, and the webview's frame gone (best effort: a slow close is not an error). */
async function closeAllEditors(page: VSCode['page']): Promise<void> {
  await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  await page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
}

/** A fresh window: the page reloaded, the workbench and the explorer's rows shown. */
async function freshWindow(page: VSCode['page']): Promise<void> {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * The explorer's "Open Replication Timeline" on a log not open as text (the server reads it from
 * disk); returns the time of the click that runs it.
 */
async function openFromExplorer(page: VSCode['page'], name: string): Promise<number> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click({ button: 'right' });
  const item = page.locator('.context-view .action-item').filter({ hasText: 'Open Replication Timeline' }).first();
  await item.waitFor({ timeout: 30_000 });
  // Focused by the pointer, run by Enter (a click on a menu still laying out can be lost).
  await item.hover();
  await page.waitForTimeout(200);
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  return t0;
}

interface Open {
  /** Where the time went: event -> ms after the open action (host, server and webview). */
  phases: string;
  list: number;
  rows: number;
  dom: number;
  /** The first rows by the page's own clock (its mark as it painted a row with data), beside `rows`, which is when Playwright saw them. */
  pageRows: number | null;
  hostMB: number;
  serverMB: number;
  runs: number;
}

async function openOnce(vs: VSCode, name: string, kind: 'eval' | 'text'): Promise<Open> {
  const page = vs.page;
  // A fresh window each time: no earlier analysis cached in the server, no webview kept.
  await freshWindow(page);
  // A loaded workbench: the extension and its language server started (by a tiny log's
  // timeline, then closed), so the time below is the product's path for this file.
  // The palette under load sometimes takes the Enter before it has the command: once more then.
  for (let attempt = 1; ; attempt++) {
    await openTimelineOf(page, WARM_UP);
    const shown = await timeline(page)
      .locator('.row:not(.loading)')
      .first()
      .waitFor({ timeout: attempt === 1 ? 30_000 : 120_000 })
      .then(() => true)
      .catch((e: Error) => (attempt === 1 ? false : Promise.reject(e)));
    if (shown) break;
  }
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
  if (UNREGISTER_SW) await page.evaluate(async () => Promise.all((await navigator.serviceWorker.getRegistrations()).map((r) => r.unregister())));
  const recording = CDP_TRACE ? await startTimeline(page) : null;
  let t0: number;
  if (kind === 'eval') {
    await page.keyboard.press('Control+P');
    const input = quickInput(page);
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first().waitFor();
    t0 = Date.now();
    await page.keyboard.press('Enter');
  } else {
    t0 = await openFromExplorer(page, name);
  }
  lastOpen = t0;
  const tl = timeline(page);
  // (a) the run list: the picker with every run for a multi-run file, else the run's header.
  // The run table (its summary counts the runs listed), or a drop-down for a few runs.
  if (kind === 'eval') await tl.locator('.run-table-summary', { hasText: `${EVAL_SAMPLES} runs` }).waitFor({ state: 'attached', timeout: 120_000 });
  else await tl.locator('.verdict').first().waitFor({ timeout: 120_000 });
  const list = Date.now() - t0;
  // (b) the first rows of the first run.
  await tl.locator('.row:not(.loading)').first().waitFor({ timeout: 120_000 });
  const rows = Date.now() - t0;
  if (recording) {
    const file = join(RESULTS, `vscode-open-timeline-${name}-${Date.now()}.json`);
    const events = await recording.stop(file);
    console.log(`  renderer main thread (${file}): ${mainThreadBreakdown(events, recording.epoch, t0)}`);
  }
  const runs = (await tl.locator('.run-table tbody tr').count()) || (await tl.locator('.run-picker vscode-option').count());
  if (SCREENSHOT) await page.screenshot({ path: join(RESULTS, `vscode-open-${name}.png`) });
  const { phases, dom, pageRows } = await tracePhases(tl, t0);
  // Closed, so that the reload before the next open does not restore it (and read it again):
  // from the palette, since keys pressed while the timeline has focus go to its page.
  await closeAllEditors(page);
  return {
    phases,
    list,
    rows,
    dom,
    pageRows,
    runs,
    hostMB: peakRss(vs.server.proc.pid!, (c) => /extensionHost|--type=extensionHost/.test(c) && !/server\.js/.test(c)),
    serverMB: peakRss(vs.server.proc.pid!, (c) => /dist\/server\.js/.test(c)),
  };
}

/** The control: VS Code's Markdown preview of CONTROL_MD, from the palette's Enter to its heading shown in the preview's frame. */
async function openControl(vs: VSCode): Promise<number> {
  const page = vs.page;
  await freshWindow(page);
  // Whatever the reload restored (a timeline, a preview) is closed first.
  await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
  await openFile(page, CONTROL_MD);
  // Warm-up as for the timeline: the Markdown extension started by one preview, then closed.
  for (const timed of [false, true]) {
    // The Markdown extension lists its commands once it has started: the palette is asked again until it does.
    const t0 = await paletteEnter(page, 'Markdown: Open Preview', 'Markdown: Open Preview', 12);
    await webview(page).locator('h1', { hasText: 'Control' }).waitFor({ timeout: 120_000 });
    const shown = Date.now() - t0;
    await closeAllEditors(page);
    if (timed) return shown;
    await openFile(page, CONTROL_MD);
  }
  throw new Error('unreachable');
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; cat: string; args?: { name?: string; data?: { url?: string; frame?: string } } };

/** Starts Chromium's Performance timeline recording on the workbench's renderer (its iframes share the process). */
async function startTimeline(page: VSCode['page']): Promise<{ epoch: number; stop(file: string): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'navigation', 'blink.user_timing', 'v8.execute', 'toplevel', '__metadata'].join(','),
    transferMode: 'ReportEvents',
  });
  // A mark whose epoch time is known ties the trace's clock to Date.now().
  const epoch = await page.evaluate(() => performance.timeOrigin + performance.mark('rl-bench-origin').startTime);
  return {
    epoch,
    async stop(file) {
      const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
      return events;
    },
  };
}

/**
 * The renderer main thread from the open action on, in 100 ms slices: how busy it was (top-level
 * tasks) and what ran most (script by file, layout, style, parse, paint). Wall time on a loaded
 * machine includes waiting for a core; busy time is what the page itself asked for.
 */
function mainThreadBreakdown(events: TraceEvent[], markEpoch: number, t0: number): string {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = events.find((e) => e.name === 'rl-bench-origin');
  if (!main || !mark) return 'no renderer main thread or clock mark in the trace';
  // Trace clock (µs) to ms after the open action.
  const since = (ts: number) => markEpoch + (ts - mark.ts) / 1000 - t0;
  const slices = new Map<number, { busy: number; what: Map<string, number> }>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    const at = since(e.ts);
    if (at < 0) continue;
    const slice = Math.floor(at / 100);
    let s = slices.get(slice);
    if (!s) slices.set(slice, (s = { busy: 0, what: new Map() }));
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') s.busy += e.dur / 1000;
    const kind =
      e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.evaluateModule'
        ? `js ${(e.args?.data?.url ?? '').split('/').slice(-1)[0].split('?')[0] || '?'}`
        : ['Layout', 'UpdateLayoutTree', 'ParseHTML', 'ParseAuthorStyleSheet', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'TimerFire', 'EventDispatch'].includes(e.name)
          ? e.name
          : null;
    if (kind) s.what.set(kind, (s.what.get(kind) ?? 0) + e.dur / 1000);
  }
  return [...slices.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, s]) => {
      const top = [...s.what.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      return `[${k * 100}: busy ${s.busy.toFixed(0)}; ${top.map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', ')}]`;
    })
    .join(' ');
}

/** The time of the last open action (for the trace of a failed open). */
let lastOpen = 0;

/** The trace lines after t0 and the webview's own marks, as `event +ms` (for finding where the time goes). */
async function tracePhases(tl: ReturnType<typeof timeline> | null, t0: number): Promise<{ phases: string; dom: number; pageRows: number | null }> {
  const events: [number, string][] = [];
  for (const line of readFileSync(TRACE, 'utf8').split('\n')) {
    const m = /^(\d+) (\S+) (.*)$/.exec(line);
    if (m && Number(m[1]) >= t0) events.push([Number(m[1]), `${m[2]}: ${m[3]}`]);
  }
  const none = { origin: 0, marks: [] as (readonly [string, number])[], dom: 0 };
  // The page's own marks: best effort (under load the frame has not always answered in time).
  const web = !tl
    ? none
    : await tl
        .locator('body')
        .evaluate(
          () => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            const marks = performance
              .getEntriesByType('mark')
              .filter((e) => e.name.startsWith('rl:'))
              .map((e) => [e.name, e.startTime] as const);
            // Each file the page loads (script, stylesheets, font): when it had arrived.
            const loads = performance
              .getEntriesByType('resource')
              .map((e) => [`loaded ${e.name.split('/').pop()?.split('?')[0]}`, (e as PerformanceResourceTiming).responseEnd] as const);
            const paints = performance.getEntriesByType('paint').map((e) => [e.name, e.startTime] as const);
            const dom = document.getElementsByTagName('*').length;
            // The frame's own navigation (VS Code's fake.html, through the webview's service worker) before our HTML is written into it.
            // (No named function in here: tsx wraps them in a helper the page does not have.)
            const page = (
              [
                ['nav start', 0],
                ['worker start', nav?.workerStart],
                ['fetch start', nav?.fetchStart],
                ['response start', nav?.responseStart],
                ['response', nav?.responseEnd],
                ['DOMContentLoaded', nav?.domContentLoadedEventEnd],
              ] as const
            ).map(([name, at]) => [name, at ?? 0] as const);
            return { origin: performance.timeOrigin, dom, marks: [...page, ...loads, ...paints, ...marks] };
          },
          undefined,
          { timeout: 5000 },
        )
        .catch(() => none);
  for (const [name, at] of web.marks) events.push([Math.round(web.origin + at), `webview: ${name}`]);
  events.sort((a, b) => a[0] - b[0]);
  // rl:first-rows (a row painted with its step); builds before it marked the page's arrival (rl:first-page).
  const mark = web.marks.find(([n]) => n === 'rl:first-rows') ?? web.marks.find(([n]) => n === 'rl:first-page');
  const pageRows = mark ? Math.round(web.origin + mark[1] - t0) : null;
  return { phases: events.map(([at, e]) => `${e} +${at - t0}`).join(', '), dom: web.dom, pageRows };
}

async function main(): Promise<void> {
  const skip = e2eSkipReason();
  if (skip) throw new Error(`cannot run the real VS Code here: ${skip}`);
  mkdirSync(RESULTS, { recursive: true });
  const files = { eval: bigEval(), big: chatbotLog(), small: chatbotLog(450) };
  const ws = mkdtempSync(join(tmpdir(), 'rl-bench-ws-'));
  const names = { eval: 'big-59.eval', big: 'big-48mb.log', small: 'small-1mb.log' };
  for (const k of Object.keys(files) as (keyof typeof files)[]) cpSync(files[k], join(ws, names[k]));
  cpSync(chatbotLog(20), join(ws, WARM_UP));
  writeFileSync(join(ws, CONTROL_MD), '# Control\n\nA three-line file, for the floor any webview pays.\n');
  const control: number[] = [];
  // One VS Code per package measured; with several, each run of a file alternates between them.
  const label = (v: string | null) => (v ? v.split('/').pop()! : 'tree');
  const windows: { vsix: string | null; vs: VSCode }[] = [];
  const results: Record<string, Open[]> = {};
  try {
    for (const vsix of VSIXES) windows.push({ vsix, vs: await launchVSCode({ workspaceFrom: ws, ...(vsix ? { vsix } : {}) }) });
    for (const k of ['small', 'eval', 'big'] as const) {
      for (const w of windows) results[`${k} ${label(w.vsix)}`] = [];
      if (ONLY && !ONLY.includes(k)) continue;
      for (let r = 0; r < RUNS; r++) {
        for (const { vsix, vs } of windows) {
          const tag = windows.length > 1 ? ` [${label(vsix)}]` : '';
          lastOpen = 0;
          let o: Open;
          try {
            o = await openOnce(vs, names[k], k === 'eval' ? 'eval' : 'text');
          } catch (e) {
            // One file that cannot be opened in time is a figure too: say so, go on with the next.
            const shot = join(RESULTS, `vscode-open-failed-${k}-${r + 1}.png`);
            await vs.page.screenshot({ path: shot }).catch(() => undefined);
            console.log(`${names[k]}${tag} run ${r + 1}: FAILED (${shot}): ${(e as Error).message.split('\n')[0]}`);
            if (lastOpen) console.log(`  ${(await tracePhases(null, lastOpen)).phases}`);
            continue;
          }
          results[`${k} ${label(vsix)}`].push(o);
          console.log(
            `${names[k]}${tag} run ${r + 1}: list ${o.list} ms, rows ${o.rows} ms (page's mark ${o.pageRows ?? '?'} ms), ${o.runs} runs listed, DOM ${o.dom}, ext host ${o.hostMB.toFixed(0)} MB, server ${o.serverMB.toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}`,
          );
          console.log(`  ${o.phases}`);
        }
      }
    }
    // After the timeline's runs, so a control that goes wrong cannot disturb them.
    if (CONTROL)
      for (let r = 0; r < RUNS; r++) {
        const ms = await openControl(windows[0].vs).catch(async (e: Error) => {
          const shot = join(RESULTS, `vscode-open-failed-control-${r + 1}.png`);
          await windows[0].vs.page.screenshot({ path: shot }).catch(() => undefined);
          console.log(`control run ${r + 1}: FAILED (${shot}): ${e.message.split('\n')[0]}`);
          return null;
        });
        if (ms === null) continue;
        control.push(ms);
        console.log(`control (VS Code's Markdown preview, 3 lines) run ${r + 1}: shown ${ms} ms, load ${loadavg()[0].toFixed(1)}`);
      }
  } finally {
    for (const { vs } of windows) await vs.close();
  }
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, +(statSync(f).size / 1e6).toFixed(1)]));
  console.log("\n| file | MB | run list (median) | first rows (median) | first rows, page's mark (median) | DOM elements | ext host + server peak RSS |");
  console.log('|---|---|---|---|---|---|---|');
  for (const k of ['eval', 'big', 'small'] as const) {
    for (const { vsix } of windows) {
      const xs = results[`${k} ${label(vsix)}`];
      const name = windows.length > 1 ? `${names[k]} [${label(vsix)}]` : names[k];
      if (!xs.length) {
        console.log(`| ${name} | ${sizes[k]} | failed | failed | | | |`);
        continue;
      }
      const peak = Math.max(...xs.map((x) => x.hostMB + x.serverMB));
      const marks = xs.map((x) => x.pageRows).filter((x): x is number => x !== null);
      const byMark = marks.length ? `${median(marks)} ms` : '?';
      console.log(
        `| ${name} | ${sizes[k]} | ${median(xs.map((x) => x.list))} ms | ${median(xs.map((x) => x.rows))} ms | ${byMark} | ${median(xs.map((x) => x.dom))} | ${peak.toFixed(0)} MB |`,
      );
    }
  }
  if (control.length) console.log(`| control: VS Code's own Markdown preview, 3 lines | | | ${median(control)} ms (text shown) | | | |`);
  writeFileSync(join(RESULTS, 'vscode-open.json'), JSON.stringify({ machine: machine(), sizes, results, control }, null, 2));
}

main().catch(fail);
