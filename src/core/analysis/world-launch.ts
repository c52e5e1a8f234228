// What a launch starts: the simple commands of a process-launch line that are launched, and
// what each runs once a launch script or a supervisord config (written earlier in the run) is
// looked into.
import type { AnalyzedCommand } from '../model';
import { parseShell } from '../shell/parser';
import type { SimpleCommand } from '../shell/types';
import { resolve } from './world-paths';
import { readProgram, type ProgramReading } from './world-programs';

/** Builtins and helpers that a backgrounded list also runs, which are not themselves launched. */
const NOT_LAUNCHED = new Set(['cd', 'export', 'source', '.', 'set', 'unset', 'wait', 'disown', ':', 'true', 'false', 'echo', 'printf', 'mkdir', 'sleep', 'pip', 'pip3', 'chmod', 'cat', 'tail', 'ls', 'which', 'ssh', 'test', '[', 'tee']);
const SUPERVISORS = new Set(['tmux', 'screen']);

/** The launched simple commands of a process-launch command: those its launch findings point at. */
export function launchedCommands(c: AnalyzedCommand, commands: SimpleCommand[]): SimpleCommand[] {
  const spans = c.findings.filter((f) => f.category === 'process-launch' && f.spanIn === 'command').map((f) => f.span);
  const hit = commands.filter((sc) => !NOT_LAUNCHED.has(sc.name) && spans.some((s) => s[0] === sc.start && s[1] === sc.end));
  if (hit.length) return hit;
  // A long-running tool call or a whole-line finding: the last program the line runs.
  for (let i = commands.length - 1; i >= 0; i--) if (!NOT_LAUNCHED.has(commands[i].name)) return [commands[i]];
  return [];
}

export interface LaunchReading {
  reading: ProgramReading;
  /** Directory the program runs in, when a config says (supervisord `directory=`). */
  cwd: string | null;
}

/**
 * What a launched command runs: its own argv, or for `bash x.sh`, `./x.sh`, `supervisord -c conf`
 * and `tmux new -d 'cmd'` the program inside, when the run wrote that file or gave that text.
 */
export function readLaunch(sc: SimpleCommand, files: Map<string, string>, host: string | null, cwd: string | null): LaunchReading {
  const argv = sc.words.map((w) => w.value);
  const own = readProgram(argv);
  if (SUPERVISORS.has(sc.name)) {
    const inner = argv.slice(1).reverse().find((a) => /\s/.test(a));
    const r = inner ? innerProgram(inner) ?? readProgram(inner.trim().split(/\s+/)) : null;
    if (r) return { reading: r, cwd: null };
  }
  if (sc.name === 'supervisord') {
    const i = argv.findIndex((a) => a === '-c' || a === '--configuration');
    const conf = i > 0 ? files.get(fileKey(host, resolve(argv[i + 1] ?? '', cwd))) : undefined;
    if (conf) {
      const programs = [...conf.matchAll(/^\s*command\s*=\s*(.+)$/gm)].map((m) => readProgram(m[1].trim().split(/\s+/)));
      const dir = /^\s*directory\s*=\s*(\S+)/m.exec(conf)?.[1] ?? null;
      const best = programs.find((p) => p.role !== 'other') ?? programs[0];
      if (best) return { reading: best, cwd: dir };
    }
  }
  if (own.script && !/\.py$/.test(own.script)) {
    const text = files.get(fileKey(host, resolve(own.script, cwd)));
    const r = text ? innerProgram(text) : null;
    if (r) return { reading: { ...r, port: r.port ?? own.port, paths: [...own.paths, ...r.paths] }, cwd: null };
  }
  return { reading: own, cwd: null };
}

/** The agent or model server a script or a command string runs (null: neither, the script is its own program). */
function innerProgram(text: string): ProgramReading | null {
  let parse;
  try {
    parse = parseShell(text);
  } catch {
    return null;
  }
  const readings = parse.commands.filter((c) => !NOT_LAUNCHED.has(c.name)).map((c) => readProgram(c.words.map((w) => w.value)));
  return readings.find((r) => r.role !== 'other') ?? null;
}

export const fileKey = (host: string | null, path: string) => `${host ?? ''}\u0000${path}`;
