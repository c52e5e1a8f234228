// The one channel to the extension host: typed requests with paired responses, and
// notifications. Messages that do not come from the host (another origin) or fail the
// protocol's validator are ignored.
import type { AnalyzedStep } from '../src/core/model';
import type { RunSummary, RunsResult, StepsResult } from '../src/protocol/lsp';
import { parseHostMessage, type HostToWebview, type RequestKind, type RequestParams, type RequestResult, type TimelineState, type WebviewToHost } from '../src/protocol/webview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Pending = { kind: RequestKind; resolve: (v: unknown) => void; reject: (e: Error) => void };
export type Notification = Exclude<HostToWebview, { type: 'response' } | { type: 'responseError' }>;

/** Requests only: what a store or a scan needs from the bridge. */
export interface Requester {
  request<K extends RequestKind>(type: K, params: RequestParams<K>): Promise<RequestResult<K>>;
}

export class Bridge implements Requester {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private listeners: ((m: Notification) => void)[] = [];

  constructor() {
    window.addEventListener('message', (event: MessageEvent) => {
      // VS Code relays host messages from the webview's own origin.
      if (event.origin !== window.origin) return;
      const data = parseHostMessage(event.data);
      if (!data) return;
      if (data.type === 'response' || data.type === 'responseError') {
        const p = this.pending.get(data.requestId);
        if (!p) return;
        this.pending.delete(data.requestId);
        if (data.type === 'responseError') p.reject(new Error(data.message));
        // An answer of another kind than asked is the host's bug: say so rather than mistype it.
        else if (data.payload.kind !== p.kind) p.reject(new Error(`a ${p.kind} request was answered with ${data.payload.kind}`));
        else p.resolve(data.payload.result);
        return;
      }
      for (const l of this.listeners) l(data);
    });
  }

  onNotification(listener: (m: Notification) => void): void {
    this.listeners.push(listener);
  }

  post(message: Exclude<WebviewToHost, { requestId: number }>): void {
    this.api.postMessage(message);
  }

  /** Sends a request; its result type follows from its kind (src/protocol/webview.ts WebviewRequests). */
  request<K extends RequestKind>(type: K, params: RequestParams<K>): Promise<RequestResult<K>> {
    const requestId = this.nextId++;
    return new Promise<RequestResult<K>>((resolve, reject) => {
      this.pending.set(requestId, { kind: type, resolve: resolve as (v: unknown) => void, reject });
      this.api.postMessage({ ...params, type, requestId });
    });
  }

  runs(): Promise<RunsResult> {
    return this.request('getRuns', {});
  }

  /** A run only listed so far, read now. */
  run(runId: string): Promise<RunSummary | null> {
    return this.request('getRun', { runId });
  }

  steps(runId: string, start: number, count: number, maxOutput?: number): Promise<StepsResult> {
    return this.request('getSteps', { runId, start, count, maxOutput });
  }

  step(runId: string, index: number): Promise<AnalyzedStep | null> {
    return this.request('getStep', { runId, index });
  }

  getState(): Partial<TimelineState> | undefined {
    const s = this.api.getState();
    return s && typeof s === 'object' ? (s as Partial<TimelineState>) : undefined;
  }

  setState(state: TimelineState): void {
    this.api.setState(state);
  }
}
