// How V8 compiles the tree-sitter grammars (WASM). By default V8 compiles hot WASM functions
// a second time with its optimising compiler; for the bash grammar that costs about half a
// second of CPU on the first large file, and the result parses our short command lines no
// faster than the baseline compiler's code (`npx tsx bench/wasm-tiers.ts`; README, Figures).
// So the processes that analyse (the CLI, the language server, the benchmarks) keep to the
// baseline compiler, Liftoff. Not the extension host: its V8 is shared with other extensions.
import { setFlagsFromString } from 'node:v8';

let done = false;

/** Call before the grammars load (`initAnalysis`): V8 reads the flag when it compiles them. */
export function useBaselineWasmCompiler(): void {
  if (done) return;
  done = true;
  setFlagsFromString('--liftoff-only');
}
