// An expanded step: the whole thought as sanitised markdown, every command with its findings and
// its output (ANSI colours, folded when long), and the threads of the entities it names.
import { isCritical, type AnalyzedCommand, type AnalyzedStep } from '../src/core/model';
import type { Thread } from '../src/core/model';
import { parseAnsi, styleSpan } from './ansi';
import { renderMarkdown } from './lazy-markdown';
import { commandDecos } from './row';
import { appendDecorated, appendText, el, formatBytes, searchRanges } from './text';
import { ENTITY_KINDS, entityText, labelClass, labelText, stepNo, threadVerb } from './labels';
import { renderClaims } from './claims-badge';
import { paintThrough } from './lifelines';
import type { RowWorld } from './world-view';

export interface DetailActions {
  goToSource(step: AnalyzedStep): void;
  jumpToIndex(index: number): void;
  /** Called after content changes size (output unfolded). */
  resized(): void;
  /** Opens the annotation form on one command (absent while annotations are unavailable). */
  annotateCommand?(step: AnalyzedStep, commandIndex: number): void;
}

export interface DetailContext {
  matcher: RegExp | null;
  threads: Thread[];
  textSource: boolean;
  /** False while only the page copy (outputs cut) is shown. */
  complete: boolean;
  /** The run's claims by step (absent: none shown). */
  world?: RowWorld;
}

const FOLD_LINES = 30;
const FOLD_CHARS = 6000;

export function renderDetail(box: HTMLElement, step: AnalyzedStep, ctx: DetailContext, actions: DetailActions): void {
  box.replaceChildren();
  box.className = 'detail';

  const bar = el('div', 'detail-bar');
  bar.appendChild(el('span', 'muted', `step ${stepNo(step.index)} \u00B7 ${step.role}${step.time ? ` \u00B7 ${step.time}` : ''}`));
  bar.appendChild(el('span', 'fill'));
  if (step.source && ctx.textSource) {
    const go = document.createElement('vscode-button');
    go.setAttribute('secondary', '');
    go.setAttribute('icon', 'go-to-file');
    go.className = 'go-source';
    go.textContent = `Go to source (lines ${step.source.startLine}\u2013${step.source.endLine})`;
    go.addEventListener('click', () => actions.goToSource(step));
    bar.appendChild(go);
  }
  box.appendChild(bar);

  if (step.thought.trim()) {
    const th = el('div', 'thought-full markdown');
    renderMarkdown(th, step.thought);
    box.appendChild(th);
  }
  const claims = ctx.world?.claims(step.index);
  if (claims?.length) box.appendChild(renderClaims(claims, actions.jumpToIndex));

  step.commands.forEach((c, i) => box.appendChild(renderCommand(step, c, i, ctx, actions)));

  for (const t of step.otherTools ?? []) {
    const o = el('div', 'other-tool');
    o.appendChild(el('span', 'codicon codicon-tools'));
    o.appendChild(el('span', 'tool-name', ` ${t.name} `));
    o.appendChild(el('span', 'muted', t.summary));
    box.appendChild(o);
  }
  for (const n of step.notes ?? []) box.appendChild(renderOutput(n, ctx, actions, 'note'));

  const threads = entityThreads(step, ctx.threads);
  if (threads.length) {
    const sec = el('div', 'threads');
    sec.appendChild(el('div', 'section-title', 'Entities'));
    for (const t of threads) sec.appendChild(renderThread(t, step.index, actions));
    box.appendChild(sec);
  }
  if (!ctx.complete) box.appendChild(el('div', 'muted loading-full', 'Loading the full step\u2026'));
  // The lifelines go on past the expanded step, so they stay continuous down the list.
  paintThrough(box, step.index, ctx.world?.lanes ?? null);
}

function renderCommand(step: AnalyzedStep, c: AnalyzedCommand, i: number, ctx: DetailContext, actions: DetailActions): HTMLElement {
  const wrap = el('div', 'command');
  const head = el('div', 'command-head');
  head.appendChild(el('span', 'prompt', '$'));
  const code = el('code', 'command-text');
  appendDecorated(code, c.text, commandDecos(c, c.text, ctx.matcher));
  head.appendChild(code);
  if (actions.annotateCommand) {
    const b = el('button', 'icon-btn annotate-command');
    b.type = 'button';
    b.title = `Annotate command ${i + 1}`;
    b.setAttribute('aria-label', `Annotate command ${i + 1}`);
    b.appendChild(el('span', 'codicon codicon-comment'));
    b.addEventListener('click', () => actions.annotateCommand?.(step, i));
    head.appendChild(b);
  }
  wrap.appendChild(head);

  const meta = el('div', 'command-meta');
  for (const l of [...c.categories, ...c.obstacles.map((o) => `obstacle:${o}`)]) {
    const b = el('span', `badge ${labelClass(l)}`, labelText(l));
    b.title = l;
    meta.appendChild(b);
  }
  if (c.longRunning) meta.appendChild(el('span', 'badge plain', 'long-running'));
  if (c.tool) meta.appendChild(el('span', 'muted', c.tool));
  if (c.exitCode !== null) meta.appendChild(el('span', `exit ${c.exitCode === 0 ? 'exit-ok' : 'exit-bad'}`, `exit ${c.exitCode}`));
  if (c.parseError) {
    const pe = el('span', 'parse-error', 'not parsed as shell');
    pe.title = c.parseError;
    meta.appendChild(pe);
  }
  if (meta.childNodes.length) wrap.appendChild(meta);

  if (c.findings.length) {
    const ul = el('ul', 'findings');
    for (const f of c.findings) {
      const li = el('li');
      li.appendChild(el('span', `badge ${labelClass(f.category)}`, labelText(f.category)));
      li.appendChild(el('span', 'evidence', ` ${f.evidence} `));
      li.appendChild(el('span', 'muted', f.rule));
      ul.appendChild(li);
    }
    wrap.appendChild(ul);
  }
  if (c.output) wrap.appendChild(renderOutput(c.output, ctx, actions, `output-${i}`));
  else wrap.appendChild(el('div', 'muted no-output', '(no output)'));
  return wrap;
}

/** Output folded to its first lines, with a button that shows it all. */
export function renderOutput(text: string, ctx: DetailContext, actions: DetailActions, key: string): HTMLElement {
  const box = el('div', 'output');
  box.dataset.key = key;
  const pre = el('pre', 'output-text');
  box.appendChild(pre);
  let cut = text.length;
  let lines = 0;
  for (let i = 0; i < text.length && i < FOLD_CHARS; i++) {
    if (text.charCodeAt(i) === 10 && ++lines >= FOLD_LINES) {
      cut = i;
      break;
    }
  }
  cut = Math.min(cut, FOLD_CHARS);
  const paint = (s: string) => {
    pre.replaceChildren();
    for (const seg of parseAnsi(s)) {
      if (!seg.style) appendText(pre, seg.text);
      else {
        const span = document.createElement('span');
        styleSpan(span, seg.style);
        appendText(span, seg.text);
        pre.appendChild(span);
      }
    }
    for (const d of searchRanges(s, ctx.matcher, 1)) pre.dataset.hit = String(d.from);
  };
  paint(cut < text.length ? text.slice(0, cut) : text);
  if (cut < text.length) {
    const more = document.createElement('vscode-button');
    more.setAttribute('secondary', '');
    more.className = 'show-all';
    const totalLines = countLines(text);
    more.textContent = `Show all (${totalLines.toLocaleString()} lines, ${formatBytes(text.length)})`;
    more.addEventListener('click', () => {
      paint(text);
      more.remove();
      actions.resized();
    });
    box.appendChild(more);
  }
  return box;
}

function countLines(s: string): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function entityThreads(step: AnalyzedStep, threads: Thread[]): Thread[] {
  const keys = new Set<string>();
  for (const c of step.commands) {
    for (const f of c.findings) {
      for (const [field, kind] of ENTITY_KINDS) for (const v of f.entities[field]) keys.add(`${kind}:${v}`);
    }
  }
  const byEntity = new Map(threads.map((t) => [t.entity, t]));
  const out: Thread[] = [];
  for (const k of keys) {
    const t = byEntity.get(k);
    out.push(t ?? { entity: k, steps: [step.index], roles: [''] });
  }
  return out;
}

function renderThread(t: Thread, current: number, actions: DetailActions): HTMLElement {
  const line = el('div', 'thread');
  line.appendChild(el('span', 'entity', entityText(t.entity)));
  line.appendChild(document.createTextNode(': '));
  t.steps.forEach((s, i) => {
    if (i > 0) line.appendChild(document.createTextNode(', '));
    const role = t.roles[i] ?? '';
    const prevRole = i > 0 ? t.roles[i - 1] : null;
    const verb = threadVerb(role);
    if (role !== prevRole || i === 0) line.appendChild(document.createTextNode(`${verb} in ${i === 0 ? 'step ' : ''}`));
    const link = el('a', `step-link${s === current ? ' current' : ''}${isCritical(role) ? ` role-${role}` : ''}`, String(stepNo(s)));
    link.setAttribute('role', 'button');
    link.tabIndex = 0;
    link.title = `go to step ${stepNo(s)}${role ? ` (${role})` : ''}`;
    link.addEventListener('click', () => actions.jumpToIndex(s));
    link.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.stopPropagation();
        actions.jumpToIndex(s);
      }
    });
    line.appendChild(link);
  });
  return line;
}
