// One analysed document as the server serves it: the text (when the format is text), its
// analysis or the reason it could not be read, and indexes built lazily on first use (line to
// step, command places, entity occurrences). Built once per document version, then shared by
// every feature.
import type { Position, Range } from 'vscode-languageserver/node';
import type { Analysis, AnalyzedCommand, AnalyzedStep, AnalyzedTrajectory, Entities } from '../core/model';
import { docOffset, findCommand, findToken, type CommandPlace } from './locate';
import { Lines } from './lines';
import type { OpenedLog } from '../node/open-log';

export interface StepRef {
  run: number;
  step: number;
}

/** Where one entity (`port:8001`) is named: the steps and commands that carry it. */
export interface EntityUse {
  run: number;
  step: number;
  command: number;
  /** Categories of the findings that named it in that command. */
  roles: string[];
}

export function entityKeys(e: Entities): string[] {
  return [
    ...e.ports.map((p) => `port:${p}`),
    ...e.pids.map((p) => `pid:${p}`),
    ...e.processes.map((p) => `process:${p}`),
    ...e.paths.map((p) => `path:${p}`),
    ...e.hosts.map((h) => `host:${h}`),
    ...e.urls.map((u) => `url:${u}`),
  ];
}

/** The text a key names in a command line (`port:8001` -> `8001`). */
export function entityText(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export class ServedDocument {
  readonly doc: Lines | null;
  private stepStarts: { line: number; ref: StepRef }[] | null = null;
  private places = new Map<string, CommandPlace | null>();
  private entityIndex: Map<string, EntityUse[]>[] | null = null;
  private memos = new Map<string, unknown>();
  /** Raw-content print of each run -> its analysis, for reuse by the next version. */
  readonly rawPrints = new Map<string, AnalyzedTrajectory>();
  /**
   * A log whose runs are listed and read one by one (an `.eval` from disk): the timeline asks
   * it for one run at a time; every other feature reads all of its runs (`analysis`).
   */
  log: OpenedLog | null = null;
  private whole: Analysis | null = null;
  /**
   * Set while this document is the top of a large file, served first: analyses the whole file
   * now (instead of after a short delay), once the timeline has its first page.
   */
  analyseWhole: (() => void) | null = null;

  constructor(
    readonly uri: string,
    readonly version: number | null,
    text: string | null,
    readonly analysis: Analysis | null,
    /** Why the file could not be read, when a reader claimed it but failed. */
    readonly error: string | null,
    /** Whether any reader claimed the content (unclaimed JSON files are not served). */
    readonly claimed: boolean,
  ) {
    this.doc = text === null ? null : new Lines(text);
  }

  /** A feature's answer for this version, computed once (the analysis never changes). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  get text(): string {
    return this.doc?.text ?? '';
  }

  /** The analysis of every run (a lazily opened log is read whole on this first use). */
  get analysed(): Analysis | null {
    if (this.analysis || !this.log) return this.analysis;
    return (this.whole ??= this.log.all());
  }

  get runs(): AnalyzedTrajectory[] {
    return this.analysed?.trajectories ?? [];
  }

  step(ref: StepRef): AnalyzedStep {
    return this.runs[ref.run].steps[ref.step];
  }

  /** Whole lines of a 1-based inclusive range, as an LSP range. */
  lineRange(startLine: number, endLine: number): Range {
    const last = Math.max(0, (this.doc?.lineCount ?? 1) - 1);
    const s = Math.min(Math.max(0, startLine - 1), last);
    const e = Math.min(Math.max(s, endLine - 1), last);
    const endChar = this.doc ? this.lineLength(e) : 0;
    return { start: { line: s, character: 0 }, end: { line: e, character: endChar } };
  }

  lineLength(line: number): number {
    return this.doc ? this.doc.lineLength(line) : 0;
  }

  /** The step whose source lines hold a 0-based line, if any. */
  stepAtLine(line: number): StepRef | null {
    const starts = this.stepIndex();
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const ref = starts[found].ref;
    const src = this.step(ref).source;
    return src && line <= src.endLine - 1 ? ref : null;
  }

  private stepIndex(): { line: number; ref: StepRef }[] {
    if (!this.stepStarts) {
      const out: { line: number; ref: StepRef }[] = [];
      this.runs.forEach((t, run) =>
        t.steps.forEach((s, step) => {
          if (s.source) out.push({ line: s.source.startLine - 1, ref: { run, step } });
        }),
      );
      out.sort((a, b) => a.line - b.line);
      this.stepStarts = out;
    }
    return this.stepStarts;
  }

  /** Offsets [from, to) of the region a command is searched in: its own lines, else its step's. */
  private region(step: AnalyzedStep, cmd: AnalyzedCommand): [number, number] | null {
    const src = cmd.source ?? step.source;
    if (!this.doc || !src) return null;
    const from = this.doc.lineStart(src.startLine - 1);
    const to = src.endLine >= this.doc.lineCount ? this.text.length : this.doc.lineStart(src.endLine);
    return [from, to];
  }

  /** Where a command's text is written in the document, or null. */
  commandPlace(ref: StepRef, command: number): CommandPlace | null {
    const key = `${ref.run}/${ref.step}/${command}`;
    if (this.places.has(key)) return this.places.get(key) ?? null;
    const step = this.step(ref);
    const cmd = step.commands[command];
    const region = cmd && this.region(step, cmd);
    const place = region ? findCommand(this.text, cmd.text, region[0], region[1]) : null;
    this.places.set(key, place);
    return place;
  }

  /** The document range of characters [from, to) of a command's text. */
  commandRange(ref: StepRef, command: number, from = 0, to?: number): Range | null {
    const place = this.commandPlace(ref, command);
    if (!place || !this.doc) return null;
    const text = this.step(ref).commands[command].text;
    const end = Math.min(to ?? text.length, text.length);
    return {
      start: this.doc.positionAt(docOffset(place, Math.min(from, end))),
      end: this.doc.positionAt(docOffset(place, end)),
    };
  }

  /** A range to show for a step: its first command, else its first line, else the file start. */
  stepAnchor(ref: StepRef): Range {
    const s = this.step(ref);
    for (let c = 0; c < s.commands.length; c++) {
      const r = this.commandRange(ref, c);
      if (r) return r;
    }
    if (s.source) {
      const line = s.source.startLine - 1;
      return { start: { line, character: 0 }, end: { line, character: this.lineLength(line) } };
    }
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  /** Whole-step range (its lines), else its anchor. */
  stepRange(ref: StepRef): Range {
    const s = this.step(ref).source;
    return s ? this.lineRange(s.startLine, s.endLine) : this.stepAnchor(ref);
  }

  /** Per run: entity key -> the commands that name it, in step order. */
  entities(run: number): Map<string, EntityUse[]> {
    if (!this.entityIndex) {
      this.entityIndex = this.runs.map((t, r) => {
        const m = new Map<string, EntityUse[]>();
        t.steps.forEach((s, si) =>
          s.commands.forEach((c, ci) => {
            for (const f of c.findings) {
              for (const key of entityKeys(f.entities)) {
                let uses = m.get(key);
                if (!uses) m.set(key, (uses = []));
                const last = uses[uses.length - 1];
                if (last && last.step === si && last.command === ci) {
                  if (!last.roles.includes(f.category)) last.roles.push(f.category);
                } else uses.push({ run: r, step: si, command: ci, roles: [f.category] });
              }
            }
          }),
        );
        return m;
      });
    }
    return this.entityIndex[run] ?? new Map();
  }

  /** Where an entity is written in one of its commands (the token), else the command. */
  entityRange(use: EntityUse, key: string): Range {
    const ref = { run: use.run, step: use.step };
    const text = this.step(ref).commands[use.command]?.text ?? '';
    const needle = entityText(key);
    const at = findToken(text, needle, 0, text.length);
    if (at >= 0) {
      const r = this.commandRange(ref, use.command, at, at + needle.length);
      if (r) return r;
    }
    return this.commandRange(ref, use.command) ?? this.stepAnchor(ref);
  }

  /**
   * The command (if any) whose text covers a position, the offset into its text, and the place
   * found (its main place, or another spelling of it on the cursor's line, such as the echo of
   * the action in an observation).
   */
  commandAt(pos: Position): { ref: StepRef; command: number; offset: number; place: CommandPlace } | null {
    const ref = this.stepAtLine(pos.line);
    if (!ref || !this.doc) return null;
    const at = this.doc.offsetAt(pos);
    const lineStart = this.doc.offsetAt({ line: pos.line, character: 0 });
    const lineEnd = lineStart + this.lineLength(pos.line);
    const cmds = this.step(ref).commands;
    const covers = (p: CommandPlace | null): boolean => !!p && at >= p!.start && at <= p!.end;
    for (let c = 0; c < cmds.length; c++) {
      let place: CommandPlace | null = this.commandPlace(ref, c);
      if (!covers(place)) {
        place = null;
        for (let from = lineStart; from < lineEnd;) {
          const p = findCommand(this.text, cmds[c].text, from, lineEnd);
          if (!p) break;
          if (covers(p)) {
            place = p;
            break;
          }
          from = p.end;
        }
      }
      if (place) return { ref, command: c, offset: offsetIn(place, at, cmds[c].text.length), place };
    }
    return null;
  }

  /** The document range of a place's characters [from, to). */
  placeRange(place: CommandPlace, from: number, to: number): Range | null {
    if (!this.doc) return null;
    return { start: this.doc.positionAt(docOffset(place, from)), end: this.doc.positionAt(docOffset(place, to)) };
  }
}

/** The command offset of a document offset inside a place. */
function offsetIn(place: CommandPlace, at: number, length: number): number {
  if (!place.map) return Math.min(at - place.start, length);
  const rel = at - place.start;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (place.map[mid] <= rel) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
