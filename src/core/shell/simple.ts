// The common shape of agents' command lines, split without the shell grammar: plain words and
// whole quoted words, joined by `|`, `&&`, `||`, `;` and `&`, with trailing redirects
// (`> log 2>&1`). Most commands in real runs look like this, and tree-sitter costs far more per
// line than this scan. Anything else (expansions, substitutions, escapes, heredocs, keywords,
// newlines, words glued to quotes...) returns null and goes to the real parser. The result is
// the same as tree-sitter's walk would give: test/unit/shell-simple.test.ts checks it.
import type { Redirect, ShellWord } from './types';

export interface SimpleCmd {
  /** argv (leading `NAME=value` assignments left out, as the walk leaves them out). */
  words: ShellWord[];
  redirects: Redirect[];
  /** From the first assignment or word to the last word (redirects after it excluded). */
  start: number;
  end: number;
  /** `$(...)` words, in order: what they run runs first. */
  subs: Substitution[];
}

/** A `$(...)` word whose code is itself of the simple shape. */
export interface Substitution {
  statements: SimpleStatement[];
  /** The code between the parentheses. */
  code: string;
  /** Where the code starts in the text (the statements' offsets are relative to it). */
  offset: number;
}

/** One statement: an and-or list of pipelines, run in the background when `&` ends it. */
export interface SimpleStatement {
  background: boolean;
  pipelines: SimpleCmd[][];
}

interface Tok {
  kind: 'word' | 'op';
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  /** Holds a `$NAME`, `${NAME}` or `$(...)` expansion. */
  dynamic: boolean;
  sub: Substitution | null;
}

/** Character classes by code (the scan looks at every character; a regex per character costs). */
const charTable = (chars: string) => {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return (code: number) => code < 128 && t[code] === 1;
};
const isWordChar = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:=@%+,~*?');
const isOpChar = charTable('|&;<>');
/** Bash's reserved words that open or close a compound statement. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'select',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'coproc',
]);
/** Words in command position this scan leaves to the grammar: those, `time`, and the declarations. */
const KEYWORDS = new Set([...RESERVED_WORDS, 'time', 'export', 'declare', 'typeset', 'local', 'readonly', 'unset']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=./;
/** Command names taken as they are (`h@host` or `a=b` in command position are not). */
const COMMAND_NAME = /^[A-Za-z0-9_./~+][A-Za-z0-9_./~+,-]*$/;

/** A word must end at a space, an operator or the end: `a"b"` is one word made of parts. */
function boundary(text: string, j: number): boolean {
  return j >= text.length || text[j] === ' ' || isOpChar(text.charCodeAt(j));
}

function tokenize(text: string): Tok[] | null {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    const start = i;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return null;
      const body = text.slice(i + 1, close);
      if (body.includes('\n')) return null;
      // In double quotes, variables by name only: no escapes, backquotes, `$(`, `$1`, `!`.
      const dynamic = ch === '"' && body.includes('$');
      if (ch === '"' && (/[`\\!]/.test(body) || (dynamic && !ONLY_NAMED_VARS.test(body)))) return null;
      i = close + 1;
      if (!boundary(text, i)) return null;
      toks.push({ kind: 'word', value: body, start, end: i, quoted: true, dynamic, sub: null });
      continue;
    }
    if (ch === '$' && text[i + 1] === '(') {
      // `$(code)` as a whole word, the code of the simple shape itself.
      const sub = substitution(text, i);
      if (!sub) return null;
      i = sub.end;
      if (!boundary(text, i)) return null;
      toks.push({ kind: 'word', value: text.slice(start, i), start, end: i, quoted: false, dynamic: true, sub: sub.sub });
      continue;
    }
    if (isOpChar(text.charCodeAt(i))) {
      const two = text.slice(i, i + 2);
      const three = text.slice(i, i + 3);
      let op: string;
      if (two === '&&' || two === '||' || two === '>>' || two === '>&' || two === '&>') op = two;
      else op = ch;
      // Heredocs, `|&`, `;;`, `&>>`, `<&`, `<>`, `>|`, `>>&`... are left to the grammar.
      if (op === '&>' && three === '&>>') return null;
      if (op === '>>' && three === '>>&') return null;
      if (two === '<<' || two === '|&' || two === ';;' || two === '<&' || two === '<>' || two === '>|' || two === ';&') return null;
      i += op.length;
      toks.push({ kind: 'op', value: op, start, end: i, quoted: false, dynamic: false, sub: null });
      continue;
    }
    // Plain characters and one variable by name (`$PORT`, `--port=${PORT}`, `$HOME/x`): the
    // grammar splits some words with two (`${A}x$B` reads as two words).
    let dynamic = false;
    while (i < n) {
      if (isWordChar(text.charCodeAt(i))) i++;
      else if (text[i] === '$' && !dynamic) {
        NAMED_VAR.lastIndex = i;
        const m = NAMED_VAR.exec(text);
        if (!m) return null;
        i += m[0].length;
        dynamic = true;
      } else break;
    }
    if (i === start || !boundary(text, i)) return null;
    toks.push({ kind: 'word', value: text.slice(start, i), start, end: i, quoted: false, dynamic, sub: null });
  }
  return toks;
}

/** A variable by name: `$NAME` or `${NAME}`. */
const VARIABLE = String.raw`\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})`;
/** VARIABLE at lastIndex (sticky). */
const NAMED_VAR = new RegExp(VARIABLE, 'y');
/** Text whose every `$` starts a variable by name. */
const ONLY_NAMED_VARS = new RegExp(`^(?:[^$]|${VARIABLE})*$`);

/**
 * The `$(...)` at `at`: its closing parenthesis found past quoted text, and its code split.
 * Null for `$((` arithmetic, a nested `(`, code not of the simple shape, or a job put in the
 * background inside it.
 */
function substitution(text: string, at: number): { sub: Substitution; end: number } | null {
  if (text[at + 2] === '(') return null;
  let i = at + 2;
  for (; i < text.length && text[i] !== ')'; i++) {
    const c = text[i];
    if (c === '(' || c === '\n' || c === '`' || c === '\\') return null;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return null;
      i = close;
    }
  }
  if (i >= text.length) return null;
  const offset = at + 2;
  const code = text.slice(offset, i);
  const statements = splitSimple(code);
  if (!statements || statements.some((st) => st.background || st.pipelines.some((p) => p.some((c) => c.subs.length)))) return null;
  return { sub: { statements, code, offset }, end: i + 1 };
}

const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '&>']);

/** Where splitSimple is in a line's tokens (module functions over it: no closures made per line). */
interface Cursor {
  text: string;
  toks: Tok[];
  i: number;
}

/** The statements of a command line of the simple shape, or null if it is not of that shape. */
export function splitSimple(text: string): SimpleStatement[] | null {
  const toks = tokenize(text);
  if (!toks || !toks.length) return null;
  const statements: SimpleStatement[] = [];
  const c: Cursor = { text, toks, i: 0 };
  while (c.i < c.toks.length) {
    const pipelines: SimpleCmd[][] = [];
    for (;;) {
      const pipeline: SimpleCmd[] = [];
      for (;;) {
        const cmd = simpleCmd(c);
        if (!cmd) return null;
        pipeline.push(cmd);
        if (c.toks[c.i]?.value !== '|') break;
        c.i++;
      }
      if (pipeline.length > 1 && pipeline.some((c) => !c.words.length)) return null;
      pipelines.push(pipeline);
      const op = c.toks[c.i]?.value;
      if (op !== '&&' && op !== '||') break;
      c.i++;
    }
    // `a | b | c && d`: the grammar nests the list inside the pipeline; left to it.
    if (pipelines.length > 1 && pipelines.some((p) => p.length > 2)) return null;
    const sep = c.toks[c.i];
    let background = false;
    if (sep) {
      if (sep.value !== ';' && sep.value !== '&') return null;
      background = sep.value === '&';
      c.i++;
    }
    statements.push({ background, pipelines });
  }
  return statements;
}

/** One simple command (words and redirects) from the cursor's token, or null if not of the simple shape. */
function simpleCmd(c: Cursor): SimpleCmd | null {
  const words: ShellWord[] = [];
  const redirects: Redirect[] = [];
  const subs: Substitution[] = [];
  let start = -1;
  let end = -1;
  let assigning = true;
  let dash = false;
  let declaring = false;
  while (c.i < c.toks.length) {
    const t = c.toks[c.i];
    if (t.kind === 'op' && !REDIRECT_OPS.has(t.value)) break;
    if (t.kind === 'word') {
      const next = c.toks[c.i + 1];
      // `2>` : a number glued to a redirect is its file descriptor (the grammar reads a `0` there
      // as a word: left to it).
      if (!t.quoted && /^[1-9]$/.test(t.value) && next && next.kind === 'op' && REDIRECT_OPS.has(next.value) && next.start === t.end) {
        if (next.value === '&>' || (t.start > 0 && c.text[t.start - 1] !== ' ')) return null;
        const r = redirectAt(c, t.start);
        if (!r) return null;
        redirects.push(r);
        continue;
      }
      if (redirects.length) return null; // a word after a redirect belongs to it in the grammar
      // The grammar drops a lone `-` before a redirect (`sh - 2>&1`): a command holding one is
      // read here only when it has no redirect (`echo x | crontab -`, `python3 - arg`).
      if (t.value === '-' && !t.quoted) dash = true;
      if (t.value.startsWith('=')) return null;
      if (start < 0) start = t.start;
      if (assigning && !t.quoted && ASSIGNMENT.test(t.value)) {
        end = t.end;
        c.i++;
        continue;
      }
      if (assigning && !t.quoted && t.value.endsWith('=') && /^[A-Za-z_][A-Za-z0-9_]*=$/.test(t.value)) return null;
      if (!words.length && t.quoted) return null; // a quoted command name: left to the grammar
      // `export A=1 B=x:y` opening a command: the walk records the declaration as a command whose
      // words are the text of each part, read here when every part is plain (no quote, variable,
      // substitution or empty value) and no redirect follows.
      if (!words.length && t.value === 'export' && start === t.start) declaring = true;
      else if (!words.length && (KEYWORDS.has(t.value) || !COMMAND_NAME.test(t.value) || /^\d+$/.test(t.value))) return null;
      else if (declaring && (t.quoted || t.dynamic || t.sub || t.value.endsWith('='))) return null;
      assigning = false;
      words.push({ value: t.value, start: t.start, end: t.end, dynamic: t.dynamic });
      if (t.sub) subs.push(t.sub);
      end = t.end;
      c.i++;
      continue;
    }
    // A redirect operator without a descriptor.
    if (start < 0) return null; // `> f cmd`: left to the grammar
    if (t.start > 0 && c.text[t.start - 1] !== ' ') return null; // `-9>f`, `x2>f`: glued, left to the grammar
    const r = redirectAt(c, t.start);
    if (!r) return null;
    redirects.push(r);
  }
  if (start < 0 || (!words.length && redirects.length) || ((dash || declaring) && redirects.length)) return null;
  return { words, redirects, start, end, subs };
}

/** `[fd]op target` from the cursor's token (the descriptor when there is one). */
function redirectAt(c: Cursor, from: number): Redirect | null {
  if (c.toks[c.i].kind === 'word') c.i++; // the descriptor
  const op = c.toks[c.i++];
  const target = c.toks[c.i++];
  if (!target || target.kind !== 'word' || target.sub) return null;
  // `>&` only as `2>&1` / `>&2` here (a file name after `>&` is bash's old `&>`).
  if (op.value === '>&' && (target.quoted || target.start !== op.end || !/^\d$/.test(target.value))) return null;
  if (op.value !== '>&' && !target.quoted && /^\d+$/.test(target.value)) return null;
  return { op: op.value, target: target.value, start: from, end: target.end };
}

/** `( LIST ) | PIPELINE`: a subshell of the simple shape piped into commands of it. */
export interface SimpleSubshellPipe {
  /** The subshell's statements, offsets in `innerCode`, which starts at `innerStart` in the line. */
  inner: SimpleStatement[];
  innerCode: string;
  innerStart: number;
  /** The commands after the pipe, offsets in `restCode`, which starts at `restStart`. */
  rest: SimpleCmd[];
  restCode: string;
  restStart: number;
}

/**
 * `(crontab -l 2>/dev/null; echo "@reboot ...") | crontab -`: a line that opens with a subshell
 * of the simple shape (no `&`, `(`, `$(...)` or line break in it), piped into a pipeline of the
 * simple shape with no redirect, list or substitution. The grammar reads the subshell as the
 * pipeline's first stage: everything it runs feeds the pipe.
 */
export function splitSubshellPipe(text: string): SimpleSubshellPipe | null {
  if (text[0] !== '(') return null;
  let close = 1;
  for (; close < text.length && text[close] !== ')'; close++) {
    const c = text[close];
    if (c === '(' || c === '\n' || c === '`' || c === '\\' || c === '$') return null;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, close + 1);
      if (end < 0) return null;
      close = end;
    }
  }
  if (close >= text.length) return null;
  let i = close + 1;
  while (text[i] === ' ') i++;
  if (text[i] !== '|' || text[i + 1] === '|' || text[i + 1] === '&') return null;
  const innerCode = text.slice(1, close);
  const inner = splitSimple(innerCode);
  if (!inner || inner.some((st) => st.background)) return null;
  const restCode = text.slice(i + 1);
  const rest = splitSimple(restCode);
  if (!rest || rest.length !== 1 || rest[0].background || rest[0].pipelines.length !== 1) return null;
  const stages = rest[0].pipelines[0];
  if (stages.some((c) => !c.words.length || c.redirects.length || c.subs.length)) return null;
  return { inner, innerCode, innerStart: 1, rest: stages, restCode, restStart: i + 1 };
}

/** A quoted heredoc opening that ends the first line: `<<'EOF'`, `<< "EOF"` (the body is literal). */
const HEREDOC_OPEN = / << ?(['"])([A-Za-z_][A-Za-z0-9_]*)\1$/;

export interface SimpleHeredoc {
  /** The command the heredoc feeds, from the first line. */
  cmd: SimpleCmd;
  /** The body, each line with its newline, without the closing line (as the grammar gives it). */
  body: string;
  /** Where the text after the closing line starts, or -1 when nothing follows it. */
  rest: number;
}

/**
 * `cmd ARGS <<'EOF'` + literal lines + `EOF` (+ more lines): the first line of the simple shape
 * ending in a quoted heredoc, so the body needs no parsing at all. The grammar scans a body
 * character by character, which makes heredocs its most expensive lines.
 */
export function splitHeredoc(text: string): SimpleHeredoc | null {
  const nl = text.indexOf('\n');
  if (nl < 0 || text.includes('\r')) return null;
  const open = HEREDOC_OPEN.exec(text.slice(0, nl));
  if (!open) return null;
  const head = text.slice(0, open.index);
  if (/[;&|<>]\s*$/.test(head)) return null; // `a; <<'EOF'`: the heredoc starts a statement of its own
  // The grammar drops a lone `-` before a heredoc, as before any redirect (`python3 - <<'EOF'`).
  const st = splitSimple(head.endsWith(' -') ? head.slice(0, -2) : head);
  if (!st || st.length !== 1 || st[0].background || st[0].pipelines.length !== 1 || st[0].pipelines[0].length !== 1) return null;
  const cmd = st[0].pipelines[0][0];
  if (!cmd.words.length || cmd.subs.length) return null;
  // Another lone `-` before the heredoc (`python3 - x <<'EOF'`): left to the grammar, as before.
  if (cmd.words.some((w) => w.value === '-' && w.end - w.start === 1)) return null;
  const delim = open[2];
  // The grammar skips whitespace at the start of a body, and stumbles on a line that starts
  // with the delimiter (`  EOF`, `EOFX`): such bodies are left to it.
  if (/^\s/.test(text.slice(nl + 1, nl + 2))) return null;
  // The body ends at the first line that is the delimiter alone.
  let at = nl + 1;
  for (;;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end - at === delim.length && text.startsWith(delim, at)) {
      return { cmd, body: text.slice(nl + 1, at), rest: end + 1 < text.length ? end + 1 : -1 };
    }
    if (text.slice(at, end).trimStart().startsWith(delim)) return null;
    if (end >= text.length) return null; // never closed: left to the grammar
    at = end + 1;
  }
}
