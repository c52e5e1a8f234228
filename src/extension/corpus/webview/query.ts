// The corpus view's query box: SQL over the study (README "SQL over a study"), with the schema,
// the workspace's saved queries and the examples at hand. A result row that names a run
// (columns `file` and `run_id`, and perhaps `step`) opens the timeline there. Cells are text.
import type { QueryResult, QueryValue } from '../../../core/study/format';
import { cellText } from '../../../core/study/format';
import type { CorpusFromWebview, QueryCatalog } from '../../../protocol/corpus';

export interface QueryBoxHost {
  post(m: CorpusFromWebview): void;
  sql: string;
  saveSql(sql: string): void;
}

const SHOWN = 500;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class QueryBox {
  readonly root = el('details', 'query');
  private readonly text = el('textarea');
  private readonly picker = el('select');
  private readonly schema = el('details', 'schema');
  private readonly out = el('div', 'result');
  private catalog: QueryCatalog | null = null;
  private pending = 0;
  private started = 0;

  constructor(private readonly host: QueryBoxHost) {
    this.root.open = true;
    this.root.append(el('summary', undefined, 'SQL over this corpus'));
    this.text.spellcheck = false;
    this.text.rows = 5;
    this.text.placeholder = 'SELECT model, verdict, count(*) FROM runs GROUP BY ALL   (Ctrl+Enter runs it)';
    this.text.value = host.sql;
    this.text.setAttribute('aria-label', 'SQL query');
    this.text.addEventListener('input', () => host.saveSql(this.text.value));
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.run();
      }
    });
    const run = el('button', 'run', 'Run');
    run.addEventListener('click', () => this.run());
    const save = el('button', 'save', 'Save…');
    save.title = 'Save the query in .vscode/replication-lens.queries.sql (shared through git)';
    save.addEventListener('click', () => this.text.value.trim() && host.post({ type: 'saveQuery', sql: this.text.value }));
    this.picker.addEventListener('change', () => {
      const all = [...(this.catalog?.saved ?? []), ...(this.catalog?.examples ?? [])];
      const q = all[Number(this.picker.value)];
      if (q) {
        this.text.value = q.sql;
        host.saveSql(q.sql);
      }
      this.picker.value = '';
    });
    const bar = el('div', 'querybar');
    bar.append(run, save, this.picker);
    this.root.append(this.text, bar, this.schema, this.out);
    this.fillPicker();
  }

  setCatalog(c: QueryCatalog): void {
    this.catalog = c;
    this.fillPicker();
    this.schema.replaceChildren(el('summary', undefined, `Schema (${c.schema.length} tables; steps and commands numbered from 1)`));
    const list = el('div', 'tables');
    for (const t of c.schema) {
      const d = el('details');
      d.append(el('summary', undefined, `${t.name} — ${t.doc}`));
      const ul = el('ul');
      for (const col of t.columns) {
        const li = el('li');
        li.append(el('code', undefined, col.name), document.createTextNode(` ${col.type}${col.doc ? ` · ${col.doc}` : ''}`));
        ul.append(li);
      }
      d.append(ul);
      list.append(d);
    }
    this.schema.append(list);
  }

  private fillPicker(): void {
    this.picker.replaceChildren(new Option('Saved and example queries…', ''));
    const saved = this.catalog?.saved ?? [];
    const examples = this.catalog?.examples ?? [];
    const g1 = el('optgroup');
    g1.label = saved.length ? `Saved (${this.catalog?.savedFile ?? ''})` : 'Saved: none yet';
    saved.forEach((q, i) => g1.append(new Option(q.name, String(i))));
    const g2 = el('optgroup');
    g2.label = 'Examples';
    examples.forEach((q, i) => g2.append(new Option(q.name, String(saved.length + i))));
    this.picker.append(g1, g2);
  }

  run(): void {
    const sql = this.text.value.trim();
    if (!sql) return;
    this.pending++;
    this.started = performance.now();
    this.out.replaceChildren(el('p', 'status', 'Running… (the first query waits for the folder to be read)'));
    this.host.post({ type: 'query', id: this.pending, sql });
  }

  showError(id: number, message: string): void {
    if (id !== this.pending) return;
    this.out.replaceChildren(el('p', 'status error', message));
  }

  showResult(id: number, r: QueryResult): void {
    if (id !== this.pending) return;
    const fileCol = r.columns.indexOf('file');
    const runCol = r.columns.indexOf('run_id');
    const stepCol = r.columns.indexOf('step');
    const opens = fileCol >= 0 && runCol >= 0;
    const took = ((performance.now() - this.started) / 1000).toFixed(2);
    const note =
      `${r.total} row(s)${r.rows.length < r.total ? `, first ${r.rows.length} kept` : ''} · ${took} s` +
      (opens ? ' · click a row to open its run' + (stepCol >= 0 ? ' at its step' : '') : '');
    const table = el('table', 'qres');
    const head = el('tr');
    for (const c of r.columns) head.append(el('th', undefined, c));
    table.append(el('thead'));
    table.tHead!.append(head);
    const body = el('tbody');
    for (const row of r.rows.slice(0, SHOWN)) {
      const tr = el('tr');
      row.forEach((v: QueryValue) => tr.append(el('td', typeof v === 'number' ? 'n' : v === null ? 'null' : undefined, v === null ? 'NULL' : cellText(v))));
      if (opens && typeof row[fileCol] === 'string' && typeof row[runCol] === 'string') {
        const step = stepCol >= 0 && typeof row[stepCol] === 'number' ? (row[stepCol] as number) : null;
        tr.classList.add('opens');
        tr.tabIndex = 0;
        tr.title = `Open ${row[fileCol]} (${row[runCol]})${step !== null ? ` at step ${step}` : ''} in the timeline`;
        const open = () => this.host.post({ type: 'openResult', file: row[fileCol] as string, runId: row[runCol] as string, step });
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') open();
        });
      }
      body.append(tr);
    }
    table.append(body);
    const wrap = el('div', 'tablewrap');
    wrap.append(table);
    this.out.replaceChildren(el('p', 'count', note + (r.rows.length > SHOWN ? ` · ${SHOWN} shown` : '')), wrap);
  }
}
