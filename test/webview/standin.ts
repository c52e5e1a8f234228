// A stand-in for the extension host, loaded before the webview in the test page: it implements
// `acquireVsCodeApi` and answers the webview's requests the way the extension does, from real
// analysis output and the language server's own request handlers (src/server/features/timeline).
// State persists in sessionStorage, as VS Code keeps a webview's state across reloads.
import type { AnalyzedStep, AnalyzedTrajectory } from '../../src/core/model';
import type { RunsResult, StepsResult } from '../../src/protocol/lsp';
import type { HostToWebview, RequestKind, RequestParams, RequestResult, ResponsePayload, TimelineBoot, WebviewRequest, WebviewToHost } from '../../src/protocol/webview';
import { firstScreen } from '../../src/extension/timeline/first-screen';
import { run, runs, runSummary, step, steps } from '../../src/server/features/timeline';
import type { ServedDocument } from '../../src/server/document';

export interface StandinData {
  uri: string;
  format: RunsResult['format'];
  runs: AnalyzedTrajectory[];
  /** Instead of `runs`: a generated run of this many steps (the benchmark). */
  synthetic?: number;
}

interface Host {
  received: WebviewToHost[];
  notify(m: HostToWebview): void;
  /** Replaces the document's runs (a live log that grew) and tells the webview. */
  update(runs: AnalyzedTrajectory[]): void;
  requests: number;
  /** While set, answers wait in `held` (a test orders them with `release`). */
  hold: boolean;
  held: HostToWebview[];
  /** Sends the held answers, last asked first when `reverse`, and stops holding. */
  release(reverse?: boolean): void;
}

declare global {
  interface Window {
    __RL_DATA__: StandinData;
    __RL_HOST__: Host;
    acquireVsCodeApi: () => { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void };
  }
}

const params = new URLSearchParams(location.search);
document.body.classList.add(...(params.get('theme') ?? 'vscode-dark').split(' '));

const data = window.__RL_DATA__;
let doc = { runs: data.runs, claimed: true, version: 1, error: null, analysis: { format: data.format, issues: [] } } as unknown as ServedDocument;

function synthStep(i: number): AnalyzedStep {
  const kinds = ['ls -la /w', 'kill -9 4242', 'netstat -tlnp | grep 8001', 'nohup python3 start.py --port 8001 &', 'cp -r /w/a /w/b', 'curl localhost:8001/health'];
  const counts: Record<string, number> = {};
  const cats = [[], ['process-kill'], ['port-discovery'], ['process-launch'], ['file-copy'], ['liveness-check']] as const;
  const programs = [['ls'], ['kill'], ['netstat', 'grep'], ['python3'], ['cp'], ['curl']];
  const k = i % 7 === 0 ? 0 : (i * 7919) % kinds.length;
  const text = kinds[k];
  return {
    id: `s${i}`,
    index: i,
    role: 'assistant',
    time: new Date(Date.UTC(2025, 0, 1) + i * 2000).toISOString(),
    thought: `Step ${i}: checking the state of the replica and deciding the next command to run.`,
    source: { startLine: i * 10 + 1, endLine: i * 10 + 9 },
    commands: [
      {
        text,
        output: `output of step ${i}\n`,
        exitCode: 0,
        longRunning: k === 3,
        categories: [...cats[k]],
        obstacles: [],
        findings: cats[k].map((c) => ({
          category: c,
          evidence: text,
          rule: 'synthetic',
          span: [0, text.length] as [number, number],
          spanIn: 'command' as const,
          entities: { ports: [], pids: [], processes: [], paths: [], hosts: [], urls: [] },
        })),
        parseError: null,
        programs: programs[k],
      },
    ],
  };
}

let synthCache: RunsResult | null = null;
function synthRuns(n: number): RunsResult {
  if (synthCache) return synthCache;
  const ticks = new Array(n);
  const counts: Record<string, number> = {};
  const cats = [[], ['process-kill'], ['port-discovery'], ['process-launch'], ['file-copy'], ['liveness-check']];
  for (let i = 0; i < n; i++) {
    const k = i % 7 === 0 ? 0 : (i * 7919) % 6;
    ticks[i] = { index: i, time: Date.UTC(2025, 0, 1) + i * 2000, categories: cats[k], obstacles: [] };
    for (const c of cats[k]) counts[c] = (counts[c] ?? 0) + 1;
  }
  synthCache = {
    uri: data.uri,
    version: 1,
    format: 'chatbot-log',
    error: null,
    issues: [],
    runs: [
      {
        id: 'synthetic',
        read: true,
        title: `Synthetic run (${n.toLocaleString()} steps)`,
        model: 'bench-model',
        task: 'benchmark',
        stepCount: n,
        commandCount: n,
        outcome: { verdict: 'unknown', evidence: [], reason: 'synthetic' },
        counts,
        ticks,
        threads: [],
        issues: [],
      },
    ],
  };
  return synthCache;
}

/** The result of one request, from the synthetic run or the server's own handlers. */
function result(m: WebviewRequest): RequestResult<RequestKind> {
  if (data.synthetic) {
    const n = data.synthetic;
    if (m.type === 'getRuns') return synthRuns(n);
    if (m.type === 'getRun') return synthRuns(n).runs[0];
    if (m.type === 'getSteps') {
      const out: AnalyzedStep[] = [];
      for (let i = m.start; i < Math.min(n, m.start + m.count); i++) out.push(synthStep(i));
      return { uri: data.uri, runId: m.runId, start: m.start, total: n, steps: out } satisfies StepsResult;
    }
    return m.index < n ? synthStep(m.index) : null;
  }
  if (m.type === 'getRuns') return runs(doc, data.uri);
  if (m.type === 'getRun') return run(doc, m.runId);
  if (m.type === 'getSteps') return steps(doc, { uri: data.uri, runId: m.runId, start: m.start, count: m.count, maxOutput: m.maxOutput });
  return step(doc, m.runId, m.index);
}

function answer(m: WebviewRequest): HostToWebview {
  return { type: 'response', requestId: m.requestId, payload: { kind: m.type, result: result(m) } as ResponsePayload };
}

const host: Host = {
  received: [],
  requests: 0,
  hold: false,
  held: [],
  release(reverse = false) {
    this.hold = false;
    const held = reverse ? this.held.reverse() : this.held;
    this.held = [];
    for (const m of held) window.postMessage(m, window.origin);
  },
  notify(m) {
    window.postMessage(m, window.origin);
  },
  update(next) {
    doc = { ...doc, runs: next, version: (doc.version ?? 0) + 1 } as ServedDocument;
    this.notify({ type: 'changed', version: doc.version, runIds: next.map((r) => r.id) });
  },
};
window.__RL_HOST__ = host;
// Keeps the import used: the summary function is what `runs` calls for each trajectory.
void runSummary;

window.acquireVsCodeApi = () => ({
  postMessage(raw: unknown) {
    const m = raw as WebviewToHost;
    host.received.push(m);
    // As the extension does: the first screen (runs and first page) sent unasked once the page is ready.
    if (m.type === 'ready') {
      const boot = JSON.parse(document.body.dataset.boot ?? '{}') as Partial<TimelineBoot>;
      const ask = <K extends RequestKind>(kind: K, params: RequestParams<K>) =>
        Promise.resolve(result({ ...params, type: kind, requestId: 0 } as WebviewRequest) as RequestResult<K>);
      void firstScreen(ask, data.uri, boot.reveal ?? null).then((screen) => setTimeout(() => window.postMessage(screen, window.origin), 0));
    }
    if ('requestId' in m) {
      host.requests++;
      // Asynchronous, like the real relay through the extension host and the language server.
      if (host.hold) host.held.push(answer(m));
      else setTimeout(() => window.postMessage(answer(m), window.origin), 0);
    }
  },
  getState() {
    const s = sessionStorage.getItem('rl-state');
    return s ? JSON.parse(s) : undefined;
  },
  setState(s: unknown) {
    sessionStorage.setItem('rl-state', JSON.stringify(s));
  },
});
