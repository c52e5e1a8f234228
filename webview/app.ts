// The timeline: wires the header, the run table, the minimap and the virtualised list to the
// host's data, and keeps selection, expansion, filters and scroll in the webview state. Run
// picking (run-picker.ts), selection (selection.ts), filtering (scan.ts) and annotations
// (annotation-marks.ts) live in their own files; this one connects them.
import type { RunSummary } from '../src/protocol/lsp';
import type { StepsResult } from '../src/protocol/lsp';
import { defaultState, type FirstScreen, type TimelineBoot, type TimelineFilters, type TimelineState } from '../src/protocol/webview';
import { Bridge } from './bridge';
import { Header } from './header';
import { VirtualList } from './list';
import { Minimap } from './minimap';
import { renderRow } from './row';
import { PAGE, StepStore } from './store';
import { bindKeys, type KeyTarget } from './keys';
import { WorldView } from './world-view';
import { RunIndex } from './run-index';
import { FilterScan } from './scan';
import { Selection } from './selection';
import { AnnotationMarks } from './annotation-marks';
import { RunPicker, taskOnce } from './run-picker';
import { RunTable, TABLE_FROM } from './run-table';
import { Legend } from './legend';
import { MessageBox } from './message';
import { Expansion } from './expansion';
import { loadMarkdown } from './lazy-markdown';

export class TimelineApp implements KeyTarget {
  readonly bridge = new Bridge();
  readonly header: Header;
  readonly list: VirtualList;
  readonly minimap: Minimap;
  readonly world: WorldView;
  readonly picker: RunPicker;
  readonly selection: Selection;
  readonly annotations: AnnotationMarks;
  private readonly table: RunTable;
  private readonly legend: Legend;
  private readonly message: MessageBox;
  state: TimelineState;
  private store: StepStore | null = null;
  private index = new RunIndex(null);
  private readonly filter = new FilterScan(() => this.recompute());
  /** List item -> run position, and back (-1 when filtered out). */
  visible: Int32Array = new Int32Array(0);
  private itemOf: Int32Array = new Int32Array(0);
  private readonly expansion: Expansion;
  private saveTimer = 0;
  /** The first screen's page of steps, until the run it belongs to is shown. */
  private sentPage: StepsResult | null = null;
  private rowsShown = false;

  constructor(private readonly boot: TimelineBoot) {
    performance.mark('rl:start');
    this.state = { ...defaultState(), ...(this.bridge.getState() ?? {}) };
    this.state.filters = { ...defaultState().filters, ...this.state.filters };
    const root = document.getElementById('app') ?? document.body;
    this.header = new Header(root, { filters: (f) => this.setFilters(f), run: (id) => this.selectRun(id, false), step: (i) => this.selectStep(i) });
    this.legend = new Legend(this.header.root);
    this.table = new RunTable(
      this.header.root,
      (id) => this.selectRun(id, false),
      () => this.picker.readAll(() => this.showRunList(this.picker.runs, this.run)),
    );
    this.minimap = new Minimap(this.header.root, (pos) => this.selection.jumpToPos(pos));
    this.annotations = new AnnotationMarks({
      post: (m) => this.bridge.post(m),
      run: () => (this.run && this.store ? { id: this.run.id, index: this.index, store: this.store } : null),
      jumpToIndex: (i) => this.selection.jumpToIndex(i),
      home: () => this.list.viewport,
    });
    this.header.root.appendChild(this.annotations.orphanBox);
    this.message = new MessageBox(root);
    this.list = new VirtualList(root, {
      paint: (row, item) => this.paint(row, item),
      rangeChanged: (first, last) => this.rangeChanged(first, last),
      scrolled: () => {
        this.state.scrollTop = this.list.viewport.scrollTop;
        this.state.follow = this.list.atEnd();
        this.updateWindow();
        this.save();
      },
    });
    this.world = new WorldView(root, this.list.viewport, (i) => this.selectStep(i), {
      hidden: !!this.state.worldHidden,
      toggled: (hidden) => {
        this.state.worldHidden = hidden;
        this.save();
      },
    });
    this.selection = new Selection({
      list: this.list,
      minimap: this.minimap,
      world: this.world,
      state: this.state,
      shown: () => ({ visible: this.visible, itemOf: this.itemOf, index: this.index }),
      fetchPage: async (store, start, count) => (await this.bridge.steps(store.runId, start, count, 200)).steps,
      clearFilters: () => {
        this.setFilters({ ...defaultState().filters });
        this.header.setFilters(this.state.filters);
      },
      save: () => this.save(),
    });
    this.expansion = new Expansion({
      list: this.list,
      state: this.state,
      world: this.world,
      annotations: this.annotations,
      textSource: this.boot.textSource,
      shown: () => (this.run && this.store ? { run: this.run, store: this.store, index: this.index, visible: this.visible, matcher: this.filter.matcher } : null),
      jumpToIndex: (i) => this.selection.jumpToIndex(i),
      post: (m) => this.bridge.post(m),
      save: () => this.save(),
    });
    this.picker = new RunPicker({
      runs: () => this.bridge.runs(),
      run: (id) => this.bridge.run(id),
      show: (run, restoring) => this.showRun(run, restoring),
      refresh: (run) => this.refreshRun(run),
      listed: (runs) => this.showRunList(runs, null),
      message: (text, details) => this.message.show(text, details),
    });
    this.header.setFilters(this.state.filters);
    bindKeys(this);
    this.bridge.onNotification((m) => {
      if (m.type === 'runs') this.firstScreen(m);
      else if (m.type === 'changed') void this.picker.load(true, null);
      else if (m.type === 'selectLine') void this.selection.selectLine(this.store, m.line, () => this.store);
      else if (m.type === 'selectStep') this.selectStep(m.index, m.runId);
      else if (m.type === 'annotationMarks') this.marksArrived(m.runId, m.marks);
      else if (m.type === 'annotations') this.notesArrived(m);
      else if (m.type === 'annotationSaved') this.annotations.saves.settle(m);
      else if (m.type === 'annotationError' && !this.annotations.saves.settle(m)) this.message.show(`The annotation was not saved: ${m.message}`);
    });
    this.message.show('Loading the timeline\u2026');
    // The host answers with the first screen (the runs and the first rows' page), unasked.
    this.bridge.post({ type: 'ready' });
    this.list.viewport.focus();
  }

  /** The host's first screen: the run list, and the page the first rows need. */
  private firstScreen(m: FirstScreen): void {
    this.sentPage = m.page;
    void this.picker.load(false, this.boot.reveal?.runId ?? this.state.runId, m.result);
  }

  get run(): RunSummary | null {
    return this.picker.current;
  }

  get selectedItem(): number {
    return this.selection.item;
  }

  // ---- runs ---------------------------------------------------------------------------------

  selectRun(id: string, restoring: boolean): void {
    this.picker.pick(id, restoring);
  }

  /** The header and the run table for the file's runs (a table once there are many). */
  private showRunList(runs: RunSummary[], run: RunSummary | null): void {
    const many = runs.length >= TABLE_FROM;
    this.header.setRun(many ? [] : runs, run && taskOnce(run), this.boot.fileName, this.annotations.counts());
    this.table.setRuns(many ? runs : [], run?.id ?? null);
    this.legend.setRun(run);
  }

  private showRun(run: RunSummary, restoring: boolean): void {
    const sameAsSaved = run.id === this.state.runId;
    this.state.runId = run.id;
    this.store = new StepStore(this.bridge, run.id, run.stepCount, () => this.pagesArrived());
    if (this.sentPage) this.store.seed(this.sentPage);
    this.sentPage = null;
    // Ask for the first screen's page now, so its round trip overlaps the work below.
    const keep = restoring && sameAsSaved;
    const restoreFrom = keep ? Math.floor(this.state.scrollTop / this.list.rowHeight) : 0;
    this.store.want([Math.min(run.stepCount - 1, restoreFrom)]);
    this.index = new RunIndex(run);
    this.annotations.showRun(run.id, this.index);
    this.minimap.update({ marks: this.annotations.minimapMarks() });
    this.message.hide();
    this.list.collapse();
    this.showRunList(this.picker.runs, run);
    // The lane is laid out after the first rows: they are what a researcher reads first.
    const ticks = this.index.ticks;
    setTimeout(() => {
      if (this.index.ticks === ticks) this.minimap.setTicks(ticks);
    }, 0);
    if (!keep) Object.assign(this.state, { selected: null, expanded: null, scrollTop: 0 });
    this.world.setRun(run, this.state.selected);
    this.applyFilters();
    if (keep) {
      const exp = this.state.expanded;
      if (exp !== null) {
        const item = this.selection.itemOfIndex(exp);
        if (item >= 0) this.expansion.expand(item);
      }
      this.list.viewport.scrollTop = this.state.scrollTop;
    } else this.list.viewport.scrollTop = 0;
    this.list.render();
    const reveal = this.boot.reveal;
    if (reveal && (!reveal.runId || reveal.runId === run.id)) {
      this.boot.reveal = null;
      this.selection.selectIndex(reveal.index);
    }
    this.save();
  }

  /** The same run, grown or edited: keep the view, refetch the data. */
  private refreshRun(run: RunSummary): void {
    // Follow the end when the end was in view as the new lines arrived (a live log), not when
    // the researcher has scrolled away from it.
    const follow = this.list.atEnd();
    this.index = new RunIndex(run);
    this.world.setRun(run, this.state.selected);
    this.store?.invalidate(run.stepCount);
    this.showRunList(this.picker.runs, run);
    this.minimap.setTicks(this.index.ticks);
    this.applyFilters();
    if (this.list.expanded !== null) this.expansion.fill(this.list.expanded);
    if (follow) this.list.viewport.scrollTop = this.list.viewport.scrollHeight;
    this.list.render();
    // The rows in the DOM ask for their pages again: the range may not have moved (so the list
    // does not ask), and pages on their way when the change came are dropped by the store.
    this.wantRange(this.list.first, this.list.last);
    this.list.refresh();
  }

  /** Selects a step, in another run when `runId` names one (read first when only listed). */
  selectStep(index: number, runId?: string): void {
    if (runId && this.run && runId !== this.run.id) {
      if (this.picker.find(runId)?.read === false) {
        // Read first: showRun reveals the step once the run has arrived.
        this.boot.reveal = { runId, index };
        this.selectRun(runId, false);
        return;
      }
      this.selectRun(runId, false);
    }
    this.selection.selectIndex(index);
  }

  // ---- filters --------------------------------------------------------------------------------

  setFilters(f: TimelineFilters): void {
    const old = this.state.filters;
    if (f.search !== old.search || f.regex !== old.regex || f.roles.join() !== old.roles.join()) this.filter.invalidate();
    this.state.filters = f;
    this.applyFilters();
    this.save();
  }

  private applyFilters(): void {
    this.filter.apply(this.state.filters, this.run?.stepCount ?? 0, this.store);
    this.header.setSearchError(this.filter.error);
    this.recompute();
  }

  private recompute(): void {
    const total = this.run?.stepCount ?? 0;
    const f = this.state.filters;
    const shown = this.filter.compute(f, this.index.ticks, total, (p) => this.annotations.test(p, f));
    const prevExpandedPos = this.list.expanded !== null ? this.visible[this.list.expanded] : -1;
    this.visible = shown.visible;
    this.itemOf = shown.itemOf;
    if (this.list.expanded !== null) {
      const it = prevExpandedPos >= 0 ? shown.itemOf[prevExpandedPos] : -1;
      if (it !== this.list.expanded) {
        this.list.collapse();
        if (it >= 0) this.expansion.expand(it);
      }
    }
    const n = shown.visible.length;
    this.list.setCount(n);
    this.minimap.update({ kept: shown.kept });
    this.header.setStatus(this.filter.status(shown, total));
    if (this.run && !n && total) this.message.empty(this.filter.error, this.filter.scanning);
    else this.message.filled();
    if (this.state.selected !== null) this.minimap.update({ selected: this.index.posOfIndex(this.state.selected) });
  }

  // ---- list -----------------------------------------------------------------------------------

  private paint(row: HTMLElement, item: number): void {
    const pos = this.visible[item];
    const ticks = this.index.ticks;
    const tick = ticks[pos];
    const next = ticks[pos + 1];
    const duration = tick?.time != null && next?.time != null ? next.time - tick.time : null;
    const notes = this.annotations.notes;
    const step = this.store?.get(pos);
    if (step && !this.rowsShown) {
      this.rowsShown = true;
      performance.mark('rl:first-rows');
      // What the first rows did without: loaded once they are painted.
      requestAnimationFrame(() => setTimeout(() => void loadMarkdown(), 0));
    }
    renderRow(row, pos, tick, step, {
      matcher: this.filter.matcher,
      t0: this.index.t0,
      duration,
      mark: this.annotations.at(pos),
      labelTitle: (t) => notes.title(t),
      world: this.world,
    });
    const selected = this.state.selected === (tick?.index ?? pos);
    row.classList.toggle('selected', selected);
    row.classList.toggle('expanded', this.list.expanded === item);
    row.setAttribute('aria-selected', String(selected));
    row.onclick = (e) => {
      if ((e.target as HTMLElement).closest('a,vscode-button')) return;
      this.selection.select(item);
      if (e.detail === 2) this.toggleExpand(item);
    };
  }

  private rangeChanged(first: number, last: number): void {
    this.wantRange(first, last);
    this.updateWindow();
    this.save();
  }

  /** Loads the pages of list items first..last (those not loaded). */
  private wantRange(first: number, last: number): void {
    if (!this.store || last < first) return;
    const positions: number[] = [];
    for (let i = first; i <= last && i < this.visible.length; i++) positions.push(this.visible[i]);
    if (!positions.length) return;
    // Prefetch one page beyond the window in the scroll direction's neighbourhood.
    positions.push(Math.min(this.store.total - 1, positions[positions.length - 1] + PAGE / 2));
    this.store.want(positions);
  }

  private updateWindow(): void {
    if (!this.list.size) return this.minimap.update({ from: 0, to: -1 });
    const [a, b] = this.list.onScreen();
    this.minimap.update({ from: this.visible[a], to: this.visible[b] });
  }

  private pagesArrived(): void {
    if (!performance.getEntriesByName('rl:first-page').length) performance.mark('rl:first-page');
    this.list.refresh();
    const exp = this.list.expanded;
    if (exp !== null && this.list.rowElement(exp)?.classList.contains('loading') === false) {
      const box = document.querySelector<HTMLElement>('.detail');
      if (box && box.dataset.state === 'waiting') this.expansion.fill(exp);
    }
  }

  // ---- selection and expansion ------------------------------------------------------------------

  select(item: number, mode: 'nearest' | 'center' = 'nearest'): void {
    this.selection.select(item, mode);
  }

  /** Selects the step with this index, or the nearest shown one (tests and benchmarks call it). */
  jumpToIndex(index: number): void {
    this.selection.jumpToIndex(index);
  }

  nextCritical(dir: 1 | -1): void {
    this.selection.nextCritical(dir);
  }

  toggleExpand(item: number): void {
    this.expansion.toggle(item);
  }

  /** Key `o`: the selected step's lines in the text editor, expanded or not. */
  goToSelectedSource(): boolean {
    return this.expansion.goToItem(this.selection.item);
  }

  // ---- annotations ------------------------------------------------------------------------------

  private marksArrived(runId: string, marks: Parameters<AnnotationMarks['receiveMarks']>[1]): void {
    if (!this.annotations.receiveMarks(runId, marks) || !this.run) return;
    this.showRunList(this.picker.runs, this.run);
    this.minimap.update({ marks: this.annotations.minimapMarks() });
    const f = this.state.filters;
    if (f.annotated || f.annotatedByMe || f.disagreements) this.recompute();
    this.list.refresh();
  }

  private notesArrived(m: Parameters<AnnotationMarks['receiveNotes']>[0]): void {
    const got = this.annotations.receiveNotes(m);
    if (!got) return;
    // The expanded step gains its per-command "annotate" buttons.
    if (got.first && this.list.expanded !== null) this.expansion.fill(this.list.expanded);
    if (this.run) this.showRunList(this.picker.runs, this.run);
    if (this.state.filters.annotatedByMe) this.recompute();
    if (this.list.expanded !== null) this.expansion.fillNotes(this.list.expanded);
    this.list.refresh();
  }

  /** Key `a`. */
  annotate(): void {
    const item = this.selection.item;
    if (item >= 0) this.annotations.annotate(this.index.indexOfPos(this.visible[item]));
  }

  // ---- misc -----------------------------------------------------------------------------------

  save(): void {
    if (this.saveTimer) return;
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      this.bridge.setState(this.state);
    }, 100);
  }
}
