// A run's timeline as static HTML: one list item per step, its commands with category and
// obstacle badges, outputs folded in <details>. No script: expansion is the browser's own.
import type { AnalyzedCommand, AnalyzedStep, AnalyzedTrajectory, Category } from '../../model';
import { isCritical } from '../../model';
import type { RunRow } from '../rows';
import { clip, esc } from './escape';

export interface TimelineLimits {
  /** Characters of a thought shown (default 1,200). */
  thought: number;
  /** Characters of an output shown (default 2,000). */
  output: number;
  /** Steps shown per run (default 400); the rest are counted. */
  steps: number;
}
export const DEFAULT_LIMITS: TimelineLimits = { thought: 1200, output: 2000, steps: 400 };

export function categoryBadge(c: Category): string {
  return `<span class="badge cat-${esc(c)}${isCritical(c) ? ' critical' : ''}">${esc(c)}</span>`;
}

export function obstacleBadge(kind: string): string {
  return `<span class="badge obstacle obstacle-${esc(kind)}">${esc(kind)}</span>`;
}

export function verdictBadge(v: string, from: 'analysis' | 'annotation' = 'analysis'): string {
  const by = from === 'annotation' ? ' title="set by an annotation"' : '';
  return `<span class="verdict v-${esc(v)}"${by}>${esc(v)}${from === 'annotation' ? ' ✎' : ''}</span>`;
}

function clipped(s: string, max: number): string {
  const c = clip(s, max);
  return esc(c.text) + (c.cut ? `<span class="cut">… ${c.cut.toLocaleString('en')} more characters</span>` : '');
}

function commandHtml(c: AnalyzedCommand, lim: TimelineLimits): string {
  const badges = [...c.categories.map(categoryBadge), ...c.obstacles.map(obstacleBadge)];
  if (c.longRunning) badges.push('<span class="badge flag">long-running</span>');
  if (c.exitCode !== null) badges.push(`<span class="badge ${c.exitCode === 0 ? 'flag' : 'exit-bad'}">exit ${esc(c.exitCode)}</span>`);
  const out = c.output.trim()
    ? `<details class="output"><summary>output · ${c.output.split('\n').length.toLocaleString('en')} line(s)</summary><pre>${clipped(c.output, lim.output)}</pre></details>`
    : '';
  return (
    `<div class="cmd${c.categories.some(isCritical) ? ' is-critical' : ''}"><pre class="cmdline"><code>${clipped(c.text, lim.output)}</code></pre>` +
    (badges.length ? `<div class="badges">${badges.join('')}</div>` : '') +
    out +
    '</div>'
  );
}

function stepHtml(s: AnalyzedStep, lim: TimelineLimits, anchor: string): string {
  const time = s.time ? `<time>${esc(s.time.replace('T', ' ').replace(/\.\d+Z?$|Z$/, ''))}</time>` : '';
  const crit = s.commands.some((c) => c.categories.some(isCritical));
  const thought = s.thought.trim() ? `<p class="thought">${clipped(s.thought.trim(), lim.thought)}</p>` : '';
  const tools = (s.otherTools ?? []).map((t) => `<div class="tool"><span class="badge flag">${esc(t.name)}</span> ${clipped(t.summary, 300)}</div>`).join('');
  return (
    `<li class="step${crit ? ' critical' : ''}" id="${anchor}"><div class="step-head"><span class="step-no">#${s.index + 1}</span>` +
    `<span class="role">${esc(s.role)}</span>${time}</div>${thought}${s.commands.map((c) => commandHtml(c, lim)).join('')}${tools}</li>`
  );
}

/** One run, folded: a summary line with its badges, then its steps. */
/** `stepAnchor(i)` is the element id of step i, so that links can open the run at a step. */
export function runTimeline(
  id: string,
  row: RunRow,
  t: AnalyzedTrajectory,
  lim: TimelineLimits = DEFAULT_LIMITS,
  stepAnchor: (index: number) => string = (i) => `${id}-s${i}`,
): string {
  const cats = (Object.entries(row.categories) as [Category, number][])
    .filter(([c]) => isCritical(c))
    .map(([c, n]) => `${categoryBadge(c)}<span class="count">${n}</span>`)
    .join(' ');
  const shown = t.steps.slice(0, lim.steps);
  const more = t.steps.length - shown.length;
  const issues = t.issues.length
    ? `<ul class="issues">${t.issues.map((i) => `<li>${esc(i.severity)}: ${esc(i.message)}${i.line ? ` (line ${i.line})` : ''}</li>`).join('')}</ul>`
    : '';
  return (
    `<details class="run" id="${id}"><summary><span class="run-title">${esc(row.title)}</span>` +
    `<span class="run-meta">${esc(row.file)} · ${esc(row.model ?? 'unknown model')} · ${row.steps} steps · ${row.commands} commands</span>` +
    `${verdictBadge(row.verdict, row.verdictFrom)}<span class="run-cats">${cats}</span></summary>` +
    `<div class="run-body">${row.task ? `<p class="task"><strong>Task.</strong> ${clipped(row.task, 600)}</p>` : ''}` +
    `<p class="reason"><strong>Verdict.</strong> ${esc(row.reason)}</p>${issues}` +
    `<ol class="steps">${shown.map((s) => stepHtml(s, lim, stepAnchor(s.index))).join('')}</ol>` +
    (more > 0 ? `<p class="cut">${more.toLocaleString('en')} more steps not shown.</p>` : '') +
    '</div></details>'
  );
}
