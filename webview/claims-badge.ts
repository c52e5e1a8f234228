// Claimed vs observed: a badge on a step whose thought claims an effect the outputs contradict
// or never show, and the claims listed in the expanded step with the step that shows otherwise.
import type { Claim } from '../src/core/model';
import { el } from './text';
import { stepNo } from './labels';

/** Claims grouped by their step, built once per run. */
export function claimsByStep(claims: readonly Claim[] | undefined): Map<number, Claim[]> {
  const out = new Map<number, Claim[]>();
  for (const c of claims ?? []) {
    const a = out.get(c.step);
    if (a) a.push(c);
    else out.set(c.step, [c]);
  }
  return out;
}

function statusText(c: Claim): string {
  return c.status === 'contradicted' ? 'contradicted by the outputs' : 'not shown by any output';
}

/** The row's badge: a distinct shape and colour, one per step, counting its claims. */
export function claimBadge(claims: readonly Claim[] | undefined, count = claims?.length ?? 0): HTMLElement | null {
  if (!count) return null;
  const contradicted = claims?.some((c) => c.status === 'contradicted') ?? false;
  const b = el('span', `badge claim${contradicted ? ' contradicted' : ' unobserved'}`);
  b.appendChild(el('span', `codicon codicon-${contradicted ? 'error' : 'question'}`));
  b.appendChild(el('span', 'claim-text', count > 1 ? `claims ${count}` : 'claim'));
  b.title = claims?.length
    ? claims.map((c) => `\u201C${c.text}\u201D: ${statusText(c)}. ${c.why}`).join('\n')
    : `${count} claim${count === 1 ? '' : 's'} the outputs do not bear out (expand the step)`;
  return b;
}

/** The expanded step's claims, each with its status, why, and the step that shows otherwise. */
export function renderClaims(claims: readonly Claim[], jump: (index: number) => void): HTMLElement {
  const sec = el('div', 'claims-box');
  sec.appendChild(el('div', 'section-title', 'Claimed vs observed'));
  const ul = el('ul', 'claim-list');
  for (const c of claims) {
    const li = el('li', `claim-item ${c.status}`);
    li.appendChild(el('span', `badge claim ${c.status}`, c.status));
    li.appendChild(el('q', 'claim-quote', c.text));
    li.appendChild(el('span', 'claim-why', ` ${c.why}`));
    if (c.evidenceStep !== null) {
      const a = el('a', 'step-link', `step ${stepNo(c.evidenceStep)}`);
      a.setAttribute('role', 'button');
      a.tabIndex = 0;
      a.title = `go to step ${stepNo(c.evidenceStep)}, whose output ${c.status === 'contradicted' ? 'shows otherwise' : 'is the last word on it'}`;
      const go = (e: Event) => {
        e.stopPropagation();
        jump(c.evidenceStep!);
      };
      a.addEventListener('click', go);
      a.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') go(e);
      });
      li.appendChild(document.createTextNode(' (see '));
      li.appendChild(a);
      li.appendChild(document.createTextNode(')'));
    }
    ul.appendChild(li);
  }
  sec.appendChild(ul);
  return sec;
}
