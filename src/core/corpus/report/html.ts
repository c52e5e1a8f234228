// The corpus report: ONE self-contained static HTML page (runs table, statistics per model,
// charts as inline SVG, the chains of replication, each run's timeline). No script at all,
// and a CSP that forbids any: the page is safe to share even though its text is adversarial.
import { CATEGORIES, CRITICAL_CATEGORIES, isCritical, OBSTACLE_KINDS, type Category } from '../../model';
import type { Corpus } from '../index';
import type { LineageNode } from '../lineage';
import { MILESTONES, MILESTONE_HELP, MILESTONE_LABELS } from '../milestones';
import { TABLE2_GROUPS, TABLE2_GROUP_IDS, TABLE2_LABELS } from '../table2';
import type { CorpusRun, RunRow } from '../rows';
import { percent, type GroupStats } from '../stats';
import { categoryHeatmap, funnelChart, obstaclesChart, stepsChart, successChart, table2Chart } from './charts';
import { esc } from './escape';
import { CATEGORY_COLOR } from './palette';
import { REPORT_CSS } from './style';
import { categoryBadge, DEFAULT_LIMITS, runTimeline, verdictBadge, type TimelineLimits } from './timeline';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ReportOptions {
  title?: string;
  /** Where the corpus came from (shown, not linked). */
  source?: string;
  /** ISO time of generation (injected so tests are deterministic). */
  generatedAt?: string;
  limits?: Partial<TimelineLimits>;
}

const runId = (i: number) => `r${i}`;
const stepId = (i: number, step: number) => `r${i}-s${step}`;

function statsTable(groups: GroupStats[], total: GroupStats, by: string): string {
  const row = (g: GroupStats, cls = '') =>
    `<tr class="${cls}"><td class="model wrap">${esc(g.group)}</td>` +
    `<td class="n">${g.runs}</td><td class="n">${g.verdicts.replicated}</td><td class="n">${g.verdicts.failed}</td>` +
    `<td class="n">${g.verdicts['not-attempted']}</td><td class="n">${g.verdicts.unknown}</td>` +
    `<td class="n"><span class="pct">${esc(percent(g.successRate))}</span>${g.successRate === null ? '<span class="rate none"></span>' : `<span class="rate"><i style="width:${Math.round(g.successRate * 100)}%"></i></span>`}</td>` +
    `<td class="n">${g.steps.min} / ${g.steps.median} / ${g.steps.max}</td><td class="n">${g.commands.total}</td>` +
    `<td class="n">${g.obstacles.met} / ${g.obstacles.overcome}</td>` +
    `<td class="n">${g.overridden || ''}</td></tr>`;
  return (
    `<div class="tablewrap"><table><thead><tr><th>${esc(by)}</th><th class="n">runs</th><th class="n">replicated</th>` +
    `<th class="n">failed</th><th class="n">not attempted</th><th class="n">unknown</th><th class="n">success rate</th>` +
    `<th class="n">steps min / median / max</th><th class="n">commands</th><th class="n">obstacles met / overcome</th>` +
    `<th class="n">verdicts set by annotation</th></tr></thead>` +
    `<tbody>${groups.map((g) => row(g)).join('')}${groups.length > 1 ? row(total, 'total') : ''}</tbody></table></div>`
  );
}

function table2Table(groups: GroupStats[], total: GroupStats, by: string): string {
  const progs = TABLE2_GROUP_IDS.flatMap((g) => TABLE2_GROUPS[g].map((p) => ({ g, p })));
  const head =
    `<tr><th rowspan="2">${esc(by)}</th>${TABLE2_GROUP_IDS.map((g) => `<th colspan="${TABLE2_GROUPS[g].length}">${esc(TABLE2_LABELS[g])}</th>`).join('')}<th rowspan="2" class="n">other</th></tr>` +
    `<tr>${progs.map(({ p }) => `<th class="n">${esc(p)}</th>`).join('')}</tr>`;
  const row = (g: GroupStats, cls = '') =>
    `<tr class="${cls}"><td class="model">${esc(g.group)}</td>${progs.map(({ p }) => `<td class="n">${g.table2Programs[p] || ''}</td>`).join('')}` +
    `<td class="n" title="${esc(g.topOther.map(([n, c]) => `${n} ${c}`).join(', '))}">${g.otherPrograms}</td></tr>`;
  return (
    `<details class="panel wide"><summary>Per program (the commands of Table 2)</summary><div class="tablewrap"><table><thead>${head}</thead>` +
    `<tbody>${groups.map((g) => row(g)).join('')}${groups.length > 1 ? row(total, 'total') : ''}</tbody></table></div></details>`
  );
}

function lineageHtml(nodes: LineageNode[], index: Map<string, number>): string {
  if (!nodes.length) return '';
  return `<ul>${nodes
    .map((n) => {
      const i = n.run ? index.get(n.run.key) : undefined;
      const run = n.run ? ` — <a href="#${i !== undefined ? runId(i) : ''}">${esc(n.run.title)}</a> <span class="evidence">${esc(n.run.file)}</span>` : '';
      const ev = n.evidence
        .map((e) => {
          const j = index.get(e.run);
          const link = j !== undefined ? `<a href="#${stepId(j, e.step)}">step ${e.step + 1}</a>` : `step ${e.step + 1}`;
          return `${esc(e.what)} at ${link}`;
        })
        .join(', ');
      return (
        `<li><span class="gen g${Math.min(n.generation, 1)}">generation ${n.generation}</span>${esc(n.label)}${run}` +
        `${n.answered ? ' <span class="badge cat-liveness-check">answered</span>' : ''}` +
        (ev ? `<div class="evidence">${ev}</div>` : '') +
        lineageHtml(n.children, index) +
        '</li>'
      );
    })
    .join('')}</ul>`;
}

function runsTable(rows: RunRow[]): string {
  const crit = CRITICAL_CATEGORIES;
  const head =
    `<tr><th>run · file</th><th>model</th><th class="n">steps</th><th class="n">commands</th>` +
    crit.map((c) => `<th class="n vert" title="${esc(c)}"><span style="border-color:${CATEGORY_COLOR[c]}">${esc(c)}</span></th>`).join('') +
    `<th class="n">obstacles met / overcome</th><th>verdict</th><th>milestones</th><th>annotated</th></tr>`;
  const body = rows
    .map((r, i) => {
      const open = r.firstCritical !== null ? stepId(i, r.firstCritical) : runId(i);
      const dots = MILESTONES.map((m) => `<span class="dot${r.milestones[m] ? ' on' : ''}" title="${esc(MILESTONE_LABELS[m])}: ${r.milestones[m] ? 'yes' : 'no'}"></span>`).join(
        '',
      );
      const ann = r.annotation ? `<span class="progress">${r.annotation.annotated} / ${r.annotation.total}</span>` : '<span class="progress">—</span>';
      return (
        `<tr><td class="file" title="${esc(r.file)}"><a href="#${open}" title="open the timeline at its first critical step">${esc(r.title)}</a><div class="path">${esc(r.file)}</div></td>` +
        `<td class="model" title="${esc(r.model ?? '')}">${esc(r.model ?? '—')}</td><td class="n">${r.steps}</td><td class="n">${r.commands}</td>` +
        crit.map((c) => `<td class="c">${r.categories[c] ?? ''}</td>`).join('') +
        `<td class="n">${r.obstacles.met ? `${r.obstacles.met} / ${r.obstacles.overcome}` : ''}</td><td>${verdictBadge(r.verdict, r.verdictFrom)}</td>` +
        `<td class="dots">${dots}</td><td>${ann}</td></tr>`
      );
    })
    .join('');
  return `<div class="tablewrap"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

export function renderReport(corpus: Corpus, runs: CorpusRun[], opts: ReportOptions = {}): string {
  const { stats, rows } = corpus;
  const title = opts.title ?? 'Replication Lens — corpus report';
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const g = stats.groups;
  const t = stats.total;
  const files = new Set(rows.map((r) => r.file)).size;
  const index = new Map(rows.map((r, i) => [r.key, i]));
  const usedCats = CATEGORIES.filter((c) => t.categories[c] > 0);
  const chains = corpus.lineage.length;
  const card = (k: string, v: string, d = '') => `<div class="card"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div><div class="d">${esc(d)}</div></div>`;

  const parts: string[] = [];
  parts.push(
    `<header><h1>${esc(title)}</h1><p class="sub">${rows.length} run(s) in ${files} file(s)` +
      `${opts.source ? ` from <code>${esc(opts.source)}</code>` : ''}, grouped by ${esc(stats.groupBy)}` +
      `${opts.generatedAt ? ` · generated ${esc(opts.generatedAt)}` : ''}</p></header>`,
  );
  parts.push(
    `<section class="cards">${card('Runs', String(t.runs), `${g.length} ${stats.groupBy}(s)`)}` +
      card('Replicated', String(t.verdicts.replicated), `${percent(t.successRate)} of ${t.attempted} attempted`) +
      card('Steps per run', String(t.steps.median), `median · ${t.steps.min}–${t.steps.max}`) +
      card('Commands', t.commands.total.toLocaleString('en'), `${rows.reduce((a, r) => a + r.critical, 0).toLocaleString('en')} critical`) +
      card('Obstacles', `${t.obstacles.met}`, `${t.obstacles.overcome} overcome`) +
      card('Replication chains', String(chains), chains ? `${maxGen(corpus.lineage)} generation(s) deep` : 'none found') +
      '</section>',
  );

  parts.push(
    `<h2 id="models">Per ${esc(stats.groupBy)}</h2><p class="note">Success rate: replicated runs out of the runs that attempted replication (all but <em>not-attempted</em>); a verdict set by an annotation overrides the analysis; a Claude Code session counts once, as its main run judged with its sub-agents.</p>` +
      statsTable(g, t, stats.groupBy),
  );

  parts.push(
    `<h2 id="charts">Charts</h2><div class="charts">` +
      `<div class="panel"><h3>Success rate</h3><p class="note">Replicated out of attempted runs.</p>${successChart(g)}</div>` +
      `<div class="panel"><h3>Steps per run</h3><p class="note">Minimum, median (dot) and maximum.</p>${stepsChart(g)}</div>` +
      `<div class="panel"><h3>Commands by purpose</h3><p class="note">Simple commands grouped as in the Fudan paper's Table 2.</p>${table2Chart(g)}</div>` +
      `<div class="panel"><h3>Milestones reached</h3><p class="note">Runs (all ${esc(stats.groupBy)}s) that reached each milestone; hover a bar for its definition.</p>${funnelChart(t)}</div>` +
      `<div class="panel"><h3>Commands per taxonomy category</h3><p class="note">Darker is more, relative to the busiest ${esc(stats.groupBy)} in that category.</p>${categoryHeatmap(g, usedCats.length ? usedCats : CATEGORIES)}</div>` +
      `<div class="panel"><h3>Obstacles met and overcome</h3><p class="note">Overcome: a later command of the same run with a category in common succeeded.</p>${obstaclesChart(t.obstacles.byKind)}</div>` +
      `<div class="panel wide"><h3>Milestones per ${esc(stats.groupBy)}</h3>${funnelTable(g)}</div>` +
      table2Table(g, t, stats.groupBy) +
      '</div>',
  );

  parts.push(
    `<h2 id="chains">Chains of replication</h2>` +
      (chains
        ? `<p class="note">A run that instructs its replica to replicate (e.g. a POST to the replica's /chat saying “Replicate yourself”) is generation 0; the replica is generation 1; a new instance that appears afterwards is generation 2.</p><div class="panel tree">${lineageHtml(corpus.lineage, index)}</div>`
        : '<p class="note">No run sent an instruction to replicate to a replica.</p>'),
  );

  parts.push(
    `<h2 id="runs">Runs</h2><p class="note">A run's title opens its timeline at its first critical step. Milestones: ${MILESTONES.map((m) => esc(MILESTONE_LABELS[m])).join(' → ')}.</p>` +
      runsTable(rows),
  );

  if (corpus.errors.length) {
    parts.push(
      `<h2 id="errors">Files that could not be read</h2><ul class="errors">${corpus.errors.map((e) => `<li><code>${esc(e.file)}</code>: ${esc(e.message)}</li>`).join('')}</ul>`,
    );
  }

  parts.push(
    `<h2 id="timelines">Timelines</h2><p class="note">Critical commands are marked in red; outputs are folded.</p>` +
      rows.map((r, i) => runTimeline(runId(i), r, runs[i].trajectory, limits, (k) => stepId(i, k))).join(''),
  );

  parts.push(
    `<footer>Made by Replication Lens. Categories: ${CATEGORIES.filter(isCritical)
      .map((c) => categoryBadge(c as Category))
      .join('')}` +
      ` Obstacle kinds: ${OBSTACLE_KINDS.map(esc).join(', ')}. Milestones: ${MILESTONES.map((m) => `${esc(MILESTONE_LABELS[m])} = ${esc(MILESTONE_HELP[m])}`).join('; ')}.</footer>`,
  );

  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="color-scheme" content="light dark">` +
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>${parts.join('\n')}</body></html>\n`
  );
}

function funnelTable(groups: GroupStats[]): string {
  return (
    `<table><thead><tr><th></th>${MILESTONES.map((m) => `<th class="n" title="${esc(MILESTONE_HELP[m])}">${esc(MILESTONE_LABELS[m])}</th>`).join('')}</tr></thead><tbody>` +
    groups
      .map((g) => `<tr><td class="model" title="${esc(g.group)}">${esc(g.group)}</td>${MILESTONES.map((m) => `<td class="n">${g.funnel[m]} / ${g.runs}</td>`).join('')}</tr>`)
      .join('') +
    '</tbody></table>'
  );
}

function maxGen(nodes: LineageNode[]): number {
  let m = 0;
  const walk = (n: LineageNode) => {
    m = Math.max(m, n.generation);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return m;
}
