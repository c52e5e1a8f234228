// Peak memory of each JSON reader on the generated bench files (DESIGN.md budget: peak RSS at
// most 3 x the file size + 150 MB). Each figure is the kernel's high-water mark of a fresh
// process that reads the file's bytes, sniffs and reads it as the CLI does (readFile), and
// touches every command's output, so a reader that defers work is charged for it; a second
// process opens the file as the CLI does (OpenedLog.fromPath: its bytes released once read)
// and analyses every run, which is what bench/formats.ts reports.
//
//   npx tsx bench/readers-memory.ts [--mb 30] [--runs 3] [--only FAMILY,...]
//
// Files come from bench/gen-formats.ts (written once into bench/results/). Prints a markdown
// table (format, file MB, peak RSS MB, budget, ok) and writes bench/results/readers-memory.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FAMILIES, EXTENSION } from './gen-formats';
import { RESULTS, cpuMs, peakRssMB, median, fileMB, runChild, ensureGenerated, machine, table, fmt, option, fail } from './measure';

interface Sample {
  format: string;
  commands: number;
  outputChars: number;
  /** The process before reading: Node itself and the file's bytes. */
  baseRssMB: number;
  peakRssMB: number;
  /** CPU time of sniffing and reading (and touching the outputs). */
  readCpuMs: number;
}

async function child(file: string, analyse: boolean): Promise<void> {
  const { readFile, sourceFile } = await import('../src/core/formats');
  const { initAnalysis } = await import('../src/node/init-analysis');
  const { OpenedLog } = await import('../src/node/open-log');
  const { useBaselineWasmCompiler, useLaterTierUp } = await import('../src/node/v8-tuning');
  if (analyse) {
    // As the CLI does: the log opened from its path (its bytes released once read), then every run analysed.
    useBaselineWasmCompiler();
    await initAnalysis();
    const baseRssMB = peakRssMB();
    const c0 = cpuMs();
    const log = OpenedLog.fromPath(file);
    const readCpuMs = cpuMs() - c0;
    useLaterTierUp();
    const analysis = log.all();
    const commands = analysis.trajectories.reduce((n, t) => n + t.steps.reduce((m, s) => m + s.commands.length, 0), 0);
    console.log(JSON.stringify({ format: log.format, commands, outputChars: 0, baseRssMB, peakRssMB: peakRssMB(), readCpuMs } satisfies Sample));
    return;
  }
  const baseRssMB = peakRssMB();
  const c0 = cpuMs();
  const read = ((bytes: Uint8Array) => readFile(sourceFile(basename(file), bytes)))(readFileSync(file));
  let commands = 0;
  let outputChars = 0;
  for (const t of read.trajectories) {
    for (const s of t.steps) {
      for (const c of s.commands) {
        commands++;
        outputChars += c.output.length;
      }
    }
  }
  const readCpuMs = cpuMs() - c0;
  const out: Sample = { format: read.format, commands, outputChars, baseRssMB, peakRssMB: peakRssMB(), readCpuMs };
  console.log(JSON.stringify(out));
}

function main(): void {
  const mb = Number(option('mb', '30'));
  const runs = Number(option('runs', '3'));
  const only = option('only', '').split(',').filter(Boolean);
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  for (const family of FAMILIES.filter((f) => !only.length || only.includes(f))) {
    const file = join(RESULTS, `fmt-${family}-${mb}mb${EXTENSION[family]}`);
    ensureGenerated(file, join(__dirname, 'gen-formats.ts'), [family, file, String(mb)]);
    const samples: Sample[] = [];
    const analysed: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      samples.push(runChild<Sample>(__filename, ['--child', file]).data);
      analysed.push(runChild<Sample>(__filename, ['--child-analysis', file]).data);
    }
    const size = fileMB(file);
    const peak = median(samples.map((s) => s.peakRssMB));
    const peakAnalysed = median(analysed.map((s) => s.peakRssMB));
    const budget = 3 * size + 150;
    const readMs = median(samples.map((s) => s.readCpuMs));
    results[family] = {
      file: basename(file),
      format: samples[0].format,
      mb: size,
      commands: samples[0].commands,
      peakRssMB: peak,
      budgetMB: budget,
      ok: peak <= budget,
      peakWithAnalysisMB: peakAnalysed,
      okWithAnalysis: peakAnalysed <= budget,
      readCpuMs: readMs,
      samples,
      analysed,
    };
    rows.push([
      samples[0].format,
      fmt(size, 1),
      fmt(samples[0].commands),
      fmt(peak),
      fmt(peakAnalysed),
      fmt(budget),
      peak <= budget && peakAnalysed <= budget ? 'yes' : 'NO',
      fmt(readMs),
    ]);
    process.stderr.write(`${family}: ${fmt(peak)} MB of ${fmt(budget)}\n`);
  }
  console.log(`\n### Peak memory of the JSON readers (generated files of about ${mb} MB, median of ${runs} fresh processes)\n`);
  console.log(table(['format', 'file MB', 'commands', 'peak RSS MB (reading)', 'peak RSS MB (reading + analysis)', 'budget MB (3 x file + 150)', 'ok', 'read CPU ms'], rows));
  const m = machine();
  console.log(`\nmachine: ${m.cores} cores (${m.cpu}), Node ${m.node}`);
  writeFileSync(join(RESULTS, 'readers-memory.json'), JSON.stringify({ machine: m, mb, runs, results }, null, 2) + '\n');
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--child' || mode === '--child-analysis') child(file, mode === '--child-analysis').catch(fail);
  else main();
}
