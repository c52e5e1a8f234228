// Shell prompts in terminal recordings, recognised by content. A prompt's text changes as the
// session goes on (the working directory, the user after `su`, a virtualenv, a git branch, the
// last exit status) while its shape stays: `root@node7:/srv# ` and `deploy@node7:~$ ` are one
// shape, `w@w:w$`. The reader learns the prompts a recording really uses (the text before the
// cursor when the shell waits for a line) and accepts later prompts of the same shape; before
// it has learned one it falls back on what shell prompts commonly look like.

/** Prompts are shorter than this; a longer text before the cursor is output. */
export const PROMPT_MAX = 300;

/** Runs of name, path and number characters: the parts of a prompt that vary. */
const WORD_RUN = /[\p{L}\p{N}_.~/\\+=,-]+/gu;
/** Decorations that come and go: `(venv)`, `[0]`, git's `git:(main)`, `(main)`. */
const GROUP = /(?:\s|^)(?:w:)?[([{]w[)\]}]/g;
/** Dirty/clean marks of git prompts (oh-my-zsh `✗`, powerline `✘`/`✔`). */
const MARKS = /[✗✘✔✓±]/g;

/**
 * The shape of a prompt: its variable parts (names, paths, decorations) replaced or dropped,
 * `#` and `$` made one (root and user), spacing normalised.
 */
export function promptShape(prompt: string): string {
  return prompt.replace(WORD_RUN, 'w').replace(GROUP, '').replace(MARKS, '').replace(/#/g, '$').replace(/\s+/g, ' ').trim();
}

/** A shell's continuation prompt (PS2): `> `, zsh's `heredoc> `, `dquote> `, PowerShell's `>> `. */
export const CONTINUATION =
  /^(?:(?:heredoc|quote|dquote|bquote|cmdsubst|subsh|pipe|for|while|until|if|then|else|elif|case|function|cursh|brace|mathsubst|cmdor|cmdand|select|repeat|foreach) ?)*>>?$/;

/** Prompts of programs that read lines (REPLs, clients, pagers), never a shell's. */
const NOT_SHELL = /^(?:>>>|\.\.\.|In \[\d+\]:|\(Pdb\)|ipdb>|\(gdb\)|mysql>|MariaDB \[.*\]>|postgres[=#-]>|\w+=[#>]|irb\(.*|sqlite>|ftp>|sftp>|redis[^>]*>|mongo>|>>|\?|:)$/;
/** Questions and password prompts end so: `Password: `, `Continue? [Y/n] `, `(yes/no)? `. */
const QUESTION = /(?::|\?|\]|\(yes\/no[^)]*\)\??)$/i;

/**
 * `user@host...` prompts (bash, fish, CentOS brackets, zsh on macOS), `PS C:\path>`, cmd.exe's `C:\path>`,
 * oh-my-zsh's arrow, kali's `user㉿host`: shapes no program output is likely to end a line with.
 * Anchored at the end so that output printed without a newline may precede them.
 */
const STRONG = [
  /(?:\([^()\s]{1,40}\) )?(?:\[\d{1,3}\] )?\[?[\w.-]+[@㉿][\w.-]+(?::\S*| \S+)?\]? ?[$#%>❯] ?$/u,
  /PS (?:[A-Za-z]:\\|\/|~)[^>\n]{0,200}> ?$/,
  // cmd.exe: `C:\Users\x>`, the cursor right after the `>`.
  /^[A-Za-z]:\\[^<>"|?*\n]{0,200}> ?$/,
  /^➜ {1,2}\S+(?: \S+)*? ?$/u,
];
/** Short prompts: `$ `, `# `, `~/x $ `, `bash-5.1$ `, `devbox% `, `~/x> `, `└─$ `, `~/x on main ❯ `, `x on  git:main % `, `λ `, `λ ~/x `. */
const WEAK = [
  /^(?:[\w.~/:-]+ ?)?[$#] $/,
  /^[\w.-]*[A-Za-z_][\w.-]*[%#] $/,
  /^[\w.~/\\:-]+> $/,
  /^[└╰┗][─━╼ ]*[$#%>❯λ] $/u,
  /^(?:.{0,100}\s)?[❯➜λ»›] $/u,
  // A directory, then its git segment, then a plain mark: `brant on  git:main % `, `~/x on main $ `.
  /^[\w.~/-]{1,60} on .{1,60}\s[%$#] $/u,
  // The mark first, then the directory (lambda and arrow themes).
  /^[❯➜λ»›] (?:~|\/|~\/)[\w.~/-]* $/u,
];

/** How a prompt was recognised: learned from this recording, a common shape, or (`editor`) only by the line editor being on. */
export type PromptKind = 'learned' | 'strong' | 'weak' | 'editor';

export interface PromptMatch {
  /** Where the prompt starts in the text searched (output may precede it on its line). */
  start: number;
  kind: PromptKind;
}

/** The prompts one recording uses: their exact texts and their shapes. */
export class PromptBook {
  private exact = new Set<string>();
  private shapes = new Set<string>();
  /** First and last characters of the learned shapes: cheap tests before computing one. */
  private starts = new Set<string>();
  private ends = new Set<string>();

  get learned(): boolean {
    return this.shapes.size > 0;
  }

  learn(prompt: string): void {
    if (!prompt.trim() || prompt.length > PROMPT_MAX) return;
    if (this.exact.size < 64) this.exact.add(prompt);
    const shape = promptShape(prompt);
    if (!shape) return;
    this.shapes.add(shape);
    this.starts.add(shape[0]);
    this.ends.add(shapeEnd(prompt));
  }

  /** True when `prompt` is a learned prompt or has a learned prompt's shape. */
  knows(prompt: string): boolean {
    return this.exact.has(prompt) || this.shapes.has(promptShape(prompt));
  }

  /**
   * A prompt that ends `text` (the cursor's line up to the cursor), or null. Learned prompts
   * first (exactly, then by shape), then the common shapes; with `editing` (a line editor is
   * on: bracketed paste) any text that is not another program's prompt.
   */
  find(text: string, editing = false): PromptMatch | null {
    const t = text.length > PROMPT_MAX ? text.slice(text.length - PROMPT_MAX) : text;
    const off = text.length - t.length;
    if (!t.trim()) return null;
    let best = -1;
    for (const p of this.exact) if (t.endsWith(p) && (best < 0 || t.length - p.length < best)) best = t.length - p.length;
    // A learned shape may reach further left than a learned text (a `(venv) ` now in front).
    // A suffix can only have a learned shape if the whole text's shape ends with it: checking
    // that first keeps output that stops mid-line (most events) cheap.
    const upTo = best >= 0 ? best : t.length;
    const end = shapeEnd(t);
    if (upTo > 0 && this.ends.has(end) && this.endsWithShape(promptShape(t))) {
      for (let s = 0; s < upTo; s++) {
        if (s > 0 && !/[\s\])}>"'|;,]/.test(t[s - 1])) continue;
        if (!this.starts.has(WORD_CHAR.test(t[s]) ? 'w' : t[s]) && !'([{'.includes(t[s])) continue;
        if (this.shapes.has(promptShape(t.slice(s)))) return this.checked(t, s, off, 'learned');
      }
    }
    if (best >= 0) return this.checked(t, best, off, 'learned');
    // The common shapes end with a prompt character (oh-my-zsh's arrow, a lambda theme's mark start the line).
    if (!PRIOR_ENDS.has(end) && !/^[➜λ❯»›]/u.test(t)) return editing ? this.checked(t, 0, off, 'editor') : null;
    for (const re of STRONG) {
      const m = re.exec(t);
      if (m) return this.checked(t, m.index, off, 'strong');
    }
    for (const re of WEAK) if (re.test(t)) return this.checked(t, 0, off, 'weak');
    return editing ? this.checked(t, 0, off, 'editor') : null;
  }

  private endsWithShape(shape: string): boolean {
    for (const s of this.shapes) if (shape.endsWith(s)) return true;
    return false;
  }

  private checked(t: string, start: number, off: number, kind: PromptKind): PromptMatch | null {
    const p = t.slice(start).trim();
    if (!p || NOT_SHELL.test(p) || CONTINUATION.test(p) || (kind !== 'learned' && kind !== 'editor' && QUESTION.test(p))) return null;
    return { start: start + off, kind };
  }

  /**
   * Where a prompt ends at the start of `line` (a whole line `prompt command`), or -1. Only
   * learned prompts, and the common shapes when `priors` is set.
   */
  prefix(line: string, priors: boolean): number {
    const head = line.length > PROMPT_MAX ? line.slice(0, PROMPT_MAX) : line;
    for (const p of this.exact) {
      const pt = p.trimEnd();
      if (head.startsWith(pt) && (head.length === pt.length || /\s/.test(head[pt.length]))) return pt.length;
    }
    // A prompt ends where a space follows one of its ending characters.
    for (let k = head.indexOf(' '), tries = 0; k > 0 && k < 160 && tries < 24; k = head.indexOf(' ', k + 1)) {
      const end = shapeEnd(head.slice(0, k));
      if (!this.ends.has(end) && !(priors && PRIOR_ENDS.has(end))) continue;
      tries++;
      const cand = head.slice(0, k + 1);
      if (this.shapes.has(promptShape(cand))) return k;
      // A line `# text` is far likelier a comment than a root shell's bare prompt.
      if (priors && cand !== '# ') {
        const m = this.find(cand);
        if (m && m.start === 0) return k;
      }
    }
    return -1;
  }
}

/** The characters the common prompt shapes end with (`#` counted as `$`). */
const PRIOR_ENDS = new Set(['$', '%', '>', '❯', '➜', 'λ', '»', '›']);

const WORD_CHAR = /[\p{L}\p{N}_.~/\\+=,-]/u;

/** The last character of a prompt's shape (a word is `w`, `#` is `$`), from its end alone. */
function shapeEnd(s: string): string {
  return lastChar(promptShape(s.slice(-48)));
}

/** The last character (a whole code point). */
function lastChar(s: string): string {
  const chars = Array.from(s.slice(-2));
  return chars[chars.length - 1] ?? '';
}

/** The last command's exit status as a prompt shows it: `[1] `, `(127)`, `✘ 2`. */
export function promptStatus(prompt: string): number | null {
  const m = /(?:^|\s)[[(](\d{1,3})[\])](?=\s|$|[@\w])|[✘✗] ?(\d{1,3})\b/u.exec(prompt);
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  return n <= 255 ? n : null;
}
