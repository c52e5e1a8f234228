// The timeline: wires the header, the minimap and the virtualised list to the host's data, and
// keeps selection, expansion, filters and scroll in the webview state.
import type { AnalyzedStep } from '../src/core/model';
import type { RunSummary, RunsResult } from '../src/protocol/lsp';
import { defaultState, type AnnotationItem, type AnnotationMark, type TimelineBoot, type TimelineFilters, type TimelineState } from '../src/protocol/webview';
import { Bridge } from './bridge';
import { buildMatcher, contentPasses, isCriticalTick, isFiltering, needsContent, tickPasses, type Tick } from './filter';
import { Header } from './header';
import { VirtualList } from './list';
import { Minimap } from './minimap';
import { renderRow } from './row';
import { renderDetail } from './detail';
import { PAGE, StepStore } from './store';
import { el } from './text';
import { bindKeys } from './keys';
import { AnnotationState, markPasses, PendingSaves, renderNotes, renderOrphans, type NotesActions } from './annotations';
import { openAnnotateForm } from './annotate-form';
import { WorldView } from './world-view';

export class TimelineApp {
  readonly bridge = new Bridge();
  readonly header: Header;
  readonly list: VirtualList;
  readonly minimap: Minimap;
  readonly world: WorldView;
  private readonly message: HTMLElement;
  state: TimelineState;
  private runs: RunsResult | null = null;
  run: RunSummary | null = null;
  private store: StepStore | null = null;
  private ticks: Tick[] = [];
  private t0: number | null = null;
  /** List item -> run position, and back (-1 when filtered out). */
  visible = new Int32Array(0);
  private itemOf = new Int32Array(0);
  private indexBase: 'identity' | Map<number, number> = 'identity';
  /** Annotation marks by run position. */
  private marks = new Map<number, AnnotationMark>();
  readonly notes = new AnnotationState();
  /** The annotation form's saves awaiting the host's confirmation. */
  private readonly saves = new PendingSaves();
  /** What the host sent for each run (it sends every run's; one is shown at a time). */
  private readonly sentMarks = new Map<string, AnnotationMark[]>();
  private readonly sentNotes = new Map<string, Parameters<AnnotationState['set']>[0]>();
  private readonly orphanBox: HTMLElement;
  private matcher: RegExp | null = null;
  private contentMatch: Uint8Array | null = null;
  private scanToken = 0;
  private scanning = false;
  private saveTimer = 0;
  private expandedToken = 0;

  constructor(private readonly boot: TimelineBoot) {
    performance.mark('rl:start');
    this.state = { ...defaultState(), ...(this.bridge.getState() ?? {}) };
    this.state.filters = { ...defaultState().filters, ...this.state.filters };
    const root = document.getElementById('app') ?? document.body;
    this.header = new Header(root, { filters: (f) => this.setFilters(f), run: (id) => this.selectRun(id, false), step: (i) => this.selectStep(i) });
    this.minimap = new Minimap(this.header.root, (pos) => this.jumpToPos(pos));
    this.orphanBox = el('div', 'orphans-box');
    this.orphanBox.hidden = true;
    this.header.root.appendChild(this.orphanBox);
    this.message = el('div', 'message');
    this.message.hidden = true;
    root.appendChild(this.message);
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
    this.world = new WorldView(root, this.list.viewport, (i) => this.selectStep(i));
    this.header.setFilters(this.state.filters);
    bindKeys(this);
    this.bridge.onNotification((m) => {
      if (m.type === 'changed') void this.loadRuns(true);
      else if (m.type === 'selectLine') void this.selectLine(m.line);
      else if (m.type === 'selectStep') this.selectStep(m.index, m.runId);
      else if (m.type === 'annotationMarks') this.setMarks(m.runId, m.marks);
      else if (m.type === 'annotations') this.setAnnotations(m);
      else if (m.type === 'annotationSaved') this.saves.settle(m);
      else if (m.type === 'annotationError' && !this.saves.settle(m)) this.showMessage(`The annotation was not saved: ${m.message}`);
    });
    this.showMessage('Loading the timeline\u2026');
    this.bridge.post({ type: 'ready' });
    this.list.viewport.focus();
    void this.loadRuns(false);
  }

  // ---- runs ---------------------------------------------------------------------------------

  private async loadRuns(refresh: boolean): Promise<void> {
    let res: RunsResult;
    try {
      res = await this.bridge.runs();
    } catch (e) {
      this.showMessage(`The language server could not analyse this file: ${String(e)}`);
      return;
    }
    this.runs = res;
    performance.mark('rl:runs');
    if (res.error || !res.runs.length) {
      const issues = res.issues.map((i) => `${i.line ? `line ${i.line}: ` : i.entry ? `${i.entry}: ` : ''}${i.message}`);
      this.showMessage(res.error ?? 'No runs were found in this file.', issues);
      this.header.setRun([], null, this.boot.fileName, this.annotatedCounts());
      return;
    }
    const wanted = (refresh ? this.run?.id : null) ?? this.boot.reveal?.runId ?? this.state.runId;
    const run = res.runs.find((r) => r.id === wanted) ?? res.runs[0];
    if (refresh && this.run && run.id === this.run.id && this.store) this.refreshRun(run);
    else this.selectRun(run.id, !refresh);
  }

  selectRun(id: string, restoring: boolean): void {
    const run = this.runs?.runs.find((r) => r.id === id);
    if (!run) return;
    if (!run.read) {
      void this.readRun(id, restoring);
      return;
    }
    const sameAsSaved = run.id === this.state.runId;
    this.run = run;
    this.state.runId = run.id;
    this.store = new StepStore(this.bridge, run.id, run.stepCount, () => this.pagesArrived());
    // Ask for the first screen's page now, so its round trip overlaps the work below.
    const restoreFrom = restoring && sameAsSaved ? Math.floor(this.state.scrollTop / this.list.rowHeight) : 0;
    this.store.want([Math.min(run.stepCount - 1, restoreFrom)]);
    this.setTicks(run);
    this.marks = new Map(
      (this.sentMarks.get(run.id) ?? []).map((m) => [this.posOfIndex(m.index), m]),
    );
    const notes = this.sentNotes.get(run.id);
    if (notes) {
      this.notes.set(notes);
      renderOrphans(this.orphanBox, this.notes, this.noteActions());
    }
    this.minimap.update({ marks: this.minimapMarks() });
    this.hideMessage();
    this.list.collapse();
    this.header.setRun(this.runs?.runs ?? [], run, this.boot.fileName, this.annotatedCounts());
    // The lane is laid out after the first rows: they are what a researcher reads first.
    const ticks = this.ticks;
    setTimeout(() => {
      if (this.ticks === ticks) this.minimap.setTicks(ticks);
    }, 0);
    const keep = restoring && sameAsSaved;
    if (!keep) Object.assign(this.state, { selected: null, expanded: null, scrollTop: 0 });
    this.world.setRun(run, this.state.selected);
    this.applyFilters();
    if (keep) {
      const exp = this.state.expanded;
      if (exp !== null) {
        const item = this.itemOfIndex(exp);
        if (item >= 0) this.expand(item);
      }
      this.list.viewport.scrollTop = this.state.scrollTop;
    } else this.list.viewport.scrollTop = 0;
    this.list.render();
    const reveal = this.boot.reveal;
    if (reveal && (!reveal.runId || reveal.runId === run.id)) {
      this.boot.reveal = null;
      this.selectStep(reveal.index);
    }
    this.save();
  }

  /** A run that was only listed (a sample of a large `.eval`): the server reads it now. */
  private async readRun(id: string, restoring: boolean): Promise<void> {
    this.showMessage('Reading the run\u2026');
    // The list shows while the run is read (a large `.eval` lists its samples before any is read).
    if (this.runs) this.header.setRun(this.runs.runs, null, this.boot.fileName, this.annotatedCounts());
    let read: RunSummary | null;
    try {
      read = await this.bridge.run(id);
    } catch (e) {
      this.showMessage(`The run could not be read: ${String(e)}`);
      return;
    }
    const runs = this.runs;
    if (!runs) return;
    const i = runs.runs.findIndex((r) => r.id === id);
    if (!read || i < 0) {
      this.showMessage('The run is no longer in the file.');
      return;
    }
    runs.runs[i] = read;
    if (!read.read) {
      this.showMessage(read.outcome.reason, read.issues.map((x) => x.message));
      this.header.setRun(runs.runs, null, this.boot.fileName, this.annotatedCounts());
      return;
    }
    this.selectRun(id, restoring);
  }

  /** The same run, grown or edited: keep the view, refetch the data. */
  private refreshRun(run: RunSummary): void {
    // Follow the end when the end was in view as the new lines arrived (a live log), not when
    // the researcher has scrolled away from it.
    const follow = this.list.atEnd();
    this.run = run;
    this.setTicks(run);
    this.world.setRun(run, this.state.selected);
    this.store?.invalidate(run.stepCount);
    this.header.setRun(this.runs?.runs ?? [], run, this.boot.fileName, this.annotatedCounts());
    this.minimap.setTicks(this.ticks);
    this.applyFilters();
    if (this.list.expanded !== null) this.fillDetail(this.list.expanded);
    if (follow) this.list.viewport.scrollTop = this.list.viewport.scrollHeight;
    this.list.render();
    this.list.refresh();
  }

  private setTicks(run: RunSummary): void {
    this.ticks = run.ticks;
    this.t0 = null;
    for (const t of run.ticks) {
      if (t.time != null && (this.t0 === null || t.time < this.t0)) this.t0 = t.time;
    }
    let identity = true;
    for (let i = 0; i < run.ticks.length; i++) if (run.ticks[i].index !== i) identity = false;
    this.indexBase = identity ? 'identity' : new Map(run.ticks.map((t, i) => [t.index, i]));
  }

  posOfIndex(index: number): number {
    if (this.indexBase === 'identity') return index;
    return this.indexBase.get(index) ?? -1;
  }

  private itemOfIndex(index: number): number {
    const pos = this.posOfIndex(index);
    return pos >= 0 && pos < this.itemOf.length ? this.itemOf[pos] : -1;
  }

  indexOfPos(pos: number): number {
    return this.ticks[pos]?.index ?? pos;
  }

  // ---- filters --------------------------------------------------------------------------------

  setFilters(f: TimelineFilters): void {
    const contentChanged =
      f.search !== this.state.filters.search || f.regex !== this.state.filters.regex || f.roles.join() !== this.state.filters.roles.join();
    this.state.filters = f;
    if (contentChanged) this.contentMatch = null;
    this.applyFilters();
    this.save();
  }

  private applyFilters(): void {
    const f = this.state.filters;
    const m = buildMatcher(f);
    this.header.setSearchError(m instanceof Error ? m : null);
    this.matcher = m instanceof Error ? null : m;
    const total = this.run?.stepCount ?? 0;
    if (needsContent(f) && !(m instanceof Error && !f.roles.length)) {
      if (!this.contentMatch || this.contentMatch.length !== total) this.startScan(total);
    } else {
      this.contentMatch = null;
      this.scanToken++;
      this.scanning = false;
    }
    this.recompute();
  }

  private startScan(total: number): void {
    const token = ++this.scanToken;
    const match = new Uint8Array(total);
    this.contentMatch = match;
    this.scanning = true;
    const f = this.state.filters;
    const matcher = this.matcher;
    // Results show as they come, at most every 200 ms (a recompute walks the whole run).
    let last = 0;
    void this.store
      ?.scan(
        0,
        (pos, step) => {
          match[pos] = contentPasses(step, f, matcher) ? 1 : 2;
          if (pos === total - 1 || (pos % 100 === 0 && performance.now() - last > 200)) {
            last = performance.now();
            if (token === this.scanToken) this.recompute();
          }
        },
        () => token !== this.scanToken,
      )
      .then((done) => {
        if (token !== this.scanToken) return;
        this.scanning = !done;
        this.recompute();
      });
  }

  private recompute(): void {
    const total = this.run?.stepCount ?? 0;
    const f = this.state.filters;
    const selectedIndex = this.state.selected;
    const filtering = isFiltering(f);
    const content = this.contentMatch;
    const visible = new Int32Array(total);
    const itemOf = new Int32Array(total).fill(-1);
    const kept = filtering ? new Uint8Array(total) : null;
    let n = 0;
    for (let p = 0; p < total; p++) {
      if (filtering) {
        const mark = this.marks.get(p);
        if (!tickPasses(this.ticks[p], f, !!mark, markPasses(mark, f, this.notes.author))) continue;
        if (content && content[p] !== 1) continue;
        kept![p] = 1;
      }
      itemOf[p] = n;
      visible[n++] = p;
    }
    const prevExpandedPos = this.list.expanded !== null ? this.visible[this.list.expanded] : -1;
    this.visible = visible.subarray(0, n);
    this.itemOf = itemOf;
    if (this.list.expanded !== null) {
      const it = prevExpandedPos >= 0 ? itemOf[prevExpandedPos] : -1;
      if (it !== this.list.expanded) {
        this.list.collapse();
        if (it >= 0) this.expand(it);
      }
    }
    this.list.setCount(n);
    this.minimap.update({ kept });
    const scanning = this.scanning ? ' \u00B7 searching\u2026' : '';
    this.header.setStatus(
      filtering ? `${n.toLocaleString()} of ${total.toLocaleString()} steps${scanning}` : `${total.toLocaleString()} steps`,
    );
    if (selectedIndex !== null) this.minimap.update({ selected: this.posOfIndex(selectedIndex) });
  }

  // ---- list -----------------------------------------------------------------------------------

  private paint(row: HTMLElement, item: number): void {
    const pos = this.visible[item];
    const tick = this.ticks[pos];
    const step = this.store?.get(pos);
    let duration: number | null = null;
    const next = this.ticks[pos + 1];
    if (tick?.time != null && next?.time != null) duration = next.time - tick.time;
    renderRow(row, pos, tick, step, { matcher: this.matcher, t0: this.t0, duration, mark: this.marks.get(pos), labelTitle: (t) => this.notes.title(t), world: this.world });
    const index = tick?.index ?? pos;
    const selected = this.state.selected === index;
    row.classList.toggle('selected', selected);
    row.classList.toggle('expanded', this.list.expanded === item);
    row.setAttribute('aria-selected', String(selected));
    row.onclick = (e) => {
      if ((e.target as HTMLElement).closest('a,vscode-button')) return;
      this.select(item);
      if (e.detail === 2) this.toggleExpand(item);
    };
  }

  private rangeChanged(first: number, last: number): void {
    if (!this.store || last < first) return;
    const positions: number[] = [];
    for (let i = first; i <= last; i++) positions.push(this.visible[i]);
    // Prefetch one page beyond the window in the scroll direction's neighbourhood.
    positions.push(Math.min(this.store.total - 1, this.visible[last] + PAGE / 2));
    this.store.want(positions);
    this.updateWindow();
    this.save();
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
      if (box && box.dataset.state === 'waiting') this.fillDetail(exp);
    }
  }

  // ---- selection and expansion ------------------------------------------------------------------

  get selectedItem(): number {
    return this.state.selected === null ? -1 : this.itemOfIndex(this.state.selected);
  }

  select(item: number, mode: 'nearest' | 'center' = 'nearest'): void {
    if (item < 0 || item >= this.list.size) return;
    const prev = this.selectedItem;
    const pos = this.visible[item];
    this.state.selected = this.indexOfPos(pos);
    if (prev >= 0) this.list.repaint(prev);
    this.list.repaint(item);
    this.list.viewport.setAttribute('aria-activedescendant', `row-${item}`);
    this.list.reveal(item, mode);
    this.minimap.update({ selected: pos });
    this.world.select(this.state.selected);
    this.save();
  }

  selectStep(index: number, runId?: string): void {
    if (runId && this.run && runId !== this.run.id) {
      if (this.runs?.runs.find((r) => r.id === runId)?.read === false) {
        // Read first: selectRun reveals the step once the run has arrived.
        this.boot.reveal = { runId, index };
        this.selectRun(runId, false);
        return;
      }
      this.selectRun(runId, false);
    }
    let item = this.itemOfIndex(index);
    if (item < 0 && isFiltering(this.state.filters)) {
      // The step is filtered out: clear the filters rather than ignore the request.
      this.setFilters({ ...defaultState().filters });
      this.header.setFilters(this.state.filters);
      item = this.itemOfIndex(index);
    }
    if (item >= 0) this.select(item, 'center');
  }

  jumpToPos(pos: number): void {
    let item = pos >= 0 && pos < this.itemOf.length ? this.itemOf[pos] : -1;
    if (item < 0) {
      // Filtered out: the nearest kept step after it, else before it.
      for (let p = pos; p < this.itemOf.length && item < 0; p++) item = this.itemOf[p];
      for (let p = pos; p >= 0 && item < 0; p--) item = this.itemOf[p];
    }
    if (item >= 0) this.select(item, 'center');
  }

  jumpToIndex(index: number): void {
    this.jumpToPos(this.posOfIndex(index));
  }

  /** n / N: the next or previous critical step among the shown ones. */
  nextCritical(dir: 1 | -1): void {
    const from = this.selectedItem >= 0 ? this.selectedItem : dir > 0 ? -1 : this.list.size;
    for (let i = from + dir; i >= 0 && i < this.list.size; i += dir) {
      if (isCriticalTick(this.ticks[this.visible[i]])) {
        this.select(i, 'center');
        return;
      }
    }
  }

  toggleExpand(item: number): void {
    if (this.list.expanded === item) {
      this.list.collapse();
      this.state.expanded = null;
      this.list.repaint(item);
    } else this.expand(item);
    this.save();
  }

  private expand(item: number): void {
    const prev = this.list.expanded;
    this.list.expand(item);
    this.state.expanded = this.indexOfPos(this.visible[item]);
    if (prev !== null) this.list.repaint(prev);
    this.list.repaint(item);
    this.fillDetail(item);
    this.list.render();
  }

  private fillDetail(item: number): void {
    const box = document.querySelector<HTMLElement>('.list .detail');
    if (!box || !this.store || !this.run) return;
    const pos = this.visible[item];
    const token = ++this.expandedToken;
    const ctx = { matcher: this.matcher, threads: this.run.threads, textSource: this.boot.textSource, complete: false, world: this.world };
    const actions = {
      goToSource: (s: AnalyzedStep) => this.goToSource(s),
      jumpToIndex: (i: number) => {
        this.jumpToIndex(i);
        this.list.viewport.focus();
      },
      resized: () => this.list.render(),
      ...(this.notes.enabled ? { annotateCommand: (s: AnalyzedStep, i: number) => void this.openForm(s.index, undefined, i) } : {}),
    };
    const page = this.store.get(pos);
    if (page) {
      renderDetail(box, page, ctx, actions);
      box.dataset.state = 'partial';
      this.fillNotes(item);
    } else {
      box.replaceChildren(el('div', 'muted loading-full', 'Loading\u2026'));
      box.dataset.state = 'waiting';
      this.store.want([pos]);
    }
    void this.store.full(pos, this.indexOfPos(pos)).then((full) => {
      if (token !== this.expandedToken || !full || !box.isConnected) return;
      renderDetail(box, full, { ...ctx, complete: true }, actions);
      box.dataset.state = 'complete';
      this.fillNotes(item);
    });
  }

  goToSource(step: AnalyzedStep): void {
    if (!step.source || !this.run) return;
    this.bridge.post({ type: 'goToSource', runId: this.run.id, index: step.index, ...step.source });
  }

  /** The text editor's cursor moved to `line`: select the step that holds it. */
  private async selectLine(line: number): Promise<void> {
    const store = this.store;
    if (!store || !store.total) return;
    const pages = Math.ceil(store.total / PAGE);
    const firstLine = async (n: number): Promise<number | null> => {
      const steps = await this.pageSteps(store, n);
      for (const s of steps) if (s.source) return s.source.startLine;
      return null;
    };
    let lo = 0;
    let hi = pages - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const l = await firstLine(mid);
      if (l !== null && l <= line) lo = mid;
      else hi = mid - 1;
    }
    const steps = await this.pageSteps(store, lo);
    let best = -1;
    steps.forEach((s, i) => {
      if (s.source && s.source.startLine <= line) best = lo * PAGE + i;
    });
    if (best < 0 || store !== this.store) return;
    if (this.state.selected === this.indexOfPos(best) && this.selectedItem >= 0) return;
    this.jumpToPos(best);
  }

  private async pageSteps(store: StepStore, n: number): Promise<AnalyzedStep[]> {
    const start = n * PAGE;
    if (!store.has(start)) {
      const res = await this.bridge.steps(store.runId, start, Math.min(PAGE, store.total - start), 200);
      return res.steps;
    }
    const out: AnalyzedStep[] = [];
    for (let p = start; p < Math.min(store.total, start + PAGE); p++) {
      const s = store.get(p);
      if (s) out.push(s);
    }
    return out;
  }

  private setMarks(runId: string, marks: AnnotationMark[]): void {
    this.sentMarks.set(runId, marks);
    if (!this.run || runId !== this.run.id) return;
    this.marks = new Map(marks.map((m) => [this.posOfIndex(m.index), m]));
    this.header.setRun(this.runs?.runs ?? [], this.run, this.boot.fileName, this.annotatedCounts());
    this.minimap.update({ marks: this.minimapMarks() });
    const f = this.state.filters;
    if (f.annotated || f.annotatedByMe || f.disagreements) this.recompute();
    this.list.refresh();
  }

  private minimapMarks(): Map<number, string[]> {
    return new Map([...this.marks].map(([p, m]) => [p, m.labels]));
  }

  private annotatedCounts(): { any: number; mine: number; disagreements: number } {
    let mine = 0;
    let disagreements = 0;
    for (const m of this.marks.values()) {
      if (this.notes.author && m.authors?.includes(this.notes.author)) mine++;
      if (m.disagreement) disagreements++;
    }
    return { any: this.marks.size, mine, disagreements };
  }

  private setAnnotations(m: Parameters<AnnotationState['set']>[0]): void {
    this.sentNotes.set(m.runId, m);
    if (this.run && m.runId !== this.run.id) return;
    const first = !this.notes.enabled;
    this.notes.set(m);
    // The expanded step gains its per-command "annotate" buttons.
    if (first && this.list.expanded !== null) this.fillDetail(this.list.expanded);
    renderOrphans(this.orphanBox, this.notes, this.noteActions());
    if (this.run) this.header.setRun(this.runs?.runs ?? [], this.run, this.boot.fileName, this.annotatedCounts());
    if (this.state.filters.annotatedByMe) this.recompute();
    if (this.list.expanded !== null) this.fillNotes(this.list.expanded);
    this.list.refresh();
  }

  private noteActions(): NotesActions {
    return {
      edit: (it) => void this.openForm(it.index ?? -1, it),
      remove: (it) => this.bridge.post({ type: 'deleteAnnotation', id: it.id }),
      jumpToIndex: (i) => this.jumpToIndex(i),
    };
  }

  /** The expanded step's notes panel, placed after its bar (re-rendered when annotations change). */
  private fillNotes(item: number): void {
    const box = document.querySelector<HTMLElement>('.list .detail');
    if (!box || !this.notes.enabled || item !== this.list.expanded) return;
    const index = this.indexOfPos(this.visible[item]);
    const panel = renderNotes(index, this.notes, { ...this.noteActions(), annotate: () => void this.openForm(index) });
    const old = box.querySelector(':scope > .notes');
    if (old) old.replaceWith(panel);
    else box.querySelector(':scope > .detail-bar')?.after(panel);
    this.list.render();
  }

  /** Key `a`: the in-page form once the host sent annotations, else VS Code's own prompts. */
  annotate(): void {
    const item = this.selectedItem;
    if (item < 0 || !this.run) return;
    const pos = this.visible[item];
    const index = this.indexOfPos(pos);
    if (this.notes.enabled) return void this.openForm(index);
    const step = this.store?.get(pos);
    this.bridge.post({ type: 'annotateStep', runId: this.run.id, index, stepId: step?.id ?? '' });
  }

  private async openForm(index: number, editing?: AnnotationItem, commandIndex?: number): Promise<void> {
    const run = this.run;
    if (!run || !this.store || index < 0) return;
    const pos = this.posOfIndex(index);
    const step = this.store.get(pos) ?? (await this.store.full(pos, index));
    if (!step || this.run !== run) return;
    const back = document.activeElement as HTMLElement | null;
    openAnnotateForm({
      runId: run.id,
      step,
      labels: this.notes.labels,
      editing,
      commandIndex,
      save: (draft) => this.saves.send((saveId) => this.bridge.post({ type: 'saveAnnotation', saveId, ...draft })),
      closed: () => (back?.isConnected ? back : this.list.viewport).focus(),
    });
  }

  // ---- misc -----------------------------------------------------------------------------------

  private showMessage(text: string, details: string[] = []): void {
    this.message.replaceChildren(el('div', 'message-title', text));
    for (const d of details.slice(0, 50)) this.message.appendChild(el('div', 'muted', d));
    this.message.hidden = false;
  }

  private hideMessage(): void {
    this.message.hidden = true;
  }

  save(): void {
    if (this.saveTimer) return;
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      this.bridge.setState(this.state);
    }, 100);
  }
}
