// Shell parsing with tree-sitter's bash grammar (WASM): a command line becomes the simple
// commands it runs, through pipelines, lists, subshells, substitutions, `bash -c`/`eval`/
// `ssh` code and wrappers. Lines without shell syntax take a fast path, and results are
// cached by text, since runs repeat commands (DESIGN.md budgets).
import type { Node as TsNode, Parser as TsParser } from '@vscode/tree-sitter-wasm';
import type { ShellParse, ShellWord, SimpleCommand, Redirect, Via, PythonCall } from './types';
import { unwrap, baseName } from './wrappers';
import { tokenFallback } from './tokens';
import { parsePython, setPythonParser } from './python';
import { plain, type PNode } from './plain-tree';
import { splitSimple, splitHeredoc, RESERVED_WORDS, type SimpleStatement, type SimpleHeredoc, type Substitution } from './simple';
import {
  CACHE_TEXT_LIMIT,
  MAX_CODE_DEPTH,
  MAX_COMMANDS,
  MAX_OTHER_PROGRAMS,
  MAX_GRAMMAR_LENGTH,
  MAX_PIPE_TARGETS,
  MAX_REDIRECTS,
  MAX_TREE_DEPTH,
  NESTED_TEXT_FACTOR,
  NESTED_TEXT_SLACK,
  OVER,
} from './limits';

/** Returns the path (Node) or URL of a WASM file by name, e.g. `tree-sitter-bash.wasm`. */
export type WasmLocator = (file: string) => string;

let bashParser: TsParser | null = null;
let initPromise: Promise<void> | null = null;

function defaultLocator(file: string): string {
  // Bundles ship the WASM in dist/wasm beside them; from sources, it is in node_modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const beside = path.join(__dirname, 'wasm', file);
  if (fs.existsSync(beside)) return beside;
  // From sources (tests, tsx): resolve the package. Spelled so bundlers leave it alone.
  const nodeRequire: NodeRequire = require;
  return path.join(path.dirname(nodeRequire.resolve('@vscode/tree-sitter-wasm')), file);
}

export function initShellParser(locate: WasmLocator = defaultLocator): Promise<void> {
  if (!initPromise) {
    initPromise = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ts = require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
      await ts.Parser.init({ locateFile: (f: string) => locate(f) });
      const [bash, python] = await Promise.all([
        ts.Language.load(locate('tree-sitter-bash.wasm')),
        ts.Language.load(locate('tree-sitter-python.wasm')),
      ]);
      bashParser = new ts.Parser();
      bashParser.setLanguage(bash);
      const py = new ts.Parser();
      py.setLanguage(python);
      setPythonParser(py);
    })();
    initPromise.catch(() => {
      initPromise = null;
    });
  }
  return initPromise;
}

export function isShellParserReady(): boolean {
  return bashParser !== null;
}

const CACHE_LIMIT = 20_000;
/** Parses by text, one map per level of nesting (a parse depends on how deep it starts). */
const caches: Map<string, ShellParse>[] = [];

/** Characters that need no shell grammar: words separated by spaces, globs allowed. */
const PLAIN = /^[A-Za-z0-9_\-./:=@%+,~*?[\] ]*$/;
/** A line's first word: a plain line that starts with a reserved word is the grammar's. */
const FIRST_WORD = /^ *([^ ]*)/;
const LEADING_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** What one top-level line may still spend on nested code (limits.ts). */
interface Budget {
  nestedText: number;
  /** Commands the line may still record (MAX_COMMANDS), then one of each other program. */
  commands: number;
  /** The programs recorded, and past the bound one command of each other program. */
  names: Set<string>;
  others: Map<string, SimpleCommand>;
}

/** Parses one command line (the text as the agent issued it). Needs `initShellParser`. */
export function parseShell(text: string): ShellParse {
  return parseCached(text, 0, null);
}

/**
 * A parse from the cache of its depth. Nested parses are cached only when short and clean:
 * a parse that hit a bound depends on the budget left, not on its text alone.
 */
function parseCached(text: string, depth: number, budget: Budget | null): ShellParse {
  const cache = (caches[depth] ??= new Map());
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseUncached(text, true, depth, budget);
  // A top-level line is kept whatever its parse (up to what the grammar reads: a parse of a
  // 10 MB line is not worth keeping), nested code only when short and clean.
  if (depth === 0 ? text.length <= MAX_GRAMMAR_LENGTH : text.length <= CACHE_TEXT_LIMIT && result.error === null) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, result);
  }
  return result;
}

/**
 * Parses without the cache, with or without the fast paths (plain words, simple.ts): for callers
 * that cache what they derive from a parse (the analysis keeps its reading of each text), so
 * the parse itself need not stay in memory, and for tests.
 */
export function parseShellUncached(text: string, opts: { simple: boolean }): ShellParse {
  return parseUncached(text, opts.simple, 0, null);
}

function parseUncached(text: string, useSimple: boolean, depth: number, budget: Budget | null): ShellParse {
  const b = budget ?? { nestedText: NESTED_TEXT_FACTOR * text.length + NESTED_TEXT_SLACK, commands: MAX_COMMANDS, names: new Set(), others: new Map() };
  let out: ShellParse;
  try {
    out = parseBounded(text, useSimple, depth, b);
  } catch (e) {
    // The bounds below keep the stack and heap in check; should one still give way, this
    // line is read token by token rather than the whole file failing with it.
    if (!(e instanceof RangeError)) throw e;
    out = { commands: [], python: [], error: OVER.stack(e.message) };
    tokenFallback(text, (words, start, end) => emitFlat(out, words, ctxTop(text, depth, b), start, end));
  }
  if (!budget && b.others.size) {
    // Past MAX_COMMANDS: one of each other program, spanning the line (it may come from nested code).
    for (const c of b.others.values()) {
      c.start = 0;
      c.end = text.length;
      c.words = [{ value: c.words[0]?.value ?? c.name, start: 0, end: 0, dynamic: false }];
      c.redirects = [];
      out.commands.push(c);
    }
  }
  return out;
}

/** Adds a command to the parse, or past MAX_COMMANDS keeps one of each other program aside. */
function record(out: ShellParse, cmd: SimpleCommand, ctx: Ctx): void {
  const b = ctx.budget;
  if (b.commands > 0) {
    b.commands--;
    b.names.add(cmd.name);
    out.commands.push(cmd);
    return;
  }
  // Set here too, so that a nested parse that lost commands is not cached as whole.
  if (!out.error) out.error = OVER.commands;
  if (!b.names.has(cmd.name) && !b.others.has(cmd.name) && b.others.size < MAX_OTHER_PROGRAMS) b.others.set(cmd.name, cmd);
}

function parseBounded(text: string, useSimple: boolean, depth: number, budget: Budget): ShellParse {
  const out: ShellParse = { commands: [], python: [], error: null };
  const top = ctxTop(text, depth, budget);
  const first = FIRST_WORD.exec(text)![1];
  if (useSimple && PLAIN.test(text) && !RESERVED_WORDS.has(first) && !first.startsWith('[')) {
    const words: ShellWord[] = [];
    const re = /[^ ]+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      words.push({ value: m[0], start: m.index, end: m.index + m[0].length, dynamic: false });
    }
    // Leading assignments are the command's environment, not its words, as in the walk below.
    let k = 0;
    while (k < words.length && LEADING_ASSIGNMENT.test(words[k].value)) k++;
    if (k < words.length) emit(out, words.slice(k), [], null, top, words[0].start, words[words.length - 1].end);
    return out;
  }
  // A line longer than the grammar reads is not split either: millions of pieces, each an object.
  const simple = useSimple && text.length <= MAX_GRAMMAR_LENGTH ? splitSimple(text) : null;
  if (simple) {
    emitSimple(simple, top, out);
    return out;
  }
  const heredoc = useSimple ? splitHeredoc(text) : null;
  if (heredoc && emitHeredoc(heredoc, top, out)) return out;
  if (!bashParser) throw new Error('shell parser not initialised: await initAnalysis() first');
  if (text.length > MAX_GRAMMAR_LENGTH) return readByTokens(OVER.grammarLength(text.length), top, out);
  const tree = bashParser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  let root: PNode | null;
  try {
    const tsRoot = tree.rootNode;
    if (tsRoot.hasError) return readByTokens(describeError(tsRoot, text), top, out);
    root = plain(tree, text, BASH_FIELDS, MAX_TREE_DEPTH);
  } finally {
    tree.delete();
  }
  if (!root) return readByTokens(OVER.treeDepth, top, out);
  walkStatements(root, top, out);
  return out;
}

/** The whole line read by the token fallback, with why as its parse error. */
function readByTokens(why: string, top: Ctx, out: ShellParse): ShellParse {
  out.error = why;
  tokenFallback(top.text, (words, start, end) => emit(out, words, [], null, top, start, end));
  return out;
}

/** The field children the walk below reads. */
const BASH_FIELDS = {
  redirected_statement: ['body'],
  file_redirect: ['destination'],
  herestring_redirect: ['destination'],
};

interface Ctx {
  /** The text the current tree was parsed from. */
  text: string;
  /** Maps an offset in `text` to an offset in the top-level command text. */
  map: (offset: number) => number;
  background: boolean;
  via: Via;
  remoteHost: string | null;
  /** Levels of code handed on above this text (MAX_CODE_DEPTH). */
  depth: number;
  /** Shared by every level of one top-level line. */
  budget: Budget;
}

function ctxTop(text: string, depth: number, budget: Budget): Ctx {
  return { text, map: (o) => o, background: false, via: 'top', remoteHost: null, depth, budget };
}

// Copies below are spelled out: in Node 20's V8, `{ ...o, k: v }` costs about ten times an
// object literal in time and bytes (`npx tsx bench/object-copy.ts`), and parsing makes many.

function ctxWith(c: Ctx, background: boolean, via: Via, depth: number): Ctx {
  return { text: c.text, map: c.map, background, via, remoteHost: c.remoteHost, depth, budget: c.budget };
}

/**
 * Commands run by a `$(...)` or `<(...)`, whose output the word takes: no redirect written
 * after the command and no pipe around it reaches them.
 */
const captured = new WeakSet<SimpleCommand>();

/** A command with its offsets mapped (into an outer text), and how the outer text ran it. */
function movedCommand(c: SimpleCommand, map: (o: number) => number, background: boolean, via: Via, remoteHost: string | null): SimpleCommand {
  const moved = movedCopy(c, map, background, via, remoteHost);
  if (captured.has(c)) captured.add(moved);
  return moved;
}

function movedCopy(c: SimpleCommand, map: (o: number) => number, background: boolean, via: Via, remoteHost: string | null): SimpleCommand {
  return {
    name: c.name,
    words: c.words.map((w) => ({ value: w.value, start: map(w.start), end: map(w.end), dynamic: w.dynamic })),
    wrappers: c.wrappers,
    background,
    redirects: c.redirects.map((r) => ({ op: r.op, target: r.target, start: map(r.start), end: map(r.end) })),
    heredoc: c.heredoc,
    piped: c.piped,
    pipesTo: c.pipesTo.slice(), // a copy: linkPipeline adds to it, and `c` may be a cached parse
    via,
    remoteHost,
    start: map(c.start),
    end: map(c.end),
  };
}

function movedCall(p: PythonCall, map: (o: number) => number): PythonCall {
  return { callee: p.callee, strings: p.strings, numbers: p.numbers, start: map(p.start), end: map(p.end) };
}

/** Emits what the walk below would for a line of the simple shape (pipes, lists, redirects). */
function emitSimple(statements: SimpleStatement[], top: Ctx, out: ShellParse): void {
  for (const st of statements) {
    const ctx = st.background ? ctxWith(top, true, top.via, top.depth) : top;
    for (const pipeline of st.pipelines) {
      const groups: SimpleCommand[][] = [];
      for (const c of pipeline) {
        const before = out.commands.length;
        // What a `$(...)` runs comes first, as the walk of the grammar's tree records it.
        for (const sub of c.subs) emitSubstitution(sub, top, out);
        if (c.words.length) emit(out, c.words, c.redirects, null, ctx, c.start, c.end);
        groups.push(out.commands.slice(before));
      }
      if (groups.length > 1) linkPipeline(groups, out);
    }
  }
}

/** The commands of a `$(...)` word: not in the background, reached through a substitution. */
function emitSubstitution(sub: Substitution, top: Ctx, out: ShellParse): void {
  emitPiece(sub.statements, sub.code, sub.offset, true, top, out);
}

/**
 * Statements of a piece of the line (`code`, at `offset` in it) added to `out` with their
 * offsets in the line; `substitution`: the piece is a `$(...)`'s code, whose output is taken.
 */
function emitPiece(statements: SimpleStatement[], code: string, offset: number, substitution: boolean, top: Ctx, out: ShellParse): void {
  const piece: ShellParse = { commands: [], python: [], error: null };
  emitSimple(statements, ctxTop(code, top.depth, top.budget), piece);
  const shift = (o: number) => o + offset;
  for (const c of piece.commands) {
    const moved = movedCommand(c, shift, c.background, substitution && c.via === 'top' ? 'substitution' : c.via, c.remoteHost);
    if (substitution) captured.add(moved);
    out.commands.push(moved);
  }
  for (const p of piece.python) out.python.push(movedCall(p, shift));
  if (piece.error && !out.error) out.error = piece.error;
}

/**
 * A heredoc line of the simple shape (simple.ts), then what follows its closing line, parsed
 * as the program it is. False (and `out` untouched) when what follows does not parse: the
 * grammar then reads the whole text, as it would have.
 */
function emitHeredoc(h: SimpleHeredoc, top: Ctx, out: ShellParse): boolean {
  const text = top.text;
  // Only lines the fast paths read alone: the grammar reads a heredoc followed by anything
  // else in ways of its own.
  const rest = h.rest >= 0 ? text.slice(h.rest) : '';
  const after = h.rest >= 0 && rest.length <= MAX_GRAMMAR_LENGTH ? splitSimple(rest) : null;
  if (h.rest >= 0 && !after) return false;
  emit(out, h.cmd.words, h.cmd.redirects, h.body, top, h.cmd.start, h.cmd.end);
  if (after) emitPiece(after, rest, h.rest, false, top, out);
  return true;
}

/**
 * `body > f`: the body with its redirects, and with `outer` ones, written after an enclosing
 * list or pipeline, that bash gives to this statement's last command.
 */
function walkRedirected(node: PNode, outer: Redirect[], ctx: Ctx, out: ShellParse): void {
  const body = node.childForFieldName('body');
  const redirects: Redirect[] = [];
  let heredoc: string | null = null;
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) continue;
    if (c.type === 'heredoc_redirect') {
      const b = c.children.find((x) => x?.type === 'heredoc_body');
      heredoc = b ? b.text : '';
      for (const x of c.children) {
        if (x && x.type === 'file_redirect') redirects.push(redirectOf(x, ctx));
      }
    } else if (c.type === 'file_redirect' || c.type === 'herestring_redirect') {
      redirects.push(redirectOf(c, ctx));
    }
    // The body's own substitutions are walked with the body, below (not twice).
    if (c !== body) findSubstitutions(c, ctx, out);
  }
  addRedirects(redirects, outer, out);
  if (!body) {
    // `</dev/tcp/h/p` alone: bash runs the null command with the redirects.
    if (redirects.length) emit(out, [{ value: ':', start: ctx.map(node.startIndex), end: ctx.map(node.startIndex), dynamic: false }], redirects, heredoc, ctx, ctx.map(node.startIndex), ctx.map(node.endIndex));
    return;
  }
  walkRedirectedBody(body, redirects, heredoc, ctx, out);
}

/**
 * A statement whose redirects (and heredoc) are `redirects`. After a list or a pipeline the
 * grammar hangs them on the whole; bash gives them to its last command: in
 * `cd /w && python3 x.py > log` only python3 writes the log.
 */
function walkRedirectedBody(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  switch (node.type) {
    case 'command':
      walkCommand(node, redirects, heredoc, ctx, out);
      return;
    case 'redirected_statement':
      walkRedirected(node, redirects, ctx, out);
      return;
    case 'list': {
      const named = node.namedChildren;
      for (let i = 0; i < named.length - 1; i++) walkStatement(named[i], ctx, out);
      if (named.length) walkRedirectedBody(named[named.length - 1], redirects, heredoc, ctx, out);
      return;
    }
    case 'pipeline':
      walkPipeline(node, redirects, heredoc, ctx, out);
      return;
    default: {
      // A compound statement's redirects apply to what it runs, `(echo > /dev/tcp/h/p) 2>/dev/null`,
      // but not to what a substitution in it runs: the substitution takes that output.
      const before = out.commands.length;
      walkStatement(node, ctx, out);
      for (let k = before; k < out.commands.length; k++) {
        if (!captured.has(out.commands[k])) addRedirects(out.commands[k].redirects, redirects, out);
      }
    }
  }
}

/** `a | b | c`, the last stage given `redirects` (see walkRedirectedBody). */
function walkPipeline(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  let stages = node.namedChildren;
  // `a | b | c && d`: the grammar reads `a | (b | c && d)`; bash reads `(a | b | c) && d`. The
  // list's first pipeline joins this one, and the rest of the list runs after it.
  const after: PNode[] = [];
  let last = stages[stages.length - 1];
  if (stages.length > 1 && last.type === 'list') {
    // Gathered from the end, then turned round (an unshift per list would be quadratic).
    while (last.type === 'list' && last.namedChildren.length) {
      const named = last.namedChildren;
      for (let k = named.length - 1; k >= 1; k--) after.push(named[k]);
      last = named[0];
    }
    after.reverse();
    stages = [...stages.slice(0, -1), ...(last.type === 'pipeline' ? last.namedChildren : [last])];
  }
  // The redirects go to the last thing run: the last stage, or the list's last statement.
  const tail = after.length ? after[after.length - 1] : stages[stages.length - 1];
  const walk = (n: PNode) => (n === tail ? walkRedirectedBody(n, redirects, heredoc, ctx, out) : walkStatement(n, ctx, out));
  const groups: SimpleCommand[][] = [];
  for (let i = 0; i < stages.length; i++) {
    const c = stages[i];
    const before = out.commands.length;
    walk(c);
    let group = out.commands.slice(before);
    // `cd /w && python3 x.py 2>&1 | tail`: the grammar pipes the whole list; bash runs
    // `cd /w`, then pipes python3 alone.
    const inner = c.type === 'redirected_statement' ? c.childForFieldName('body') : c;
    if (i === 0 && inner?.type === 'list') {
      const from = ctx.map(lastElement(inner).startIndex);
      group = group.filter((cmd) => cmd.start >= from);
    }
    groups.push(group);
  }
  linkPipeline(groups, out);
  for (const n of after) walk(n);
}

/** The last command (simple or compound) of a list or pipeline, as bash groups them. */
function lastElement(node: PNode): PNode {
  let n = node;
  while (n.type === 'list' || n.type === 'pipeline') {
    const named = n.namedChildren;
    if (!named.length) break;
    n = named[named.length - 1];
  }
  return n;
}

/**
 * Every command of a pipeline stage after the first is piped, and knows what it feeds: the
 * programs of the later stages, the nearest MAX_PIPE_TARGETS of them.
 */
function linkPipeline(groups: SimpleCommand[][], out: ShellParse): void {
  // What a `$(...)` in a stage runs comes first in its group, but its output is the word's:
  // it neither reads nor feeds the pipe (`ps aux | grep $(whoami)` pipes ps into grep).
  const heads = groups.map((g) => g.find((c) => !captured.has(c))?.name);
  /** The stages that run a program, in order; `next` is the first of them after the stage. */
  const running: number[] = [];
  heads.forEach((h, i) => h !== undefined && running.push(i));
  let next = 0;
  let cut = false;
  groups.forEach((g, gi) => {
    while (next < running.length && running[next] <= gi) next++;
    const end = Math.min(running.length, next + MAX_PIPE_TARGETS);
    if (end < running.length) cut = true;
    const later: string[] = [];
    for (let k = next; k < end; k++) later.push(heads[running[k]]!);
    for (const cmd of g) {
      if (captured.has(cmd)) continue;
      if (gi > 0) cmd.piped = true;
      for (const name of later) cmd.pipesTo.push(name);
    }
  });
  if (cut && !out.error) out.error = OVER.pipeTargets(groups.length);
}

/** Adds `more` to a command's redirects, up to MAX_REDIRECTS (a compound's apply to each). */
function addRedirects(to: Redirect[], more: Redirect[], out: ShellParse): void {
  for (const r of more) {
    if (to.length >= MAX_REDIRECTS) {
      if (!out.error) out.error = OVER.redirects;
      return;
    }
    to.push(r);
  }
}

function describeError(root: TsNode, text: string): string {
  let bad: TsNode | null = null;
  const stack: TsNode[] = [root];
  while (stack.length && !bad) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) bad = n;
    else if (n.hasError) for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  if (!bad) return 'the command does not parse as shell';
  const at = bad.startIndex;
  const near = text.slice(at, at + 20).replace(/\s+/g, ' ');
  return bad.isMissing
    ? `does not parse as shell: missing ${bad.type} at column ${at + 1}`
    : `does not parse as shell: unexpected ${JSON.stringify(near)} at column ${at + 1}`;
}

/** Walks a node holding statements (program, list, subshell...), minding `&`. */
function walkStatements(node: PNode, ctx: Ctx, out: ShellParse): void {
  const n = node.childCount;
  for (let i = 0; i < n; i++) {
    const child = node.child(i)!;
    if (!child.isNamed) continue;
    const next = node.child(i + 1);
    const bg = ctx.background || (next !== null && next.type === '&');
    walkStatement(child, bg === ctx.background ? ctx : ctxWith(ctx, bg, ctx.via, ctx.depth), out);
  }
}

function walkStatement(node: PNode, ctx: Ctx, out: ShellParse): void {
  switch (node.type) {
    case 'command':
      walkCommand(node, [], null, ctx, out);
      return;
    case 'redirected_statement':
      walkRedirected(node, [], ctx, out);
      return;
    case 'pipeline':
      walkPipeline(node, [], null, ctx, out);
      return;
    case 'declaration_command':
      walkDeclaration(node, ctx, out);
      return;
    case 'variable_assignment':
    case 'unset_command':
    case 'test_command':
      findSubstitutions(node, ctx, out);
      return;
    case 'function_definition':
      // A definition runs nothing by itself.
      return;
    default:
      // list, subshell, compound_statement, if/while/for/case, negated_command ...:
      // their statements and conditions are all looked into.
      walkStatements(node, ctx, out);
  }
}

function redirectOf(node: PNode, ctx: Ctx): Redirect {
  const dest = node.childForFieldName('destination') ?? node.namedChildren[node.namedChildren.length - 1];
  let op = '';
  for (const c of node.children) if (c && !c.isNamed) op += c.type;
  return {
    op: op || '>',
    target: dest ? wordOf(dest, ctx).value : '',
    start: ctx.map(node.startIndex),
    end: ctx.map(node.endIndex),
  };
}

function walkCommand(node: PNode, redirects: Redirect[], heredoc: string | null, ctx: Ctx, out: ShellParse): void {
  const argv: ShellWord[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) continue;
    if (c.type === 'variable_assignment') {
      findSubstitutions(c, ctx, out);
      continue;
    }
    if (c.type === 'file_redirect' || c.type === 'herestring_redirect') {
      redirects.push(redirectOf(c, ctx));
      continue;
    }
    if (c.type === 'command_name') {
      argv.push(wordOf(c.namedChild(0) ?? c, ctx));
      findSubstitutions(c, ctx, out);
      continue;
    }
    argv.push(wordOf(c, ctx));
    findSubstitutions(c, ctx, out);
  }
  if (argv.length) emit(out, argv, redirects, heredoc, ctx, ctx.map(node.startIndex), ctx.map(node.endIndex));
}

/**
 * `export A=1`, `declare -x B`, `export` alone: a builtin that runs like a command (`export |
 * grep KEY` dumps the environment), recorded as one, as the plain-words path records it.
 */
function walkDeclaration(node: PNode, ctx: Ctx, out: ShellParse): void {
  const argv: ShellWord[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i)!;
    if (!c.isNamed) {
      if (i === 0) argv.push({ value: c.type, dynamic: false, start: ctx.map(c.startIndex), end: ctx.map(c.endIndex) });
      continue;
    }
    if (c.type === 'variable_assignment' || c.type === 'variable_name') {
      argv.push({ value: c.text, dynamic: /[$`]/.test(c.text), start: ctx.map(c.startIndex), end: ctx.map(c.endIndex) });
    } else {
      argv.push(wordOf(c, ctx));
    }
    findSubstitutions(c, ctx, out);
  }
  if (argv.length) emit(out, argv, [], null, ctx, ctx.map(node.startIndex), ctx.map(node.endIndex));
}

/** Walks any command substitution inside a node: its commands run too. */
function findSubstitutions(node: PNode, ctx: Ctx, out: ShellParse): void {
  if (node.type === 'command_substitution' || node.type === 'process_substitution') {
    const before = out.commands.length;
    walkStatements(node, ctxWith(ctx, false, ctx.via === 'top' ? 'substitution' : ctx.via, ctx.depth), out);
    for (let k = before; k < out.commands.length; k++) captured.add(out.commands[k]);
    return;
  }
  for (let i = 0; i < node.namedChildCount; i++) findSubstitutions(node.namedChild(i)!, ctx, out);
}

function wordOf(node: PNode, ctx: Ctx): ShellWord {
  const { value, dynamic } = valueOf(node);
  return { value, dynamic, start: ctx.map(node.startIndex), end: ctx.map(node.endIndex) };
}

function valueOf(node: PNode): { value: string; dynamic: boolean } {
  switch (node.type) {
    case 'word':
    case 'number':
      return { value: node.text.replace(/\\(.)/gs, '$1'), dynamic: false };
    case 'raw_string':
      return { value: node.text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { value: node.text.slice(2, -1), dynamic: false };
    case 'string': {
      let value = '';
      let dynamic = false;
      let pos = node.startIndex + 1;
      for (const c of node.namedChildren) {
        if (!c) continue;
        // Text between named children (tree-sitter leaves plain content unnamed in places).
        if (c.startIndex > pos) value += unescapeDouble(node.text.slice(pos - node.startIndex, c.startIndex - node.startIndex));
        if (c.type === 'string_content') value += unescapeDouble(c.text);
        else {
          value += c.text;
          dynamic = true;
        }
        pos = c.endIndex;
      }
      const closing = node.endIndex - 1;
      if (closing > pos) value += unescapeDouble(node.text.slice(pos - node.startIndex, closing - node.startIndex));
      return { value, dynamic };
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      for (const c of node.namedChildren) {
        if (!c) continue;
        const v = valueOf(c);
        value += v.value;
        dynamic ||= v.dynamic;
      }
      // Unnamed pieces of a concatenation are plain text too: keep them.
      if (node.namedChildCount === 0) value = node.text;
      return { value, dynamic };
    }
    default:
      return { value: node.text, dynamic: true };
  }
}

function unescapeDouble(s: string): string {
  return s.replace(/\\([$`"\\\n])/g, '$1');
}

/** Records a simple command, looking through wrappers and into code it hands on. */
function emit(
  out: ShellParse,
  argv: ShellWord[],
  redirects: Redirect[],
  heredoc: string | null,
  ctx: Ctx,
  start: number,
  end: number,
): void {
  if (ctx.depth > MAX_CODE_DEPTH) {
    // Reached through xargs past the bound: recorded, not looked into.
    if (!out.error) out.error = OVER.codeDepth;
    emitFlat(out, argv, ctx, start, end);
    return;
  }
  const u = unwrap(argv);
  if (!u.words.length) {
    if (u.wrappers.length) {
      record(out, simple(u.wrappers[u.wrappers.length - 1], argv, u.wrappers, redirects, heredoc, ctx, start, end), ctx);
    }
    return;
  }
  const name = baseName(u.words[0].value);
  if (u.xargs) {
    // The program inherits xargs's standard streams, so its redirects too; it stands for xargs.
    const at = out.commands.length;
    emit(out, u.words, redirects, null, ctxWith(ctx, ctx.background, 'xargs', ctx.depth + 1), start, end);
    // The program is the first command its emit added (code it runs, `sh -c '…'`, follows it).
    const prog = out.commands[at];
    if (prog) {
      prog.wrappers = [...u.wrappers, ...prog.wrappers];
      prog.piped = true;
    }
    return;
  }
  record(out, simple(name, u.words, u.wrappers, redirects, heredoc, ctx, start, end), ctx);
  if (u.code && u.code.words.length) {
    const codeWords = u.code.words;
    const code = codeWords.map((w) => w.value).join(' ');
    const first = codeWords[0];
    const lastWord = codeWords[codeWords.length - 1];
    const exact = codeWords.length === 1 && first.end - first.start === code.length + 2;
    const base = first.start + 1;
    const map = exact
      ? (o: number) => base + o
      : (o: number) => Math.min(lastWord.end, Math.max(first.start, first.start + o));
    const via: Via = u.code.kind;
    parseNested(code, {
      text: code,
      map,
      background: ctx.background,
      via,
      remoteHost: u.code.host ? u.code.host.replace(/^.*@/, '') : ctx.remoteHost,
      depth: ctx.depth + 1,
      budget: ctx.budget,
    }, out);
    return;
  }
  if (/^python[\d.]*$/.test(name)) {
    const c = u.words.findIndex((w) => w.value === '-c');
    if (c > 0 && u.words[c + 1]) {
      const w = u.words[c + 1];
      const exact = w.end - w.start === w.value.length + 2;
      pushPython(out, w.value, exact ? (o) => w.start + 1 + o : () => w.start, ctx);
    } else if (heredoc !== null && (u.words.length === 1 || u.words[1].value === '-')) {
      pushPython(out, heredoc, () => start, ctx);
    }
  }
}

function pushPython(out: ShellParse, code: string, map: (o: number) => number, ctx: Ctx): void {
  const { calls, shell, error } = parsePython(code);
  if (error && !out.error) out.error = error;
  for (const call of calls) out.python.push(movedCall(call, map));
  for (const s of shell) {
    parseNested(s.code, { text: s.code, map: () => map(s.start), background: ctx.background, via: 'python', remoteHost: ctx.remoteHost, depth: ctx.depth + 1, budget: ctx.budget }, out);
  }
}

/** Words the flat reading below looks at to find where a program's handed-on code starts. */
const FLAT_WINDOW = 64;

/**
 * Code handed on (`ctx` says how), parsed as a line of its own and added to `out` with its
 * offsets mapped. Past MAX_CODE_DEPTH, or once the line's budget of nested text is spent, the
 * code is read token by token instead, and the parse error says so.
 */
function parseNested(code: string, ctx: Ctx, out: ShellParse): void {
  const over = ctx.depth > MAX_CODE_DEPTH ? OVER.codeDepth : code.length > ctx.budget.nestedText ? OVER.nestedText : null;
  if (over) {
    if (!out.error) out.error = over;
    tokenFallback(code, (words, start, end) => emitFlat(out, words, ctx, start, end));
    return;
  }
  ctx.budget.nestedText -= code.length;
  // Short code comes from the cache and is copied; long code is parsed afresh and its
  // commands moved in place, so each level of `ssh h ssh h …` does not copy all below it.
  const fresh = code.length > CACHE_TEXT_LIMIT;
  const inner = fresh ? parseUncached(code, true, ctx.depth, ctx.budget) : parseCached(code, ctx.depth, ctx.budget);
  const seen = fresh ? new Set<ShellWord | Redirect>() : null;
  for (const c of inner.commands) {
    const background = c.background || ctx.background;
    const via = c.via === 'top' ? ctx.via : c.via;
    const remoteHost = c.remoteHost ?? ctx.remoteHost;
    out.commands.push(seen ? movedInPlace(c, ctx.map, background, via, remoteHost, seen) : movedCommand(c, ctx.map, background, via, remoteHost));
  }
  for (const p of inner.python) out.python.push(movedCall(p, ctx.map));
  if (inner.error && !out.error) out.error = `in ${ctx.via} code: ${inner.error}`;
}

/** movedCopy on a command no one else holds; `seen`: words and redirects already moved (a compound's redirects are shared). */
function movedInPlace(c: SimpleCommand, map: (o: number) => number, background: boolean, via: Via, remoteHost: string | null, seen: Set<ShellWord | Redirect>): SimpleCommand {
  for (const x of c.words) moveSpan(x, map, seen);
  for (const x of c.redirects) moveSpan(x, map, seen);
  c.background = background;
  c.via = via;
  c.remoteHost = remoteHost;
  c.start = map(c.start);
  c.end = map(c.end);
  return c;
}

function moveSpan(x: ShellWord | Redirect, map: (o: number) => number, seen: Set<ShellWord | Redirect>): void {
  if (seen.has(x)) return;
  seen.add(x);
  x.start = map(x.start);
  x.end = map(x.end);
}

/**
 * A command recorded through its wrappers without looking into code it hands on: what the
 * token fallback finds past a bound, where looking further in is what the bound forbids.
 */
function emitFlat(out: ShellParse, argv: ShellWord[], ctx: Ctx, start: number, end: number): void {
  const map = ctx.map;
  const all = argv.map((w) => ({ value: w.value, start: map(w.start), end: map(w.end), dynamic: w.dynamic }));
  // `eval eval … kill 1`, `ssh h ssh h …`: code handed on as words is the rest of the words,
  // so each program is found by moving an index along them, looking at a few at a time. The
  // programs that hand the code on (ssh, eval) are recorded once each, the last program always.
  const handers = new Set<string>();
  let at = 0;
  while (at < all.length) {
    const head = all.slice(at, at + FLAT_WINDOW);
    const u = unwrap(head);
    const from = at + head.length - u.words.length;
    const code = u.code && u.code.kind !== 'bash-c' && u.code.words.length ? at + head.length - u.code.words.length : -1;
    const words = code > from ? all.slice(from, code) : u.words.length ? all.slice(from) : head;
    const name = u.words.length ? baseName(u.words[0].value) : (u.wrappers[u.wrappers.length - 1] ?? baseName(head[0].value));
    if (code <= from || !handers.has(name)) record(out, simple(name, words, u.wrappers, [], null, ctx, map(start), map(end)), ctx);
    if (code <= from) return;
    handers.add(name);
    at = code;
  }
}

function simple(
  name: string,
  words: ShellWord[],
  wrappers: string[],
  redirects: Redirect[],
  heredoc: string | null,
  ctx: Ctx,
  start: number,
  end: number,
): SimpleCommand {
  return {
    name,
    words,
    wrappers,
    background: ctx.background,
    redirects,
    heredoc,
    piped: false,
    pipesTo: [],
    via: ctx.via,
    remoteHost: ctx.remoteHost,
    start,
    end,
  };
}
