// Bounds on what one command line may cost. Transcripts are written by the agents under
// study, and a few kilobytes of shaped shell (code handed on hundreds of levels deep, a
// pipeline of thousands of stages) must not exhaust the stack, the heap or the clock. Each
// bound sits far above what real runs show; what goes over one is read token by token
// (tokens.ts) and the command's parse error says which bound it was.

/**
 * Levels of code handed on (`bash -c`, `eval`, `ssh host CMD`, `xargs CMD`, Python's
 * subprocess): real runs nest two or three (`ssh h "sudo bash -c '…'"`), and every level
 * re-reads the code it hands on.
 */
export const MAX_CODE_DEPTH = 8;

/**
 * Nesting of the syntax tree of one line (substitutions in substitutions, subshells, an
 * `&&` chain, which the grammar nests one level per command). The walk recurses once or
 * twice per level, and a few thousand levels exhaust the stack.
 */
export const MAX_TREE_DEPTH = 200;

/**
 * The longest text given to a tree-sitter grammar. Its time and WASM memory grow with the
 * line (about a second per 500 KB on this machine, and an abort, which leaves the parser
 * unusable for every later line, was seen on a 1 MB line); real command lines stay under a
 * few KB, and literal heredocs, the long ones, are read without the grammar.
 */
export const MAX_GRAMMAR_LENGTH = 64 * 1024;

/**
 * Nested code one line may have re-read in all, as a multiple of its own length (plus a
 * few KB, so that short lines nest freely up to MAX_CODE_DEPTH): `ssh h ssh h …` hands on
 * almost the whole line at every level, where a long real line (a script in
 * `ssh h "bash -c '…'"`) is re-read about twice.
 */
export const NESTED_TEXT_FACTOR = 2;
export const NESTED_TEXT_SLACK = 16 * 1024;

/**
 * Programs a pipeline stage records as reading its output (`pipesTo`), nearest first: every
 * stage names all later ones, which is quadratic in the pipeline's length.
 */
export const MAX_PIPE_TARGETS = 32;

/** Redirects one command keeps (a compound's redirects apply to each command in it). */
export const MAX_REDIRECTS = 64;

/**
 * Simple commands one line records. A line that runs more (`kill 1;` 200,000 times, a
 * pipeline of a million stages) is a shaped one, and each command costs its rules, findings
 * and memory: past the bound each other program is recorded once, up to MAX_OTHER_PROGRAMS.
 */
export const MAX_COMMANDS = 100_000;
export const MAX_OTHER_PROGRAMS = 1_000;

/** Nested code longer than this is not kept in the parse cache (it is rarely repeated). */
export const CACHE_TEXT_LIMIT = 4 * 1024;

/**
 * Parse errors for each bound, as the command's diagnostic shows them (the CLI and the
 * diagnostic add that the line was read token by token).
 */
export const OVER = {
  codeDepth: `code handed on more than ${MAX_CODE_DEPTH} levels deep (bash -c, eval, ssh, xargs, python)`,
  nestedText: `nested code re-read more than ${NESTED_TEXT_FACTOR} times the line's length`,
  treeDepth: `nested more than ${MAX_TREE_DEPTH} levels deep`,
  grammarLength: (n: number) => `${n} characters, longer than the ${MAX_GRAMMAR_LENGTH / 1024} KB the shell grammar reads`,
  pipeTargets: (n: number) => `a pipeline of ${n} stages: each records only the nearest ${MAX_PIPE_TARGETS} programs it feeds`,
  redirects: `more than ${MAX_REDIRECTS} redirects on one command: the rest left out`,
  commands: `more than ${MAX_COMMANDS} commands in one line: past them, each other program recorded once`,
  stack: (why: string) => `could not be read as a whole (${why})`,
  pythonDepth: `Python nested more than ${MAX_TREE_DEPTH} levels deep: its calls not read`,
  pythonLength: (n: number) => `Python code of ${n} characters, longer than the ${MAX_GRAMMAR_LENGTH / 1024} KB the grammar reads: its calls not read`,
};
