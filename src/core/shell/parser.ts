// Shell parsing with tree-sitter's bash grammar (WASM): a command line becomes the simple
// commands it runs, through pipelines, lists, subshells, substitutions, `bash -c`/`eval`/
// `ssh` code and wrappers. Lines without shell syntax take a fast path, and results are
// cached by text, since runs repeat commands (DESIGN.md budgets). This file reads a line and
// keeps the cache; walk.ts walks the grammar's tree, fast-paths.ts emits what simple.ts
// split, emit.ts and nested.ts record each command and the code it hands on.
import type { Parser as TsParser, Node as TsNode } from '@vscode/tree-sitter-wasm';
import type { ShellParse, ShellWord } from './types';
import { tokenFallback } from './tokens';
import { setPythonParser } from './python';
import { plain, type PNode } from './plain-tree';
import { splitSimple, splitHeredoc, splitSubshellPipe, RESERVED_WORDS } from './simple';
import { CACHE_TEXT_LIMIT, MAX_COMMANDS, MAX_GRAMMAR_LENGTH, MAX_TREE_DEPTH, NESTED_TEXT_FACTOR, NESTED_TEXT_SLACK, OVER } from './limits';
import { ctxTop, type Budget, type Ctx } from './context';
import { emit } from './emit';
import { emitFlat } from './record';
import { emitHeredoc, emitSimple, emitSubshellPipe } from './fast-paths';
import { walkStatements } from './walk';

/**
 * The tree-sitter runtime and where its WASM files are (a path in Node, a URL in a browser).
 * Passed in by the host (src/node/init-analysis.ts), so the core neither loads modules nor
 * reads files.
 */
export interface ShellGrammars {
  treeSitter: typeof import('@vscode/tree-sitter-wasm');
  /** The path or URL of a WASM file by name, e.g. `tree-sitter-bash.wasm`. */
  locate: (file: string) => string;
}

let bashParser: TsParser | null = null;
let initPromise: Promise<void> | null = null;

export function initShellParser({ treeSitter: ts, locate }: ShellGrammars): Promise<void> {
  if (!initPromise) {
    initPromise = (async () => {
      await ts.Parser.init({ locateFile: (f: string) => locate(f) });
      const [bash, python] = await Promise.all([ts.Language.load(locate('tree-sitter-bash.wasm')), ts.Language.load(locate('tree-sitter-python.wasm'))]);
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
  const b = budget ?? { nestedText: NESTED_TEXT_FACTOR * text.length + NESTED_TEXT_SLACK, commands: MAX_COMMANDS, names: new Set(), others: new Map(), parse: parseCode };
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

/** Budget.parse: how nested code is parsed (nested.ts). */
function parseCode(code: string, depth: number, budget: Budget, fresh: boolean): ShellParse {
  return fresh ? parseUncached(code, true, depth, budget) : parseCached(code, depth, budget);
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
  const subshell = useSimple && text.length <= MAX_GRAMMAR_LENGTH ? splitSubshellPipe(text) : null;
  if (subshell) {
    emitSubshellPipe(subshell, top, out);
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
  return bad.isMissing ? `does not parse as shell: missing ${bad.type} at column ${at + 1}` : `does not parse as shell: unexpected ${JSON.stringify(near)} at column ${at + 1}`;
}
