// How V8 runs the processes that analyse (the CLI, the language server, the benchmarks). Not
// the extension host: its V8 is shared with other extensions.
//
// Opening a log is a burst of a second or so: a reader (a few tight loops over megabytes) and
// then the analysis (much code, run once per distinct command). V8's defaults suit long-lived
// programs: they compile hot code a second time with an optimising compiler, on the one core
// the work runs on. The reader wants that early; the analysis ends before it pays back.
// Measured by `npx tsx bench/tier-up.ts` and `npx tsx bench/wasm-tiers.ts` (README, Figures).
import { setFlagsFromString } from 'node:v8';

let baseline = false;
let later = false;

/**
 * The tree-sitter grammars (WASM) stay on the baseline compiler, Liftoff: optimising the bash
 * grammar costs about half a second of CPU on the first large file, and the result parses
 * short command lines no faster. Call at start, before the grammars load (`initAnalysis`).
 */
export function useBaselineWasmCompiler(): void {
  if (baseline) return;
  baseline = true;
  setFlagsFromString('--liftoff-only');
}

/**
 * From now on JavaScript is optimised after 8 times the work V8 waits for by default (an
 * interrupt budget of 1 MB of bytecode instead of 132 KB): only code that stays hot through a
 * large log is compiled again. Call once a log has been read and before it is analysed: the
 * reader's loops are optimised by then, and V8 gives each function the new budget the next
 * time it counts one down.
 *
 * Until it is, each function runs as baseline machine code (Sparkplug) from its first call,
 * not in the bytecode interpreter first: the analysis runs much code a few thousand times,
 * which the interpreter ran at a fraction of that speed (`npx tsx bench/analysis.ts`, alternating
 * pairs at load 15-19: cold 9,590 -> 10,917 and 10,565 -> 11,275 commands/s, warm +20%, peak
 * RSS 285 -> 261 MB).
 */
export function useLaterTierUp(): void {
  if (later) return;
  later = true;
  setFlagsFromString('--interrupt-budget=1048576');
  setFlagsFromString('--always-sparkplug');
  // The old generation may grow by 60% between full collections instead of up to 4x: after a
  // large read, V8 let the analysis's short-lived records pile up in the old generation until
  // the peak (openai-chat 115 MB, read + analysis, bench/readers-memory.ts: 551-561 -> 451-458 MB
  // against a budget of 494; CPU 10.2 -> 10.5 s, three alternating pairs at load 4-5).
  setFlagsFromString('--heap-growing-percent=60');
}
