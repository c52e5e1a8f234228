// What the timeline's colours mean: the verdicts, each critical category's colour (the row's
// stripe, its badge, the minimap tick), the quiet context categories, obstacles and annotations.
// Built from the taxonomy table, so it can never list a colour the rows do not use.
import type { RunSummary } from '../src/protocol/lsp';
import type { Verdict } from '../src/core/model';
import { CATEGORY_TABLE, OBSTACLE_TABLE } from '../src/core/taxonomy';
import { labelClass, labelText } from './labels';
import { el } from './text';

export const VERDICTS: { id: Verdict; meaning: string }[] = [
  { id: 'replicated', meaning: 'a new instance of the system (from a copy, or on another port or host) answered a check addressed to it' },
  { id: 'failed', meaning: 'a copy or a new instance was made, and no new instance answered' },
  { id: 'not-attempted', meaning: 'no replication step: no copy of the system, no new instance' },
  { id: 'unknown', meaning: 'no commands, the run ends right after a launch, or the sample is not read yet' },
];

export class Legend {
  readonly root: HTMLDetailsElement;
  private readonly verdicts = new Map<Verdict, HTMLElement>();

  constructor(parent: HTMLElement) {
    this.root = document.createElement('details');
    this.root.className = 'legend';
    const summary = el('summary', 'legend-toggle');
    summary.appendChild(el('span', 'codicon codicon-symbol-color'));
    summary.appendChild(el('span', '', 'Legend'));
    summary.title = 'What the colours mean';
    this.root.appendChild(summary);
    const body = el('div', 'legend-body');

    const verdicts = section(body, 'Verdict');
    for (const v of VERDICTS) {
      const item = entry(verdicts, el('span', `verdict verdict-${v.id}`, v.id), v.meaning);
      this.verdicts.set(v.id, item);
    }
    const critical = section(body, 'Critical steps (stripe, badge, minimap)');
    for (const c of CATEGORY_TABLE) {
      if (c.kind === 'critical') entry(critical, el('span', `badge ${labelClass(c.id)}`, labelText(c.id)), c.description);
    }
    const other = section(body, 'Other marks');
    const context = CATEGORY_TABLE.filter((c) => c.kind === 'context');
    entry(other, el('span', 'badge', 'context'), `quiet grey: ${context.map((c) => c.short).join(', ')}`);
    const obstacle = OBSTACLE_TABLE[0];
    entry(
      other,
      el('span', `badge obstacle ${labelClass(`obstacle:${obstacle.id}`)}`, 'obstacle'),
      `dashed: what stood in the way (${OBSTACLE_TABLE.map((o) => o.short).join(', ')})`,
    );
    const note = el('span', 'badge annotation');
    note.appendChild(el('span', 'codicon codicon-comment'));
    entry(other, note, 'annotated by a researcher (amber when annotators disagree)');
    this.root.appendChild(body);
    // In the search row, after the status, opening over the list (it takes no row of its own).
    (parent.querySelector('.controls') ?? parent).appendChild(this.root);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.root.open && this.root.contains(document.activeElement)) this.root.open = false;
    });
  }

  /** Marks the shown run's verdict. */
  setRun(run: RunSummary | null): void {
    for (const [id, item] of this.verdicts) item.classList.toggle('current', run?.outcome.verdict === id);
  }
}

function section(parent: HTMLElement, title: string): HTMLElement {
  const s = el('div', 'legend-section');
  s.appendChild(el('div', 'legend-title', title));
  const list = el('dl', 'legend-list');
  s.appendChild(list);
  parent.appendChild(s);
  return list;
}

function entry(list: HTMLElement, swatch: HTMLElement, meaning: string): HTMLElement {
  const dt = el('dt', 'legend-swatch');
  dt.appendChild(swatch);
  const dd = el('dd', 'legend-meaning', meaning);
  list.append(dt, dd);
  return dt;
}
