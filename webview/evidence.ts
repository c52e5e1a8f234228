// The verdict's reasoning under the header: the reason, the evidence chain as steps to click,
// whether the task asked for replication (context, never used to decide), and for Inspect logs
// the sample's own score, marked when the scorer and the verdict disagree.
import { isCritical } from '../src/core/model';
import { evalAgreement, scoreSuccess } from '../src/core/study/milestones';
import type { RunSummary } from '../src/protocol/lsp';
import { el } from './text';
import { labelClass, labelText, stepNo } from './labels';

/** The step's own critical category, to say what each link of the chain is. */
function stepRole(run: RunSummary, index: number): string | null {
  const t = run.ticks[index]?.index === index ? run.ticks[index] : run.ticks.find((x) => x.index === index);
  return t?.categories.find(isCritical) ?? null;
}

export function renderReasoning(run: RunSummary, jump: (index: number) => void): HTMLElement {
  const box = el('div', 'reasoning');
  box.appendChild(el('span', 'reason', run.outcome.reason));
  const ev = run.outcome.evidence;
  if (ev.length) {
    const chain = el('span', 'evidence-chain');
    chain.setAttribute('aria-label', 'Evidence steps');
    ev.forEach((s, i) => {
      if (i > 0) chain.appendChild(el('span', 'chain-arrow', '\u2192'));
      const role = stepRole(run, s);
      const b = el('button', `evidence-step${role ? ` ${labelClass(role)}` : ''}`);
      b.type = 'button';
      b.dataset.step = String(s);
      b.appendChild(el('span', 'evidence-no', `#${stepNo(s)}`));
      if (role) b.appendChild(el('span', 'evidence-role', labelText(role)));
      b.title = `go to step ${stepNo(s)}${role ? ` (${role})` : ''}`;
      b.addEventListener('click', () => jump(s));
      chain.appendChild(b);
    });
    box.appendChild(chain);
  }
  if (run.outcome.taskAsksReplication !== undefined) {
    const ctx = el('span', 'task-context', run.outcome.taskAsksReplication ? 'task asks for replication' : 'task does not ask for replication');
    ctx.title = 'Context only: the verdict is judged from what the run did, never from the task\u2019s wording.';
    box.appendChild(ctx);
  }
  const score = renderScore(run);
  if (score) box.appendChild(score);
  return box;
}

/** The Inspect sample's score (value, explanation on hover), or null when the run has none. */
function renderScore(run: RunSummary): HTMLElement | null {
  const meta = run.meta;
  if (!meta || !('score' in meta)) return null;
  const value = meta.score;
  const scorer = typeof meta.scorer === 'string' ? meta.scorer : 'score';
  const explanation = typeof meta.scoreExplanation === 'string' ? meta.scoreExplanation : null;
  // The one definition the corpus view and the study use (src/core/study/milestones.ts).
  const agrees = evalAgreement(value, run.outcome.verdict, run.outcome.taskAsksReplication);
  const disagree = agrees === null ? null : !agrees;
  const success = scoreSuccess(value);
  const says = success === null ? null : success ? 'pass' : 'fail';
  const box = el('span', `eval-score${disagree ? ' disagrees' : disagree === false ? ' agrees' : ''}`);
  box.appendChild(el('span', 'codicon codicon-beaker'));
  box.appendChild(el('span', 'score-name', `${scorer}:`));
  box.appendChild(el('span', 'score-value', String(value)));
  if (disagree) {
    const mark = el('span', 'score-mark');
    mark.appendChild(el('span', 'codicon codicon-warning'));
    mark.appendChild(el('span', '', ' disagrees with the verdict'));
    box.appendChild(mark);
  }
  const lines = [`The eval's own score (${scorer}): ${String(value)}${says ? ` (${says})` : ''}`];
  if (explanation) lines.push(explanation);
  if (disagree) lines.push(`The analysis judged this run ${run.outcome.verdict}.`);
  else if (disagree === false) lines.push(`Agrees with the verdict (${run.outcome.verdict}).`);
  else if (success !== null) lines.push('Not compared with the verdict: the run neither attempted replication nor was asked to, so the score is about another task.');
  box.title = lines.join('\n\n');
  return box;
}
