// Lifelines beside the rows: one narrow lane per process (and per port no known process held),
// drawn row by row, so a lane runs down the list from its launch to its kill or crash. Each
// row draws only its own slice, which keeps the virtualised list O(rows on screen).
import type { Lifelines } from './world';
import { el } from './text';

/** Width of one lane's column, in px (CSS reads it as --rl-lane-w). */
export const LANE_W = 8;

/** Sets the gutter the rows leave for the lanes (none when the run has no lanes). */
export function sizeGutter(list: HTMLElement, lines: Lifelines): void {
  list.classList.toggle('has-lanes', lines.columns > 0);
  list.style.setProperty('--rl-lanes-w', `${lines.columns * LANE_W + 4}px`);
}

/** Draws the slices of the lanes that cover `step` into `row`. */
export function paintLanes(row: HTMLElement, step: number, lines: Lifelines | null): void {
  if (!lines || !lines.columns) return;
  const covering = lines.at(step);
  if (!covering.length) return;
  const box = el('div', 'lanes');
  box.setAttribute('aria-hidden', 'true');
  for (const i of covering) {
    const lane = lines.lanes[i];
    const parts = ['lane', `lane-${lane.tone}`, `lane-${lane.kind}`];
    if (step === lane.from) parts.push('lane-start');
    if (step === lane.to && lane.end) parts.push(`lane-end lane-${lane.end}`);
    else if (step === lane.to) parts.push('lane-last');
    if (lane.marks.includes(step)) parts.push('lane-answered');
    const seg = el('span', parts.join(' '));
    seg.style.left = `${lane.column * LANE_W}px`;
    seg.title = lane.title + (lane.marks.includes(step) ? `\nanswered here (step ${step + 1})` : '');
    seg.dataset.column = String(lane.column);
    seg.dataset.lane = lane.key;
    box.appendChild(seg);
  }
  row.appendChild(box);
}

/** Draws, down an expanded step's detail, the lanes that run on past `step` (no marks: they only continue). */
export function paintThrough(box: HTMLElement, step: number, lines: Lifelines | null): void {
  if (!lines || !lines.columns) return;
  const through = lines.at(step).filter((i) => lines.lanes[i].to > step);
  if (!through.length) return;
  const strip = el('div', 'lanes');
  strip.setAttribute('aria-hidden', 'true');
  for (const i of through) {
    const lane = lines.lanes[i];
    const seg = el('span', `lane lane-${lane.tone} lane-${lane.kind}`);
    seg.style.left = `${lane.column * LANE_W}px`;
    seg.dataset.lane = lane.key;
    seg.title = lane.title;
    strip.appendChild(seg);
  }
  box.appendChild(strip);
}

/** Brings one lane forward (the others dimmed) while its entry in the world panel is hovered; null ends it. */
export function highlightLane(list: HTMLElement, key: string | null): void {
  list.classList.toggle('lane-hovering', key !== null);
  for (const e of list.querySelectorAll('.lane-hot')) e.classList.remove('lane-hot');
  if (key === null) return;
  for (const e of list.querySelectorAll<HTMLElement>('.lane[data-lane]')) if (e.dataset.lane === key) e.classList.add('lane-hot');
}
