// What every level of one command line's parse shares: where the text sits in the line, how
// it was reached (Ctx), and what the line may still spend (Budget, limits.ts).
import type { ShellParse, SimpleCommand, Via } from './types';

/** What one top-level line may still spend on nested code (limits.ts). */
export interface Budget {
  nestedText: number;
  /** Commands the line may still record (MAX_COMMANDS), then one of each other program. */
  commands: number;
  /** The programs recorded, and past the bound one command of each other program. */
  names: Set<string>;
  others: Map<string, SimpleCommand>;
  /**
   * Parses code a command hands on, at `depth`, within this budget: parser.ts's cached parse,
   * or a fresh one. Carried here so that the modules that emit commands need not import the
   * parser that calls them.
   */
  parse: (code: string, depth: number, budget: Budget, fresh: boolean) => ShellParse;
}

export interface Ctx {
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

/** One function for every top-level text: no closure made per parse. */
const sameOffset = (o: number) => o;

export function ctxTop(text: string, depth: number, budget: Budget): Ctx {
  return { text, map: sameOffset, background: false, via: 'top', remoteHost: null, depth, budget };
}

// Copies below are spelled out: in Node 20's V8, `{ ...o, k: v }` costs about ten times an
// object literal in time and bytes (`npx tsx bench/object-copy.ts`), and parsing makes many.

export function ctxWith(c: Ctx, background: boolean, via: Via, depth: number): Ctx {
  return { text: c.text, map: c.map, background, via, remoteHost: c.remoteHost, depth, budget: c.budget };
}

/**
 * Commands run by a `$(...)` or `<(...)`, whose output the word takes: no redirect written
 * after the command and no pipe around it reaches them.
 */
export const captured = new WeakSet<SimpleCommand>();
