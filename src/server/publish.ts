// Diagnostics published in pieces: a large log's are computed a slice of steps at a time
// (slices.ts: the event loop takes its turn between slices, so requests are answered meanwhile), and what is ready goes out every PIECE_MS, the top of the file first, until the whole
// set is sent. Each piece is a superset of the one before; a newer publish for the same document
// (an edit, a settings change) stops an older one still in progress.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServedDocument } from './document';
import { diagnosticSteps } from './features/diagnostics';
import type { ServerSettings } from './settings';
import { nextTurn, runSlice } from './slices';

/** Time between two pieces sent. */
export const PIECE_MS = 250;

export interface Published {
  count: number;
  pieces: number;
  ms: number;
  /** The longest slice of work between two turns of the event loop. */
  longestSliceMs: number;
}

type Send = (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;

export class DiagnosticsPublisher {
  private readonly latest = new Map<string, number>();
  private next = 0;

  constructor(private readonly send: Send) {}

  /**
   * Publishes the diagnostics of `d` (those `keep` accepts); resolves when all are sent, or
   * with null when a newer publish or `cancel` for the same document took over.
   */
  async publish(d: ServedDocument, settings: ServerSettings, keep?: (x: Diagnostic) => boolean): Promise<Published | null> {
    const id = ++this.next;
    this.latest.set(d.uri, id);
    const t0 = performance.now();
    const all: Diagnostic[] = [];
    const steps = diagnosticSteps(d, settings, all);
    const version = d.version ?? undefined;
    const ready = () => (keep ? all.filter(keep) : all.slice());
    let pieces = 0;
    let sentCount = 0;
    let lastSent = t0;
    let longestSliceMs = 0;
    for (;;) {
      const s0 = performance.now();
      const done = runSlice(steps);
      longestSliceMs = Math.max(longestSliceMs, performance.now() - s0);
      if (done) break;
      if (performance.now() - lastSent >= PIECE_MS && all.length > sentCount) {
        this.send(d.uri, version, ready());
        pieces++;
        sentCount = all.length;
        lastSent = performance.now();
      }
      await nextTurn();
      if (this.latest.get(d.uri) !== id) return null;
    }
    this.send(d.uri, version, ready());
    if (this.latest.get(d.uri) === id) this.latest.delete(d.uri);
    return { count: all.length, pieces: pieces + 1, ms: performance.now() - t0, longestSliceMs };
  }

  /** Stops a publish in progress for a document (closed). */
  cancel(uri: string): void {
    this.latest.set(uri, ++this.next);
  }
}
