// What the timeline knows about annotations (from the host's `annotations` message): the items on
// each step, the log's orphans, the label set and who "me" is. Renders the notes panel of an
// expanded step and the orphans section of the header. Notes are markdown through the one
// sanitising path (./markdown); everything else is text.
import type { AnnotationItem, AnnotationLabel, AnnotationMark } from '../src/protocol/webview';
import { renderMarkdown } from './lazy-markdown';
import { el } from './text';
import { labelClass, labelText, stepNo } from './labels';

export interface NotesActions {
  edit(item: AnnotationItem): void;
  remove(item: AnnotationItem): void;
  jumpToIndex(index: number): void;
}

export class AnnotationState {
  /** False until the host sent annotations: then `a` opens the in-page form. */
  enabled = false;
  runId: string | null = null;
  author = '';
  labels: AnnotationLabel[] = [];
  private byIndex = new Map<number, AnnotationItem[]>();
  orphans: AnnotationItem[] = [];
  private titles = new Map<string, string>();

  set(m: { runId: string; author: string; labels: AnnotationLabel[]; items: AnnotationItem[]; orphans: AnnotationItem[] }): void {
    this.enabled = true;
    this.runId = m.runId;
    this.author = m.author;
    this.labels = m.labels;
    this.titles = new Map(m.labels.map((l) => [l.id, l.title]));
    this.byIndex = new Map();
    for (const it of m.items) {
      if (it.index === null) continue;
      const list = this.byIndex.get(it.index) ?? [];
      list.push(it);
      this.byIndex.set(it.index, list);
    }
    for (const l of this.byIndex.values()) l.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.orphans = m.orphans;
  }

  at(index: number): AnnotationItem[] {
    return this.byIndex.get(index) ?? [];
  }

  /** A label or verdict token as a chip's text. */
  title(token: string): string {
    if (token === 'confirm') return '\u2713 confirmed';
    if (token === 'reject') return '\u2717 rejected';
    if (token.startsWith('missed:')) return `missed ${labelText(token.slice(7))}`;
    return this.titles.get(token) ?? labelText(token);
  }
}

/** Whether a step passes the annotation filters ("by anyone", "by me", "disagreements"). */
export function markPasses(mark: AnnotationMark | undefined, f: { annotated: boolean; annotatedByMe: boolean; disagreements: boolean }, me: string): boolean {
  if (f.annotated && !mark) return false;
  if (f.annotatedByMe && !(mark && me && (mark.authors ?? []).includes(me))) return false;
  if (f.disagreements && !mark?.disagreement) return false;
  return true;
}

export function chipClass(token: string): string {
  if (token === 'confirm') return 'note-chip verdict-confirm';
  if (token === 'reject') return 'note-chip verdict-reject';
  if (token.startsWith('missed:')) return 'note-chip verdict-missed';
  return 'note-chip';
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function verdictText(it: AnnotationItem): string | null {
  if (!it.verdict) return null;
  if (it.verdict.startsWith('missed:')) return `the analysis missed ${it.verdict.slice(7)}`;
  const what = it.finding ?? 'every finding';
  return it.verdict === 'confirm' ? `confirms ${what}` : `rejects ${what} (false positive)`;
}

/** One annotation: author, time, labels, verdict, note; edit and delete when actions are given. */
export function renderNote(it: AnnotationItem, state: AnnotationState, actions: NotesActions, orphan = false): HTMLElement {
  const box = el('div', `note${it.author === state.author ? ' mine' : ''}`);
  box.dataset.id = it.id;
  const head = el('div', 'note-head');
  head.appendChild(el('span', 'codicon codicon-account'));
  head.appendChild(el('span', 'note-author', it.author));
  const t = el('span', 'muted note-time', when(it.updatedAt || it.createdAt));
  t.title = `created ${it.createdAt}${it.updatedAt !== it.createdAt ? `, edited ${it.updatedAt}` : ''}`;
  head.appendChild(t);
  if (it.commandIndex !== undefined) head.appendChild(el('span', 'badge plain', `command ${it.commandIndex + 1}`));
  if (it.status === 'moved') {
    const m = el('span', 'badge plain moved', 'moved');
    m.title = it.reason ?? 'the step was found again by its content';
    head.appendChild(m);
  }
  if (orphan) {
    const where = el('span', 'orphan-where', `was step ${stepNo(it.anchorIndex)}`);
    where.title = `${it.reason ?? 'its step is no longer in the log'} (run ${it.anchorRunId})`;
    head.appendChild(where);
  }
  head.appendChild(el('span', 'fill'));
  if (!orphan) {
    const edit = el('button', 'icon-btn note-edit');
    edit.type = 'button';
    edit.title = 'Edit this annotation';
    edit.setAttribute('aria-label', 'Edit');
    edit.appendChild(el('span', 'codicon codicon-edit'));
    edit.addEventListener('click', () => actions.edit(it));
    head.appendChild(edit);
  }
  const del = el('button', 'icon-btn note-delete');
  del.type = 'button';
  del.title = 'Delete this annotation (it stays in the store\u2019s history)';
  del.setAttribute('aria-label', 'Delete');
  del.appendChild(el('span', 'codicon codicon-trash'));
  // No modal dialogs in a webview: a second click within 4 s confirms.
  let armed = 0;
  del.addEventListener('click', () => {
    if (armed) {
      clearTimeout(armed);
      actions.remove(it);
      return;
    }
    del.classList.add('armed');
    del.replaceChildren(el('span', 'codicon codicon-trash'), el('span', '', ' Delete?'));
    armed = window.setTimeout(() => {
      armed = 0;
      del.classList.remove('armed');
      del.replaceChildren(el('span', 'codicon codicon-trash'));
    }, 4000);
  });
  head.appendChild(del);
  box.appendChild(head);

  if (it.labels.length || it.verdict) {
    const chips = el('div', 'note-chips');
    for (const l of it.labels) {
      const c = el('span', `badge ${chipClass(l)}`, state.title(l));
      c.title = l;
      chips.appendChild(c);
    }
    const v = verdictText(it);
    if (v && it.verdict) chips.appendChild(el('span', `badge ${chipClass(it.verdict)}`, v));
    box.appendChild(chips);
  }
  if (it.note.trim()) {
    const n = el('div', 'note-text markdown');
    renderMarkdown(n, it.note);
    box.appendChild(n);
  }
  if (orphan && it.reason) box.appendChild(el('div', 'muted note-reason', it.reason));
  return box;
}

/** The notes panel of an expanded step. */
export function renderNotes(index: number, state: AnnotationState, actions: NotesActions & { annotate(): void }): HTMLElement {
  const sec = el('div', 'notes');
  const items = state.at(index);
  const title = el('div', 'notes-title');
  title.appendChild(el('span', 'section-title', items.length ? `Annotations (${items.length})` : 'Annotations'));
  title.appendChild(el('span', 'fill'));
  const add = el('button', 'btn secondary annotate-btn');
  add.type = 'button';
  add.appendChild(el('span', 'codicon codicon-comment'));
  add.appendChild(el('span', '', ' Annotate'));
  const k = el('kbd', '', 'a');
  add.appendChild(k);
  add.addEventListener('click', () => actions.annotate());
  title.appendChild(add);
  sec.appendChild(title);
  if (!items.length) sec.appendChild(el('div', 'muted', 'No annotation on this step yet.'));
  for (const it of items) sec.appendChild(renderNote(it, state, actions));
  return sec;
}

/** The header's orphans section: annotations whose step vanished, listed (never hidden). */
export function renderOrphans(box: HTMLElement, state: AnnotationState, actions: NotesActions): void {
  box.replaceChildren();
  box.hidden = state.orphans.length === 0;
  if (!state.orphans.length) return;
  const details = el('details', 'orphans');
  details.open = true;
  const summary = el('summary');
  summary.appendChild(el('span', 'codicon codicon-warning'));
  const n = state.orphans.length;
  summary.appendChild(el('span', '', ` ${n} orphaned annotation${n === 1 ? '' : 's'}: ${n === 1 ? 'its step is' : 'their steps are'} no longer in this log (kept, not dropped)`));
  details.appendChild(summary);
  const list = el('div', 'orphan-list');
  for (const it of state.orphans) list.appendChild(renderNote(it, state, actions, true));
  details.appendChild(list);
  box.appendChild(details);
}

/**
 * The form's saves waiting for the host's word: each gets a `saveId`; the host answers
 * `annotationSaved` or `annotationError` with it. The form stays open (its text kept) until then.
 */
export class PendingSaves {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(): void; reject(e: Error): void; timer: number }>();

  constructor(private readonly timeoutMs = 30_000) {}

  /** Posts a save (through `post`, given its id); settles when the host answers, or fails after the timeout. */
  send(post: (saveId: number) => void): Promise<void> {
    const saveId = this.next++;
    return new Promise<void>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.waiting.delete(saveId);
        reject(new Error('VS Code has not confirmed the save; it may not be on disk. Save again, or copy your note.'));
      }, this.timeoutMs);
      this.waiting.set(saveId, { resolve, reject, timer });
      try {
        post(saveId);
      } catch (e) {
        this.settle({ type: 'annotationError', saveId, message: String(e) });
      }
    });
  }

  /** Settles the save a host message answers; false when it answers none (e.g. a failed delete). */
  settle(m: { type: 'annotationSaved'; saveId: number } | { type: 'annotationError'; saveId?: number; message: string }): boolean {
    const w = typeof m.saveId === 'number' ? this.waiting.get(m.saveId) : undefined;
    if (!w) return false;
    this.waiting.delete(m.saveId!);
    clearTimeout(w.timer);
    if (m.type === 'annotationSaved') w.resolve();
    else w.reject(new Error(String(m.message)));
    return true;
  }
}
