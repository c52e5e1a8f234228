// The webview protocol's one validator: each direction's messages are accepted with the fields
// their kind declares and dropped when the kind is unknown or a field has the wrong type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOST_MESSAGE_TYPES, parseHostMessage, parseWebviewMessage } from '../../src/protocol/webview';

test('webview -> host: well-formed requests and notifications pass unchanged', () => {
  const msgs = [
    { type: 'getRuns', requestId: 1 },
    { type: 'getSteps', requestId: 2, runId: 'r', start: 0, count: 100, maxOutput: 4000 },
    { type: 'getSteps', requestId: 3, runId: 'r', start: 100, count: 100 },
    { type: 'goToSource', runId: 'r', index: 3, startLine: 10, endLine: 12 },
    { type: 'saveAnnotation', saveId: 1, runId: 'r', index: 2, stepId: 's2', labels: ['process-kill'], note: '', verdicts: [{ verdict: 'reject', finding: 'process-kill' }] },
    { type: 'log', level: 'warn', message: 'x' },
  ];
  for (const m of msgs) assert.equal(parseWebviewMessage(m), m, m.type);
});

test('webview -> host: unknown kinds and mistyped fields are dropped', () => {
  const bad: unknown[] = [
    null,
    'getRuns',
    [],
    { type: 'runShell', command: 'rm -rf /' },
    { type: 'toString' },
    { type: 'getRuns' },
    { type: 'getRun', requestId: 1, runId: 7 },
    { type: 'getSteps', requestId: 1, runId: 'r', start: -1, count: 10 },
    { type: 'getSteps', requestId: 1, runId: 'r', start: 0, count: 1.5 },
    { type: 'goToSource', runId: 'r', index: 0, startLine: '1', endLine: 2 },
    { type: 'saveAnnotation', runId: 'r', index: 0, stepId: 's', labels: [1], note: '', verdicts: [] },
    { type: 'saveAnnotation', runId: 'r', index: 0, stepId: 's', labels: [], note: '', verdicts: [{ verdict: 'confirm' }] },
    { type: 'log', level: 'fatal', message: 'x' },
  ];
  for (const m of bad) assert.equal(parseWebviewMessage(m), null, JSON.stringify(m));
});

test('host -> webview: every declared kind is listed; responses must name a known request', () => {
  assert.deepEqual([...HOST_MESSAGE_TYPES].sort(), [
    'annotationError',
    'annotationMarks',
    'annotationSaved',
    'annotations',
    'changed',
    'response',
    'responseError',
    'runs',
    'selectLine',
    'selectStep',
  ]);
  assert.ok(parseHostMessage({ type: 'response', requestId: 1, payload: { kind: 'getStep', result: null } }));
  assert.equal(parseHostMessage({ type: 'response', requestId: 1, payload: { kind: 'runs', result: {} } }), null);
  assert.equal(parseHostMessage({ type: 'response', requestId: 1, payload: { kind: 'getStep' } }), null);
  assert.ok(parseHostMessage({ type: 'selectLine', line: 12 }));
  assert.equal(parseHostMessage({ type: 'selectLine', line: '12' }), null);
  assert.ok(parseHostMessage({ type: 'changed', version: null, runIds: [] }));
  assert.equal(parseHostMessage({ type: 'changed', version: 'x', runIds: [] }), null);
  // The first screen: a run list, and a page of steps or none.
  const result = { uri: 'u', version: null, format: null, runs: [], error: null, issues: [] };
  assert.ok(parseHostMessage({ type: 'runs', result, page: null }));
  assert.ok(parseHostMessage({ type: 'runs', result, page: { uri: 'u', runId: 'r', start: 0, total: 1, steps: [] } }));
  assert.equal(parseHostMessage({ type: 'runs', result: { runs: 'x' }, page: null }), null);
  assert.equal(parseHostMessage({ type: 'runs', result }), null);
});
