// asciinema casts (FORMATS.md §8), v1 (one JSON object, `stdout` frames), v2 (header line,
// then `[time, code, data]` with absolute times) and v3 (`term` header, intervals, `#`
// comments, `x` exit status). Commands are recovered from the shell session: a line typed at
// a shell prompt and ended with Enter is a command; whatever the terminal prints until the
// next prompt is its output. Input while a command runs (a sudo password, answers to a
// program, keys in a full-screen editor) is not a command and is never recorded. Casts
// recorded without input events are read from the echo that follows each prompt.
import type { RawCommand, RawStep, RawTrajectory, ReadIssue, ReadResult } from '../model';
import { contentStepId } from '../ids';
import { FormatError, type FormatReader, type SourceFile } from './types';
import { jsonlLines } from './jsonl';
import { asNum, asObj, asStr, type Obj } from './tool-output';
import { LineEditor, LineTerminal } from './asciicast-term';

const FORMAT = 'asciicast';

interface CastEvent {
  time: number;
  code: string;
  data: string;
  line: number;
}

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
    const session = new ShellSession(asNum(header.timestamp) ?? null, events.some((e) => e.code === 'i'));
    for (const e of events) session.event(e);
    const steps = session.finish();
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

/** Prompts of shells: `user@host:~$ `, `# `, `% `, zsh/starship arrows. Not `>>> ` or `Password: `. */
const SHELL_PROMPT = /(?:(?:^|[\s\])>:~\w\/-])[$❯➜»λ]|(?:^|[\s\])>:~A-Za-z_\/-])[#%]) ?$/;
/** `user@host:path$`, the prompt shape that can change (cwd) and still be told from output. */
const USER_HOST_LINE = /(?:^|\s)(?:\([^)]*\) ?)?[\w.-]+@[\w.-]+(?::[^\s$#%]*)? ?[$#%]$/;
const USER_HOST_PROMPT = /^((?:\([^)]*\) ?)?[\w.-]+@[\w.-]+(?::[^\s$#%]*)? ?[$#%] )(.*)$/;
const BARE_PROMPT = /^((?:\([^)]*\) ?)?[$#%] )(.*)$/;
/** Prompts are shorter than this; longer lines are output. */
const PROMPT_MAX = 300;
const NOT_SHELL = /^(?:>>>|\.\.\.|In \[\d+\]:|\(Pdb\)|mysql>|postgres[=#-]>|irb\(|sqlite>)/;

/** Follows the shell: at a prompt (typing a command) or running one. */
class ShellSession {
  exitStatus: number | null = null;
  private term = new LineTerminal();
  private editor = new LineEditor();
  private steps: RawStep[] = [];
  private seen = new Map<string, number>();
  private atPrompt = true;
  private prompts = new Set<string>();
  /** The cursor line when typing of the current line began (the prompt it was typed at). */
  private lineAtTyping: string | null = null;
  private firstKeyLine = 0;
  private running: { cmd: RawCommand; step: RawStep; lines: string[]; echo: boolean } | null = null;

  /** `sawInput`: the cast has input events; without them commands come from the echo. */
  constructor(
    private readonly start: number | null,
    readonly sawInput: boolean,
  ) {}

  event(e: CastEvent): void {
    if (e.code === 'o') this.output(e);
    else if (e.code === 'i') this.input(e);
    else if (e.code === 'm' && e.data) this.note(`marker: ${e.data}`);
    else if (e.code === 'x' && /^-?\d+$/.test(e.data.trim())) this.exitStatus = Number(e.data.trim());
  }

  private time(t: number): string | null {
    if (this.start === null) return null;
    const d = new Date((this.start + t) * 1000);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }

  private output(e: CastEvent): void {
    this.term.write(e.data);
    const done = this.term.takeLines();
    let i = 0;
    if (!this.sawInput && this.atPrompt && done.length) {
      // No input events: the line echoed after a prompt is the command.
      this.fromEcho(done[0], e);
      i = 1;
    }
    if (this.running) {
      const src = this.running.step.source;
      if (e.line && src) src.endLine = e.line;
      for (; i < done.length; i++) {
        if (this.running.echo) this.running.echo = false; // the line the command was typed on
        else if (!this.term.alternate) this.running.lines.push(done[i]);
      }
    }
    if ((!this.atPrompt || !this.sawInput) && !this.term.alternate && this.promptShown()) this.promptReturned();
  }

  private promptShown(): boolean {
    // Only the end of the line matters: a long output line costs nothing here.
    const raw = this.term.tail(PROMPT_MAX);
    for (const p of this.prompts) if (raw.endsWith(p)) return true;
    const cur = raw.replace(/\s+$/, '');
    if (!cur || this.term.length > PROMPT_MAX || NOT_SHELL.test(cur)) return false;
    if (this.term.pasteOn) return true;
    // Without keystrokes a false prompt would turn output into commands: once the prompt is
    // known, only a user@host prompt (changed directory) is taken for a new one.
    if (!this.sawInput && this.prompts.size) return USER_HOST_LINE.test(cur);
    return SHELL_PROMPT.test(cur);
  }

  private promptReturned(): void {
    this.atPrompt = true;
    const raw = this.term.currentRaw();
    if (this.running) {
      let rest = raw;
      for (const p of this.prompts) if (rest.endsWith(p)) rest = rest.slice(0, rest.length - p.length);
      if (rest === raw) rest = '';
      if (rest.trim()) this.running.lines.push(rest.replace(/\s+$/, ''));
      this.running.cmd.output = this.running.lines.join('\n').replace(/\n+$/, '');
      this.running = null;
    }
    if (!this.sawInput && raw.trim() && raw.length <= PROMPT_MAX) this.prompts.add(raw);
  }

  private fromEcho(line: string, e: CastEvent): void {
    let text: string | null = null;
    for (const p of this.prompts) {
      const pt = p.replace(/\s+$/, '');
      if (line.startsWith(pt)) {
        text = line.slice(pt.length);
        break;
      }
    }
    // A prompt and its command printed at once: `user@host:~/dir$ cmd`, `$ cmd`, `# cmd`.
    text ??= USER_HOST_PROMPT.exec(line)?.[2] ?? (this.prompts.size === 0 ? BARE_PROMPT.exec(line)?.[2] : undefined) ?? null;
    if (text?.trim()) this.startCommand(text.trim(), e, e.line, false);
  }

  private input(e: CastEvent): void {
    this.editor.feed(e.data, (key) => this.key(key, e));
    if (this.lineAtTyping === null && !this.editor.empty) {
      this.lineAtTyping = this.term.currentRaw();
      this.firstKeyLine = e.line;
    }
  }

  private key(key: 'enter' | 'cancel' | 'eof', e: CastEvent): void {
    const typedAt = this.lineAtTyping ?? this.term.currentRaw();
    const startLine = this.lineAtTyping === null ? e.line : this.firstKeyLine;
    if (key === 'enter' && this.atPrompt && !this.term.alternate) {
      const text = this.editor.dirty ? this.echoed(typedAt) : this.editor.text;
      if (text.trim()) {
        if (typedAt.trim() && typedAt.length <= PROMPT_MAX) this.prompts.add(typedAt);
        this.startCommand(text, e, startLine, true);
      }
    } else if (key === 'enter' && this.running && this.running.lines.length === 0 && typedAt.trim() === '>' && !this.term.alternate) {
      // A continuation line (PS2 `> `) of a command still being typed: heredocs, open quotes.
      this.running.cmd.text += '\n' + (this.editor.dirty ? this.echoed(typedAt) : this.editor.text);
      this.running.echo = true;
    }
    this.editor.reset();
    this.lineAtTyping = null;
  }

  /** The command as the terminal echoed it after the prompt (history, completion...). */
  private echoed(prompt: string): string {
    const raw = this.term.currentRaw();
    return (raw.startsWith(prompt) ? raw.slice(prompt.length) : raw).trim();
  }

  private startCommand(text: string, e: CastEvent, startLine: number, echo: boolean): void {
    const source = e.line ? { startLine: startLine || e.line, endLine: e.line } : null;
    const cmd: RawCommand = { text, output: '', exitCode: null, longRunning: false, tool: 'terminal', source };
    const step: RawStep = {
      id: contentStepId([text, String(e.time)], this.seen),
      role: 'assistant',
      time: this.time(e.time),
      thought: '',
      source: source ? { ...source } : null,
      commands: [cmd],
    };
    this.steps.push(step);
    this.running = { cmd, step, lines: [], echo };
    this.atPrompt = false;
  }

  private note(text: string): void {
    const step = this.steps[this.steps.length - 1];
    if (step) (step.notes ??= []).push(text);
  }

  finish(): RawStep[] {
    if (this.running) {
      const rest = this.term.current();
      if (rest) this.running.lines.push(rest);
      this.running.cmd.output = this.running.lines.join('\n').replace(/\n+$/, '');
      this.running = null;
    }
    return this.steps;
  }
}
