// How V8 runs the processes that analyse (the CLI, the language server, the benchmarks). Not
// the extension host: its V8 is shared with other extensions.
//
// Opening a log is a burst of a second or so through a lot of code run once per distinct
// command. V8's defaults suit long-lived programs: they compile hot code a second time with an
// optimising compiler, on the one core the work runs on, and a burst this short ends before
// that pays back. Measured by `npx tsx bench/tier-up.ts` and `npx tsx bench/wasm-tiers.ts`
// (README, Figures).
import { setFlagsFromString } from 'node:v8';

let baseline = false;
let later = false;

/**
 * The tree-sitter grammars (WASM) stay on the baseline compiler, Liftoff: optimising the bash
 * grammar costs about half a second of CPU on the first large file, and the result parses
 * short command lines no faster. Call before the grammars load (`initAnalysis`).
 */
export function useBaselineWasmCompiler(): void {
  if (baseline) return;
  baseline = true;
  setFlagsFromString('--liftoff-only');
}

/**
 * JavaScript is optimised after 8 times the work V8 waits for by default (an interrupt budget
 * of 1 MB of bytecode instead of 132 KB): only the code that stays hot through a large log is
 * compiled again. Call first thing: V8 reads the budget when a function first runs.
 */
export function useLaterTierUp(): void {
  if (later) return;
  later = true;
  setFlagsFromString('--interrupt-budget=1048576');
}

/** What the CLI and the language server do before their first analysis. */
export function tuneV8ForAnalysis(): void {
  useBaselineWasmCompiler();
  useLaterTierUp();
}
