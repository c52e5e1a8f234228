// Hostile command lines (issue 15) at 1, 2, 5 and 10 MB: each shape of test/adversarial/shapes.ts
// in a transcript between two ordinary commands, read and analysed in a fresh process (pinned
// to one core when taskset is there); wall and CPU time of the analysis, peak RSS, and whether
// the line was flagged. Writes bench/results/adversarial.json.
//
//   npx tsx bench/adversarial.ts [--sizes 1,2,5,10] [--shapes ssh-chain,pipeline] [--heap 4096]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, TASKSET, fmt, machine, option, table } from './measure';
import { SHAPES } from '../test/adversarial/shapes';
import type { ShapeRun } from '../test/adversarial/run-shape';

const CHILD = join(__dirname, '../test/adversarial/run-shape.ts');
const sizes = option('sizes', '1,2,5,10').split(',').map(Number);
const only = option('shapes', '');
const shapes = only ? SHAPES.filter((s) => only.split(',').includes(s.name)) : SHAPES;
/** The child's heap: a bound a linear analysis of 10 MB stays far below. */
const heapMB = Number(option('heap', '4096'));

interface Row {
  shape: string;
  mb: number;
  run: ShapeRun | null;
  error: string | null;
}

const rows: Row[] = [];
for (const shape of shapes) {
  for (const mb of sizes) {
    const args = [`--max-old-space-size=${heapMB}`, '--import', 'tsx', CHILD, shape.name, String(mb * 1000)];
    const cmd = TASKSET ? [TASKSET, '-c', '0', process.execPath, ...args] : [process.execPath, ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const run = r.status === 0 && line ? (JSON.parse(line) as ShapeRun) : null;
    const row: Row = { shape: shape.name, mb, run, error: run ? null : `${r.signal ?? `exit ${r.status}`}: ${r.stderr.slice(-300)}` };
    rows.push(row);
    console.error(`${shape.name} ${mb} MB: ${run ? `${fmt(run.cpuMs)} ms CPU, peak ${fmt(run.peakMB)} MB` : row.error}`);
  }
}

console.log(`\n### Hostile command lines (a transcript holding one shaped line, fresh process each)\n`);
console.log(
  table(
    ['shape', 'line MB', 'wall ms', 'CPU ms', 'peak RSS MB', 'flagged', 'commands around it read'],
    rows.map((r) =>
      r.run
        ? [
            r.shape,
            fmt(r.run.bytes / 1e6, 1),
            fmt(r.run.ms),
            fmt(r.run.cpuMs),
            fmt(r.run.peakMB),
            r.run.parseError ? 'yes' : 'no',
            r.run.after.includes('process-kill') ? 'yes' : 'NO',
          ]
        : [r.shape, fmt(r.mb, 1), '-', '-', '-', '-', `failed (${r.error?.split(':')[0]})`],
    ),
  ),
);
const m = machine();
console.log(`\nmachine: ${m.cores} cores (${m.cpu}), Node ${m.node}, pinned to one core: ${m.pinnedToOneCore}, load average ${m.loadAverage1m}`);
writeFileSync(join(RESULTS, 'adversarial.json'), JSON.stringify({ machine: m, rows }, null, 2));
