// "World at this step": what the world model says the machine(s) held at the selected step:
// processes alive (and the ones that ended), ports, copies with their generation, each session's
// working directory, and the replicated system. Transcript text goes in as text nodes only.
import type { World } from '../src/core/world-types';
import { processTitle, worldAt, type PortAt, type ProcessAt } from './world';
import { el } from './text';
import { stepNo } from './labels';

export interface WorldPanelActions {
  jumpToIndex(index: number): void;
  /** The panel was folded (true) or unfolded by its button. */
  toggled?(hidden: boolean): void;
  /** A process's entry is hovered (its lane key) or left (null). */
  hoverLane?(key: string | null): void;
}

/** Items listed per section before "+N more" (a log with thousands of processes stays readable). */
const SECTION_MAX = 40;

export class WorldPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private world: World | null = null;
  private stepCount = 0;
  private step: number | null = null;
  private hidden: boolean;
  private readonly fold: HTMLButtonElement;

  constructor(
    private readonly actions: WorldPanelActions,
    hidden = false,
  ) {
    this.root = el('aside', 'world-panel');
    this.root.setAttribute('aria-label', 'World at this step');
    const bar = el('div', 'world-bar');
    this.fold = el('button', 'icon-btn world-fold');
    this.fold.type = 'button';
    this.fold.addEventListener('click', () => this.setHidden(!this.hidden, true));
    bar.appendChild(this.fold);
    this.title = el('div', 'world-title', 'World');
    bar.appendChild(this.title);
    this.root.appendChild(bar);
    this.body = el('div', 'world-body');
    this.root.appendChild(this.body);
    this.hidden = !hidden;
    this.setHidden(hidden, false);
  }

  /** Folds the panel to a narrow strip (the list gets the width) or unfolds it. */
  setHidden(hidden: boolean, byUser: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    this.root.classList.toggle('folded', hidden);
    this.fold.replaceChildren(el('span', `codicon codicon-${hidden ? 'chevron-left' : 'chevron-right'}`));
    this.fold.title = hidden ? 'Show the world at the selected step' : 'Hide the world panel';
    this.fold.setAttribute('aria-label', this.fold.title);
    this.fold.setAttribute('aria-expanded', String(!hidden));
    if (hidden) this.title.textContent = 'World';
    else this.render();
    if (byUser) this.actions.toggled?.(hidden);
  }

  setRun(world: World | null | undefined, stepCount: number): void {
    this.world = world ?? null;
    this.stepCount = stepCount;
    this.render();
  }

  /** The selected step (its index), or null: then the world at the end of the log. */
  select(step: number | null): void {
    if (step === this.step) return;
    this.step = step;
    this.render();
  }

  private render(): void {
    this.body.replaceChildren();
    if (this.hidden) return;
    const w = this.world;
    if (!this.stepCount) {
      this.title.textContent = 'World';
      this.body.appendChild(el('div', 'muted', 'The run has no steps.'));
      return;
    }
    const at = this.step ?? this.stepCount - 1;
    this.title.textContent = this.step === null ? `World at the end (step ${stepNo(at)})` : `World at step ${stepNo(at)}`;
    if (!w) {
      this.body.appendChild(el('div', 'muted', 'No world model for this run.'));
      return;
    }
    const now = worldAt(w, at);
    this.system(w, at);

    const alive = now.processes.filter((p) => p.state === 'alive');
    const ended = now.processes.filter((p) => p.state !== 'alive');
    this.section(
      'Processes alive',
      alive.length,
      alive.slice(0, SECTION_MAX).map((p) => this.processItem(p)),
      'none known',
    );
    if (ended.length)
      this.section(
        'Ended',
        ended.length,
        ended.slice(-SECTION_MAX).map((p) => this.processItem(p)),
      );
    this.section(
      'Ports',
      now.ports.length,
      now.ports.slice(0, SECTION_MAX).map((p) => this.portItem(p)),
      'none seen yet',
    );
    this.section(
      'Copies',
      now.copies.length,
      now.copies.slice(-SECTION_MAX).map((c) => {
        const li = el('li', `world-item${c.ok ? '' : ' failed'}`);
        li.appendChild(el('span', `gen-badge copy-gen${c.system ? ' system' : ''}`, `gen ${c.generation}`));
        li.appendChild(el('span', 'path', ` ${place(c.source.host, c.source.path)} \u2192 ${place(c.dest.host, c.dest.path)}`));
        li.appendChild(this.link(c.step));
        li.title = `${c.kind === 'transfer' ? 'transfer to or from another host' : 'copy'}${c.system ? ' of the replicated system' : ''}${c.ok ? '' : ' (failed)'}`;
        return li;
      }),
      'none yet',
    );
    this.section(
      'Working directory',
      now.cwd.length,
      now.cwd.map((c) => {
        const li = el('li', 'world-item');
        li.appendChild(el('span', 'session', `${c.session}: `));
        li.appendChild(el('span', 'path', c.cwd));
        li.appendChild(this.link(c.step));
        return li;
      }),
      'not changed by the run',
    );
    // What this very step changed (launched, ended, bound, copied, moved to): marked in the lists.
    for (const a of this.body.querySelectorAll(`.step-link[data-step="${at}"]`)) a.closest('li')?.classList.add('now');
    this.body.appendChild(legend());
  }

  private system(w: World, at: number): void {
    const s = w.system;
    const box = el('div', 'world-system');
    if (!s) {
      box.appendChild(el('span', 'muted', 'Replicated system: not identified from the run.'));
      this.body.appendChild(box);
      return;
    }
    const head = el('div', 'world-system-head');
    head.appendChild(el('span', 'codicon codicon-hubot'));
    head.appendChild(el('span', '', ` Replicated system (${s.kind === 'own' ? "the agent's own" : 'a stand-in stack'})`));
    box.appendChild(head);
    const roots = s.roots.map((r) => place(r.host, r.path)).join(', ');
    if (roots) box.appendChild(el('div', 'path', roots));
    if (s.ports.length) box.appendChild(el('div', 'muted', `serves on port ${s.ports.join(', ')}`));
    const seen = s.signs.filter((g) => g.step <= at);
    box.title = s.signs.map((g) => `step ${stepNo(g.step)}: ${g.says}`).join('\n');
    if (seen.length < s.signs.length) box.appendChild(el('div', 'muted', `${seen.length} of ${s.signs.length} signs shown by this step`));
    this.body.appendChild(box);
  }

  private section(name: string, count: number, items: HTMLElement[], empty?: string): void {
    const sec = el('section', 'world-section');
    sec.appendChild(el('div', 'section-title', `${name} (${count.toLocaleString()})`));
    if (!items.length) {
      if (empty) sec.appendChild(el('div', 'muted', empty));
    } else {
      const ul = el('ul', 'world-list');
      for (const i of items) ul.appendChild(i);
      sec.appendChild(ul);
      if (count > items.length) sec.appendChild(el('div', 'muted', `+${(count - items.length).toLocaleString()} more`));
    }
    this.body.appendChild(sec);
  }

  /** Two lines: what it is (program, role, the step that started or ended it), then its facts and state. */
  private processItem(p: ProcessAt): HTMLElement {
    const x = p.process;
    const tone = x.replica ? 'replica' : x.system ? 'system' : 'other';
    const li = el('li', `world-item proc proc-${p.state}`);
    const top = el('div', 'proc-line');
    top.appendChild(el('span', `swatch lane-${tone}`));
    top.appendChild(el('span', 'program', x.program));
    if (x.replica) top.appendChild(el('span', 'gen-badge replica', `replica gen ${x.generation}`));
    else if (x.system) top.appendChild(el('span', 'gen-badge system', 'system'));
    const from = x.launchedAt?.step ?? x.seenAt;
    if (p.endedAt !== null) top.appendChild(this.link(p.endedAt));
    else if (from !== null) top.appendChild(this.link(from));
    li.appendChild(top);
    const sub = el('div', 'proc-line proc-facts');
    if (p.state === 'alive' && p.answered) sub.appendChild(el('span', 'state answered', 'answered'));
    if (p.state !== 'alive') sub.appendChild(el('span', `state ${p.state}`, p.state));
    const facts = [x.pid !== null ? `pid ${x.pid}` : '', x.port !== null ? `port ${x.port}` : '', x.host ? `on ${x.host}` : '', x.cwd ? `in ${x.cwd}` : '']
      .filter(Boolean)
      .join(' \u00B7 ');
    if (facts) sub.appendChild(el('span', 'muted', facts));
    if (sub.childNodes.length) li.appendChild(sub);
    li.title = processTitle(x);
    li.dataset.lane = `p:${x.id}`;
    li.addEventListener('mouseenter', () => this.actions.hoverLane?.(`p:${x.id}`));
    li.addEventListener('mouseleave', () => this.actions.hoverLane?.(null));
    return li;
  }

  private portItem(p: PortAt): HTMLElement {
    const li = el('li', `world-item port port-${p.state}`);
    li.appendChild(el('span', 'port-no', `${p.host ? `${p.host}:` : ''}${p.port}`));
    li.appendChild(el('span', `state ${p.state}`, p.state));
    const owner = p.process === null ? undefined : this.world?.processes.find((x) => x.id === p.process);
    if (owner) li.appendChild(el('span', 'muted', ` ${owner.program}`));
    li.appendChild(this.link(p.step));
    return li;
  }

  private link(step: number): HTMLElement {
    const a = el('a', 'step-link', `#${stepNo(step)}`);
    a.setAttribute('role', 'button');
    a.tabIndex = 0;
    a.title = `go to step ${stepNo(step)}`;
    a.dataset.step = String(step);
    a.addEventListener('click', () => this.actions.jumpToIndex(step));
    a.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.stopPropagation();
        this.actions.jumpToIndex(step);
      }
    });
    return a;
  }
}

function place(host: string | null, path: string): string {
  return host ? `${host}:${path}` : path;
}

/** What the lifelines' colours and marks mean (the lanes themselves tell what they are on hover). */
function legend(): HTMLElement {
  const box = el('div', 'lane-legend');
  box.appendChild(el('div', 'section-title', 'Lifelines'));
  const item = (classes: string, text: string) => {
    const line = el('div', 'legend-item');
    line.appendChild(el('span', `lane ${classes}`));
    line.appendChild(document.createTextNode(text));
    box.appendChild(line);
  };
  item('lane-system lane-start', 'the replicated system, from its launch');
  item('lane-replica lane-answered', 'a replica, where it answered');
  item('lane-other lane-end lane-killed', 'another process, where it was killed');
  item('lane-replica lane-end lane-crashed', 'where a process crashed or failed to start');
  item('lane-port', 'a port held by a process the run never named');
  return box;
}
