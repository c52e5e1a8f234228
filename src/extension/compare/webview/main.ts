// The compare view (browser side): runs as columns; the summary (verdict, eval score, steps,
// milestones, categories, obstacles) then every step aligned by milestone. Rows where the runs
// differ carry the `differs` class and a ≠ mark. Everything from the transcripts goes in as
// text (textContent), never as HTML.
import './compare.css';
import { milestoneDelta, type AlignedRow, type RunComparison, type StepCell } from '../../../core/study/compare';
import type { CompareFromWebview, CompareToWebview } from '../../../protocol/corpus';

interface VsApi {
  postMessage(m: CompareFromWebview): void;
}
declare function acquireVsCodeApi(): VsApi;
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function row(table: HTMLTableElement, differs: boolean, label: string, cells: (string | Node)[], cls = ''): HTMLTableRowElement {
  const tr = el('tr', `${cls}${differs ? ' differs' : ''}`.trim());
  tr.append(el('td', 'mark', differs ? '≠' : ''), el('th', 'label', label));
  for (const c of cells) {
    const td = el('td');
    if (typeof c === 'string') td.textContent = c;
    else td.append(c);
    tr.append(td);
  }
  table.append(tr);
  return tr;
}

function section(title: string, c: RunComparison): HTMLTableElement {
  const t = el('table', 'cmp');
  const head = el('tr', 'head');
  head.append(el('td', 'mark'), el('th', 'label', title), ...c.runs.map((_, i) => el('th', undefined, `run ${i + 1}`)));
  t.append(head);
  return t;
}

function stepNode(cell: StepCell, run: number): Node {
  const b = el('button', `step${cell.obstacles.length ? ' obstacle' : ''}`);
  b.title = `Open run ${run + 1} at step ${cell.step} in the timeline`;
  b.append(el('span', 'num', String(cell.step)), el('span', 'cmd', cell.commands[0] ?? `(${cell.role})`));
  if (cell.commands.length > 1) b.append(el('span', 'more', ` +${cell.commands.length - 1}`));
  const tags = el('div', 'tags');
  for (const k of cell.categories) tags.append(el('span', 'tag', k));
  for (const k of cell.obstacles) tags.append(el('span', 'tag obs', k));
  if (tags.childElementCount) b.append(tags);
  b.addEventListener('click', () => vscode.postMessage({ type: 'open', run, step: cell.step }));
  return b;
}

function render(c: RunComparison): void {
  app.replaceChildren();
  app.append(el('h1', undefined, `Comparing ${c.runs.length} runs`));
  const runs = el('ol', 'runs');
  for (const r of c.runs) {
    const li = el('li');
    li.append(el('span', 'title', r.title), el('span', 'path', ` ${r.file} · ${r.runId}`));
    runs.append(li);
  }
  app.append(runs);

  const s = section('summary', c);
  row(
    s,
    c.runs.some((r) => r.model !== c.runs[0].model),
    'model',
    c.runs.map((r) => r.model ?? '—'),
  );
  const verdicts = c.runs.map((r) => el('span', `verdict v-${r.verdict}`, r.verdict));
  row(s, c.verdictDiffers, 'verdict', verdicts);
  row(
    s,
    c.runs.some((r) => r.evalScore !== c.runs[0].evalScore),
    'eval score',
    c.runs.map((r) => (r.evalScore === null ? '—' : `${r.evalScore}${r.evalAgrees === false ? ' ≠ verdict' : ''}`)),
  );
  row(
    s,
    false,
    'steps / commands',
    c.runs.map((r) => `${r.steps} / ${r.commands}`),
  );
  row(
    s,
    false,
    'duration',
    c.runs.map((r) => (r.durationS === null ? '—' : `${Math.round(r.durationS)} s`)),
  );
  app.append(s);

  const m = section('milestone: step · time (against run 1)', c);
  for (const x of c.milestones) {
    row(
      m,
      x.differs,
      x.label,
      x.cells.map((cell, i) => {
        if (!cell) return '—';
        const span = el('span', undefined, `step ${cell.step}${cell.seconds !== null ? ` · ${Math.round(cell.seconds)} s` : ''}`);
        const d = i ? milestoneDelta(cell, x.cells[0]) : '';
        if (d) span.append(el('span', 'delta', ` (${d})`));
        span.title = cell.how;
        return span;
      }),
    );
  }
  app.append(m);

  const k = section('category: commands', c);
  for (const x of c.categories)
    row(
      k,
      x.differs,
      x.name,
      x.counts.map((n) => (n ? String(n) : '—')),
    );
  app.append(k);
  if (c.obstacles.length) {
    const o = section('obstacle: met / overcome', c);
    for (const x of c.obstacles)
      row(
        o,
        x.differs,
        x.kind,
        x.met.map((n, i) => (n ? `${n} / ${x.overcome[i]}` : '—')),
      );
    app.append(o);
  }

  const steps = section('steps, aligned by milestone', c);
  steps.classList.add('steps');
  for (const r of c.rows as AlignedRow[]) {
    if (r.kind === 'milestone')
      row(
        steps,
        r.differs,
        r.label,
        r.cells.map((x) => (x ? `reached at step ${x.step}` : 'not reached')),
        'milestone',
      );
    else
      row(
        steps,
        r.differs,
        '',
        r.cells.map((x, i) => (x ? stepNode(x, i) : '')),
      );
  }
  app.append(steps);
}

window.addEventListener('message', (e: MessageEvent<CompareToWebview>) => {
  const m = e.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'comparison') render(m.comparison);
  else if (m.type === 'failed') app.replaceChildren(el('p', 'status error', m.message));
});
vscode.postMessage({ type: 'ready' });
