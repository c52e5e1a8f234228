// The run picker of a file with many runs (an Inspect log's samples and epochs): a table like
// Inspect's sample list (id, epoch, verdict, score, steps), sorted by a click on a column head,
// a run opened by a click or Enter. Runs the server only listed show what is known before they
// are read (id and epoch; verdict, score and steps once read).
import type { RunSummary } from '../src/protocol/lsp';
import { el } from './text';

/** From this many runs the table replaces the header's drop-down. */
export const TABLE_FROM = 9;

export type Column = 'id' | 'epoch' | 'verdict' | 'score' | 'steps';
export const COLUMNS: { key: Column; title: string; numeric: boolean }[] = [
  { key: 'id', title: 'Id', numeric: false },
  { key: 'epoch', title: 'Epoch', numeric: true },
  { key: 'verdict', title: 'Verdict', numeric: false },
  { key: 'score', title: 'Score', numeric: true },
  { key: 'steps', title: 'Steps', numeric: true },
];

export interface RunRow {
  runId: string;
  id: string;
  epoch: number | null;
  verdict: string | null;
  score: string | number | boolean | null;
  steps: number | null;
}

/** A run's cells. Sample id and epoch come from the run's metadata, else its id (`sample#epoch`). */
export function runRow(r: RunSummary): RunRow {
  const m = /^(.*)#(\d+)$/.exec(r.id);
  const metaId = r.meta?.sampleId;
  const metaEpoch = r.meta?.epoch;
  return {
    runId: r.id,
    id: metaId != null ? String(metaId) : m ? m[1] : r.id,
    epoch: typeof metaEpoch === 'number' ? metaEpoch : m ? Number(m[2]) : null,
    verdict: r.read ? r.outcome.verdict : null,
    score: r.read ? (r.meta?.score ?? null) : null,
    steps: r.read ? r.stepCount : null,
  };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareCell(a: RunRow[Column], b: RunRow[Column]): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Scores may be letters (Inspect's C/I/P) or numbers: numbers first, then text in natural order.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(String(a), String(b));
}

/** Rows sorted by a column; unknown cells (a run not read yet) go last either way; ties keep file order. */
export function sortRows(rows: readonly RunRow[], key: Column, dir: 1 | -1): RunRow[] {
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => {
      const x = a[key];
      const y = b[key];
      if (x === null || y === null) return x === y ? i - j : x === null ? 1 : -1;
      return compareCell(x, y) * dir || i - j;
    })
    .map(([r]) => r);
}

export class RunTable {
  readonly root: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly heads = new Map<Column, HTMLTableCellElement>();
  private rows: RunRow[] = [];
  private current: string | null = null;
  private sort: { key: Column; dir: 1 | -1 } | null = null;

  constructor(
    parent: HTMLElement,
    private readonly pick: (runId: string) => void,
  ) {
    this.root = document.createElement('details');
    this.root.className = 'run-table-box';
    this.root.open = true;
    this.root.hidden = true;
    this.summary = el('summary', 'run-table-summary');
    this.root.appendChild(this.summary);
    const scroller = el('div', 'run-table-scroll');
    const table = el('table', 'run-table');
    table.setAttribute('aria-label', 'Runs');
    const head = table.createTHead().insertRow();
    for (const c of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.col = c.key;
      if (c.numeric) th.classList.add('num');
      const b = el('button', 'sort', c.title);
      b.type = 'button';
      b.title = `Sort by ${c.title.toLowerCase()}`;
      b.addEventListener('click', () => this.sortBy(c.key));
      th.appendChild(b);
      th.setAttribute('aria-sort', 'none');
      head.appendChild(th);
      this.heads.set(c.key, th);
    }
    this.body = table.createTBody();
    scroller.appendChild(table);
    this.root.appendChild(scroller);
    // First in the header: which run, then what it did (Inspect's sample list, then the sample).
    parent.insertBefore(this.root, parent.firstChild);
  }

  /** The file's runs (none: the table hides) and the shown one. */
  setRuns(runs: RunSummary[], current: string | null): void {
    this.root.hidden = runs.length === 0;
    this.rows = runs.map(runRow);
    this.current = current;
    const read = runs.filter((r) => r.read).length;
    const shown = this.rows.find((r) => r.runId === current);
    const label = shown ? `${shown.id}${shown.epoch !== null ? ` (epoch ${shown.epoch})` : ''}` : '';
    this.summary.textContent = `${runs.length.toLocaleString()} runs${read < runs.length ? ` \u00B7 ${read} read` : ''}${label ? ` \u00B7 showing ${label}` : ''}`;
    this.render();
  }

  sortBy(key: Column): void {
    this.sort = { key, dir: this.sort?.key === key ? (-this.sort.dir as 1 | -1) : 1 };
    this.render();
  }

  private render(): void {
    for (const [key, th] of this.heads) {
      th.setAttribute('aria-sort', this.sort?.key !== key ? 'none' : this.sort.dir > 0 ? 'ascending' : 'descending');
    }
    const rows = this.sort ? sortRows(this.rows, this.sort.key, this.sort.dir) : this.rows;
    this.body.replaceChildren();
    for (const r of rows) {
      const tr = this.body.insertRow();
      tr.dataset.run = r.runId;
      tr.tabIndex = 0;
      const on = r.runId === this.current;
      tr.classList.toggle('current', on);
      tr.setAttribute('aria-selected', String(on));
      const cell = (text: string, cls = '') => tr.appendChild(el('td', cls, text));
      cell(r.id, 'id');
      cell(r.epoch === null ? '' : String(r.epoch), 'num');
      cell(r.verdict ?? 'not read', `verdict ${r.verdict ? `verdict-${r.verdict}` : 'unread'}`);
      cell(r.score === null ? '\u2014' : String(r.score), 'num');
      cell(r.steps === null ? '\u2014' : r.steps.toLocaleString(), 'num');
      tr.addEventListener('click', () => this.pick(r.runId));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.pick(r.runId);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling)?.closest('tr')?.focus();
        }
      });
    }
  }
}
