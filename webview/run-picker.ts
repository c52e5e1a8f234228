// Which run the timeline shows: the file's run list from the host, the run to show first (the
// one asked for, the one shown before a reload, else the first), and reading a run the server
// only listed (a large `.eval` lists its samples before any is read).
import type { RunSummary, RunsResult } from '../src/protocol/lsp';

export interface RunPickerHost {
  runs(): Promise<RunsResult>;
  run(id: string): Promise<RunSummary | null>;
  /** Show a read run (restoring: keep the saved scroll, selection and expansion if it is the saved run). */
  show(run: RunSummary, restoring: boolean): void;
  /** The shown run changed in the file (an edit, a live log that grew). */
  refresh(run: RunSummary): void;
  /** The list of runs, while none is shown (one is being read, or none could be). */
  listed(runs: RunSummary[]): void;
  message(text: string, details?: string[]): void;
}

export class RunPicker {
  result: RunsResult | null = null;
  /** The run shown (read), or null. */
  current: RunSummary | null = null;
  private reading = 0;

  constructor(private readonly host: RunPickerHost) {}

  get runs(): RunSummary[] {
    return this.result?.runs ?? [];
  }

  find(id: string): RunSummary | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /** Fetches the run list; `wanted` first, else the first run. On refresh the shown run stays. */
  async load(refresh: boolean, wanted: string | null): Promise<void> {
    let res: RunsResult;
    try {
      res = await this.host.runs();
    } catch (e) {
      this.host.message(`The language server could not analyse this file: ${String(e)}`);
      return;
    }
    this.result = res;
    performance.mark('rl:runs');
    if (res.error || !res.runs.length) {
      const issues = res.issues.map((i) => `${i.line ? `line ${i.line}: ` : i.entry ? `${i.entry}: ` : ''}${i.message}`);
      this.host.message(res.error ?? 'No runs were found in this file.', issues);
      this.host.listed([]);
      return;
    }
    const id = (refresh ? this.current?.id : null) ?? wanted;
    const run = res.runs.find((r) => r.id === id) ?? res.runs[0];
    if (refresh && this.current && run.id === this.current.id && run.read) {
      this.current = run;
      this.host.refresh(run);
    } else this.pick(run.id, !refresh);
  }

  /** Shows a run, reading it first when it was only listed. */
  pick(id: string, restoring: boolean): void {
    const run = this.find(id);
    if (!run) return;
    if (!run.read) {
      void this.read(id, restoring);
      return;
    }
    this.current = run;
    this.host.show(run, restoring);
  }

  private async read(id: string, restoring: boolean): Promise<void> {
    const token = ++this.reading;
    this.host.message('Reading the run\u2026');
    // The list shows while the run is read.
    this.host.listed(this.runs);
    let read: RunSummary | null;
    try {
      read = await this.host.run(id);
    } catch (e) {
      this.host.message(`The run could not be read: ${String(e)}`);
      return;
    }
    // Another run was picked meanwhile: that one wins.
    if (token !== this.reading) return;
    const runs = this.result?.runs;
    const i = runs ? runs.findIndex((r) => r.id === id) : -1;
    if (!runs || !read || i < 0) {
      this.host.message('The run is no longer in the file.');
      return;
    }
    runs[i] = read;
    if (!read.read) {
      this.host.message(
        read.outcome.reason,
        read.issues.map((x) => x.message),
      );
      this.host.listed(runs);
      return;
    }
    this.current = read;
    this.host.show(read, restoring);
  }
}
