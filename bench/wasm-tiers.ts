// Why the CLI, the language server and the benchmarks compile the tree-sitter grammars with
// V8's baseline WASM compiler only (src/node/v8-tuning.ts): parses the distinct command
// lines of the generated chatbot log that need the grammar, pass after pass, once with V8's
// default tiering (hot functions recompiled by TurboFan) and once with Liftoff alone, each in
// a fresh process on one core. CPU time counts every thread (the optimising compiler runs
// beside the parser).
//
//   npx tsx bench/wasm-tiers.ts [--passes 6] [--file LOG]
import { readFileSync } from 'node:fs';
import { cpuMs, runChild, table, fmt, option, fail, chatbotLog } from './measure';
import { useBaselineWasmCompiler } from '../src/node/v8-tuning';

interface Sample {
  lines: number;
  /** CPU µs per parse, pass by pass (each pass a fresh text per line: no cache helps). */
  usPerParse: number[];
}

async function child(mode: string, file: string, passes: number): Promise<void> {
  if (mode === 'baseline') useBaselineWasmCompiler();
  const { initAnalysis } = await import('../src/node/init-analysis');
  const { parseShellUncached } = await import('../src/core/shell/parser');
  const { splitSimple, splitHeredoc } = await import('../src/core/shell/simple');
  const { readFile, sourceFile } = await import('../src/core/formats');
  await initAnalysis();
  const read = readFile(sourceFile('log', readFileSync(file)));
  const texts = [...new Set(read.trajectories.flatMap((t) => t.steps.flatMap((s) => s.commands.map((c) => c.text))))];
  const grammar = texts.filter((t) => !splitSimple(t) && !splitHeredoc(t));
  const usPerParse: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = cpuMs();
    for (const t of grammar) parseShellUncached(t + ' '.repeat(p), { simple: false });
    usPerParse.push(((cpuMs() - t0) * 1000) / grammar.length);
  }
  const out: Sample = { lines: grammar.length, usPerParse };
  console.log(JSON.stringify(out));
}

function main(): void {
  const passes = Number(option('passes', '6'));
  const file = chatbotLog();
  const rows: string[][] = [];
  for (const mode of ['default', 'baseline']) {
    const r = runChild<Sample>(__filename, ['--child', mode, file, String(passes)]).data;
    const total = r.usPerParse.reduce((a, b) => a + b, 0);
    rows.push([mode === 'default' ? 'V8 default (Liftoff, then TurboFan)' : 'Liftoff only (what the tools use)', fmt(r.lines), ...r.usPerParse.map((u) => fmt(u)), fmt(total)]);
  }
  console.log(`\n### tree-sitter bash: CPU µs per parse, pass by pass (distinct lines needing the grammar)\n`);
  console.log(table(['compiler', 'lines', ...Array.from({ length: passes }, (_, i) => `pass ${i + 1}`), 'sum'], rows));
}

if (require.main === module) {
  if (process.argv[2] === '--child') {
    child(process.argv[3], process.argv[4], Number(process.argv[5])).catch(fail);
  } else {
    main();
  }
}
