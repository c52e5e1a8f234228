// What the timeline shows first, fetched by the host while the page loads and sent unasked once
// it is ready: the file's runs and the page of steps the first rows need. The page then paints
// its rows without a request of its own (each would cost a round trip through the workbench).
// Pure (no `vscode` import): the tests' stand-in host sends the same message.
import type { RunsResult, StepsResult } from '../../protocol/lsp';
import { PAGE_OUTPUT, STEPS_PAGE, type FirstScreen, type RequestKind, type RequestParams, type RequestResult, type TimelineBoot } from '../../protocol/webview';

/** Asks the language server (or a stand-in) one of the timeline's requests. */
export type Ask = <K extends RequestKind>(kind: K, params: RequestParams<K>) => Promise<RequestResult<K>>;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The runs, and the first page of the run shown first (the one to reveal, else the file's first) when it is read. */
export async function firstScreen(ask: Ask, uri: string, reveal: TimelineBoot['reveal']): Promise<FirstScreen> {
  let result: RunsResult;
  try {
    result = await ask('getRuns', {});
  } catch (e) {
    const error = `The language server could not analyse this file: ${message(e)}`;
    return { type: 'runs', result: { uri, version: null, format: null, runs: [], error, issues: [] }, page: null };
  }
  let run = (reveal?.runId ? result.runs.find((r) => r.id === reveal.runId) : undefined) ?? result.runs[0];
  if (run && !run.read) {
    // Only listed (an `.eval`'s sample): the server reads it right after the list; the first
    // screen waits for it rather than leave the page to ask.
    try {
      const read = await ask('getRun', { runId: run.id });
      if (read?.read) {
        const listed = run;
        result = { ...result, runs: result.runs.map((r) => (r === listed ? read : r)) };
        run = read;
      }
    } catch {
      // The page reads it when it shows it, and says why if that fails again.
    }
  }
  if (!run?.read || run.stepCount <= 0) return { type: 'runs', result, page: null };
  // The page holding the step to reveal (positions follow the ticks), else the first.
  const at = reveal && (!reveal.runId || reveal.runId === run.id) ? run.ticks.findIndex((t) => t.index === reveal.index) : 0;
  const start = Math.floor(Math.max(0, at) / STEPS_PAGE) * STEPS_PAGE;
  let page: StepsResult | null = null;
  try {
    page = await ask('getSteps', { runId: run.id, start, count: Math.min(STEPS_PAGE, run.stepCount - start), maxOutput: PAGE_OUTPUT });
  } catch {
    // The page asks for it itself, and says so if it fails again.
    page = null;
  }
  return { type: 'runs', result, page };
}
