// Annotations in the timeline: the marks the host sends for every run (row chips, minimap,
// filters), the expanded step's notes panel, the orphans box, and the in-page form. The host sends
// every run's marks and notes; the shown run's are kept by list position.
import type { AnalyzedStep } from '../src/core/model';
import type { AnnotationItem, AnnotationMark, WebviewToHost } from '../src/protocol/webview';
import { AnnotationState, markPasses, PendingSaves, renderNotes, renderOrphans, type NotesActions } from './annotations';
import type { RunIndex } from './run-index';
import type { StepStore } from './store';
import type { TimelineFilters } from '../src/protocol/webview';
import { el } from './text';

type Notes = Parameters<AnnotationState['set']>[0];

/** dist/webview/lazy/annotate-form.js (scripts/build.mjs); a variable, so that the bundler leaves the import to run time. */
const FORM_SCRIPT = './lazy/annotate-form.js';

/** The shown run, as the annotations need it. */
export interface MarkedRun {
  id: string;
  index: RunIndex;
  store: StepStore;
}

export interface MarksHost {
  post(m: Exclude<WebviewToHost, { requestId: number }>): void;
  run(): MarkedRun | null;
  jumpToIndex(index: number): void;
  /** Where focus goes when the form closes without a better place. */
  home(): HTMLElement;
}

export class AnnotationMarks {
  readonly notes = new AnnotationState();
  /** The shown run's marks by list position. */
  private marks = new Map<number, AnnotationMark>();
  /** The annotation form's saves awaiting the host's confirmation. */
  readonly saves = new PendingSaves();
  private readonly sentMarks = new Map<string, AnnotationMark[]>();
  private readonly sentNotes = new Map<string, Notes>();
  readonly orphanBox: HTMLElement;

  constructor(private readonly host: MarksHost) {
    this.orphanBox = el('div', 'orphans-box');
    this.orphanBox.hidden = true;
  }

  /** A run is shown: its marks by position, its notes and orphans. */
  showRun(runId: string, index: RunIndex): void {
    this.marks = new Map((this.sentMarks.get(runId) ?? []).map((m) => [index.posOfIndex(m.index), m]));
    const notes = this.sentNotes.get(runId);
    if (notes) {
      this.notes.set(notes);
      renderOrphans(this.orphanBox, this.notes, this.actions());
    }
  }

  /** Marks arrived; true when they are the shown run's. */
  receiveMarks(runId: string, marks: AnnotationMark[]): boolean {
    this.sentMarks.set(runId, marks);
    const run = this.host.run();
    if (!run || runId !== run.id) return false;
    this.marks = new Map(marks.map((m) => [run.index.posOfIndex(m.index), m]));
    return true;
  }

  /** Notes arrived; null when they are another run's, else whether they are the first (the form turns on). */
  receiveNotes(m: Notes): { first: boolean } | null {
    this.sentNotes.set(m.runId, m);
    const run = this.host.run();
    if (run && m.runId !== run.id) return null;
    const first = !this.notes.enabled;
    this.notes.set(m);
    renderOrphans(this.orphanBox, this.notes, this.actions());
    return { first };
  }

  at(pos: number): AnnotationMark | undefined {
    return this.marks.get(pos);
  }

  /** For the annotation filters. */
  test(pos: number, f: TimelineFilters): { annotated: boolean; ok: boolean } {
    const mark = this.marks.get(pos);
    return { annotated: !!mark, ok: markPasses(mark, f, this.notes.author) };
  }

  minimapMarks(): Map<number, string[]> {
    return new Map([...this.marks].map(([p, m]) => [p, m.labels]));
  }

  counts(): { any: number; mine: number; disagreements: number } {
    let mine = 0;
    let disagreements = 0;
    for (const m of this.marks.values()) {
      if (this.notes.author && m.authors?.includes(this.notes.author)) mine++;
      if (m.disagreement) disagreements++;
    }
    return { any: this.marks.size, mine, disagreements };
  }

  actions(): NotesActions {
    return {
      edit: (it) => void this.openForm(it.index ?? -1, it),
      remove: (it) => this.host.post({ type: 'deleteAnnotation', id: it.id }),
      jumpToIndex: (i) => this.host.jumpToIndex(i),
    };
  }

  /** The expanded step's notes panel, placed after its bar (re-rendered when annotations change). */
  fillNotes(box: HTMLElement, index: number): void {
    if (!this.notes.enabled) return;
    const panel = renderNotes(index, this.notes, { ...this.actions(), annotate: () => void this.openForm(index) });
    const old = box.querySelector(':scope > .notes');
    if (old) old.replaceWith(panel);
    else box.querySelector(':scope > .detail-bar')?.after(panel);
  }

  /** Key `a`: the in-page form once the host sent annotations, else VS Code's own prompts. */
  annotate(index: number): void {
    const run = this.host.run();
    if (!run) return;
    if (this.notes.enabled) return void this.openForm(index);
    const step = run.store.get(run.index.posOfIndex(index));
    this.host.post({ type: 'annotateStep', runId: run.id, index, stepId: step?.id ?? '' });
  }

  async openForm(index: number, editing?: AnnotationItem, commandIndex?: number): Promise<void> {
    const run = this.host.run();
    if (!run || index < 0) return;
    const pos = run.index.posOfIndex(index);
    const step: AnalyzedStep | null = run.store.get(pos) ?? (await run.store.full(pos, index));
    if (!step || this.host.run()?.store !== run.store) return;
    const back = document.activeElement as HTMLElement | null;
    // The form is a script of its own (no first row needs it), loaded on first use.
    const { openAnnotateForm } = (await import(FORM_SCRIPT)) as typeof import('./annotate-form');
    if (this.host.run()?.store !== run.store) return;
    openAnnotateForm({
      runId: run.id,
      step,
      labels: this.notes.labels,
      editing,
      commandIndex,
      save: (draft) => this.saves.send((saveId) => this.host.post({ type: 'saveAnnotation', saveId, ...draft })),
      closed: () => (back?.isConnected ? back : this.host.home()).focus(),
    });
  }
}
