// The order of what a timeline page is sent as it opens (pure, no `vscode`: unit-tested). The
// first screen is asked for as the panel opens, so the server works while the page loads, and
// goes to the page when it says it is ready; other messages wait for 'ready' too; changes wait
// for the first screen and follow it, so the page never shows older data last. A change before
// the page has loaded asks for the first screen again: the page starts from the new analysis (a
// log's whole, after its top) instead of refreshing right after its first rows.
import type { FirstScreen, HostToWebview } from '../../protocol/webview';

export class FirstScreenGate {
  private ready = false;
  private disposed = false;
  /** Messages posted before the page was ready (annotation marks). */
  private queue: HostToWebview[] = [];
  /** The first screen asked for and not yet sent; `seen`: the changes counted when it was asked for (it shows them). */
  private opening: { seen: number; screen: Promise<FirstScreen> } | null;
  /** Whether the page has its first screen. */
  private pushed = false;
  private changes = 0;
  private held: { m: HostToWebview; seq: number }[] = [];
  private readies = 0;

  constructor(
    private readonly ask: () => Promise<FirstScreen>,
    private readonly send: (m: HostToWebview) => void,
  ) {
    this.opening = this.askNow();
  }

  /** Whether the page has said it is ready before (a second 'ready' is a reloaded page). */
  get wasReady(): boolean {
    return this.ready;
  }

  private askNow(): { seen: number; screen: Promise<FirstScreen> } {
    return { seen: this.changes, screen: this.ask() };
  }

  post(m: HostToWebview): void {
    if (this.disposed) return;
    if (m.type === 'changed') {
      this.changes++;
      if (!this.ready && this.opening) this.opening = this.askNow();
      else if (!this.pushed) this.held.push({ m, seq: this.changes });
      else this.send(m);
      return;
    }
    if (!this.ready) this.queue.push(m);
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
    const opening = this.opening ?? this.askNow();
    this.opening = null;
    const screen = await opening.screen;
    // A page reloaded meanwhile has asked again: that later one is the one it listens for.
    if (token !== this.readies || this.disposed) return;
    this.send(screen);
    this.pushed = true;
    const held = this.held;
    this.held = [];
    for (const { m, seq } of held) if (seq > opening.seen) this.send(m);
  }

  dispose(): void {
    this.disposed = true;
  }
}
