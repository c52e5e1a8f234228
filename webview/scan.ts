// Which positions the list shows for the filters. Tick filters (categories, critical, claims,
// annotations) answer at once from the run summary; role and text search scan the run's content
// page by page, and the list narrows as the scan goes. An invalid regular expression shows no
// step (and says why) rather than every step.
import type { TimelineFilters } from '../src/protocol/webview';
import type { AnalyzedStep } from '../src/core/model';
import { buildMatcher, contentPasses, isFiltering, needsContent, tickPasses, type Tick } from './filter';

/** What a scan reads (the run's step store). */
export interface ScanSource {
  scan(from: number, visit: (pos: number, step: AnalyzedStep) => void, isCancelled: () => boolean): Promise<boolean>;
}

/** A step's annotation state for the annotation filters: annotated at all, and passing by-me / disagreements. */
export type AnnotationTest = (pos: number) => { annotated: boolean; ok: boolean };

export interface Shown {
  /** List item -> run position. */
  visible: Int32Array;
  /** Run position -> list item (-1 when filtered out). */
  itemOf: Int32Array;
  /** Per position, 1 when kept (null when nothing filters). */
  kept: Uint8Array | null;
  filtering: boolean;
}

export class FilterScan {
  /** The search as a pattern (null when there is none or it is invalid). */
  matcher: RegExp | null = null;
  /** Why the search pattern is invalid, when it is. */
  error: Error | null = null;
  scanning = false;
  private contentMatch: Uint8Array | null = null;
  private token = 0;

  /** `progress` redraws as scan results arrive. */
  constructor(private readonly progress: () => void) {}

  /** The content filters changed: the next apply scans again. */
  invalidate(): void {
    this.contentMatch = null;
  }

  apply(f: TimelineFilters, total: number, source: ScanSource | null): void {
    const m = buildMatcher(f);
    this.error = m instanceof Error ? m : null;
    this.matcher = m instanceof Error ? null : m;
    if (needsContent(f) && !this.error) {
      if (!this.contentMatch || this.contentMatch.length !== total) this.start(f, total, source);
    } else {
      this.contentMatch = null;
      this.token++;
      this.scanning = false;
    }
  }

  private start(f: TimelineFilters, total: number, source: ScanSource | null): void {
    const token = ++this.token;
    const match = new Uint8Array(total);
    this.contentMatch = match;
    this.scanning = !!source;
    const matcher = this.matcher;
    // Results show as they come, at most every 200 ms (a recompute walks the whole run).
    let last = 0;
    void source
      ?.scan(
        0,
        (pos, step) => {
          match[pos] = contentPasses(step, f, matcher) ? 1 : 2;
          if (pos === total - 1 || (pos % 100 === 0 && performance.now() - last > 200)) {
            last = performance.now();
            if (token === this.token) this.progress();
          }
        },
        () => token !== this.token,
      )
      .then((done) => {
        if (token !== this.token) return;
        this.scanning = !done;
        this.progress();
      });
  }

  /** The status line: the count shown, whether the scan goes on, or why the pattern is invalid. */
  status(shown: Shown, total: number): string {
    if (this.error) return `Invalid regular expression: ${this.error.message.replace(/^Invalid regular expression: /, '')}`;
    const n = shown.visible.length;
    if (!shown.filtering) return `${total.toLocaleString()} steps`;
    return `${n.toLocaleString()} of ${total.toLocaleString()} steps${this.scanning ? ' \u00B7 searching\u2026' : ''}`;
  }

  /** The positions to show: every one when nothing filters, none when the search pattern is invalid. */
  compute(f: TimelineFilters, ticks: readonly Tick[], total: number, annotation: AnnotationTest): Shown {
    const filtering = isFiltering(f);
    const content = this.contentMatch;
    const visible = new Int32Array(total);
    const itemOf = new Int32Array(total).fill(-1);
    const kept = filtering ? new Uint8Array(total) : null;
    let n = 0;
    if (!this.error) {
      for (let p = 0; p < total; p++) {
        if (filtering) {
          const a = annotation(p);
          if (!tickPasses(ticks[p], f, a.annotated, a.ok)) continue;
          if (content && content[p] !== 1) continue;
          kept![p] = 1;
        }
        itemOf[p] = n;
        visible[n++] = p;
      }
    }
    return { visible: visible.subarray(0, n), itemOf, kept, filtering };
  }
}
