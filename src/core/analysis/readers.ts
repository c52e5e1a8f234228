// Commands that only show text: files, logs, listings (TAXONOMY v2, "Obstacles"). What such a
// command prints is data, not its own failure: `cat app.py` showing `except ImportError:` met
// no obstacle, nor does `tail agent.log` listing an old error. Only the program's own
// diagnostics (`tail: cannot open 'x': No such file or directory`, `bash: ss: command not
// found`) and its exit status are signs; the rest of what it shows is evidence about whoever
// wrote it (see obstacle-owner.ts).
import type { SimpleCommand } from '../shell/types';
import { CommandView } from './view';
import { escapeRegExp } from '../regex-escape';

/** Programs whose output is text they show, never an account of their own work. */
const SHOWS_TEXT = new Set([
  'cat',
  'tac',
  'head',
  'tail',
  'less',
  'more',
  'most',
  'bat',
  'batcat',
  'nl',
  'strings',
  'xxd',
  'od',
  'hexdump',
  'grep',
  'egrep',
  'fgrep',
  'zgrep',
  'zcat',
  'rg',
  'ag',
  'ack',
  'awk',
  'gawk',
  'mawk',
  'cut',
  'sort',
  'uniq',
  'wc',
  'tr',
  'column',
  'jq',
  'yq',
  'fold',
  'fmt',
  'expand',
  'paste',
  'tee',
  'echo',
  'printf',
  'sleep',
  'true',
  'false',
  ':',
  'ls',
  'find',
  'stat',
  'file',
  'tree',
  'du',
  'df',
  'pwd',
  'cd',
  'dmesg',
  'journalctl',
  'ps',
  'pgrep',
  'pidof',
  'lsof',
  'ss',
  'netstat',
  'which',
  'type',
  'whoami',
  'id',
  'hostname',
  'uname',
  'date',
  'env',
  'printenv',
  'free',
  'uptime',
  'nvidia-smi',
  'tasklist',
  'findstr',
  'w',
  'who',
  'last',
  'watch',
  'diff',
  'cmp',
  'md5sum',
  'sha256sum',
  'readlink',
  'realpath',
  'basename',
  'dirname',
  'test',
  '[',
  'man',
  'history',
  'Get-Content',
  'gc',
  'Select-String',
]);

/** Programs that show text only with these subcommands (`systemctl status`, `docker logs` ...). */
const SHOWS_WITH_SUB = new Map<string, Set<string>>(
  Object.entries({
    systemctl: new Set(['status', 'show', 'is-active', 'is-enabled', 'is-failed', 'list-units', 'list-unit-files', 'cat']),
    docker: new Set(['logs', 'ps', 'inspect', 'images', 'top', 'stats']),
    kubectl: new Set(['logs', 'get', 'describe', 'top']),
    supervisorctl: new Set(['status', 'tail', 'avail']),
    pm2: new Set(['logs', 'list', 'ls', 'status', 'describe', 'show', 'jlist']),
    git: new Set(['log', 'show', 'diff', 'status', 'grep', 'blame']),
    podman: new Set(['logs', 'ps', 'inspect', 'images', 'top', 'stats']),
    tmux: new Set(['ls', 'list-sessions', 'list-windows', 'list-panes', 'capture-pane', 'show-buffer']),
  }),
); // a Map: a program named `constructor` or `__proto__` must find nothing

/** Programs that hand code on: transparent when the code they run is itself shown. */
const CARRIERS = new Set(['ssh', 'bash', 'sh', 'zsh', 'dash', 'eval', 'su']);

/** What a command line that only shows text reads: files, and services or containers by name. */
export interface ReaderInfo {
  /** Program names whose `NAME:` lines are the command's own diagnostics. */
  programs: string[];
  /** Files it shows (as written). */
  files: string[];
  /** Services, units, containers or programs whose logs it shows (`journalctl -u X`). */
  sources: string[];
}

/** The reader info of a command line, or null when any part of it does more than show text. */
export function readerOf(commands: readonly SimpleCommand[]): ReaderInfo | null {
  if (commands.length === 0) return null;
  const nested = commands.some((c) => c.via !== 'top');
  const programs = new Set<string>();
  const files: string[] = [];
  const sources: string[] = [];
  let checks = false;
  for (const c of commands) {
    programs.add(c.name);
    for (const w of c.wrappers) programs.add(w);
    if (CARRIERS.has(c.name) && nested) continue;
    if (c.background) return null; // `tail -f log &` is a launch
    const v = new CommandView(c);
    const subs = SHOWS_WITH_SUB.get(c.name);
    if (c.name === 'screen' && v.has('-ls', '-list')) continue;
    if (c.name === 'sed') {
      if (v.args.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--in-place'))) return null;
    } else if (subs) {
      // `kubectl -n agents describe ...`: the namespace's value is not the sub-command.
      const sub = c.name === 'kubectl' || c.name === 'oc' ? v.sub(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server']) : v.sub();
      if (!sub || !subs.has(sub)) return null;
      const ops = v.operands();
      sources.push(...ops.slice(ops.indexOf(sub) + 1).filter((o) => /^[\w@.:-]+$/.test(o)));
      // `kubectl describe pod -l app=ibis-b`: the workload a label selector names.
      for (let i = 0; i < v.args.length; i++) {
        const sel = v.args[i] === '-l' || v.args[i] === '--selector' ? v.args[i + 1] : v.args[i].startsWith('--selector=') ? v.args[i].slice(11) : undefined;
        if (sel) for (const m of sel.matchAll(/=([\w.-]+)/g)) sources.push(m[1]);
      }
      continue;
    } else if (HTTP_CHECKS.has(c.name) && !c.redirects.length && !new CommandView(c).has('-o', '--output', '-O', '-T', '--upload-file', '-d', '--data', '-F', '--form')) {
      checks = true; // its own lines (`curl: (7) ...`) stay its; a file the line reads must be there too (below)
      continue;
    } else if (!SHOWS_TEXT.has(c.name)) {
      return null;
    }
    if (c.name === 'journalctl') {
      for (let i = 0; i < v.args.length; i++) {
        const a = v.args[i];
        if ((a === '-u' || a === '--unit') && v.args[i + 1]) sources.push(v.args[i + 1]);
        else if (a.startsWith('--unit=')) sources.push(a.slice(7));
        else if (/^-u\S/.test(a)) sources.push(a.slice(2));
      }
      continue;
    }
    for (const o of v.operands()) if (looksLikeFile(o)) files.push(o);
  }
  // `sleep 15; grep Error app.log; curl -s localhost:5002/`: a log read beside a check; a check alone shows no file.
  if (checks && !files.length && !sources.length) return null;
  return { programs: [...programs], files, sources };
}

/** HTTP clients whose request may sit on a line that reads a log (a check beside a look at the log). */
const HTTP_CHECKS = new Set(['curl', 'wget']);

/** A path-like operand: has a directory part or a file extension (not a pattern or a number). */
function looksLikeFile(word: string): boolean {
  return !/^-/.test(word) && (word.includes('/') || /^[\w.-]+\.\w{1,8}$/.test(word)) && !/[|()^$*?[\]\\]/.test(word);
}

/**
 * The lines of an output that are the command's own diagnostics: `PROG: ...` for one of its
 * programs (`tail: cannot open ...`), the shell's (`bash: line 3: ss: command not found`,
 * `/bin/sh: 1: ...`), sudo's. A sign anywhere else in a reader's output is text it showed.
 */
const OWN_LINE_TESTS = new Map<string, RegExp>();

/** Built once per set of programs (a run's readers name few), not once per distinct command text. */
export function ownLineTest(info: ReaderInfo): RegExp {
  const key = JSON.stringify(info.programs);
  let re = OWN_LINE_TESTS.get(key);
  if (!re) {
    if (OWN_LINE_TESTS.size >= 1_000) OWN_LINE_TESTS.clear();
    OWN_LINE_TESTS.set(key, (re = buildOwnLineTest(info)));
  }
  return re;
}

function buildOwnLineTest(info: ReaderInfo): RegExp {
  const names = [...info.programs, 'sh', 'bash', 'zsh', 'dash', '-bash', 'sudo', 'ssh', 'env', 'timeout', 'nohup', 'xargs'].map(escapeRegExp);
  return new RegExp(`^\\s*(?:\\S*/)?(?:${[...new Set(names)].join('|')})(?:\\[\\d+\\])?:|^ssh: |^\\s*(?:\\S+: )?(?:line \\d+: )?syntax error`, 'i');
}
