// Benchmark of the format readers (issue: MB/s, commands/s, peak memory, and the time against a
// bare JSON.parse of the same bytes, target at most 3x) on large generated files of each JSON
// family, plus listing the samples of a ~100 MB Inspect .eval (budget: 1 s).
//
//   npx tsx bench/formats.ts [--mb 30] [--runs 3] [--only FAMILY,...]
//
// Every figure comes from a fresh process pinned to core 0; times are CPU time of that process
// (what one core delivers, even on a busy machine). "read + analysis" is the format reader and
// the full analysis (shell parsing, taxonomy, threads, verdict) of every run in the file; the
// baseline decodes the same bytes and JSON.parses them (each line, for JSONL). Writes
// bench/results/formats.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FAMILIES, EXTENSION, type Family } from './gen-formats';
import { RESULTS, cpuMs, peakRssMB, median, fileMB, runChild, ensureGenerated, machine, table, fmt, option, fail } from './measure';
import { useBaselineWasmCompiler, useLaterTierUp } from '../src/node/v8-tuning';

interface ParseSample {
  cpuMs: number;
  peakRssMB: number;
}

interface ReadSample {
  format: string;
  runs: number;
  commands: number;
  readCpuMs: number;
  analysisCpuMs: number;
  peakRssMB: number;
}

interface EvalSample {
  samples: number;
  listCpuMs: number;
  listWallMs: number;
  firstSampleCpuMs: number;
  firstSampleCommands: number;
  peakRssMB: number;
}

function childParse(file: string): void {
  const bytes = readFileSync(file);
  const c = cpuMs();
  const text = new TextDecoder().decode(bytes);
  let n = 0;
  if (file.endsWith('.jsonl')) {
    for (const line of text.split('\n')) if (line.trim()) n += JSON.parse(line) ? 1 : 0;
  } else {
    n = JSON.parse(text) ? 1 : 0;
  }
  const cpu = cpuMs() - c;
  console.log(JSON.stringify({ cpuMs: cpu, peakRssMB: peakRssMB(), n } satisfies ParseSample & { n: number }));
}

async function childRead(file: string): Promise<void> {
  const { analyzeRead } = await import('../src/core/analyze');
  const { initAnalysis } = await import('../src/node/init-analysis');
  const { readFile, sourceFile } = await import('../src/core/formats');
  useBaselineWasmCompiler(); // as the CLI and the language server do
  await initAnalysis();
  // The bytes live only as long as reading does, as in the CLI (src/node/read-path.ts).
  const readTimed = () => {
    const bytes = readFileSync(file);
    const c0 = cpuMs();
    const read = readFile(sourceFile(basename(file), bytes));
    return { read, cpu: cpuMs() - c0 };
  };
  const { read, cpu: readCpuMs } = readTimed();
  useLaterTierUp(); // after reading, as the CLI does
  const c1 = cpuMs();
  const a = analyzeRead(basename(file), read);
  const c2 = cpuMs();
  const commands = a.trajectories.reduce((n, t) => n + t.steps.reduce((m, s) => m + s.commands.length, 0), 0);
  const out: ReadSample = { format: a.format, runs: a.trajectories.length, commands, readCpuMs, analysisCpuMs: c2 - c1, peakRssMB: peakRssMB() };
  console.log(JSON.stringify(out));
}

async function childEval(file: string): Promise<void> {
  const { analyzeRun } = await import('../src/core/analyze');
  const { initAnalysis } = await import('../src/node/init-analysis');
  const { sourceFile } = await import('../src/core/formats');
  const { inspectEvalReader } = await import('../src/core/formats/inspect-eval');
  useBaselineWasmCompiler(); // as the CLI and the language server do
  await initAnalysis();
  const c0 = cpuMs();
  const w0 = performance.now();
  const src = sourceFile(basename(file), readFileSync(file));
  const list = inspectEvalReader.listRuns!(src);
  const c1 = cpuMs();
  const w1 = performance.now();
  const run = analyzeRun(inspectEvalReader.readRun!(src, list[0].key));
  const c2 = cpuMs();
  const out: EvalSample = {
    samples: list.length,
    listCpuMs: c1 - c0,
    listWallMs: w1 - w0,
    firstSampleCpuMs: c2 - c1,
    firstSampleCommands: run.steps.reduce((n, s) => n + s.commands.length, 0),
    peakRssMB: peakRssMB(),
  };
  console.log(JSON.stringify(out));
}

function main(): void {
  const mb = Number(option('mb', '30'));
  const runs = Number(option('runs', '3'));
  const only = option('only', '').split(',').filter(Boolean);
  const families = FAMILIES.filter((f) => !only.length || only.includes(f));
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  for (const family of families) {
    const file = join(RESULTS, `fmt-${family}-${mb}mb${EXTENSION[family]}`);
    ensureGenerated(file, join(__dirname, 'gen-formats.ts'), [family, file, String(mb)]);
    const parse: ParseSample[] = [];
    const read: ReadSample[] = [];
    for (let i = 0; i < runs; i++) {
      parse.push(runChild<ParseSample>(__filename, ['--child-parse', file]).data);
      read.push(runChild<ReadSample>(__filename, ['--child-read', file]).data);
    }
    const size = fileMB(file);
    const total = median(read.map((r) => r.readCpuMs + r.analysisCpuMs));
    const readOnly = median(read.map((r) => r.readCpuMs));
    const base = median(parse.map((p) => p.cpuMs));
    const peak = median(read.map((r) => r.peakRssMB));
    const r = {
      file: basename(file),
      format: read[0].format,
      mb: size,
      commands: read[0].commands,
      trajectories: read[0].runs,
      mbPerSecond: size / (total / 1000),
      commandsPerSecond: read[0].commands / (total / 1000),
      jsonParseMs: base,
      readMs: readOnly,
      readAnalysisMs: total,
      ratioReadAnalysis: total / base,
      ratioRead: readOnly / base,
      peakRssMB: peak,
      jsonParsePeakRssMB: median(parse.map((p) => p.peakRssMB)),
      memoryBudgetMB: 3 * size + 150,
      samples: { parse, read },
    };
    results[family] = r;
    rows.push([
      family === 'inspect-json' ? 'Inspect .json' : family,
      fmt(size, 1),
      fmt(r.commands),
      fmt(r.mbPerSecond, 1),
      fmt(r.commandsPerSecond),
      fmt(base),
      `${fmt(r.ratioRead, 2)}x`,
      `${fmt(r.ratioReadAnalysis, 2)}x`,
      `${fmt(peak)} (<= ${fmt(r.memoryBudgetMB)})`,
    ]);
    process.stderr.write(`${family}: ${fmt(r.mbPerSecond, 1)} MB/s, ratio ${fmt(r.ratioReadAnalysis, 2)}x\n`);
  }

  let evalNote = '';
  const genEval = join(__dirname, 'gen-eval.ts');
  if (!only.length || only.includes('eval')) {
    if (existsSync(genEval)) {
      const file = join(RESULTS, 'eval-100mb.eval');
      ensureGenerated(file, genEval, ['--samples', '420', '--turns', '80', '--out', file]);
      const ev: EvalSample[] = [];
      for (let i = 0; i < runs; i++) ev.push(runChild<EvalSample>(__filename, ['--child-eval', file]).data);
      const list = median(ev.map((e) => e.listCpuMs));
      const e = {
        file: basename(file),
        mb: fileMB(file),
        samples: ev[0].samples,
        listRunsMs: list,
        listRunsWallMs: median(ev.map((x) => x.listWallMs)),
        firstSampleMs: median(ev.map((x) => x.firstSampleCpuMs)),
        firstSampleCommands: ev[0].firstSampleCommands,
        peakRssMB: median(ev.map((x) => x.peakRssMB)),
        runs: ev,
      };
      results['inspect-eval'] = e;
      evalNote = `\n\`.eval\` (${fmt(e.mb, 1)} MB, ${fmt(e.samples)} samples): listing the samples takes ${fmt(e.listRunsMs)} ms (budget 1,000 ms; reading the file's bytes included), reading and analysing the first sample ${fmt(e.firstSampleMs)} ms (${fmt(e.firstSampleCommands)} commands, the others stay compressed); peak RSS ${fmt(e.peakRssMB)} MB.`;
    } else {
      evalNote = '\n`.eval` listing: skipped (bench/gen-eval.ts is not there to write a 100 MB .eval).';
    }
  }

  console.log(`\n### Format readers (generated files of about ${mb} MB, median of ${runs} runs, one core)\n`);
  console.log(table(['format', 'MB', 'commands', 'MB/s', 'commands/s', 'JSON.parse ms', 'read / JSON.parse', 'read + analysis / JSON.parse', 'peak RSS MB (budget)'], rows));
  console.log(evalNote);
  const m = machine();
  console.log(`\nmachine: ${m.cores} cores (${m.cpu}), Node ${m.node}, pinned to one core: ${m.pinnedToOneCore}, load average ${m.loadAverage1m}`);
  writeFileSync(join(RESULTS, 'formats.json'), JSON.stringify({ machine: m, mb, runs, results }, null, 2) + '\n');
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--child-parse') childParse(file);
  else if (mode === '--child-read') childRead(file).catch(fail);
  else if (mode === '--child-eval') childEval(file).catch(fail);
  else main();
}
