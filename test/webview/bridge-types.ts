// Compile-time checks of the typed bridge: type-checked by `tsc --noEmit -p .` (npm test's
// typecheck), never run. Each `@ts-expect-error` fails the type-check if the wrong call it marks
// ever compiles, so the request -> result map and the message tables cannot silently loosen.
import type { AnalyzedStep } from '../../src/core/model';
import type { RunSummary, RunsResult, StepsResult } from '../../src/protocol/lsp';
import type { HostToWebview, MessageShapes } from '../../src/protocol/webview';
import type { Bridge } from '../../webview/bridge';

export function typedRequests(bridge: Bridge): void {
  const runs: Promise<RunsResult> = bridge.request('getRuns', {});
  const run: Promise<RunSummary | null> = bridge.request('getRun', { runId: 'r' });
  const steps: Promise<StepsResult> = bridge.request('getSteps', { runId: 'r', start: 0, count: 10 });
  const step: Promise<AnalyzedStep | null> = bridge.request('getStep', { runId: 'r', index: 0 });
  void [runs, run, steps, step];

  // @ts-expect-error getRun answers one run (or null), not the run list
  const wrongResult: Promise<RunsResult> = bridge.request('getRun', { runId: 'r' });
  // @ts-expect-error getStep may answer null: the result type says so
  const notNull: Promise<AnalyzedStep> = bridge.request('getStep', { runId: 'r', index: 0 });
  // @ts-expect-error getSteps needs start and count
  void bridge.request('getSteps', { runId: 'r' });
  // @ts-expect-error no request of that kind exists
  void bridge.request('getEverything', {});
  // @ts-expect-error requests go through request(), not post()
  bridge.post({ type: 'getRuns', requestId: 1 });
  void [wrongResult, notNull];
}

type Pair = { type: 'a'; x: number } | { type: 'b' };
const ok = () => true;

export const complete: MessageShapes<Pair> = { a: { x: ok }, b: {} };
// @ts-expect-error a message kind missing from the table
export const missingKind: MessageShapes<Pair> = { a: { x: ok } };
// @ts-expect-error a field of a kind left unchecked
export const missingField: MessageShapes<Pair> = { a: {}, b: {} };
// The host's own table is complete: adding a HostToWebview kind without a shape breaks the protocol file.
export type HostKinds = HostToWebview['type'];
