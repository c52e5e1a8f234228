// Follows the shell through an asciinema recording: a line typed at a shell prompt and ended
// with Enter is a command; whatever the terminal prints until the next prompt is its output.
// Input while a command runs (a sudo password, answers to a program, keys in a full-screen
// editor) is not a command and is never recorded. Prompts are learned from the recording
// (asciicast-prompt.ts): with input events, the text before the cursor when a line is typed;
// without them (most casts), the text before the cursor when the output pauses at a prompt,
// followed by the command's echo. Lines written whole (`prompt command`) are read as such.
import type { RawCommand, RawStep } from '../model';
import { contentStepId } from '../ids';
import { LineEditor, LineTerminal, type FinishedLine } from './asciicast-term';
import { CONTINUATION, PROMPT_MAX, PromptBook, promptShape } from './asciicast-prompt';
import { dropPromptInfoLines, statusFromPrompts, type PromptSeen } from './asciicast-prompts-seen';

export interface CastEvent {
  time: number;
  code: string;
  data: string;
  line: number;
}

export interface Running {
  cmd: RawCommand;
  step: RawStep;
  lines: string[];
  /** The next finished line is the command's own line, not output. */
  echo: boolean;
  /** The command's text is what that line shows after the prompt (history, completion). */
  fromEcho: { prompt: string; col: number; fallback: string } | null;
  /** The prompt it was typed at. */
  at: AtPrompt | null;
  /** Output only: lines shown while the line editor stayed on after the command's line. */
  more: string[] | null;
}

/** Where the shell is waiting for a line: the prompt's text and its column on the line. */
interface AtPrompt {
  text: string;
  col: number;
}

/** A line being typed: the text before the cursor when it began, and the prompt found in it. */
interface Typing {
  before: string;
  col: number;
  line: number;
  prompt: AtPrompt | null | undefined;
}

export class ShellSession {
  exitStatus: number | null = null;
  private readonly term: LineTerminal;
  private readonly editor = new LineEditor();
  private readonly book = new PromptBook();
  private readonly steps: RawStep[] = [];
  private readonly all: Running[] = [];
  private readonly seen = new Map<string, number>();
  private readonly prompts: PromptSeen[] = [];
  private running: Running | null = null;
  /** Output only: the shell shows a prompt and the next line is the command's. */
  private prompt: AtPrompt | null = null;
  /** Output only: a prompt was found where the output paused (the shell echoes typing live). */
  private liveStyle = false;
  private typing: Typing | null = null;
  private recent: [string | undefined, string | undefined] = [undefined, undefined];
  /** Lines before any command: a recording of one program, not of a shell, is all output. */
  private loose: string[] | null = [];
  private firstEvent: CastEvent | null = null;

  /** `sawInput`: the cast has input events; without them commands come from the echo. */
  constructor(
    private readonly start: number | null,
    readonly sawInput: boolean,
    width: number,
  ) {
    this.term = new LineTerminal(width);
  }

  event(e: CastEvent): void {
    this.firstEvent ??= e;
    if (e.code === 'o') this.output(e);
    else if (e.code === 'i') this.input(e);
    else if (e.code === 'm' && e.data) this.note(`marker: ${e.data}`);
    else if (e.code === 'x' && /^-?\d+$/.test(e.data.trim())) this.exitStatus = Number(e.data.trim());
    else if (e.code === 'r' && /^\d{1,4}x\d{1,4}$/.test(e.data.trim())) this.term.resize(Number(e.data.trim().split('x')[0]));
  }

  private time(t: number): string | null {
    if (this.start === null) return null;
    const d = new Date((this.start + t) * 1000);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }

  private output(e: CastEvent): void {
    const fresh = this.term.length === 0;
    this.term.write(e.data);
    const done = this.term.takeLines();
    for (let k = 0; k < done.length; k++) this.lineDone(done[k], e, fresh && k === 0);
    if (!this.sawInput && !this.prompt && !this.term.alternate) this.pauseAtPrompt();
    const src = this.running?.step.source;
    if (src && e.line) src.endLine = e.line;
  }

  private lineDone(done: FinishedLine, e: CastEvent, atEventStart: boolean): void {
    const line = done.text;
    const run = this.running;
    if (run?.echo) {
      run.echo = false;
      if (run.fromEcho) this.textFromEcho(run, line);
      return;
    }
    if (!this.sawInput) {
      if (this.prompt) return this.commandLine(done, e);
      if (run && !run.lines.length && this.continued(run, done)) return;
      if (run && this.redrawn(run, line)) return;
      if (!this.liveStyle && atEventStart && !this.term.alternate && this.wholeLine(line, e)) return;
    }
    if (run && !this.term.alternate) run.lines.push(line);
    else if (!run && this.loose) this.loose.push(line);
    this.recent = [this.recent[1], line];
  }

  /**
   * Output only: the command's line goes on: the line editor stayed on after it (a pasted
   * block, or a completion list after which the shell draws the line again), or PS2 lines of
   * an open heredoc, quote or pipe follow. Returns whether `line` was taken.
   */
  private continued(run: Running, { text: line, editing }: FinishedLine): boolean {
    if (run.more) {
      if (editing) run.more.push(line);
      else {
        const redrawn = run.at && this.afterPrompt(line, run.at);
        run.cmd.text = redrawn || [run.cmd.text, ...run.more, line].join('\n');
        run.more = null;
      }
    } else {
      const m = incomplete(run.cmd.text) ? /^((?:[a-z]+ ?)*>>?) ?/.exec(line) : null;
      if (!m || !CONTINUATION.test(m[1])) return false;
      run.cmd.text += '\n' + line.slice(m[0].length);
    }
    this.recent = [this.recent[1], line];
    return true;
  }

  /**
   * Output only: the shell drew the command's line again, longer (Tab listed completions,
   * then redrew the prompt and the line): the command is the longer line, the list no output.
   */
  private redrawn(run: Running, line: string): boolean {
    const at = run.at;
    if (!at || run.lines.length > 40 || line.length > at.col + PROMPT_MAX * 4) return false;
    const prompt = at.text.trimEnd();
    if (!line.startsWith(prompt, at.col) || line.slice(0, at.col).trim()) return false;
    const rest = line.slice(at.col + prompt.length).trim();
    if (rest.length <= run.cmd.text.length || !rest.startsWith(run.cmd.text)) return false;
    run.cmd.text = rest;
    run.lines.length = 0;
    return true;
  }

  /** Output only: the output stopped at a prompt (the shell waits for a line). */
  private pauseAtPrompt(): void {
    const before = this.term.beforeCursor(PROMPT_MAX);
    // A line editor that has just begun (bracketed paste turned on) reads a line: what precedes
    // the cursor is its prompt. Once the recording's prompt is known, a merely short
    // prompt-like text without that sign is output.
    const started = this.term.editorStarted;
    const m = this.book.find(before, started);
    if (!m || (m.kind === 'weak' && this.book.learned && !started)) return;
    this.liveStyle = true;
    const text = before.slice(m.start);
    this.promptAt(text, before.slice(0, m.start));
    this.prompt = { text, col: this.term.cursor - before.length + m.start };
  }

  /** Output only: the line after a prompt is the command's (or the prompt was output after all). */
  private commandLine({ text: line, editing }: FinishedLine, e: CastEvent): void {
    const p = this.prompt!;
    this.prompt = null;
    const rest = this.afterPrompt(line, p, true);
    if (rest === null) return this.notAPrompt(line);
    this.recent = [this.recent[1], line];
    // ^C abandons the line; an empty line runs nothing.
    if (!rest || /\^C$/.test(rest)) return;
    this.book.learn(p.text);
    this.startCommand(rest, e, e.line, false, p);
    // The editor still on at the line's end and after the event (fish turns it off just after).
    if (editing && this.term.bracketedPaste) this.running!.more = [];
  }

  /**
   * The text after the prompt on `line`, or null when the line does not show the prompt.
   * `redrawn`: the shell may have drawn another prompt there (a transient prompt: powerlevel10k
   * and starship shorten the prompt to `❯ ` once Enter is taken).
   */
  private afterPrompt(line: string, p: AtPrompt, redrawn = false): string | null {
    const at = line.slice(p.col);
    const pt = p.text.trimEnd();
    if (at.startsWith(pt)) return at.slice(pt.length).trim();
    const k = this.book.prefix(at, redrawn);
    return k > 0 ? at.slice(k).trim() : null;
  }

  /** The last prompt found was output: its command goes on. */
  private notAPrompt(line: string): void {
    const last = this.prompts.pop();
    const run = last?.closed;
    if (run) {
      if (last.lead) run.lines.pop();
      run.lines.push(line);
      this.running = run;
    }
    this.recent = [this.recent[1], line];
  }

  /** Output only, before the prompt is seen live: a line written whole, `prompt command`. */
  private wholeLine(line: string, e: CastEvent): boolean {
    const k = this.book.prefix(line, !this.book.learned);
    if (k <= 0) return false;
    const rest = line.slice(k).trim();
    if (!rest || /\^C$/.test(rest)) return false;
    const text = line.slice(0, k + 1);
    this.promptAt(text, '');
    this.book.learn(text);
    this.recent = [this.recent[1], line];
    this.startCommand(rest, e, e.line, false, { text, col: 0 });
    return true;
  }

  /** The shell shows `text`: the running command (if any) ends, its output before it. */
  private promptAt(text: string, lead: string): void {
    const closed = this.running;
    const hasLead = !!closed && !!lead.trim();
    if (closed && hasLead) closed.lines.push(lead.trimEnd());
    this.running = null;
    const lines = closed?.lines;
    const pre = lines ? lines[lines.length - 1] : this.recent[1];
    const prePrev = lines ? lines[lines.length - 2] : this.recent[0];
    this.prompts.push({ text, shape: promptShape(text), closed, first: this.prompts.length === 0, pre, prePrev, lead: hasLead });
  }

  private input(e: CastEvent): void {
    if (!this.typing) {
      const before = this.term.beforeCursor(PROMPT_MAX);
      this.typing = { before, col: this.term.cursor - before.length, line: e.line, prompt: undefined };
    }
    let keyed = false;
    this.editor.feed(e.data, (key) => {
      keyed = true;
      this.key(key, e);
    });
    if (this.typing && !this.editor.empty) this.typedAt(this.typing);
    // Terminal answers and focus reports change no line: typing has not begun.
    else if (!keyed && this.editor.empty) this.typing = null;
  }

  /** Typing began: at a shell prompt, the command before it has ended. */
  private typedAt(t: Typing): AtPrompt | null {
    if (t.prompt !== undefined) return t.prompt;
    const m = this.term.alternate ? null : this.book.find(t.before, this.term.bracketedPaste);
    t.prompt = m ? { text: t.before.slice(m.start), col: t.col + m.start } : null;
    if (t.prompt) this.promptAt(t.prompt.text, t.before.slice(0, m!.start));
    return t.prompt;
  }

  /**
   * At Enter, a line typed where no prompt was seen: the prompt may have been drawn after the
   * first keys (typed ahead), or their echo recorded before them. If the line now shows a
   * prompt followed by what was typed, it was typed at that prompt.
   */
  private promptShownLate(t: Typing): AtPrompt | null {
    const typed = this.editor.text;
    if (this.term.alternate || this.editor.dirty || !typed.trim()) return null;
    const before = this.term.beforeCursor(PROMPT_MAX + typed.length);
    if (!before.endsWith(typed)) return null;
    const head = before.slice(0, before.length - typed.length);
    const m = this.book.find(head, this.term.bracketedPaste);
    if (!m) return null;
    t.prompt = { text: head.slice(m.start), col: this.term.cursor - before.length + m.start };
    this.promptAt(t.prompt.text, head.slice(0, m.start));
    return t.prompt;
  }

  private key(key: 'enter' | 'cancel' | 'eof', e: CastEvent): void {
    const t = this.typing ?? { before: '', col: 0, line: e.line, prompt: undefined };
    const at = this.typedAt(t) ?? (key === 'enter' ? this.promptShownLate(t) : null);
    const run = this.running;
    if (key === 'enter' && at && !this.term.alternate) {
      // History, completion and search change the line in ways only the shell knows: its text
      // is then what the shell shows once Enter is taken.
      const shown = this.afterPrompt(this.term.currentRaw(), at) ?? '';
      const text = (this.editor.dirty ? shown || this.editor.text : this.editor.text).trim();
      if (text || this.editor.dirty) {
        this.book.learn(at.text);
        this.startCommand(text, e, t.line || e.line, true, at);
        if (this.editor.dirty) this.running!.fromEcho = { prompt: at.text, col: at.col, fallback: text };
      }
    } else if (key === 'enter' && run && !run.lines.length && (CONTINUATION.test(t.before.trim()) || (!t.before.trim() && incomplete(run.cmd.text))) && !this.term.alternate) {
      // A continuation line (PS2) of a command still being typed: heredocs, open quotes. With PS2
      // empty (or not drawn) the shell still reads on while a heredoc or quote is open.
      const shown = this.afterPrompt(this.term.currentRaw(), { text: t.before, col: t.col }) ?? '';
      run.cmd.text += '\n' + (this.editor.dirty ? shown : this.editor.text);
      run.echo = true;
    }
    this.editor.reset();
    this.typing = null;
  }

  /** The command as the terminal showed it once Enter was taken (the shell's final redraw). */
  private textFromEcho(run: Running, line: string): void {
    const f = run.fromEcho!;
    run.fromEcho = null;
    const shown = this.term.alternate ? null : this.afterPrompt(line, { text: f.prompt, col: f.col }, true);
    run.cmd.text = shown || f.fallback;
    if (!run.cmd.text) this.drop(run);
  }

  /** A line that turned out empty runs nothing: it is no command. */
  private drop(run: Running): void {
    const k = this.steps.indexOf(run.step);
    if (k >= 0) this.steps.splice(k, 1);
    const j = this.all.indexOf(run);
    if (j >= 0) this.all.splice(j, 1);
  }

  private startCommand(text: string, e: CastEvent, startLine: number, echo: boolean, at: AtPrompt | null): void {
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
    this.running = { cmd, step, lines: [], echo, fromEcho: null, at, more: null };
    this.loose = null;
    this.all.push(this.running);
  }

  private note(text: string): void {
    const step = this.steps[this.steps.length - 1];
    if (step) (step.notes ??= []).push(text);
  }

  /**
   * The steps read. `program`: the command the recording ran instead of a shell (the header's
   * `command`); when no shell command was found, it is the one command, all the output its own
   * and the recording's exit status its status.
   */
  finish(program: string | null): RawStep[] {
    const run = this.running;
    if (run && !this.term.alternate) {
      // The recording ends: what is on the cursor's line is output, unless it is the prompt.
      const before = this.term.beforeCursor(PROMPT_MAX);
      const m = this.book.learned ? this.book.find(before) : null;
      if (m && m.kind === 'learned') {
        const raw = this.term.currentRaw();
        this.promptAt(before.slice(m.start), raw.slice(0, raw.length - (before.length - m.start)));
      } else if (this.term.current()) run.lines.push(this.term.current());
    }
    if (!this.all.length && program && this.firstEvent) {
      const lines = this.loose ?? [];
      this.startCommand(program, this.firstEvent, this.firstEvent.line, false, null);
      this.running!.lines = lines;
      if (!this.term.alternate && this.term.current()) this.running!.lines.push(this.term.current());
      this.running!.cmd.exitCode = this.exitStatus;
    }
    this.running = null;
    dropPromptInfoLines(this.prompts);
    statusFromPrompts(this.prompts);
    for (const r of this.all) r.cmd.output = r.lines.join('\n').replace(/\s+$/, '');
    return this.steps;
  }
}

/** The command line is not finished: an open heredoc or quote, or a trailing `\`, `|`, `&&`. */
function incomplete(text: string): boolean {
  if (/(?:\\|\||&&)\s*$/.test(text)) return true;
  const lines = text.split('\n');
  const heredoc = /<<-?\s*(['"]?)([\w.-]+)\1/.exec(lines[0]);
  if (heredoc && !lines.slice(1).some((l) => l.trim() === heredoc[2])) return true;
  const quotes = lines
    .join('\n')
    .replace(/\\./g, '')
    .replace(/'[^']*'|"[^"]*"/g, '');
  return /['"]/.test(quotes);
}
