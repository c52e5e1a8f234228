// The corpus view (browser side): a sortable, filterable table of runs, the statistics per
// model with charts, and the chains of replication. Everything from the data goes in as text
// (textContent); the charts are SVG strings built by core/corpus/report/charts.ts, which
// escapes every label. Clicking a run asks the host to open its timeline.
import './corpus.css';
import { CRITICAL_CATEGORIES } from '../../../core/model';
import { categoryVar, colourRule } from '../../../core/taxonomy';
import type { LineageNode, RunRow } from '../../../core/corpus';
import { categoryHeatmap, funnelChart, obstaclesChart, stepsChart, successChart, table2Chart } from '../../../core/corpus/report/charts';
import { percent } from '../../../core/corpus/stats';
import type { CorpusDocument, CorpusFromWebview, CorpusToWebview, CorpusViewState } from '../../../protocol/corpus';
import { QueryBox } from './query';

interface VsApi {
  postMessage(m: CorpusFromWebview): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsApi;
const vscode = acquireVsCodeApi();

// The category columns' colours come from the taxonomy table (corpus.css names none); a
// constructed sheet, which the CSP allows where it forbids <style>.
const colours = new CSSStyleSheet();
colours.replaceSync([colourRule('body'), ...CRITICAL_CATEGORIES.map((c) => `td.cat.on[data-cat="${c}"]{color:var(${categoryVar(c)})}`)].join('\n'));
document.adoptedStyleSheets = [...document.adoptedStyleSheets, colours];

const app = document.getElementById('app')!;
let doc: CorpusDocument | null = null;
let state: CorpusViewState = {
  sort: { column: 'file', descending: false },
  filter: { text: '', verdict: '', model: '' },
  ...(vscode.getState() as Partial<CorpusViewState> | undefined),
};
/** Runs ticked for comparison, by `file#runId`. */
const selected = new Set<string>();
const queryBox = new QueryBox({
  post: (m) => vscode.postMessage(m),
  sql: state.sql ?? '',
  saveSql: (sql) => {
    state.sql = sql;
    save();
  },
});
const LIMIT = 500;
let shown = LIMIT;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** SVG from our chart builders (every label escaped there), parsed as SVG, never as HTML. */
function svg(markup: string): Node {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  return document.importNode(parsed, true);
}

interface Column {
  id: string;
  title: string;
  value: (r: RunRow) => string | number;
  numeric?: boolean;
  vertical?: boolean;
}
const COLUMNS: Column[] = [
  { id: 'file', title: 'run · file', value: (r) => `${r.file}\u0000${r.runId}` },
  { id: 'model', title: 'model', value: (r) => r.model ?? '' },
  { id: 'steps', title: 'steps', value: (r) => r.steps, numeric: true },
  { id: 'commands', title: 'commands', value: (r) => r.commands, numeric: true },
  ...CRITICAL_CATEGORIES.map((c): Column => ({ id: c, title: c, value: (r) => r.categories[c] ?? 0, numeric: true, vertical: true })),
  { id: 'obstacles', title: 'obstacles met / overcome', value: (r) => r.obstacles.met * 1e6 + r.obstacles.overcome, numeric: true },
  { id: 'verdict', title: 'verdict', value: (r) => r.verdict },
  { id: 'score', title: 'Inspect score', value: (r) => (r.evalAgrees === false ? '\u0000' : '') + (r.evalScore ?? '\uffff') },
  { id: 'annotated', title: 'annotated', value: (r) => (r.annotation ? r.annotation.annotated / Math.max(1, r.annotation.total) : -1), numeric: true },
];

function visibleRows(): RunRow[] {
  if (!doc) return [];
  const t = state.filter.text.trim().toLowerCase();
  const col = COLUMNS.find((c) => c.id === state.sort.column) ?? COLUMNS[0];
  const rows = doc.rows.filter(
    (r) =>
      (!state.filter.verdict || r.verdict === state.filter.verdict) &&
      (!state.filter.model || (r.model ?? '') === state.filter.model) &&
      (!state.filter.scoreDisagrees || r.evalAgrees === false) &&
      (!t || `${r.file} ${r.title} ${r.model ?? ''} ${r.verdict} ${r.format}`.toLowerCase().includes(t)),
  );
  const dir = state.sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

function save(): void {
  vscode.setState(state);
}

function renderTable(host: HTMLElement): void {
  host.replaceChildren();
  const rows = visibleRows();
  const table = el('table', 'runs');
  const head = el('tr');
  head.append(el('th', 'pick', ''));
  for (const c of COLUMNS) {
    const th = el('th', `${c.numeric ? 'n' : ''}${c.vertical ? ' vert' : ''}`);
    const b = el('button', 'sort', c.title);
    b.title = `Sort by ${c.title}`;
    if (state.sort.column === c.id) {
      b.classList.add('active');
      b.append(el('span', 'arrow', state.sort.descending ? ' ▾' : ' ▴'));
      th.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
    }
    b.addEventListener('click', () => {
      state.sort = { column: c.id, descending: state.sort.column === c.id ? !state.sort.descending : !!c.numeric };
      save();
      renderTable(host);
    });
    th.append(b);
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const r of rows.slice(0, shown)) {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.title = r.firstCritical !== null ? `Open the timeline at step ${r.firstCritical + 1} (first critical step)` : 'Open the timeline';
    const open = () => vscode.postMessage({ type: 'open', file: r.file, runId: r.runId, step: r.firstCritical });
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    const pick = el('td', 'pick');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = selected.has(r.key);
    box.title = 'Tick two or more runs, then Compare';
    box.setAttribute('aria-label', `Select ${r.title} for comparison`);
    box.addEventListener('click', (e) => e.stopPropagation());
    box.addEventListener('change', () => {
      if (box.checked) selected.add(r.key);
      else selected.delete(r.key);
      updateCompare();
    });
    pick.append(box);
    tr.append(pick);
    const first = el('td', 'file');
    first.append(el('div', 'title', r.title), el('div', 'path', r.file));
    tr.append(first, el('td', 'model', r.model ?? '—'), el('td', 'n', String(r.steps)), el('td', 'n', String(r.commands)));
    for (const c of CRITICAL_CATEGORIES) {
      const n = r.categories[c] ?? 0;
      const td = el('td', `n cat${n ? ' on' : ''}`, n ? String(n) : '');
      td.dataset.cat = c;
      tr.append(td);
    }
    tr.append(el('td', 'n', r.obstacles.met ? `${r.obstacles.met} / ${r.obstacles.overcome}` : ''));
    const v = el('td');
    const badge = el('span', `verdict v-${r.verdict}`, r.verdict + (r.verdictFrom === 'annotation' ? ' ✎' : ''));
    if (r.verdictFrom === 'annotation') badge.title = `set by an annotation (analysis: ${r.analysisVerdict})`;
    v.append(badge);
    const score = el('td', `score${r.evalAgrees === false ? ' disagree' : ''}`, r.evalScore === null ? '—' : r.evalScore + (r.evalAgrees === false ? ' ≠' : ''));
    if (r.evalAgrees === false) score.title = `The eval scored this run ${r.evalScore}; our verdict is ${r.verdict}`;
    tr.append(v, score, el('td', 'n', r.annotation ? `${r.annotation.annotated} / ${r.annotation.total}` : '—'));
    body.append(tr);
  }
  table.append(body);
  const wrap = el('div', 'tablewrap');
  wrap.append(table);
  host.append(el('p', 'count', `${rows.length} of ${doc!.rows.length} run(s)`), wrap);
  if (rows.length > shown) {
    const more = el('button', 'more', `Show ${Math.min(LIMIT, rows.length - shown)} more`);
    more.addEventListener('click', () => {
      shown += LIMIT;
      renderTable(host);
    });
    host.append(more);
  }
}

function toolbar(tableHost: HTMLElement): HTMLElement {
  const bar = el('div', 'toolbar');
  const text = el('input');
  text.type = 'search';
  text.placeholder = 'Filter runs (file, title, model, verdict, format)';
  text.value = state.filter.text;
  text.addEventListener('input', () => {
    state.filter.text = text.value;
    shown = LIMIT;
    save();
    renderTable(tableHost);
  });
  const verdict = el('select');
  for (const v of ['', 'replicated', 'failed', 'not-attempted', 'unknown']) verdict.append(new Option(v || 'any verdict', v, false, v === state.filter.verdict));
  verdict.addEventListener('change', () => {
    state.filter.verdict = verdict.value;
    save();
    renderTable(tableHost);
  });
  const model = el('select');
  const models = [...new Set(doc!.rows.map((r) => r.model ?? ''))].sort();
  for (const m of ['', ...models]) model.append(new Option(m === '' ? 'any model' : m, m, false, m === state.filter.model));
  model.addEventListener('change', () => {
    state.filter.model = model.value;
    save();
    renderTable(tableHost);
  });
  const disagree = el('label', 'check');
  const dbox = el('input');
  dbox.type = 'checkbox';
  dbox.checked = !!state.filter.scoreDisagrees;
  dbox.addEventListener('change', () => {
    state.filter.scoreDisagrees = dbox.checked;
    save();
    renderTable(tableHost);
  });
  disagree.append(dbox, document.createTextNode(' score ≠ verdict'));
  disagree.title = "Only runs where the eval's own score and our verdict disagree";
  const refresh = el('button', 'refresh', 'Refresh');
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  compareButton.addEventListener('click', () => {
    const runs = doc!.rows.filter((r) => selected.has(r.key)).map((r) => ({ file: r.file, runId: r.runId }));
    if (runs.length >= 2) vscode.postMessage({ type: 'compare', runs });
  });
  updateCompare();
  bar.append(text, verdict, model, disagree, compareButton, refresh);
  return bar;
}

const compareButton = el('button', 'refresh compare', 'Compare');
function updateCompare(): void {
  compareButton.textContent = `Compare (${selected.size})`;
  compareButton.disabled = selected.size < 2;
  compareButton.title = selected.size < 2 ? 'Tick two or more runs to compare them' : 'Open the ticked runs side by side';
}

function lineage(nodes: LineageNode[]): HTMLElement {
  const ul = el('ul');
  for (const n of nodes) {
    const li = el('li');
    li.append(el('span', `gen g${Math.min(n.generation, 1)}`, `generation ${n.generation}`), document.createTextNode(n.label));
    if (n.run) li.append(el('span', 'path', ` ${n.run.file}`));
    if (n.answered) li.append(el('span', 'answered', 'answered'));
    const ev = n.evidence.map((e) => `${e.what} at step ${e.step + 1}`).join(', ');
    if (ev) li.append(el('div', 'path', ev));
    if (n.children.length) li.append(lineage(n.children));
    ul.append(li);
  }
  return ul;
}

function panel(title: string, note: string, chart: string): HTMLElement {
  const p = el('div', 'panel');
  p.append(el('h3', undefined, title), el('p', 'note', note), svg(chart));
  return p;
}

function render(): void {
  if (!doc) return;
  const t = doc.total;
  app.replaceChildren();
  const header = el('header');
  header.append(
    el('h1', undefined, `${t.runs} run(s) in ${doc.scan.claimed} file(s)`),
    el(
      'p',
      'sub',
      `${doc.scan.base} · ${t.verdicts.replicated} replicated of ${t.attempted} attempted (${percent(t.successRate)}) · ` +
        `${t.commands.total} commands · read in ${(doc.scan.ms / 1000).toFixed(1)} s`,
    ),
  );
  app.append(header);
  if (doc.errors.length) {
    const d = el('details', 'errors');
    d.append(el('summary', undefined, `${doc.errors.length} file(s) could not be read`));
    const ul = el('ul');
    for (const e of doc.errors) ul.append(el('li', undefined, `${e.file}: ${e.message}`));
    d.append(ul);
    app.append(d);
  }
  const tableHost = el('section', 'runs-host');
  app.append(queryBox.root, toolbar(tableHost), tableHost);
  renderTable(tableHost);

  const stats = el('details', 'stats');
  stats.open = true;
  stats.append(el('summary', undefined, `Statistics per ${doc.groupBy}`));
  const charts = el('div', 'charts');
  const used = CRITICAL_CATEGORIES.filter((c) => t.categories[c] > 0);
  charts.append(
    panel('Success rate', 'Replicated out of attempted runs.', successChart(doc.groups)),
    panel('Steps per run', 'Minimum, median (dot) and maximum.', stepsChart(doc.groups)),
    panel('Commands by purpose', "Simple commands grouped as in the Fudan paper's Table 2.", table2Chart(doc.groups)),
    panel('Milestones reached', 'Runs (all models) that reached each milestone.', funnelChart(t)),
    panel('Critical categories', 'Commands per category.', categoryHeatmap(doc.groups, used.length ? used : CRITICAL_CATEGORIES)),
    panel('Obstacles met and overcome', 'Overcome: a later command with a category in common succeeded.', obstaclesChart(t.obstacles.byKind)),
  );
  stats.append(charts);
  app.append(stats);
  if (doc.lineage.length) {
    const chains = el('details', 'chains');
    chains.open = true;
    chains.append(el('summary', undefined, `Chains of replication (${doc.lineage.length})`), lineage(doc.lineage));
    app.append(chains);
  }
}

window.addEventListener('message', (e: MessageEvent<CorpusToWebview>) => {
  // The host is the only sender a webview can receive from; still, ignore anything malformed.
  const m = e.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'loading') {
    app.replaceChildren(el('p', 'status', `Reading ${m.folder}…`));
  } else if (m.type === 'failed') {
    app.replaceChildren(el('p', 'status error', m.message));
  } else if (m.type === 'data') {
    doc = m.doc;
    render();
  } else if (m.type === 'catalog') {
    queryBox.setCatalog(m.catalog);
  } else if (m.type === 'queryResult') {
    queryBox.showResult(m.id, m.result);
  } else if (m.type === 'queryError') {
    queryBox.showError(m.id, m.message);
  }
});
vscode.postMessage({ type: 'ready' });
