// The order of what a timeline page is sent as it opens (pure, no `vscode`: unit-tested). The
// first screen is asked for as the panel opens, so the server works while the page loads, and
// goes to the page when it says it is ready; other messages wait for 'ready' too; changes wait
// for the first screen and follow it, so the page never shows older data last. A log's whole,
// analysed after its top while the page loads, is such a change: the first rows come from the
// top, and the page refreshes right after (asking for the whole instead made the first rows
// later: its world panel and lifelines are built before them, 0.1-0.4 s more at load 16).
import type { FirstScreen, HostToWebview } from '../../protocol/webview';

export class FirstScreenGate {
  private ready = false;
  private disposed = false;
  /** Messages posted before the page was ready (annotation marks). */
  private queue: HostToWebview[] = [];
  /** The first screen asked for as the panel opened, until the page takes it. */
  private opening: Promise<FirstScreen> | null;
  /** Whether the page has its first screen. */
  private pushed = false;
  private held: HostToWebview[] = [];
  private readies = 0;

  constructor(
    private readonly ask: () => Promise<FirstScreen>,
    private readonly send: (m: HostToWebview) => void,
  ) {
    this.opening = this.ask();
  }

  /** Whether the page has said it is ready before (a second 'ready' is a reloaded page). */
  get wasReady(): boolean {
    return this.ready;
  }

  post(m: HostToWebview): void {
    if (this.disposed) return;
    if (m.type === 'changed' && !this.pushed) this.held.push(m);
    else if (m.type !== 'changed' && !this.ready) this.queue.push(m);
    else this.send(m);
  }

  /** The page is ready (loaded, or reloaded: it has lost what it was sent): what waited, then its first screen, then the changes after it. */
  async pageReady(): Promise<void> {
    this.ready = true;
    this.pushed = false;
    const queued = this.queue;
    this.queue = [];
    for (const m of queued) this.send(m);
    const token = ++this.readies;
    const opening = this.opening ?? this.ask();
    this.opening = null;
    const screen = await opening;
    // A page reloaded meanwhile has asked again: that later one is the one it listens for.
    if (token !== this.readies || this.disposed) return;
    this.send(screen);
    this.pushed = true;
    const held = this.held;
    this.held = [];
    for (const m of held) this.send(m);
  }

  dispose(): void {
    this.disposed = true;
  }
}
