// The chatbot-log reader alone on the generated 48 MB log (issue 14: the reader's share of
// "reading + analysis >= 30,000 commands/s"): CPU time of reading the bytes into runs, and of
// then touching every command's output and step's text, as the analysis does (a lazy reader
// pays there what it did not pay while reading, so both are counted).
//
//   npx tsx bench/chatbot-reader.ts [--runs 5] [--file LOG]
//
// Each run is a fresh process pinned to core 0 (bench/measure.ts); figures are medians.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { cpuMs, peakRssMB, median, fileMB, runChild, machine, table, fmt, option, fail, chatbotLog } from './measure';

interface Sample {
  steps: number;
  commands: number;
  readCpuMs: number;
  touchCpuMs: number;
  outputChars: number;
  peakRssMB: number;
}

async function child(file: string): Promise<void> {
  const { sourceFile } = await import('../src/core/formats/types');
  const { chatbotLogReader } = await import('../src/core/formats/chatbot-log');
  const bytes = readFileSync(file);
  const c0 = cpuMs();
  const read = chatbotLogReader.read(sourceFile(basename(file), bytes));
  const c1 = cpuMs();
  let steps = 0;
  let commands = 0;
  let outputChars = 0;
  for (const t of read.trajectories) {
    for (const s of t.steps) {
      steps++;
      outputChars += s.thought.length;
      for (const c of s.commands) {
        commands++;
        outputChars += c.output.length + c.text.length;
      }
    }
  }
  const c2 = cpuMs();
  const out: Sample = { steps, commands, readCpuMs: c1 - c0, touchCpuMs: c2 - c1, outputChars, peakRssMB: peakRssMB() };
  console.log(JSON.stringify(out));
}

function main(): void {
  const runs = Number(option('runs', '5'));
  const file = chatbotLog();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(runChild<Sample>(__filename, ['--child', file]).data);
  const mb = fileMB(file);
  const read = median(samples.map((s) => s.readCpuMs));
  const total = median(samples.map((s) => s.readCpuMs + s.touchCpuMs));
  const { commands, steps } = samples[0];
  console.log(`\n### Chatbot-log reader alone (${basename(file)}, ${fmt(mb, 1)} MB, ${fmt(steps)} steps, ${fmt(commands)} commands, median of ${runs}, one core)\n`);
  console.log(
    table(
      ['read ms', 'read + every output ms', 'MB/s', 'commands/s', 'peak RSS MB'],
      [[fmt(read), fmt(total), fmt(mb / (total / 1000), 1), fmt(commands / (total / 1000)), fmt(median(samples.map((s) => s.peakRssMB)))]],
    ),
  );
  const m = machine();
  console.log(`\nmachine: ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.loadAverage1m}; runs (read ms): ${samples.map((s) => fmt(s.readCpuMs)).join(', ')}`);
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--child') child(file).catch(fail);
  else main();
}
