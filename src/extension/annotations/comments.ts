// The annotations of a log as native comment threads (VS Code's Comments API): one thread on
// the first line of each annotated step, one comment per annotation, editable in place;
// orphaned annotations in one thread on line 1. Replies and the gutter's "+" add annotations.
import * as vscode from 'vscode';
import { createEvent, updateEvent, type Annotation, type LabelSet } from '../../core/annotations';
import type { AnalysisSource } from './analysis';
import type { AnnotationService } from './service';
import { commentLabel, hashtagLabels, ORPHAN_KEY, placedRuns, threadSpecs, type ThreadSpec } from './threads';

export const CONTROLLER_ID = 'replicationLens.annotations';

/** One annotation shown as a comment. */
export class AnnotationComment implements vscode.Comment {
  body: string | vscode.MarkdownString;
  mode = vscode.CommentMode.Preview;
  author: vscode.CommentAuthorInformation;
  label?: string;
  contextValue = 'annotation';
  timestamp?: Date;
  /** The note as written (markdown source), for editing. */
  note: string;

  constructor(
    readonly annotation: Annotation,
    readonly log: vscode.Uri,
    readonly thread: vscode.CommentThread,
    labels: LabelSet,
    orphanReason?: string,
  ) {
    this.note = annotation.note;
    this.body = preview(annotation.note);
    const edited = annotation.updatedBy !== annotation.author ? ` (edited by ${annotation.updatedBy})` : '';
    this.author = { name: annotation.author + edited };
    const l = commentLabel(annotation, labels);
    this.label = orphanReason ? [l, `orphaned: ${orphanReason}`].filter(Boolean).join(' · ') : l || undefined;
    this.timestamp = new Date(annotation.updatedAt);
  }
}

/** Notes are the annotators' markdown: rendered without HTML and without command links. */
function preview(note: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(note || '*(no note)*');
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

interface ThreadInfo {
  spec: ThreadSpec;
  log: vscode.Uri;
}

export class AnnotationComments implements vscode.Disposable {
  readonly controller: vscode.CommentController;
  /** log URI -> thread key -> thread */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly info = new WeakMap<vscode.CommentThread, ThreadInfo>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subs: vscode.Disposable[] = [];
  /** Thread keys to open on the next refresh (just annotated). */
  private readonly reveal = new Set<string>();

  constructor(
    private readonly service: AnnotationService,
    private readonly analysis: AnalysisSource,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Replication Lens annotations');
    this.controller.options = { placeHolder: 'Annotate this step (markdown; #label adds a label)', prompt: 'Annotate step' };
    this.controller.commentingRangeProvider = {
      // Only trajectory files get the gutter's "+" (the selector also sends every .json).
      provideCommentingRanges: async (doc) =>
        this.analysis.serves(doc) && this.service.supports(doc.uri) && (await this.analysis.hasRuns(doc.uri)) ? [new vscode.Range(0, 0, Math.max(doc.lineCount - 1, 0), 0)] : [],
    };
    this.subs.push(
      this.controller,
      service.onDidChange((uri) => this.schedule(uri)),
      analysis.onDidChange((uri) => this.schedule(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d.uri);
  }

  /** Refreshes a document's threads soon (several triggers in a row make one refresh). */
  schedule(uri: vscode.Uri, revealKey?: string): void {
    if (revealKey) this.reveal.add(revealKey);
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.refresh(uri).catch((e: unknown) => this.output.error(`Annotations of ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`));
      }, 50),
    );
  }

  private docOf(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  async refresh(uri: vscode.Uri): Promise<void> {
    const doc = this.docOf(uri);
    if (!doc || !this.analysis.serves(doc) || !this.service.supports(uri)) return;
    const store = await this.service.store(uri);
    const all = store.annotations();
    const existing = this.threads.get(uri.toString());
    if (!all.some((a) => !a.deleted) && !existing?.size) return; // nothing to show: do not ask the server
    const resolved = await this.analysis.place(uri, all);
    const specs = threadSpecs(placedRuns(resolved), resolved);
    const labels = await this.service.labels();
    const reasons = new Map(resolved.filter((r) => r.status === 'orphaned').map((r) => [r.annotation.id, r.reason ?? '']));
    this.apply(uri, specs, labels, reasons);
  }

  private apply(uri: vscode.Uri, specs: ThreadSpec[], labels: LabelSet, reasons: Map<string, string>): void {
    const key = uri.toString();
    const old = this.threads.get(key) ?? new Map<string, vscode.CommentThread>();
    const next = new Map<string, vscode.CommentThread>();
    for (const spec of specs) {
      const range = new vscode.Range(spec.startLine - 1, 0, spec.startLine - 1, 0);
      let thread = old.get(spec.key);
      old.delete(spec.key);
      if (thread && thread.comments.some((c) => c.mode === vscode.CommentMode.Editing)) {
        next.set(spec.key, thread); // do not pull a comment out from under the typing user
        continue;
      }
      if (!thread) {
        thread = this.controller.createCommentThread(uri, range, []);
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      } else if (!thread.range || !thread.range.isEqual(range)) {
        thread.range = range;
      }
      const orphan = spec.key === ORPHAN_KEY;
      const t = thread;
      t.comments = spec.annotations.map((a) => new AnnotationComment(a, uri, t, labels, orphan ? reasons.get(a.id) || 'no place in this file' : undefined));
      t.label = orphan
        ? `Orphaned annotations (${spec.annotations.length}): their step is no longer in this log`
        : `Step ${(spec.stepIndex ?? 0) + 1}${spec.runId ? ` · ${spec.runId}` : ''}`;
      t.canReply = !orphan;
      t.contextValue = orphan ? 'orphaned' : 'step';
      if (this.reveal.delete(spec.key)) t.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      this.info.set(t, { spec, log: uri });
      next.set(spec.key, t);
    }
    for (const t of old.values()) t.dispose();
    this.threads.set(key, next);
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const t of this.threads.get(key)?.values() ?? []) t.dispose();
    this.threads.delete(key);
  }

  /** A reply in a thread, or a new thread from the gutter's "+": a new annotation on that step. */
  async reply(r: vscode.CommentReply): Promise<void> {
    const log = r.thread.uri;
    const known = this.info.get(r.thread);
    // The server anchors it: on the thread's step, or on the step at the gutter's line.
    const at =
      known?.spec.runId && known.spec.stepIndex !== null
        ? await this.analysis.anchor(log, { runId: known.spec.runId, index: known.spec.stepIndex })
        : r.thread.range
          ? await this.analysis.anchor(log, { line: r.thread.range.start.line + 1 })
          : null;
    if (!known) r.thread.dispose(); // the gutter's draft thread: the refresh shows the step's own
    if (!at) {
      void vscode.window.showWarningMessage('Replication Lens: this line is not inside a step of the log, so there is nothing to annotate here.');
      return;
    }
    const labels = await this.service.labels();
    const author = await this.service.author(log);
    const ev = createEvent({ author }, { ...at.anchor, labels: hashtagLabels(r.text, labels), note: r.text });
    await this.service.append(log, [ev]);
    this.schedule(log, `${at.anchor.runId}#${at.anchor.stepId}`);
  }

  startEdit(c: AnnotationComment): void {
    c.mode = vscode.CommentMode.Editing;
    c.body = c.note;
    c.thread.comments = [...c.thread.comments];
  }

  cancelEdit(c: AnnotationComment): void {
    c.mode = vscode.CommentMode.Preview;
    c.body = preview(c.note);
    c.thread.comments = [...c.thread.comments];
    this.schedule(c.log);
  }

  async saveEdit(c: AnnotationComment): Promise<void> {
    const text = typeof c.body === 'string' ? c.body : c.body.value;
    c.mode = vscode.CommentMode.Preview;
    if (text !== c.note) {
      const labels = await this.service.labels();
      const added = hashtagLabels(text, labels).filter((l) => !c.annotation.labels.includes(l));
      const author = await this.service.author(c.log);
      await this.service.append(c.log, [updateEvent({ author }, c.annotation.id, { note: text, ...(added.length ? { labels: [...c.annotation.labels, ...added] } : {}) })]);
    }
    c.body = preview(text);
    c.note = text;
    c.thread.comments = [...c.thread.comments];
    this.schedule(c.log);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const m of this.threads.values()) for (const t of m.values()) t.dispose();
    this.threads.clear();
    for (const s of this.subs) s.dispose();
  }
}
