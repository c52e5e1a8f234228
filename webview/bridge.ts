// The one channel to the extension host: typed requests with paired responses, and
// notifications. Messages that do not come from the host (another origin, or an unknown
// shape) are ignored.
import type { AnalyzedStep } from '../src/core/model';
import type { RunSummary, RunsResult, StepsResult } from '../src/protocol/lsp';
import {
  isHostMessage,
  type HostToWebview,
  type TimelineState,
  type WebviewToHost,
} from '../src/protocol/webview';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Notification = Exclude<HostToWebview, { type: 'response' } | { type: 'responseError' }>;

export class Bridge {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private listeners: ((m: Notification) => void)[] = [];

  constructor() {
    window.addEventListener('message', (event: MessageEvent) => {
      // VS Code relays host messages from the webview's own origin.
      if (event.origin !== window.origin) return;
      const data: unknown = event.data;
      if (!isHostMessage(data)) return;
      if (data.type === 'response' || data.type === 'responseError') {
        const p = this.pending.get(data.requestId);
        if (!p) return;
        this.pending.delete(data.requestId);
        if (data.type === 'response') p.resolve(data.payload.result);
        else p.reject(new Error(data.message));
        return;
      }
      for (const l of this.listeners) l(data);
    });
  }

  onNotification(listener: (m: Notification) => void): void {
    this.listeners.push(listener);
  }

  post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  runs(): Promise<RunsResult> {
    return this.request<RunsResult>({ type: 'getRuns' });
  }

  /** A run only listed so far, read now. */
  run(runId: string): Promise<RunSummary | null> {
    return this.request<RunSummary | null>({ type: 'getRun', runId });
  }

  steps(runId: string, start: number, count: number, maxOutput?: number): Promise<StepsResult> {
    return this.request<StepsResult>({ type: 'getSteps', runId, start, count, maxOutput });
  }

  step(runId: string, index: number): Promise<AnalyzedStep | null> {
    return this.request<AnalyzedStep | null>({ type: 'getStep', runId, index });
  }

  getState(): Partial<TimelineState> | undefined {
    const s = this.api.getState();
    return s && typeof s === 'object' ? (s as Partial<TimelineState>) : undefined;
  }

  setState(state: TimelineState): void {
    this.api.setState(state);
  }

  private request<T>(msg: DistributiveOmit<Extract<WebviewToHost, { requestId: number }>, 'requestId'>): Promise<T> {
    const requestId = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
      this.api.postMessage({ ...msg, requestId });
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
