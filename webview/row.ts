// One collapsed step in the list: plain DOM (these are created and recycled while scrolling).
import { isCritical, type AnalyzedCommand, type AnalyzedStep } from '../src/core/model';
import { appendDecorated, el, searchRanges, type Deco } from './text';
import { shellTokens } from './shell';
import { formatClock, formatDuration, formatOffset, labelClass, labelText, stepNo } from './labels';
import type { Tick } from './filter';
import type { AnnotationMark } from '../src/protocol/webview';
import { chipClass } from './annotations';
import { claimBadge } from './claims-badge';
import { paintLanes } from './lifelines';
import type { RowWorld } from './world-view';

export interface RowContext {
  matcher: RegExp | null;
  /** Time of the run's first step (ms), for relative times. */
  t0: number | null;
  /** ms until the next step, when both have times. */
  duration: number | null;
  /** The step's annotation mark (labels, authors, disagreement), if annotated. */
  mark: AnnotationMark | undefined;
  /** A label or verdict token as the chip's text. */
  labelTitle(token: string): string;
  /** The run's lifelines and claims (absent: none drawn). */
  world?: RowWorld;
}

const ROW_CHIPS = 4;

const SUMMARY_MAX = 300;
const COMMAND_MAX = 400;

/** The first meaningful line of a thought. */
export function summarise(thought: string): string {
  const lines = thought.slice(0, 4000).split('\n');
  for (const raw of lines) {
    // Markdown markers at the start, bold and code quotes; the words themselves stay as written.
    const line = raw
      .replace(/^[#>*\-\s]+/, '')
      .replace(/\*\*|`/g, '')
      .trim();
    if (line && !/^(explain|gaps|findings|plan|action):?$/i.test(line)) return line.slice(0, SUMMARY_MAX);
  }
  return '';
}

/** A command's decorations: shell colouring, its critical parts (findings), search hits. */
export function commandDecos(cmd: AnalyzedCommand, shown: string, matcher: RegExp | null): Deco[] {
  const decos = shellTokens(shown);
  for (const f of cmd.findings) {
    if (f.spanIn !== 'command' || f.category.startsWith('obstacle:')) continue;
    const [a, b] = f.span;
    if (a >= shown.length || b <= a) continue;
    const crit = isCritical(f.category);
    decos.push({
      from: a,
      to: Math.min(b, shown.length),
      cls: crit ? `finding finding-${f.category}` : 'finding finding-context',
      title: `${f.category}: ${f.evidence} (${f.rule})`,
    });
  }
  decos.push(...searchRanges(shown, matcher, 20));
  return decos;
}

function badges(parent: HTMLElement, labels: string[]): void {
  for (const l of labels) {
    const b = el('span', `badge ${labelClass(l)}`, labelText(l));
    b.title = l;
    parent.appendChild(b);
  }
}

export function renderRow(row: HTMLElement, pos: number, tick: Tick | undefined, step: AnalyzedStep | undefined, ctx: RowContext): void {
  row.replaceChildren();
  const cats = step ? [...new Set(step.commands.flatMap((c) => c.categories))] : (tick?.categories ?? []);
  const obstacles = (step ? [...new Set(step.commands.flatMap((c) => c.obstacles))] : (tick?.obstacles ?? [])).map((o) => `obstacle:${o}`);
  const crit = cats.find(isCritical);
  row.className = `row${crit ? ` critical accent-${crit}` : ''}${step ? '' : ' loading'}`;

  const index = tick?.index ?? step?.index ?? pos;
  const head = el('div', 'line head');
  head.appendChild(el('span', 'idx', `#${stepNo(index)}`));
  if (step && step.role !== 'assistant') head.appendChild(el('span', `role role-${step.role}`, step.role));
  if (tick?.time != null) {
    const t = el('span', 'time', ctx.t0 != null ? `+${formatOffset(tick.time - ctx.t0)}` : formatClock(tick.time));
    t.title = `${new Date(tick.time).toISOString()} (${formatClock(tick.time)})`;
    head.appendChild(t);
  }
  if (ctx.duration != null) {
    const d = el('span', 'dur');
    d.appendChild(el('span', 'codicon codicon-watch'));
    d.appendChild(document.createTextNode(formatDuration(ctx.duration)));
    d.title = 'time until the next step';
    head.appendChild(d);
  }
  const bs = el('span', 'badges');
  const claimed = ctx.world?.claims(index);
  const claim = claimBadge(claimed, claimed?.length ?? tick?.claims ?? 0);
  if (claim) bs.appendChild(claim);
  badges(bs, [...cats.filter(isCritical), ...cats.filter((c) => !isCritical(c)), ...obstacles]);
  const mark = ctx.mark;
  if (mark) {
    const a = el('span', `badge annotation${mark.disagreement ? ' disagree' : ''}`);
    a.appendChild(el('span', `codicon codicon-${mark.disagreement ? 'comment-unresolved' : 'comment'}`));
    const authors = mark.authors ?? [];
    if (authors.length > 1) a.appendChild(el('span', 'authors', String(authors.length)));
    a.title = `annotated${authors.length ? ` by ${authors.join(', ')}` : ''}${mark.disagreement ? ' (they disagree)' : ''}: ${mark.labels.join(', ') || 'a note'}`;
    bs.appendChild(a);
    for (const l of mark.labels.slice(0, ROW_CHIPS)) {
      const c = el('span', `badge ${chipClass(l)}`, ctx.labelTitle(l));
      c.title = l;
      bs.appendChild(c);
    }
    if (mark.labels.length > ROW_CHIPS) bs.appendChild(el('span', 'badge plain', `+${mark.labels.length - ROW_CHIPS}`));
  }
  head.appendChild(bs);
  head.appendChild(el('span', 'fill'));
  if (step) {
    const codes = step.commands.map((c) => c.exitCode).filter((c): c is number => c !== null);
    const bad = codes.find((c) => c !== 0);
    if (codes.length) {
      const x = el('span', `exit ${bad !== undefined ? 'exit-bad' : 'exit-ok'}`, `exit ${bad ?? 0}`);
      x.title = `exit codes: ${codes.join(', ')}`;
      head.appendChild(x);
    }
    if (step.commands.some((c) => c.longRunning)) {
      const lr = el('span', 'codicon codicon-debug-start long-running');
      lr.title = 'long-running (background) command';
      head.appendChild(lr);
    }
  }
  row.appendChild(head);

  const thought = el('div', 'line thought');
  if (step) {
    const s = summarise(step.thought);
    if (s) appendDecorated(thought, s, searchRanges(s, ctx.matcher, 10));
    else thought.appendChild(el('span', 'muted', step.commands.length ? '' : '(no thought)'));
  }
  row.appendChild(thought);

  const cmds = el('div', step?.commands.length ? 'line cmds has-cmds' : 'line cmds');
  if (step) {
    step.commands.forEach((c, i) => {
      if (i > 0) cmds.appendChild(el('span', 'sep', ' \u23F5 '));
      const shown = c.text.length > COMMAND_MAX ? c.text.slice(0, COMMAND_MAX) : c.text;
      const span = el('span', 'cmd');
      appendDecorated(span, shown.replace(/\n/g, ' '), commandDecos(c, shown, ctx.matcher));
      cmds.appendChild(span);
    });
    if (!step.commands.length && step.otherTools?.length) {
      cmds.appendChild(el('span', 'muted', step.otherTools.map((t) => t.name).join(', ')));
    }
  }
  row.appendChild(cmds);
  paintLanes(row, index, ctx.world?.lanes ?? null);
}
