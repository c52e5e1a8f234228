// The selected step: moving it (keys, clicks, the minimap, the text editor's cursor), keeping it
// on screen, in the minimap and the world panel, and remembering it as a step index (so it
// survives filtering and reloads).
import type { AnalyzedStep } from '../src/core/model';
import type { TimelineState } from '../src/protocol/webview';
import { isCriticalTick } from './filter';
import type { VirtualList } from './list';
import type { Minimap } from './minimap';
import type { RunIndex } from './run-index';
import { PAGE, type StepStore } from './store';

/** What the selection reads and moves; the app provides it. */
export interface SelectionHost {
  readonly list: VirtualList;
  readonly minimap: Minimap;
  readonly world: { select(index: number | null): void };
  readonly state: TimelineState;
  /** The shown positions (list item -> run position, and back) and the run's index. */
  shown(): { visible: Int32Array; itemOf: Int32Array; index: RunIndex };
  /** Fetches a page of steps (for the text cursor's binary search). */
  fetchPage(store: StepStore, start: number, count: number): Promise<AnalyzedStep[]>;
  /** The step asked for is filtered out: clear the filters. */
  clearFilters(): void;
  save(): void;
}

export class Selection {
  constructor(private readonly host: SelectionHost) {}

  /** The list item of a step index, or -1 when it is not shown. */
  itemOfIndex(index: number): number {
    const { itemOf, index: ix } = this.host.shown();
    const pos = ix.posOfIndex(index);
    return pos >= 0 && pos < itemOf.length ? itemOf[pos] : -1;
  }

  get item(): number {
    const s = this.host.state.selected;
    return s === null ? -1 : this.itemOfIndex(s);
  }

  select(item: number, mode: 'nearest' | 'center' = 'nearest'): void {
    const { list, minimap, world, state } = this.host;
    if (item < 0 || item >= list.size) return;
    const prev = this.item;
    const { visible, index } = this.host.shown();
    const pos = visible[item];
    state.selected = index.indexOfPos(pos);
    if (prev >= 0) list.repaint(prev);
    list.repaint(item);
    list.viewport.setAttribute('aria-activedescendant', `row-${item}`);
    list.reveal(item, mode);
    minimap.update({ selected: pos });
    world.select(state.selected);
    this.host.save();
  }

  /** Selects a step of the shown run by index, clearing the filters when they hide it. */
  selectIndex(index: number): void {
    let item = this.itemOfIndex(index);
    if (item < 0 && this.host.shown().index.posOfIndex(index) >= 0) {
      this.host.clearFilters();
      item = this.itemOfIndex(index);
    }
    if (item >= 0) this.select(item, 'center');
  }

  jumpToPos(pos: number): void {
    const { itemOf } = this.host.shown();
    let item = pos >= 0 && pos < itemOf.length ? itemOf[pos] : -1;
    if (item < 0) {
      // Filtered out: the nearest kept step after it, else before it.
      for (let p = pos; p < itemOf.length && item < 0; p++) item = itemOf[p];
      for (let p = Math.min(pos, itemOf.length - 1); p >= 0 && item < 0; p--) item = itemOf[p];
    }
    if (item >= 0) this.select(item, 'center');
  }

  jumpToIndex(index: number): void {
    this.jumpToPos(this.host.shown().index.posOfIndex(index));
  }

  /** n / N: the next or previous critical step among the shown ones. */
  nextCritical(dir: 1 | -1): void {
    const { list } = this.host;
    const { visible, index } = this.host.shown();
    const from = this.item >= 0 ? this.item : dir > 0 ? -1 : list.size;
    for (let i = from + dir; i >= 0 && i < list.size; i += dir) {
      if (isCriticalTick(index.ticks[visible[i]])) return this.select(i, 'center');
    }
  }

  /** The text editor's cursor moved to 1-based `line`: select the step that holds it. */
  async selectLine(store: StepStore | null, line: number, current: () => StepStore | null): Promise<void> {
    if (!store || !store.total) return;
    // Still inside the selected step (our own "go to source" echoing back, or a move within it):
    // it stays selected, also when other steps start on the same line (a one-line JSON file).
    const sel = this.host.state.selected;
    const src = sel === null ? null : store.get(this.host.shown().index.posOfIndex(sel))?.source;
    if (src && src.startLine <= line && line <= src.endLine && this.item >= 0) return;
    const pages = Math.ceil(store.total / PAGE);
    const firstLine = async (n: number): Promise<number | null> => {
      for (const s of await this.pageSteps(store, n)) if (s.source) return s.source.startLine;
      return null;
    };
    // Pages are in line order: binary search on each page's first source line.
    let lo = 0;
    let hi = pages - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const l = await firstLine(mid);
      if (l !== null && l <= line) lo = mid;
      else hi = mid - 1;
    }
    let best = -1;
    (await this.pageSteps(store, lo)).forEach((s, i) => {
      if (s.source && s.source.startLine <= line) best = lo * PAGE + i;
    });
    if (best < 0 || store !== current()) return;
    // The cursor is still inside the selected step (an echo of our own reveal, or a move within it).
    if (this.host.state.selected === this.host.shown().index.indexOfPos(best) && this.item >= 0) return;
    this.jumpToPos(best);
  }

  private async pageSteps(store: StepStore, n: number): Promise<AnalyzedStep[]> {
    const start = n * PAGE;
    const end = Math.min(store.total, start + PAGE);
    if (!store.has(start)) return this.host.fetchPage(store, start, end - start);
    const out: AnalyzedStep[] = [];
    for (let p = start; p < end; p++) {
      const s = store.get(p);
      if (s) out.push(s);
    }
    return out;
  }
}
