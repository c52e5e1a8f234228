// The expanded step: one at a time, its detail panel under its row (the page copy first, the full
// step when it arrives), its notes, and going to its lines in the text editor (key `o`, expanded
// or not).
import type { AnalyzedStep } from '../src/core/model';
import type { RunSummary } from '../src/protocol/lsp';
import type { TimelineState, WebviewToHost } from '../src/protocol/webview';
import { renderDetail } from './detail';
import type { VirtualList } from './list';
import type { RunIndex } from './run-index';
import type { StepStore } from './store';
import type { AnnotationMarks } from './annotation-marks';
import type { RowWorld } from './world-view';
import { el } from './text';

/** The shown run as the detail needs it. */
export interface ExpandedRun {
  run: RunSummary;
  store: StepStore;
  index: RunIndex;
  visible: Int32Array;
  matcher: RegExp | null;
}

export interface ExpansionHost {
  readonly list: VirtualList;
  readonly state: TimelineState;
  readonly world: RowWorld;
  readonly annotations: AnnotationMarks;
  /** Whether the file opens as text (an `.eval` is a zip: no lines to show). */
  readonly textSource: boolean;
  shown(): ExpandedRun | null;
  jumpToIndex(index: number): void;
  post(m: Exclude<WebviewToHost, { requestId: number }>): void;
  save(): void;
}

export class Expansion {
  private token = 0;

  constructor(private readonly host: ExpansionHost) {}

  toggle(item: number): void {
    const { list, state } = this.host;
    if (list.expanded === item) {
      list.collapse();
      state.expanded = null;
      list.repaint(item);
    } else this.expand(item);
    this.host.save();
  }

  expand(item: number): void {
    const { list, state } = this.host;
    const shown = this.host.shown();
    if (!shown) return;
    const prev = list.expanded;
    list.expand(item);
    state.expanded = shown.index.indexOfPos(shown.visible[item]);
    if (prev !== null) list.repaint(prev);
    list.repaint(item);
    this.fill(item);
    list.render();
  }

  /** (Re)renders the expanded item's detail: the page copy now, the full step when it arrives. */
  fill(item: number): void {
    const box = document.querySelector<HTMLElement>('.list .detail');
    const shown = this.host.shown();
    if (!box || !shown) return;
    const { run, store, index, visible, matcher } = shown;
    const notes = this.host.annotations;
    const pos = visible[item];
    const token = ++this.token;
    const ctx = { matcher, threads: run.threads, textSource: this.host.textSource, complete: false, world: this.host.world };
    const actions = {
      goToSource: (s: AnalyzedStep) => this.goToSource(s),
      jumpToIndex: (i: number) => {
        this.host.jumpToIndex(i);
        this.host.list.viewport.focus();
      },
      resized: () => this.host.list.render(),
      ...(notes.notes.enabled ? { annotateCommand: (s: AnalyzedStep, i: number) => void notes.openForm(s.index, undefined, i) } : {}),
    };
    const page = store.get(pos);
    if (page) {
      renderDetail(box, page, ctx, actions);
      box.dataset.state = 'partial';
      this.fillNotes(item);
    } else {
      box.replaceChildren(el('div', 'muted loading-full', 'Loading\u2026'));
      box.dataset.state = 'waiting';
      store.want([pos]);
    }
    void store.full(pos, index.indexOfPos(pos)).then((full) => {
      if (token !== this.token || !full || !box.isConnected) return;
      renderDetail(box, full, { ...ctx, complete: true }, actions);
      box.dataset.state = 'complete';
      this.fillNotes(item);
    });
  }

  /** The expanded step's notes panel (re-rendered when annotations change). */
  fillNotes(item: number): void {
    const box = document.querySelector<HTMLElement>('.list .detail');
    const shown = this.host.shown();
    if (!box || !shown || item !== this.host.list.expanded) return;
    this.host.annotations.fillNotes(box, shown.index.indexOfPos(shown.visible[item]));
    this.host.list.render();
  }

  goToSource(step: AnalyzedStep): void {
    const run = this.host.shown()?.run;
    if (!step.source || !run || !this.host.textSource) return;
    this.host.post({ type: 'goToSource', runId: run.id, index: step.index, ...step.source });
  }

  /** Key `o`: the step's lines in the text editor, expanded or not; false when it has none. */
  goToItem(item: number): boolean {
    const shown = this.host.shown();
    if (item < 0 || !shown || !this.host.textSource) return false;
    const pos = shown.visible[item];
    const step = shown.store.get(pos);
    if (step) {
      if (!step.source) return false;
      this.goToSource(step);
      return true;
    }
    // Its page is not here yet (a jump far away): ask for the step, then go.
    void shown.store.full(pos, shown.index.indexOfPos(pos)).then((s) => s && this.goToSource(s));
    return true;
  }
}
