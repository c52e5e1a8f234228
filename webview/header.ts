// The header: run picker, the run's model, task and verdict, counts per category as chips that
// filter, and the search and filter controls.
import { CATEGORIES, OBSTACLE_KINDS, isCritical } from '../src/core/model';
import type { RunSummary } from '../src/protocol/lsp';
import type { TimelineFilters } from '../src/protocol/webview';
import { el } from './text';
import { labelClass, labelText } from './labels';
import { renderReasoning } from './evidence';

export interface HeaderCallbacks {
  filters(f: TimelineFilters): void;
  run(id: string): void;
  /** Select and scroll to a step (the verdict's evidence). */
  step?(index: number): void;
}

const ROLES = ['assistant', 'user', 'system', 'tool', 'environment'];

/** Steps annotated by anyone, by the current annotator, and with disagreeing annotators. */
export interface AnnotatedCounts {
  any: number;
  mine: number;
  disagreements: number;
}

type TextField = HTMLElement & { value: string; invalid: boolean };
type ToolbarButton = HTMLElement & { checked: boolean };
type Select = HTMLElement & { value: string };

export class Header {
  readonly root: HTMLElement;
  private readonly runRow: HTMLElement;
  private readonly reasoning: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly search: TextField;
  private readonly regex: ToolbarButton;
  private readonly roleSelect: Select;
  private readonly status: HTMLElement;
  private filters!: TimelineFilters;
  private debounce = 0;

  constructor(
    parent: HTMLElement,
    private readonly cb: HeaderCallbacks,
  ) {
    this.root = el('header', 'header');
    this.runRow = el('div', 'run-row');
    this.root.appendChild(this.runRow);
    this.reasoning = el('div', 'reasoning-row');
    this.reasoning.hidden = true;
    this.root.appendChild(this.reasoning);

    const controls = el('div', 'controls');
    this.search = document.createElement('vscode-textfield') as TextField;
    this.search.className = 'search';
    this.search.setAttribute('placeholder', 'Search thoughts, commands, outputs (/)');
    this.search.setAttribute('aria-label', 'Search steps');
    const searchIcon = el('span', 'codicon codicon-search');
    searchIcon.setAttribute('slot', 'content-before');
    this.search.appendChild(searchIcon);
    this.regex = document.createElement('vscode-toolbar-button') as ToolbarButton;
    this.regex.setAttribute('icon', 'regex');
    this.regex.setAttribute('label', 'Use regular expression');
    this.regex.setAttribute('title', 'Use regular expression');
    this.regex.setAttribute('toggleable', '');
    this.regex.setAttribute('slot', 'content-after');
    this.regex.className = 'regex-toggle';
    this.search.appendChild(this.regex);
    controls.appendChild(this.search);

    this.roleSelect = document.createElement('vscode-single-select') as Select;
    this.roleSelect.className = 'role-filter';
    this.roleSelect.setAttribute('aria-label', 'Filter by role');
    for (const [value, text] of [['', 'All roles'], ...ROLES.map((r) => [r, r])]) {
      const o = document.createElement('vscode-option');
      o.setAttribute('value', value);
      o.textContent = text;
      this.roleSelect.appendChild(o);
    }
    controls.appendChild(this.roleSelect);
    this.status = el('span', 'status');
    this.status.setAttribute('aria-live', 'polite');
    controls.appendChild(this.status);
    this.root.appendChild(controls);

    this.chips = el('div', 'chips');
    this.chips.setAttribute('role', 'toolbar');
    this.chips.setAttribute('aria-label', 'Filter by category');
    this.root.appendChild(this.chips);
    parent.appendChild(this.root);

    this.search.addEventListener('input', () => {
      clearTimeout(this.debounce);
      this.debounce = window.setTimeout(() => this.emit({ search: this.search.value }), 150);
    });
    this.search.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        clearTimeout(this.debounce);
        this.emit({ search: this.search.value });
      }
    });
    this.regex.addEventListener('change', () => this.emit({ regex: this.regex.checked }));
    this.roleSelect.addEventListener('change', () => this.emit({ roles: this.roleSelect.value ? [this.roleSelect.value] : [] }));
  }

  focusSearch(): void {
    this.search.focus();
  }

  isSearchFocused(): boolean {
    return document.activeElement === this.search || this.search.contains(document.activeElement);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  setSearchError(err: Error | null): void {
    this.search.invalid = !!err;
    this.search.title = err ? err.message : '';
  }

  private emit(patch: Partial<TimelineFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.syncControls();
    this.cb.filters(this.filters);
  }

  setFilters(f: TimelineFilters): void {
    this.filters = f;
    this.syncControls();
  }

  private syncControls(): void {
    const f = this.filters;
    if (this.search.value !== f.search) this.search.value = f.search;
    this.regex.checked = f.regex;
    this.regex.toggleAttribute('checked', f.regex);
    const role = f.roles[0] ?? '';
    if (this.roleSelect.value !== role) this.roleSelect.value = role;
    for (const chip of this.chips.querySelectorAll<HTMLElement>('.chip[data-label]')) {
      const label = chip.dataset.label ?? '';
      const on =
        label === '@critical'
          ? f.criticalOnly
          : label === '@annotated'
            ? f.annotated
            : label === '@mine'
              ? f.annotatedByMe
              : label === '@disagreements'
                ? f.disagreements
                : label === '@claims'
                  ? !!f.claims
                  : f.labels.includes(label);
      chip.setAttribute('aria-pressed', String(on));
    }
  }

  /** Shows a run: the picker (when the file has several), its metadata and chips. */
  setRun(runs: RunSummary[], run: RunSummary | null, fileName: string, annotated: AnnotatedCounts): void {
    this.runRow.replaceChildren();
    if (runs.length > 1) {
      const pick = document.createElement('vscode-single-select') as Select;
      pick.className = 'run-picker';
      pick.setAttribute('aria-label', 'Run');
      // Many runs (an Inspect log's samples and epochs): type to filter them.
      if (runs.length > 8) pick.setAttribute('combobox', '');
      for (const r of runs) {
        const o = document.createElement('vscode-option');
        o.setAttribute('value', r.id);
        o.textContent = r.read ? `${r.title} \u00B7 ${r.stepCount} steps \u00B7 ${r.outcome.verdict}` : `${r.title} \u00B7 not read yet`;
        if (run && r.id === run.id) o.setAttribute('selected', '');
        pick.appendChild(o);
      }
      if (run) pick.value = run.id;
      pick.addEventListener('change', () => this.cb.run(pick.value));
      this.runRow.appendChild(pick);
    }
    if (!run) {
      this.runRow.appendChild(el('span', 'title', fileName));
      this.chips.replaceChildren();
      this.reasoning.hidden = true;
      return;
    }
    const title = el('span', 'title', runs.length > 1 ? '' : run.title || fileName);
    if (runs.length <= 1) this.runRow.appendChild(title);
    const meta = (icon: string, label: string, value: string | null) => {
      if (!value) return;
      const m = el('span', 'meta');
      m.appendChild(el('span', `codicon codicon-${icon}`));
      m.appendChild(el('span', '', value));
      m.title = `${label}: ${value}`;
      this.runRow.appendChild(m);
    };
    meta('hubot', 'model', run.model);
    meta('target', 'task', run.task ? run.task.split('\n')[0].slice(0, 160) : null);
    const v = el('span', `verdict verdict-${run.outcome.verdict}`, run.outcome.verdict);
    v.title = run.outcome.reason + (run.outcome.evidence.length ? ` (steps ${run.outcome.evidence.map((i) => i + 1).join(', ')})` : '');
    this.runRow.appendChild(v);
    this.reasoning.replaceChildren(renderReasoning(run, (i) => this.cb.step?.(i)));
    this.reasoning.hidden = false;
    this.runRow.appendChild(el('span', 'muted counts', `${run.stepCount.toLocaleString()} steps \u00B7 ${run.commandCount.toLocaleString()} commands`));
    if (run.issues.length) {
      const w = el('span', 'issues');
      w.appendChild(el('span', 'codicon codicon-warning'));
      w.appendChild(el('span', '', ` ${run.issues.length}`));
      w.title = run.issues.map((i) => `${i.line ? `line ${i.line}: ` : i.entry ? `${i.entry}: ` : ''}${i.message}`).join('\n');
      this.runRow.appendChild(w);
    }

    this.chips.replaceChildren();
    const chip = (label: string, text: string, count: number | null, cls: string, icon?: string) => {
      const b = el('button', `chip ${cls}`);
      b.dataset.label = label;
      b.type = 'button';
      b.appendChild(el('span', icon ? `codicon codicon-${icon}` : 'chip-dot'));
      b.appendChild(el('span', 'chip-text', text));
      if (count !== null) b.appendChild(el('span', 'chip-count', count.toLocaleString()));
      b.title = label.startsWith('@') ? text : `${label}: ${count} command${count === 1 ? '' : 's'}`;
      b.addEventListener('click', () => {
        const f = this.filters;
        if (label === '@critical') this.emit({ criticalOnly: !f.criticalOnly });
        else if (label === '@annotated') this.emit({ annotated: !f.annotated });
        else if (label === '@mine') this.emit({ annotatedByMe: !f.annotatedByMe });
        else if (label === '@disagreements') this.emit({ disagreements: !f.disagreements });
        else if (label === '@claims') this.emit({ claims: !f.claims });
        else this.emit({ labels: f.labels.includes(label) ? f.labels.filter((l) => l !== label) : [...f.labels, label] });
      });
      this.chips.appendChild(b);
    };
    const crit = run.ticks.reduce((n, t) => n + (t.categories.some(isCritical) ? 1 : 0), 0);
    chip('@critical', 'critical', crit, 'toggle');
    // Always offered (0 when none), so a researcher sees the run was checked for claims.
    const claimed = run.ticks.reduce((n, t) => n + (t.claims ? 1 : 0), 0);
    chip('@claims', 'claims', claimed, 'toggle claims', 'question');
    (this.chips.lastElementChild as HTMLElement).title = `${claimed} step${claimed === 1 ? '' : 's'} whose thought claims an effect the outputs contradict or never show`;
    for (const c of CATEGORIES) {
      const n = run.counts[c];
      if (n) chip(c, labelText(c), n, labelClass(c));
    }
    for (const k of OBSTACLE_KINDS) {
      const n = run.counts[`obstacle:${k}`];
      if (n) chip(`obstacle:${k}`, labelText(`obstacle:${k}`), n, 'obstacle');
    }
    chip('@annotated', 'annotated', annotated.any, 'toggle annotated', 'comment');
    chip('@mine', 'by me', annotated.mine, 'toggle annotated', 'account');
    chip('@disagreements', 'disagreements', annotated.disagreements, 'toggle annotated disagreement', 'comment-unresolved');
    this.syncControls();
  }
}
