// The command-line twin end to end on the generated 48 MB chatbot log: `node dist/cli.js
// analyze LOG --json` into a file and through a pipe, and the terminal timeline. Wall and CPU
// seconds and peak RSS from GNU time, each run a fresh process pinned to one core; medians of 3.
// Needs `npm run build` (npm run bench builds first) and /usr/bin/time.
//
//   npx tsx bench/cli.ts [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, table, fmt, option, chatbotLog, GNU_TIME, TASKSET } from './measure';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');

interface Run {
  wallS: number;
  cpuS: number;
  peakMB: number;
}

function timed(shell: string): Run {
  const r = spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8' });
  const m = /^TIMED (\S+) (\S+) (\S+) (\d+)$/m.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${shell} failed (status ${r.status}):\n${r.stderr}`);
  return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), peakMB: Number(m[4]) / 1024 };
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  if (!GNU_TIME) throw new Error('GNU time (/usr/bin/time) is needed: apt-get install time');
  const runs = Number(option('runs', '3'));
  const log = chatbotLog();
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-cli-'));
  const out = join(dir, 'analysis.json');
  const pin = TASKSET ? `${TASKSET} -c 0 ` : '';
  const node = `${GNU_TIME} -f 'TIMED %e %U %S %M' ${pin}"${process.execPath}" "${CLI}" analyze "${log}"`;
  const modes: [string, string][] = [
    ['--json into a file', `${node} --json > "${out}"`],
    ['--json through a pipe', `${node} --json | cat > /dev/null`],
    ['terminal timeline', `${node} > /dev/null`],
  ];
  try {
    const rows: string[][] = [];
    let commands = 0;
    for (const [label, shell] of modes) {
      const xs: Run[] = [];
      for (let i = 0; i < runs; i++) xs.push(timed(shell));
      if (!commands) {
        const a = JSON.parse(readFileSync(out, 'utf8')) as { trajectories: { steps: { commands: unknown[] }[] }[] };
        commands = a.trajectories.reduce((n, t) => n + t.steps.reduce((m, s) => m + s.commands.length, 0), 0);
      }
      const cpu = median(xs.map((x) => x.cpuS));
      rows.push([label, fmt(median(xs.map((x) => x.wallS)), 2), fmt(cpu, 2), fmt(commands / cpu), fmt(median(xs.map((x) => x.peakMB)))]);
    }
    const mb = statSync(log).size / 1e6;
    console.log(`\n### CLI end to end (${fmt(mb, 1)} MB chatbot log, ${fmt(commands)} commands, median of ${runs}, one core)\n`);
    console.log(table(['node dist/cli.js analyze LOG', 'wall s', 'CPU s', 'commands per CPU s', `peak RSS MB (budget ${fmt(3 * mb + 150)})`], rows));
    console.log('\nEverything a run does counts: starting Node, loading the grammars, reading, analysis, writing.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
