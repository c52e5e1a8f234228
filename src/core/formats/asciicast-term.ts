// A minimal terminal for reading asciinema casts: the text of the cursor's line as the
// output draws it (carriage returns, backspaces, erase-in-line, cursor moves, the right margin),
// finished lines, the alternate screen (full-screen programs) and bracketed-paste mode (shells
// turn it on while they read a command line). And a line editor for the typed input (readline
// keys). Both keep their parser state across events, since escape sequences can be split.

type EscState = 'text' | 'esc' | 'csi' | 'str' | 'str-esc' | 'charset';

export interface FinishedLine {
  text: string;
  /** Bracketed paste was on at its line feed: a line editor was still reading (a pasted block). */
  editing: boolean;
}

export class LineTerminal {
  /**
   * The cursor's logical line, as a string: appending (the common case) stays cheap. Text past
   * the right margin wraps onto further rows of the same line, as a terminal shows it.
   */
  private line = '';
  /**
   * The start of a long line (output with no line feed for megabytes), set apart in pieces so
   * that appending to it never copies it again; `line` is then the rest. Put back together
   * only when something edits the line before its end.
   */
  private frozen: string[] = [];
  private frozenLength = 0;
  private col = 0;
  /** The cursor sits past the last column until the next character wraps it (xterm's rule). */
  private wrapPending = false;
  private state: EscState = 'text';
  private params = '';
  /** Lines finished (by a line feed) since the last `takeLines`. */
  private finished: FinishedLine[] = [];
  alternate = false;
  /** The main screen's line while a full-screen program has the alternate one. */
  private saved: { line: string; col: number } | null = null;
  /** Bracketed paste is on: a line editor (readline, zle, fish, PSReadLine) is reading a line. */
  bracketedPaste = false;
  /** The last `write` turned bracketed paste on: a line editor has just begun reading a line. */
  editorStarted = false;

  /** `width`: the recording's columns (where lines wrap); 0 when unknown. */
  constructor(private width = 0) {}

  /** The terminal was resized (a cast's `r` event). */
  resize(width: number): void {
    this.width = width;
    this.wrapPending = false;
  }

  /** The text of the cursor's line, trailing blanks removed. */
  current(): string {
    return this.currentRaw().trimEnd();
  }

  /** The cursor's line including trailing blanks (a prompt ends with one). */
  currentRaw(): string {
    this.thaw();
    return this.line;
  }

  /** Up to the last `n` characters before the cursor (a prompt, while the shell waits). */
  beforeCursor(n: number): string {
    const len = this.length;
    if (this.col < len) this.thaw();
    let text: string;
    if (this.col < len) text = this.line.slice(Math.max(0, this.col - n), this.col);
    else {
      text = this.line;
      const last = this.frozen[this.frozen.length - 1];
      if (text.length < n && last) text = last.slice(Math.max(0, last.length - (n - text.length))) + text;
      if (text.length > n) text = text.slice(text.length - n);
    }
    return this.col > len ? (text + ' '.repeat(Math.min(n, this.col - len))).slice(-n) : text;
  }

  /** The cursor's column in its logical line. */
  get cursor(): number {
    return this.col;
  }

  get length(): number {
    return this.frozenLength + this.line.length;
  }

  private thaw(): void {
    if (!this.frozen.length) return;
    this.line = this.frozen.join('') + this.line;
    this.frozen = [];
    this.frozenLength = 0;
  }

  takeLines(): FinishedLine[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  write(data: string): void {
    this.editorStarted = false;
    let i = 0;
    while (i < data.length) {
      if (this.state === 'text') {
        // A run of printable characters goes in at once.
        CONTROL.lastIndex = i;
        const m = CONTROL.exec(data);
        const stop = m ? m.index : data.length;
        if (stop > i) this.put(data.slice(i, stop));
        if (!m) return;
        const c = data.charCodeAt(stop);
        if (c === 27) this.state = 'esc';
        else this.control(c);
        i = stop + 1;
        continue;
      }
      const ch = data[i];
      const c = data.charCodeAt(i);
      i++;
      switch (this.state) {
        case 'esc':
          if (ch === '[') {
            this.state = 'csi';
            this.params = '';
          } else if (ch === ']' || ch === 'P' || ch === '_' || ch === '^' || ch === 'X') this.state = 'str';
          else if (ch === '(' || ch === ')' || ch === '*' || ch === '+' || ch === '#' || ch === '%') this.state = 'charset';
          else this.state = 'text';
          break;
        case 'charset':
          this.state = 'text';
          break;
        case 'csi':
          if (c >= 0x40 && c <= 0x7e) {
            this.state = 'text';
            this.csi(this.params, ch);
          } else this.params += ch;
          break;
        case 'str':
          if (c === 7) this.state = 'text';
          else if (c === 27) this.state = 'str-esc';
          break;
        case 'str-esc':
          this.state = ch === '\\' ? 'text' : 'str';
          break;
      }
    }
  }

  /** Writes text at the cursor, overwriting what is there. */
  private put(run: string): void {
    if (this.wrapPending) this.wrapPending = false;
    const len = this.length;
    if (this.col >= len) {
      this.line += this.col > len ? ' '.repeat(this.col - len) + run : run;
      if (this.line.length > FREEZE_AT) {
        this.frozen.push(this.line);
        this.frozenLength += this.line.length;
        this.line = '';
      }
    } else {
      this.thaw();
      this.line = this.line.slice(0, this.col) + run + this.line.slice(this.col + run.length);
    }
    this.col += run.length;
    if (this.width && this.col % this.width === 0) this.wrapPending = true;
  }

  /** The rows above `start` end in blanks and the row from `start` is blank. */
  private blankWrap(start: number): boolean {
    return !this.line.slice(start).trim() && !this.line.slice(Math.max(0, start - 8), start).trim();
  }

  /** Where the cursor's row starts in the logical line. */
  private rowStart(): number {
    if (!this.width) return 0;
    const c = this.wrapPending ? this.col - 1 : this.col;
    return c - (c % this.width);
  }

  private rowEnd(): number {
    return this.width ? this.rowStart() + this.width : Infinity;
  }

  /** Enters or leaves the alternate screen; leaving it shows the main screen's line again. */
  private screen(alternate: boolean): void {
    if (alternate === this.alternate) return;
    this.alternate = alternate;
    this.thaw();
    if (alternate) this.saved = { line: this.line, col: this.col };
    else if (this.saved) {
      this.line = this.saved.line;
      this.col = this.saved.col;
      this.saved = null;
    }
  }

  /** Blanks columns `from` to `to` of the line (the line ends at `from` when nothing follows). */
  private erase(from: number, to: number): void {
    if (from >= this.length) return;
    this.thaw();
    const line = this.line;
    this.line = to >= line.length ? line.slice(0, from) : line.slice(0, from) + ' '.repeat(to - from) + line.slice(to);
  }

  /** A finished line, unless a full-screen program drew it (its screen is no output). */
  private finishLine(text: string): void {
    if (!this.alternate) this.finished.push({ text: text.trimEnd(), editing: this.bracketedPaste });
  }

  private control(c: number): void {
    if (c === 10) {
      this.finishLine(this.frozen.length ? this.frozen.join('') + this.line : this.line);
      this.frozen = [];
      this.frozenLength = 0;
      this.line = '';
      this.col = 0;
      this.wrapPending = false;
      return;
    }
    this.thaw();
    if (c === 13) {
      const start = this.rowStart();
      if (start > 0 && !this.wrapPending && this.blankWrap(start)) {
        // Blanks run past the margin, then a return: zsh and fish end unfinished output with a
        // mark (`%`, `⏎`) and spaces up to a new row, where the prompt goes. What is above it is
        // a line of its own. (Readline also returns after wrapping a long line, but the row it
        // leaves is full of the command's text, not blanks.)
        this.finishLine(this.line.slice(0, start).replace(/[%#⏎]\s*$/u, ''));
        this.line = this.line.slice(start);
        this.col = 0;
      } else this.col = start;
      this.wrapPending = false;
    } else if (c === 8) {
      this.col = Math.max(this.rowStart(), this.col - (this.wrapPending ? 2 : 1));
      this.wrapPending = false;
    } else if (c === 9) {
      const next = (Math.floor(this.col / 8) + 1) * 8;
      if (this.line.length < next) this.line += ' '.repeat(next - this.line.length);
      this.col = next;
    }
  }

  private csi(params: string, final: string): void {
    if (params.startsWith('?')) {
      if (final !== 'h' && final !== 'l') return;
      const on = final === 'h';
      for (const p of params.slice(1).split(';')) {
        if (p === '1049' || p === '47' || p === '1047') this.screen(on);
        else if (p === '2004' && !this.alternate) {
          this.bracketedPaste = on;
          this.editorStarted = on;
        }
      }
      return;
    }
    if (!MOVES_OR_EDITS.includes(final)) return;
    const nums = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = Number.isFinite(nums[0]) && nums[0] > 0 ? nums[0] : 1;
    // Erasing after the end of the line (`ESC[K` after each piece of a progress bar) changes nothing.
    if (!((final === 'K' || final === 'J') && !(nums[0] > 0) && this.col >= this.length)) this.thaw();
    const line = this.line;
    const rowStart = this.rowStart();
    const rowEnd = this.rowEnd();
    const pending = this.wrapPending;
    this.wrapPending = false;
    switch (final) {
      case 'K': {
        const mode = Number.isFinite(nums[0]) ? nums[0] : 0;
        if (mode === 0) this.erase(pending ? this.col - 1 : this.col, rowEnd);
        else if (mode === 1) this.erase(rowStart, this.col + 1);
        else this.erase(rowStart, rowEnd);
        break;
      }
      case 'C':
        this.col = Math.min(this.col + n, rowEnd - 1);
        break;
      case 'D':
        this.col = Math.max(rowStart, (pending ? this.col - 1 : this.col) - n);
        break;
      case 'A':
        if (this.width) this.col = Math.max(this.col % this.width, this.col - n * this.width);
        break;
      case 'B':
        if (this.width) this.col += n * this.width;
        break;
      case 'G':
      case '`':
        this.col = rowStart + (this.width ? Math.min(n, this.width) : n) - 1;
        break;
      case 'H':
      case 'f':
        this.col = Number.isFinite(nums[1]) && nums[1] > 0 ? nums[1] - 1 : 0;
        break;
      case 'J': {
        const mode = Number.isFinite(nums[0]) ? nums[0] : 0;
        if (mode === 0) this.line = line.slice(0, this.col);
        else if (mode === 2 || mode === 3) {
          this.line = '';
          this.col = 0;
        }
        break;
      }
      case 'P':
        this.line = line.slice(0, this.col) + line.slice(this.col + n);
        break;
      case '@':
        if (this.col <= line.length) this.line = line.slice(0, this.col) + ' '.repeat(n) + line.slice(this.col);
        break;
      case 'X':
        if (this.col < line.length) this.line = line.slice(0, this.col) + ' '.repeat(Math.min(n, line.length - this.col)) + line.slice(this.col + n);
        break;
    }
  }
}

/** Lines longer than this are set apart in pieces as they grow (see `frozen`). */
const FREEZE_AT = 16384;
/** The CSI sequences that move the cursor or change the line (colours and modes do not). */
const MOVES_OR_EDITS = 'KCDABG`HfJP@X';

/** C0 controls, DEL and ESC: where a run of printable text ends. */
const CONTROL = /[\x00-\x1f\x7f]/g;

/**
 * The command line being typed, edited the way readline would: printable keys insert at the
 * cursor, backspace/^U/^K/^W delete, arrows/^A/^E move. Keys whose effect depends on the
 * shell (history, completion, search) make the typed text unreliable: `dirty` is then set and
 * the reader takes the line from the terminal's echo instead.
 */
export class LineEditor {
  chars: string[] = [];
  cursor = 0;
  dirty = false;
  private esc = '';
  private pasting = false;

  get text(): string {
    return this.chars.join('');
  }

  get empty(): boolean {
    return this.chars.length === 0 && !this.dirty;
  }

  reset(): void {
    this.chars = [];
    this.cursor = 0;
    this.dirty = false;
    this.esc = '';
  }

  /**
   * Feeds one input event; returns the characters that ended a line (`\r`, `\n`, `^C`, `^D` on
   * an empty line) with what was typed before each, so the caller can act per line.
   */
  feed(data: string, onKey: (key: 'enter' | 'cancel' | 'eof') => void): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (this.esc) {
        this.esc += ch;
        if (this.escapeDone()) this.escape();
        continue;
      }
      const c = ch.charCodeAt(0);
      if (c === 27) {
        this.esc = ch;
        continue;
      }
      if (this.pasting && (c === 13 || c === 10)) {
        this.insert('\n');
        continue;
      }
      if (c === 13 || c === 10) onKey('enter');
      else if (c === 3) onKey('cancel');
      else if (c === 4) {
        if (this.chars.length === 0) onKey('eof');
        else this.chars.splice(this.cursor, 1);
      } else if (c === 127 || c === 8) {
        if (this.cursor > 0) this.chars.splice(--this.cursor, 1);
      } else if (c === 21) {
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
      } else if (c === 11) this.chars.length = this.cursor;
      else if (c === 23) {
        let k = this.cursor;
        while (k > 0 && this.chars[k - 1] === ' ') k--;
        while (k > 0 && this.chars[k - 1] !== ' ') k--;
        this.chars.splice(k, this.cursor - k);
        this.cursor = k;
      } else if (c === 1) this.cursor = 0;
      else if (c === 5) this.cursor = this.chars.length;
      else if (c === 2) this.cursor = Math.max(0, this.cursor - 1);
      else if (c === 6) this.cursor = Math.min(this.chars.length, this.cursor + 1);
      else if (c === 9 || c === 18 || c === 16 || c === 14 || c === 25) this.dirty = true;
      else if (c >= 32) this.insert(ch);
      // other control keys (^L clear screen...) change nothing in the line
    }
  }

  /**
   * Right/End at the end of the line accept the shell's suggestion (fish, zsh-autosuggestions):
   * the line is then what the terminal shows.
   */
  private right(): void {
    if (this.cursor === this.chars.length) this.dirty = true;
    else this.cursor++;
  }

  private toEnd(): void {
    if (this.cursor === this.chars.length) this.dirty = true;
    this.cursor = this.chars.length;
  }

  private insert(ch: string): void {
    this.chars.splice(this.cursor++, 0, ch);
  }

  private escapeDone(): boolean {
    const e = this.esc;
    if (e.length === 2) return e[1] !== '[' && e[1] !== 'O';
    if (e[1] === 'O') return e.length >= 3;
    const last = e.charCodeAt(e.length - 1);
    return last >= 0x40 && last <= 0x7e;
  }

  private escape(): void {
    const e = this.esc;
    this.esc = '';
    const body = e.slice(2);
    if (e === '\x1b[200~') this.pasting = true;
    else if (e === '\x1b[201~') this.pasting = false;
    else if (body === 'D') this.cursor = Math.max(0, this.cursor - 1);
    else if (body === 'C') this.right();
    else if (body === 'H' || body === '1~') this.cursor = 0;
    else if (body === 'F' || body === '4~') this.toEnd();
    else if (body === '3~') this.chars.splice(this.cursor, 1);
    // Terminal answers (cursor reports, device attributes) and focus events are not keys.
    else if (/^[\d;]*R$|^[?>][\d;]*c$|^[IO]$/.test(body)) return;
    else this.dirty = true;
  }
}
