// Steps of one run, fetched from the host a page at a time as the list needs them, kept in a
// bounded cache (a 100,000-step run is never held whole), plus full steps for expansion.
import type { AnalyzedStep } from '../src/core/model';
import type { StepsResult } from '../src/protocol/lsp';
import { PAGE_OUTPUT, STEPS_PAGE } from '../src/protocol/webview';
import type { Bridge } from './bridge';

/** What the store asks the host through (the bridge; a stand-in in tests). */
export type StepSource = Pick<Bridge, 'steps' | 'step' | 'post'>;

export const PAGE = STEPS_PAGE;
const MAX_PAGES = 120;
const MAX_FULL = 8;
const SCAN_PAGE = 2000;
const SCAN_OUTPUT = 100_000;

export class StepStore {
  private pages = new Map<number, AnalyzedStep[]>();
  private loading = new Map<number, Promise<void>>();
  private fullSteps = new Map<number, AnalyzedStep>();
  /** Pages from before the last change, shown until their fresh copy arrives. */
  private stale = new Map<number, AnalyzedStep[]>();
  private generation = 0;

  constructor(
    private readonly bridge: StepSource,
    readonly runId: string,
    public total: number,
    private readonly onLoaded: () => void,
  ) {}

  /** The step at a position (0-based, in run order), if its page is loaded. */
  /** Whether the page holding `pos` is loaded and current. */
  has(pos: number): boolean {
    return this.pages.has(Math.floor(pos / PAGE));
  }

  get(pos: number): AnalyzedStep | undefined {
    const n = Math.floor(pos / PAGE);
    const page = this.pages.get(n) ?? this.stale.get(n);
    return page?.[pos % PAGE];
  }

  /** A page the host sent unasked (the first screen), kept as if it had been asked for; false when it is not one of this run's pages. */
  seed(res: StepsResult): boolean {
    if (res.runId !== this.runId || res.start % PAGE !== 0 || res.start >= this.total || !res.steps.length) return false;
    this.pages.set(res.start / PAGE, res.steps);
    if (res.total !== this.total) this.total = res.total;
    return true;
  }

  /** Starts loading the pages that hold these positions; `onLoaded` fires as each arrives. */
  want(positions: Iterable<number>): void {
    const needed = new Set<number>();
    for (const p of positions) if (p >= 0 && p < this.total) needed.add(Math.floor(p / PAGE));
    for (const n of needed) {
      const page = this.pages.get(n);
      if (page) {
        // Touch for LRU order.
        this.pages.delete(n);
        this.pages.set(n, page);
      } else void this.load(n);
    }
  }

  private load(n: number): Promise<void> {
    const existing = this.loading.get(n);
    if (existing) return existing;
    const gen = this.generation;
    const start = n * PAGE;
    const count = Math.min(PAGE, this.total - start);
    const p = this.bridge
      .steps(this.runId, start, count, PAGE_OUTPUT)
      .then((res) => {
        if (gen !== this.generation) return;
        this.pages.set(n, res.steps);
        this.stale.delete(n);
        while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value as number);
        if (res.total !== this.total) this.total = res.total;
        this.onLoaded();
      })
      .catch((e: unknown) => {
        this.bridge.post({ type: 'log', level: 'warn', message: `steps ${start}+${count}: ${String(e)}` });
      })
      .finally(() => {
        if (this.loading.get(n) === p) this.loading.delete(n);
      });
    this.loading.set(n, p);
    return p;
  }

  /** The step with nothing cut, for the expanded view. */
  async full(pos: number, index: number): Promise<AnalyzedStep | null> {
    const hit = this.fullSteps.get(pos);
    if (hit) return hit;
    const gen = this.generation;
    const step = await this.bridge.step(this.runId, index);
    if (step && gen === this.generation) {
      this.fullSteps.set(pos, step);
      while (this.fullSteps.size > MAX_FULL) this.fullSteps.delete(this.fullSteps.keys().next().value as number);
    }
    return step;
  }

  /** Forget everything (the document changed); stale rows keep showing until their page is fetched again. */
  invalidate(total: number): void {
    this.generation++;
    this.total = total;
    this.loading.clear();
    this.fullSteps.clear();
    for (const [n, page] of this.pages) if (n * PAGE < total) this.stale.set(n, page);
    this.pages.clear();
  }

  /**
   * Visits every step from position `from` in order, in large pages with long outputs, for
   * search and role filters. Stops when `visit` returns false or the store is invalidated.
   */
  async scan(from: number, visit: (pos: number, step: AnalyzedStep) => void, isCancelled: () => boolean): Promise<boolean> {
    const gen = this.generation;
    for (let start = from; start < this.total; start += SCAN_PAGE) {
      if (isCancelled() || gen !== this.generation) return false;
      const count = Math.min(SCAN_PAGE, this.total - start);
      const res = await this.bridge.steps(this.runId, start, count, SCAN_OUTPUT);
      if (isCancelled() || gen !== this.generation) return false;
      res.steps.forEach((s, i) => visit(start + i, s));
    }
    return true;
  }
}
