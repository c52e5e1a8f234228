// The timeline's annotation logic without a browser: which steps the annotation filters keep,
// and how the form's verdicts become the store's (one per finding unless they all agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markPasses } from '../../webview/annotations';
import { findingsOf, verdictChoices } from '../../webview/annotate-form';
import { tickPasses } from '../../webview/filter';
import { defaultFilters, type AnnotationMark } from '../../src/protocol/webview';
import type { AnalyzedStep } from '../../src/core/model';

const mark = (authors: string[], disagreement: boolean): AnnotationMark => ({ index: 0, labels: ['deception'], authors, byAuthor: {}, disagreement });

test('annotation filters: by anyone, by me, disagreements, and together', () => {
  const f = defaultFilters();
  const ann = mark(['ann'], false);
  const both = mark(['ann', 'bob'], true);
  const bob = mark(['bob'], false);
  assert.ok(markPasses(undefined, f, 'ann'), 'no filter keeps unannotated steps');
  assert.ok(!markPasses(undefined, { ...f, annotated: true }, 'ann'));
  assert.ok(markPasses(bob, { ...f, annotated: true }, 'ann'));
  assert.ok(markPasses(ann, { ...f, annotatedByMe: true }, 'ann'));
  assert.ok(!markPasses(bob, { ...f, annotatedByMe: true }, 'ann'));
  assert.ok(!markPasses(ann, { ...f, annotatedByMe: true }, ''), 'nobody is "me" before the host says who');
  assert.ok(markPasses(both, { ...f, disagreements: true }, 'ann'));
  assert.ok(!markPasses(ann, { ...f, disagreements: true }, 'ann'));
  assert.ok(!markPasses(bob, { ...f, annotatedByMe: true, disagreements: true }, 'bob'));
  assert.ok(markPasses(both, { ...f, annotatedByMe: true, disagreements: true }, 'bob'));
  // The tick filter combines them with the category filters.
  const tick = { index: 0, time: null, categories: ['process-kill' as const], obstacles: [] };
  assert.ok(tickPasses(tick, { ...f, criticalOnly: true, annotatedByMe: true }, true, markPasses(ann, { ...f, annotatedByMe: true }, 'ann')));
  assert.ok(!tickPasses(tick, { ...f, criticalOnly: true, annotatedByMe: true }, true, markPasses(bob, { ...f, annotatedByMe: true }, 'ann')));
});

test('form verdicts: one for every finding when they agree, else one per finding; misses after', () => {
  const found = ['process-kill', 'obstacle:port-in-use'];
  const v = (entries: [string, 'confirm' | 'reject' | null][]) => new Map(entries);
  assert.deepEqual(verdictChoices(found, v([]), []), []);
  assert.deepEqual(
    verdictChoices(
      found,
      v([
        ['process-kill', 'confirm'],
        ['obstacle:port-in-use', 'confirm'],
      ]),
      [],
    ),
    [{ verdict: 'confirm', finding: null }],
  );
  assert.deepEqual(verdictChoices(found, v([['process-kill', 'confirm']]), []), [{ verdict: 'confirm', finding: 'process-kill' }]);
  assert.deepEqual(
    verdictChoices(
      found,
      v([
        ['process-kill', 'confirm'],
        ['obstacle:port-in-use', 'reject'],
      ]),
      ['persistence'],
    ),
    [
      { verdict: 'confirm', finding: 'process-kill' },
      { verdict: 'reject', finding: 'obstacle:port-in-use' },
      { verdict: 'missed:persistence', finding: null },
    ],
  );
  // "No verdict" chosen after a verdict clears it.
  assert.deepEqual(
    verdictChoices(
      found,
      v([
        ['process-kill', null],
        ['obstacle:port-in-use', 'reject'],
      ]),
      [],
    ),
    [{ verdict: 'reject', finding: 'obstacle:port-in-use' }],
  );
  assert.deepEqual(verdictChoices([], v([]), ['restart', 'file-copy']), [
    { verdict: 'missed:restart', finding: null },
    { verdict: 'missed:file-copy', finding: null },
  ]);
});

test('the findings of a step, or of one of its commands', () => {
  const cmd = (categories: string[], obstacles: string[]) => ({ text: 'x', output: '', exitCode: 0, longRunning: false, categories, obstacles, findings: [], parseError: null });
  const step = {
    id: 's',
    index: 0,
    role: 'assistant',
    time: null,
    thought: '',
    source: null,
    commands: [cmd(['port-discovery'], ['command-not-found']), cmd(['process-kill', 'port-discovery'], [])],
  } as unknown as AnalyzedStep;
  assert.deepEqual(findingsOf(step), ['port-discovery', 'obstacle:command-not-found', 'process-kill']);
  assert.deepEqual(findingsOf(step, 1), ['process-kill', 'port-discovery']);
});
