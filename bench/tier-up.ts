// Why the CLI and the language server let V8 optimise JavaScript later than it would by
// default once a log has been read (src/node/v8-tuning.ts): the analysis benchmark's child
// (bench/analysis.ts), run in pairs, one process with V8's default tier-up throughout and one as
// the tools run, alternating so that both meet the same moments of this machine. Medians per
// mode.
//
//   npx tsx bench/tier-up.ts [--pairs 5]
import { join } from 'node:path';
import { runChild, median, table, fmt, option, chatbotLog } from './measure';
import type { Sample } from './analysis';

function main(): void {
  const pairs = Number(option('pairs', '5'));
  const file = chatbotLog();
  const modes = [
    ['default-tier-up', 'V8 default (interrupt budget 132 KB)'],
    ['tuned', 'later tier-up once read (1 MB, what the tools use)'],
  ] as const;
  const samples = new Map<string, Sample[]>(modes.map(([m]) => [m, []]));
  for (let i = 0; i < pairs; i++) {
    for (const [mode] of modes) {
      const s = runChild<Sample>(join(__dirname, 'analysis.ts'), ['--child', file, mode]).data;
      samples.get(mode)!.push(s);
      process.stderr.write(
        `pair ${i + 1}/${pairs} ${mode}: analysis ${fmt(s.commands / (s.analysisCpuMs / 1000))} commands/s, reader ${fmt(s.mb / (s.readCpuMs / 1000), 1)} MB/s\n`,
      );
    }
  }
  const rows = modes.map(([mode, label]) => {
    const xs = samples.get(mode)!;
    const m = (f: (s: Sample) => number) => median(xs.map(f));
    return [
      label,
      fmt(m((s) => s.commands / (s.analysisCpuMs / 1000))),
      fmt(m((s) => s.commands / (s.warmAnalysisCpuMs / 1000))),
      fmt(
        m((s) => s.mb / (s.readCpuMs / 1000)),
        1,
      ),
      fmt(m((s) => s.commands / ((s.readCpuMs + s.analysisCpuMs) / 1000))),
      fmt(m((s) => s.peakRssMB)),
    ];
  });
  console.log(`\n### V8 tier-up: the analysis benchmark, ${pairs} alternating pairs, medians (per CPU s, one core)\n`);
  console.log(table(['V8', 'analysis cmd/s', 'again, cache warm', 'reader MB/s', 'read + analysis cmd/s', 'peak RSS MB'], rows));
}

if (require.main === module) main();
