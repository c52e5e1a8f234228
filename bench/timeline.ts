// Timeline budget (DESIGN.md): first paint of a 100,000-step run in at most 1 s in headless
// Chromium, and the DOM holding only the visible rows (< 500 row nodes) at any scroll position.
// The built webview is served with the tests' stand-in host, which generates steps on demand.
//
//   node --import tsx bench/timeline.ts [--steps N] [--runs K]
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, launch, serve, ROOT } from '../test/webview/harness';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const STEPS = arg('--steps', 100_000);
const RUNS = arg('--runs', 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  ensureBuilt();
  const served = await serve();
  served.add('bench', { data: { uri: 'file:///bench/synthetic.chatbot.log', format: 'chatbot-log', runs: [], synthetic: STEPS } });
  const browser = await launch();

  interface Paint {
    appStart: number;
    runs: number;
    firstPage: number;
    fcp: number;
    firstRows: number;
    scriptStart: number;
  }

  const paints: Paint[] = [];
  let maxRows = 0;
  let maxListNodes = 0;
  let positions = 0;
  let filterMs = 0;
  let searchMs = 0;
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __firstRows?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector('.list .row:not(.loading)')) {
          obs.disconnect();
          // Painted: the frame after the one that laid the rows out.
          requestAnimationFrame(() => setTimeout(() => (w.__firstRows = performance.now()), 0));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(served.url('bench'));
    await page.waitForFunction(() => (window as unknown as { __firstRows?: number }).__firstRows !== undefined);
    const p = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/webview.js'));
      const marks: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) marks[m.name] = m.startTime;
      return {
        fcp,
        firstRows: (window as unknown as { __firstRows: number }).__firstRows,
        scriptStart: script ? (script as PerformanceResourceTiming).responseEnd : NaN,
        appStart: marks['rl:start'],
        runs: marks['rl:runs'],
        firstPage: marks['rl:first-page'],
      };
    });
    paints.push(p);
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(p));

    if (r === 0) {
      // Scroll through the whole run: jumps across it, then wheel scrolling, then with an expanded row.
      const count = async () =>
        page.evaluate(() => ({ rows: document.querySelectorAll('.list .row').length, nodes: document.querySelector('.list')!.querySelectorAll('*').length }));
      const sample = async () => {
        const c = await count();
        maxRows = Math.max(maxRows, c.rows);
        maxListNodes = Math.max(maxListNodes, c.nodes);
        positions++;
      };
      for (let i = 0; i <= 200; i++) {
        await page.evaluate((f) => {
          const l = document.querySelector('.list')!;
          l.scrollTop = f * (l.scrollHeight - l.clientHeight);
        }, i / 200);
        await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
        await sample();
      }
      await page.mouse.move(600, 500);
      for (let i = 0; i < 100; i++) {
        await page.mouse.wheel(0, i < 50 ? 900 : -700);
        await page.evaluate(() => new Promise((res) => requestAnimationFrame(res)));
        await sample();
      }
      await page.evaluate((i) => (window as unknown as { timeline: { jumpToIndex(i: number): void } }).timeline.jumpToIndex(i), Math.floor(STEPS * 0.54321));
      await page.keyboard.press('Enter');
      await page.waitForSelector('.detail[data-state="complete"]');
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('j');
        await sample();
      }
      // Filter (from the run summary's ticks) and search (a scan of the whole run) at this size.
      let t = Date.now();
      await page.click('.chip[data-label="@critical"]');
      await page.waitForFunction(() => / of /.test(document.querySelector('.status')?.textContent ?? ''));
      filterMs = Date.now() - t;
      await sample();
      await page.click('.chip[data-label="@critical"]');
      t = Date.now();
      await page.fill('.search >> input', 'kill -9');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => / of /.test(document.querySelector('.status')?.textContent ?? '') && !/searching/.test(document.querySelector('.status')?.textContent ?? ''),
        undefined,
        { timeout: 600_000 },
      );
      searchMs = Date.now() - t;
      await sample();
    }
    await context.close();
  }
  await browser.close();
  await served.close();

  const result = {
    steps: STEPS,
    runs: RUNS,
    firstRowsPaintedMs: { median: median(paints.map((p) => p.firstRows)), max: Math.max(...paints.map((p) => p.firstRows)), all: paints.map((p) => Math.round(p.firstRows)) },
    firstContentfulPaintMs: median(paints.map((p) => p.fcp)),
    breakdownMs: {
      appStarted: median(paints.map((p) => p.appStart)),
      runsReceived: median(paints.map((p) => p.runs)),
      firstPageReceived: median(paints.map((p) => p.firstPage)),
      webviewWorkFromAppStart: median(paints.map((p) => p.firstRows - p.appStart)),
    },
    machine: { cpus: cpus().length, loadavg1m: Number(loadavg()[0].toFixed(1)) },
    scriptLoadedMs: median(paints.map((p) => p.scriptStart)),
    scroll: { positionsSampled: positions, maxRowNodes: maxRows, maxNodesInList: maxListNodes },
    filterCriticalMs: filterMs,
    searchWholeRunMs: searchMs,
    budget: { firstPaintMs: 1000, maxRowNodes: 500 },
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/timeline.json'), JSON.stringify(result, null, 2));
  console.log(`timeline, ${STEPS.toLocaleString()} steps, headless Chromium (${RUNS} page loads):`);
  console.log(
    `  first rows painted (from navigation start): median ${result.firstRowsPaintedMs.median.toFixed(0)} ms, max ${result.firstRowsPaintedMs.max.toFixed(0)} ms (budget 1000 ms)`,
  );
  console.log(
    `  breakdown (medians): app started ${result.breakdownMs.appStarted.toFixed(0)} ms, runs summary received ${result.breakdownMs.runsReceived.toFixed(0)} ms, first page of steps ${result.breakdownMs.firstPageReceived.toFixed(0)} ms; app start to rows painted ${result.breakdownMs.webviewWorkFromAppStart.toFixed(0)} ms`,
  );
  console.log(`  machine: ${result.machine.cpus} cores, load average ${result.machine.loadavg1m} at the end`);
  console.log(`  first contentful paint: ${result.firstContentfulPaintMs.toFixed(0)} ms; webview.js loaded at ${result.scriptLoadedMs.toFixed(0)} ms`);
  console.log(`  scrolling (${positions} positions: jumps, wheel, expanded row): max ${maxRows} row nodes, max ${maxListNodes} elements in the list (budget < 500 rows)`);
  console.log(`  critical-only filter over the run: ${filterMs} ms; text search over the run: ${searchMs} ms`);
  const ok = result.firstRowsPaintedMs.median <= 1000 && maxRows < 500;
  console.log(ok ? '  within budget' : '  OVER BUDGET');
  process.exit(ok ? 0 : 1);
}

void main();
