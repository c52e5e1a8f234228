// Analyses a transcript holding one shaped line at each of the given sizes, in this process,
// and prints one JSON line per size: time, peak RSS so far, and what became of the three
// commands. Run alone so that the peak is this shape's: `node --import tsx run-shape.ts NAME KB...`.
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { SHAPES, transcript } from './shapes';

export interface ShapeRun {
  shape: string;
  bytes: number;
  /** Wall-clock time of the analysis, and the CPU time it used (what a busy machine does not inflate). */
  ms: number;
  cpuMs: number;
  /** Peak resident memory of the process so far, MB (sizes run smallest first). */
  peakMB: number;
  baseMB: number;
  parseError: string | null;
  categories: string[];
  /** The commands before and after: what they read as. */
  before: string[];
  after: string[];
}

async function main(): Promise<void> {
  const [name, ...kbs] = process.argv.slice(2);
  const shape = SHAPES.find((s) => s.name === name);
  if (!shape) throw new Error(`no shape ${name}`);
  await initAnalysis();
  analyzeBytes('warm.json', Buffer.from(transcript('ls | grep x && echo "$(id)"')));
  const baseMB = process.resourceUsage().maxRSS / 1024;
  for (const kb of kbs.map(Number)) {
    const bytes = Buffer.from(transcript(shape.build(kb * 1000)));
    const t = performance.now();
    const c = process.cpuUsage();
    const a = analyzeBytes('shaped.json', bytes);
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    const cmds = a.trajectories[0].steps.flatMap((s) => s.commands);
    const run: ShapeRun = {
      shape: name,
      bytes: cmds[1]?.text.length ?? 0,
      ms,
      cpuMs: (used.user + used.system) / 1000,
      peakMB: process.resourceUsage().maxRSS / 1024,
      baseMB,
      parseError: cmds[1]?.parseError ?? null,
      categories: cmds[1]?.categories ?? [],
      before: cmds[0]?.categories ?? [],
      after: cmds[2]?.categories ?? [],
    };
    process.stdout.write(JSON.stringify(run) + '\n');
  }
}

void main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
