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
  /** Bumped to stop a "read every run" on its way (a new run list). */
  private bulk = 0;
  /** Bumped by each load: a run list answered after a newer one was asked for is dropped. */
  private loads = 0;

  constructor(private readonly host: RunPickerHost) {}

  get runs(): RunSummary[] {
    return this.result?.runs ?? [];
  }

  find(id: string): RunSummary | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /**
   * Fetches the run list (or takes the one the host sent, `given`); `wanted` first, else the first
   * run. On refresh the shown run stays. Loads may overlap (a change while the list is on its way):
   * the last one asked for wins.
   */
  async load(refresh: boolean, wanted: string | null, given?: RunsResult): Promise<void> {
    const token = ++this.loads;
    let res: RunsResult;
    try {
      res = given ?? (await this.host.runs());
    } catch (e) {
      if (token === this.loads) this.host.message(`The language server could not analyse this file: ${String(e)}`);
      return;
    }
    if (token !== this.loads) return;
    this.result = res;
    this.bulk++;
    performance.mark('rl:runs');
    if (res.error || !res.runs.length) {
      const issues = res.issues.map((i) => `${i.line ? `line ${i.line}: ` : i.entry ? `${i.entry}: ` : ''}${i.message}`);
      this.host.message(res.error ?? 'No runs were found in this file.', issues);
      this.host.listed([]);
      return;
    }
    const id = (refresh ? this.current?.id : null) ?? wanted;
    const run = res.runs.find((r) => r.id === id) ?? res.runs[0];
    if (refresh && this.current && run.id === this.current.id) {
      // The shown run changed: refresh it in place (read again first if the server only listed it).
      if (!run.read) return void this.read(run.id, false, true);
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
    // A read still on its way is for a run no longer wanted.
    this.reading++;
    this.current = run;
    this.host.show(run, restoring);
  }

  /**
   * Reads every run the server only listed, one at a time (the run table's "read all": a researcher
   * who wants to sort samples by verdict or score asks for it; nothing is read unasked).
   * `progress` is told after each; a run that cannot be read is skipped.
   */
  async readAll(progress: (done: number, total: number) => void): Promise<void> {
    const token = ++this.bulk;
    const ids = this.runs.filter((r) => !r.read).map((r) => r.id);
    for (let k = 0; k < ids.length; k++) {
      let read: RunSummary | null = null;
      try {
        read = await this.host.run(ids[k]);
      } catch {
        read = null;
      }
      if (token !== this.bulk) return;
      const runs = this.result?.runs;
      const i = runs ? runs.findIndex((r) => r.id === ids[k]) : -1;
      if (runs && read?.read && i >= 0 && !runs[i].read) runs[i] = read;
      progress(k + 1, ids.length);
    }
  }

  private async read(id: string, restoring: boolean, refreshing = false): Promise<void> {
    const token = ++this.reading;
    if (!refreshing) {
      this.host.message('Reading the run\u2026');
      // The list shows while the run is read.
      this.host.listed(this.runs);
    }
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
    if (refreshing) this.host.refresh(read);
    else this.host.show(read, restoring);
  }
}

/**
 * The task is said once, beside the title: a title that is the task itself (a chat log titled by
 * its first request) gives way to the file name, and one that starts with it (an Inspect sample's
 * `task: id (epoch n)`) drops it.
 */
export function taskOnce(run: RunSummary): RunSummary {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const task = flat(run.task ?? '');
  if (!task) return run;
  const title = flat(run.title).replace(/\s*(\u2026|\.\.\.)$/, '');
  if (title && task.startsWith(title)) return { ...run, title: '' };
  const prefix = `${flat(run.task!.split('\n')[0])}: `;
  return run.title.startsWith(prefix) ? { ...run, title: run.title.slice(prefix.length) } : run;
}
