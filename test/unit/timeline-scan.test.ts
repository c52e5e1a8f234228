// The timeline's filtering (webview/scan.ts) without a browser: tick filters answer at once, a text
// search narrows as the content scan goes, and an invalid regular expression shows no step and
// says why in the status line (it used to show every step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterScan, type ScanSource } from '../../webview/scan';
import { defaultFilters } from '../../src/protocol/webview';
import type { AnalyzedStep } from '../../src/core/model';
import type { Tick } from '../../webview/filter';

const ticks: Tick[] = [
  { index: 0, time: null, categories: [], obstacles: [] },
  { index: 1, time: null, categories: ['process-kill'], obstacles: [] },
  { index: 2, time: null, categories: ['file-copy'], obstacles: ['permission-denied'] },
];
const step = (i: number, thought: string): AnalyzedStep =>
  ({ id: `s${i}`, index: i, role: 'assistant', time: null, thought, source: null, commands: [] }) as unknown as AnalyzedStep;
const steps = [step(0, 'look around'), step(1, 'kill the old server'), step(2, 'copy the weights')];
const source: ScanSource = {
  async scan(from, visit) {
    for (let p = from; p < steps.length; p++) visit(p, steps[p]);
    return true;
  },
};
const none = () => ({ annotated: false, ok: true });
const shownOf = (f: FilterScan, filters = defaultFilters()) => [...f.compute(filters, ticks, ticks.length, none).visible];

test('no filter shows every step; tick filters answer without a scan', () => {
  const f = new FilterScan(() => undefined);
  f.apply(defaultFilters(), 3, null);
  assert.deepEqual(shownOf(f), [0, 1, 2]);
  assert.equal(f.status(f.compute(defaultFilters(), ticks, 3, none), 3), '3 steps');
  const crit = { ...defaultFilters(), labels: ['obstacle:permission-denied'] };
  f.apply(crit, 3, null);
  assert.deepEqual(shownOf(f, crit), [2]);
  assert.equal(f.status(f.compute(crit, ticks, 3, none), 3), '1 of 3 steps');
});

test('a text search scans the content and keeps the matches', async () => {
  let progressed = 0;
  const f = new FilterScan(() => progressed++);
  const q = { ...defaultFilters(), search: 'KILL' };
  f.apply(q, 3, source);
  await new Promise((r) => setTimeout(r, 0));
  assert.ok(progressed > 0);
  assert.equal(f.scanning, false);
  assert.deepEqual(shownOf(f, q), [1]);
});

test('an invalid regular expression shows no step and says why', () => {
  const f = new FilterScan(() => undefined);
  const q = { ...defaultFilters(), search: 'kill (', regex: true };
  f.apply(q, 3, source);
  assert.ok(f.error);
  assert.equal(f.matcher, null);
  const shown = f.compute(q, ticks, 3, none);
  assert.deepEqual([...shown.visible], []);
  assert.match(f.status(shown, 3), /^Invalid regular expression: .*kill \(/);
  // The same text without the regex toggle is a plain search.
  const plain = { ...q, regex: false };
  f.apply(plain, 3, null);
  assert.equal(f.error, null);
});
