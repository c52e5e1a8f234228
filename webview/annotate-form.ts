// The annotation form (key `a`, or "Annotate" in an expanded step): labels from the label set as
// toggle chips, a verdict on each automatic finding of the step or command (confirm / reject),
// the categories the analysis missed, and a markdown note. It sends one typed `saveAnnotation`
// and stays open, its text kept, until the host says the annotation is on disk; a failed save
// shows why in the form, and the note is still there to save again.
import type { AnalyzedStep } from '../src/core/model';
import { CATEGORIES } from '../src/core/model';
import type { AnnotationDraft, AnnotationItem, AnnotationLabel, VerdictChoice } from '../src/protocol/webview';
import { el } from './text';
import { labelClass, labelText, stepNo } from './labels';

export interface FormInput {
  runId: string;
  step: AnalyzedStep;
  labels: AnnotationLabel[];
  /** Editing this annotation (its labels, note and verdict fill the form). */
  editing?: AnnotationItem;
  commandIndex?: number;
  /** Resolves once the host has the annotation on disk; rejects with why it has not. */
  save(draft: AnnotationDraft): Promise<void>;
  closed(): void;
}

const GROUPS: [AnnotationLabel['kind'], string][] = [
  ['custom', 'Your labels'],
  ['critical', 'Replication-critical'],
  ['context', 'Context'],
  ['obstacle', 'Obstacles'],
];

type Verdict = 'confirm' | 'reject' | null;

/** The findings of a step (or of one of its commands): categories, then obstacles. */
export function findingsOf(step: AnalyzedStep, commandIndex?: number): string[] {
  const cmds = commandIndex === undefined ? step.commands : step.commands.slice(commandIndex, commandIndex + 1);
  return [...new Set(cmds.flatMap((c) => [...c.categories, ...c.obstacles.map((o) => `obstacle:${o}`)]))];
}

/**
 * The form's verdicts as the store records them: one verdict for every finding when they all
 * agree, else one per finding; then one `missed:` per missed category.
 */
export function verdictChoices(found: string[], perFinding: Map<string, Verdict>, missed: string[]): VerdictChoice[] {
  const set = found.filter((f) => perFinding.get(f));
  const out: VerdictChoice[] = [];
  const first = set.length ? perFinding.get(set[0]) : null;
  if (set.length === found.length && set.length > 0 && set.every((f) => perFinding.get(f) === first)) out.push({ verdict: first!, finding: null });
  else for (const f of set) out.push({ verdict: perFinding.get(f)!, finding: f });
  for (const m of missed) out.push({ verdict: `missed:${m}`, finding: null });
  return out;
}

let open: { dialog: HTMLDialogElement } | null = null;

export function isFormOpen(): boolean {
  return !!open?.dialog.open;
}

export function openAnnotateForm(input: FormInput): HTMLDialogElement {
  open?.dialog.close();
  const { step, editing } = input;
  let commandIndex = editing ? editing.commandIndex : input.commandIndex;
  const chosen = new Set<string>(editing?.labels ?? []);
  const perFinding = new Map<string, Verdict>();
  const missed = new Set<string>();
  if (editing?.verdict?.startsWith('missed:')) missed.add(editing.verdict.slice(7));
  else if (editing?.verdict) {
    for (const f of findingsOf(step, commandIndex)) if (!editing.finding || editing.finding === f) perFinding.set(f, editing.verdict as Verdict);
  }

  const dialog = el('dialog', 'annotate-form');
  dialog.setAttribute('aria-label', 'Annotate step');
  const form = el('form');
  form.method = 'dialog';
  dialog.appendChild(form);

  const head = el('div', 'form-head');
  head.appendChild(el('span', 'codicon codicon-comment'));
  head.appendChild(el('span', 'form-title', `${editing ? 'Edit annotation on' : 'Annotate'} step ${stepNo(step.index)}`));
  head.appendChild(el('span', 'fill'));
  form.appendChild(head);

  // Scope: the whole step, or one of its commands (a command's findings only).
  if (step.commands.length > 0 && !editing) {
    const scope = el('select', 'form-scope');
    scope.setAttribute('aria-label', 'What to annotate');
    scope.appendChild(new Option('The whole step', ''));
    step.commands.forEach((c, i) => {
      const text = c.text.replace(/\s+/g, ' ');
      scope.appendChild(new Option(`Command ${i + 1}: ${text.length > 70 ? `${text.slice(0, 70)}\u2026` : text}`, String(i)));
    });
    scope.value = commandIndex === undefined ? '' : String(commandIndex);
    scope.addEventListener('change', () => {
      commandIndex = scope.value === '' ? undefined : Number(scope.value);
      perFinding.clear();
      renderFindings();
    });
    head.appendChild(scope);
  } else if (commandIndex !== undefined) head.appendChild(el('span', 'muted', `command ${commandIndex + 1}`));

  // Labels as toggle chips, grouped; labels on the annotation that the set lacks still show.
  const labelsBox = el('div', 'form-section');
  labelsBox.appendChild(el('div', 'section-title', 'Labels'));
  const known = new Set(input.labels.map((l) => l.id));
  const groups: [string, AnnotationLabel[]][] = GROUPS.map(([k, name]) => [name, input.labels.filter((l) => l.kind === k)]);
  const unknown = [...chosen].filter((id) => !known.has(id)).map((id): AnnotationLabel => ({ id, title: id, description: 'not in the label set', kind: 'custom' }));
  if (unknown.length) groups.push(['Other', unknown]);
  const byKey = new Map<string, HTMLButtonElement>();
  for (const [name, defs] of groups) {
    if (!defs.length) continue;
    const row = el('div', 'label-group');
    row.appendChild(el('span', 'group-name', name));
    for (const l of defs) {
      const b = toggle(l.title, l.kind === 'custom' ? 'label-chip custom' : `label-chip ${labelClass(l.id)}`, chosen.has(l.id), (on) =>
        on ? chosen.add(l.id) : chosen.delete(l.id),
      );
      b.dataset.label = l.id;
      b.title = `${l.id}${l.description ? `: ${l.description}` : ''}${l.key ? ` (key ${l.key})` : ''}`;
      if (l.key && l.key.length === 1 && !byKey.has(l.key)) {
        byKey.set(l.key, b);
        b.appendChild(el('kbd', '', l.key));
      }
      row.appendChild(b);
    }
    labelsBox.appendChild(row);
  }
  form.appendChild(labelsBox);

  // Verdicts on the automatic findings, and what the analysis missed.
  const findingsBox = el('div', 'form-section verdicts');
  form.appendChild(findingsBox);
  const renderFindings = () => {
    findingsBox.replaceChildren(el('div', 'section-title', 'Automatic findings'));
    const found = findingsOf(step, commandIndex);
    if (!found.length) findingsBox.appendChild(el('div', 'muted', 'The analysis flagged nothing here.'));
    for (const f of found) {
      const row = el('div', 'verdict-row');
      row.dataset.finding = f;
      const badge = el('span', `badge ${labelClass(f)}`, labelText(f));
      badge.title = f;
      row.appendChild(badge);
      const seg = el('span', 'segmented');
      seg.setAttribute('role', 'radiogroup');
      seg.setAttribute('aria-label', `Verdict on ${f}`);
      for (const [v, text, icon] of [
        [null, 'No verdict', ''],
        ['confirm', 'Confirm', 'check'],
        ['reject', 'Reject', 'close'],
      ] as const) {
        const b = el('button', `seg seg-${v ?? 'none'}`);
        b.type = 'button';
        b.setAttribute('role', 'radio');
        if (icon) b.appendChild(el('span', `codicon codicon-${icon}`));
        b.appendChild(el('span', '', text));
        const sync = () => b.setAttribute('aria-checked', String((perFinding.get(f) ?? null) === v));
        sync();
        b.addEventListener('click', () => {
          perFinding.set(f, v);
          for (const s of seg.querySelectorAll<HTMLElement>('.seg')) s.dispatchEvent(new Event('sync'));
        });
        b.addEventListener('sync', sync);
        seg.appendChild(b);
      }
      row.appendChild(seg);
      findingsBox.appendChild(row);
    }
    const missRow = el('div', 'label-group missed');
    missRow.appendChild(el('span', 'group-name', 'Missed:'));
    for (const c of CATEGORIES) {
      if (found.includes(c)) continue;
      const b = toggle(labelText(c), `label-chip ${labelClass(c)}`, missed.has(c), (on) => (on ? missed.add(c) : missed.delete(c)));
      b.dataset.missed = c;
      b.title = `The analysis missed ${c} here`;
      missRow.appendChild(b);
    }
    findingsBox.appendChild(missRow);
  };
  renderFindings();

  const noteBox = el('div', 'form-section');
  const noteLabel = el('label', 'section-title', 'Note');
  noteLabel.htmlFor = 'rl-note';
  noteBox.appendChild(noteLabel);
  const note = el('textarea', 'form-note');
  note.id = 'rl-note';
  note.rows = 5;
  note.placeholder = 'What happens here, and why it matters (markdown)';
  note.value = editing?.note ?? '';
  noteBox.appendChild(note);
  form.appendChild(noteBox);

  // Why the last save failed (the form stays open with everything typed).
  const error = el('div', 'form-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  form.appendChild(error);

  const buttons = el('div', 'form-buttons');
  const hint = el('span', 'muted hint', 'Ctrl+Enter saves \u00B7 Escape cancels');
  buttons.appendChild(hint);
  buttons.appendChild(el('span', 'fill'));
  const cancel = el('button', 'btn secondary form-cancel', 'Cancel');
  cancel.type = 'button';
  cancel.addEventListener('click', () => {
    if (!saving) dialog.close();
  });
  const save = el('button', 'btn primary form-save', editing ? 'Save changes' : 'Save annotation');
  save.type = 'submit';
  buttons.append(cancel, save);
  form.appendChild(buttons);

  let saving = false;
  const setSaving = (on: boolean) => {
    saving = on;
    save.disabled = on;
    cancel.disabled = on;
    dialog.classList.toggle('saving', on);
    hint.textContent = on ? 'Saving\u2026' : 'Ctrl+Enter saves \u00B7 Escape cancels';
  };
  // Escape while a save is on its way would drop the note if the save then failed.
  dialog.addEventListener('cancel', (e) => {
    if (saving) e.preventDefault();
  });

  const submit = () => {
    if (saving) return;
    const found = findingsOf(step, commandIndex);
    error.hidden = true;
    setSaving(true);
    input
      .save({
        ...(editing ? { id: editing.id } : {}),
        runId: input.runId,
        index: step.index,
        stepId: step.id,
        ...(commandIndex !== undefined ? { commandIndex } : {}),
        labels: [...chosen],
        note: note.value,
        verdicts: verdictChoices(found, perFinding, [...missed]),
      })
      .then(
        () => {
          setSaving(false);
          dialog.close();
        },
        (e: unknown) => {
          setSaving(false);
          error.textContent = `Not saved: ${e instanceof Error ? e.message : String(e)}`;
          error.hidden = false;
          note.focus();
        },
      );
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  dialog.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
      return;
    }
    // A label's key toggles it, outside the note and the scope picker.
    const t = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || t.closest('textarea, select')) return;
    const b = byKey.get(e.key);
    if (b) {
      e.preventDefault();
      b.click();
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (open?.dialog === dialog) open = null;
    input.closed();
  });
  document.body.appendChild(dialog);
  open = { dialog };
  dialog.showModal();
  (dialog.querySelector<HTMLElement>('.label-chip') ?? note).focus();
  return dialog;
}

function toggle(text: string, cls: string, on: boolean, changed: (on: boolean) => void): HTMLButtonElement {
  const b = el('button', cls);
  b.type = 'button';
  b.appendChild(el('span', 'chip-dot'));
  b.appendChild(el('span', 'chip-text', text));
  b.setAttribute('aria-pressed', String(on));
  b.addEventListener('click', () => {
    const now = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(now));
    changed(now);
  });
  return b;
}
