// asciinema casts (FORMATS.md §8), v1 (one JSON object, `stdout` frames), v2 (header line,
// then `[time, code, data]` with absolute times) and v3 (`term` header, intervals, `#`
// comments, `x` exit status). The events are replayed through a shell session
// (asciicast-session.ts), which recovers the commands, their output and exit status.
import type { RawTrajectory, ReadIssue, ReadResult } from '../model';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { jsonlLines } from './jsonl';
import { asNum, asObj, asStr, type Obj } from './tool-output';
import { ShellSession, type CastEvent } from './asciicast-session';

const FORMAT = 'asciicast';
/** A `command` header that starts an interactive shell (no `-c`): its commands are read from the session. */
const SHELL =
  /^(?:\S*\/)?(?:ba|z|fi|da|k|tc|c|mk|a|y|o)?sh(?:\.exe)?(?:\s+-(?!-?c\b)\S+)*\s*$|^(?:\S*[/\\])?(?:pwsh|powershell|cmd|nu|xonsh)(?:\.exe)?(?:\s+-(?!-?c\b|command\b)\S+)*\s*$/i;

export const asciicastReader: FormatReader = {
  id: FORMAT,
  sniff(_file: SourceFile, head: string): number {
    const t = head.replace(/^\uFEFF/, '');
    const nl = t.indexOf('\n');
    try {
      const h = asObj(JSON.parse(nl === -1 ? t : t.slice(0, nl)));
      if (h && (h.version === 2 || h.version === 3) && (asNum(h.width) !== undefined || asObj(h.term))) return 0.95;
    } catch {
      // not a header line
    }
    if (/^\s*\{/.test(t) && /"version"\s*:\s*1\b/.test(t) && /"stdout"\s*:\s*\[/.test(t)) return 0.9;
    return 0;
  },
  read(file: SourceFile): ReadResult {
    const { header, events, issues } = parseCast(file.text());
    const width = asNum(header.width) ?? asNum(asObj(header.term)?.cols) ?? 0;
    const session = new ShellSession(
      asNum(header.timestamp) ?? null,
      events.some((e) => e.code === 'i'),
      width > 0 && width < 10000 ? Math.floor(width) : 0,
    );
    for (const e of events) session.event(e);
    const recorded = asStr(header.command)?.trim();
    const steps = session.finish(recorded && !SHELL.test(recorded) ? recorded : null);
    const title = asStr(header.title) ?? asStr(header.command) ?? file.name;
    const env = asObj(header.env);
    const meta: Record<string, string | number | boolean | null> = { version: asNum(header.version) ?? null };
    const shell = asStr(env?.SHELL);
    if (shell) meta.shell = shell;
    if (session.exitStatus !== null) meta.exitStatus = session.exitStatus;
    if (!session.sawInput) meta.recoveredFromOutput = true;
    const traj: RawTrajectory = { id: file.name, title, model: null, task: asStr(header.title) ?? null, steps, issues: [], meta };
    return { format: FORMAT, trajectories: [traj], issues };
  },
};

function parseCast(text: string): { header: Obj; events: CastEvent[]; issues: ReadIssue[] } {
  const issues: ReadIssue[] = [];
  const lines = jsonlLines(text);
  const first = lines.next();
  if (first.done) throw new FormatError(FORMAT, `${FORMAT}: the file is empty`);
  let header: Obj | null = null;
  try {
    header = asObj(JSON.parse(first.value.text));
  } catch {
    // v1 casts are one (often pretty-printed) JSON object
  }
  if (!header) {
    let whole: Obj | null = null;
    try {
      whole = asObj(JSON.parse(text));
    } catch (e) {
      throw new FormatError(FORMAT, `${FORMAT}: the first line is not a JSON header (${(e as Error).message})`, first.value.line);
    }
    if (!whole || whole.version !== 1 || !Array.isArray(whole.stdout)) {
      throw new FormatError(FORMAT, `${FORMAT}: not an asciicast header (expected {"version": 1|2|3, ...})`, first.value.line);
    }
    return { header: whole, events: v1Events(whole.stdout as unknown[], issues), issues };
  }
  if (header.version === 1 && Array.isArray(header.stdout)) {
    return { header, events: v1Events(header.stdout as unknown[], issues), issues };
  }
  if (header.version !== 2 && header.version !== 3) {
    throw new FormatError(FORMAT, `${FORMAT}: unsupported version ${JSON.stringify(header.version)} in the header`, first.value.line);
  }
  const relative = header.version === 3;
  const events: CastEvent[] = [];
  let clock = 0;
  for (const { line, text: t } of lines) {
    if (relative && t.startsWith('#')) continue;
    let ev: unknown;
    try {
      ev = JSON.parse(t);
    } catch (e) {
      issues.push({ severity: 'error', line, message: `${FORMAT}: line ${line} is not valid JSON (${(e as Error).message}); skipped` });
      continue;
    }
    if (!Array.isArray(ev) || ev.length < 3 || typeof ev[0] !== 'number' || typeof ev[1] !== 'string' || typeof ev[2] !== 'string') {
      issues.push({ severity: 'error', line, message: `${FORMAT}: line ${line} is not an event [time, code, data]; skipped` });
      continue;
    }
    clock = relative ? clock + ev[0] : ev[0];
    events.push({ time: clock, code: ev[1], data: ev[2], line });
  }
  return { header, events, issues };
}

function v1Events(frames: unknown[], issues: ReadIssue[]): CastEvent[] {
  const events: CastEvent[] = [];
  let clock = 0;
  frames.forEach((f, i) => {
    if (Array.isArray(f) && typeof f[0] === 'number' && typeof f[1] === 'string') {
      clock += f[0];
      events.push({ time: clock, code: 'o', data: f[1], line: 0 });
    } else issues.push({ severity: 'warning', entry: `stdout[${i}]`, message: `${FORMAT}: frame ${i} is not [delay, data]; skipped` });
  });
  return events;
}
