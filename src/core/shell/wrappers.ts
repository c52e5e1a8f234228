// Turning an argv into a simple command: wrappers (`sudo`, `nohup`, `timeout 5` ...) are
// looked through, and code handed to another program (`bash -c`, `eval`, `ssh host CMD`,
// `xargs CMD`, `python -c`) is returned for the caller to parse in turn.
import type { ShellWord } from './types';

export interface Unwrapped {
  /** argv after the wrappers (empty when the wrappers ran nothing, e.g. `command -v x`). */
  words: ShellWord[];
  wrappers: string[];
  /** Set when argv hands code to a shell (`bash -c`, `eval`, `ssh host CMD`). */
  code: { kind: 'bash-c' | 'eval' | 'ssh'; words: ShellWord[]; host: string | null } | null;
  /** Set for `xargs CMD`: the rest of the argv is itself a command. */
  xargs: boolean;
  /** The directory a wrapper runs the command in (`systemd-run --working-directory=D`, `env -C D`), as written. */
  chdir: string | null;
}

/** Options that take a value, per wrapper (the value is skipped with the option). */
const VALUED = new Map<string, Set<string>>(
  Object.entries({
    sudo: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T']),
    doas: new Set(['-u', '-C']),
    timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
    env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
    nice: new Set(['-n', '--adjustment']),
    ionice: new Set(['-c', '-n', '-t', '-p', '-P', '-u']),
    stdbuf: new Set(['-i', '-o', '-e']),
    exec: new Set(['-a']),
    xargs: new Set(['-I', '-n', '-P', '-d', '-L', '-s', '-a', '-E', '-e', '--max-args', '--max-procs', '--delimiter', '--arg-file']),
    setsid: new Set([]),
    nohup: new Set([]),
    command: new Set([]),
    time: new Set(['-f', '-o']),
    chrt: new Set([]),
    taskset: new Set([]),
    // Launchers that run the rest of argv as a daemon: what they start is the program after them.
    'systemd-run': new Set([
      '-u',
      '--unit',
      '-p',
      '--property',
      '-E',
      '--setenv',
      '--slice',
      '--description',
      '-M',
      '--machine',
      '-H',
      '--host',
      '--uid',
      '--gid',
      '--nice',
      '--working-directory',
      '--on-active',
      '--on-calendar',
      '--on-unit-active',
    ]),
    daemonize: new Set(['-a', '-c', '-e', '-E', '-l', '-o', '-p', '-u']),
  }),
);

/** `screen -dmS NAME PROG ARGS`: a detached screen runs the rest of argv (valued options skipped). */
const SCREEN_VALUED = new Set(['-S', '-c', '-Logfile', '-logfile', '-t', '-p', '-e', '-T', '-h', '-s']);
/** `kubectl exec POD -- CMD`, `docker exec CTR CMD`: CMD runs in another machine's namespace, like ssh. */
const EXEC_VALUED = new Set([
  '-c',
  '--container',
  '-n',
  '--namespace',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '-e',
  '--env',
  '--env-file',
  '--context',
  '--cwd',
  '--group',
  '--project',
]);
/**
 * An argv handed on as one line of code (`wsl -d X -- bash -lc 'a && b'`, `apptainer exec img CMD`):
 * each word quoted again where it holds blanks or shell syntax, so that it reads back as that word.
 */
function argvAsCode(argv: ShellWord[]): ShellWord {
  const value = argv.map((w) => (/[\s;&|<>()$`'"]/.test(w.value) ? `'${w.value.replace(/'/g, `'\\''`)}'` : w.value)).join(' ');
  return { ...argv[0], value, end: argv[argv.length - 1].end };
}

/**
 * Windows remoting: `Invoke-Command -ComputerName H -ScriptBlock { CODE }` runs CODE on H (here
 * without -ComputerName); WMI's process creation (`Invoke-CimMethod -ClassName Win32_Process
 * -MethodName Create -Arguments @{CommandLine='X'}`, `Invoke-WmiMethod ... -ArgumentList 'X'`,
 * `wmic /node:H process call create "X"`) starts X detached there (read as `X &`).
 */
function windowsRemote(words: ShellWord[]): Unwrapped['code'] {
  const argv = words.map((w) => w.value);
  const lower = argv.map((a) => a.toLowerCase());
  const valueOf = (...names: string[]) => {
    const i = lower.findIndex((a) => names.includes(a));
    return i > 0 ? argv[i + 1] : undefined;
  };
  const name = lower[0].replace(/\.exe$/, '');
  if (name === 'invoke-command' || name === 'icm') {
    // The block from the first word that opens it to the last that closes it (`{Stop-Process x}` too).
    const open = argv.findIndex((a, i) => i > 0 && a.startsWith('{'));
    let close = -1;
    for (let i = argv.length - 1; i >= open && open > 0; i--) if (argv[i].endsWith('}')) ((close = i), (i = -1));
    if (open < 0 || close < open) return null;
    const inner = words
      .slice(open, close + 1)
      .map((w, k, all) => ({ ...w, value: w.value.slice(k === 0 ? 1 : 0, k === all.length - 1 ? -1 : undefined) }))
      .filter((w) => w.value);
    if (!inner.length) return null;
    // `-ComputerName A,B` runs on each (the first is read); `-Session $s` on a host the line does not name.
    const host = valueOf('-computername', '-cn')?.split(',')[0] ?? valueOf('-session');
    return { kind: host ? 'ssh' : 'bash-c', words: [argvAsCode(inner)], host: host ?? null };
  }
  let host: string | undefined;
  let line: string | undefined;
  if (name === 'wmic') {
    host = argv.find((a) => /^\/node:/i.test(a))?.slice(6);
    const c = lower.indexOf('create');
    if (lower.includes('process') && lower.includes('call') && c > 0) line = argv.slice(c + 1).join(' ');
  } else if (lower.some((a) => a === 'win32_process') && lower.some((a) => a === 'create')) {
    host = valueOf('-computername', '-cn');
    line = /commandline\s*=\s*['"]?([^'"}]+)/i.exec(argv.join(' '))?.[1] ?? valueOf('-argumentlist', '-args');
  }
  if (!line?.trim()) return null;
  const code = { ...words[0], value: `${line.trim()} &`, end: words[words.length - 1].end };
  return { kind: host ? 'ssh' : 'bash-c', words: [code], host: host ?? null };
}

/** `apptainer exec` options that take a value before the image. */
const APPTAINER_VALUED = new Set(['-B', '--bind', '--env', '--pwd', '-W', '--workdir', '--home', '-H', '--overlay', '-o', '--env-file', '--mount']);
/** `wsl` options that take a value before the command. */
const WSL_VALUED = new Set(['-d', '--distribution', '-u', '--user', '--cd', '--distribution-id']);
/** Programs whose `exec NAME [--] CMD` runs CMD inside a container, pod or VM. */
const EXEC_INTO = new Set(['kubectl', 'oc', 'docker', 'podman', 'nerdctl', 'lxc', 'incus', 'multipass', 'pct']);

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'fish']);
const POWERSHELLS = new Set(['powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);
const SSH_VALUED = new Set(['-p', '-i', '-o', '-l', '-F', '-J', '-L', '-R', '-D', '-E', '-b', '-c', '-e', '-m', '-O', '-Q', '-S', '-W', '-w', '-B', '-I']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function baseName(program: string): string {
  const i = program.lastIndexOf('/');
  return i >= 0 ? program.slice(i + 1) : program;
}

/** A program as Windows names it, case-insensitive, with no directory or `.exe` (`C:\\Windows\\System32\\TASKKILL.EXE` is `taskkill`). */
export function windowsName(program: string): string {
  return program
    .replace(/^.*\\/, '')
    .replace(/\.exe$/i, '')
    .toLowerCase();
}

/** PowerShell's -EncodedCommand: base64 of UTF-16LE text, or null when it is not that. */
function decodePowerShell(b64: string): string | null {
  if (b64.length % 4 || b64.length > 65536 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const bytes = atob(b64);
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8));
  return out;
}

/** The directory option of a launcher: `env -C D` / `--chdir=D`, `systemd-run --working-directory=D`. */
function launchDirectory(words: ShellWord[]): string | null {
  for (let i = 1; i < words.length; i++) {
    const w = words[i].value;
    if (w === '--' || !w.startsWith('-')) break;
    const eq = /^--(?:chdir|working-directory)=(.+)$/.exec(w);
    if (eq) return eq[1];
    if (w === '-C' || w === '--chdir' || w === '--working-directory') return words[i + 1]?.value ?? null;
    if (/^-C./.test(w)) return w.slice(2);
  }
  return null;
}

/** Skips a wrapper's options (and their values); returns the index of the wrapped argv. */
function skipOptions(words: ShellWord[], i: number, wrapper: string): number {
  const valued = VALUED.get(wrapper) ?? new Set<string>();
  while (i < words.length) {
    const w = words[i].value;
    if (w === '--') return i + 1;
    if (!w.startsWith('-') || w === '-') break;
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(0, eq) : w;
    if (valued.has(key) && eq < 0) i += 2;
    else if (wrapper === 'stdbuf' || (wrapper === 'nice' && /^-\d+$/.test(w))) i += 1;
    else if (valued.has(w.slice(0, 2)) && w.length > 2 && !w.startsWith('--'))
      i += 1; // -n10, -I{}
    else i += 1;
  }
  return i;
}

export function unwrap(argv: ShellWord[]): Unwrapped {
  const wrappers: string[] = [];
  let chdir: string | null = null;
  let words = argv;
  // Leading assignments (`CUDA_VISIBLE_DEVICES=0 python ...`) when the parser left them in.
  while (words.length && ASSIGNMENT.test(words[0].value) && !words[0].dynamic) words = words.slice(1);
  for (let guard = 0; guard < 16 && words.length; guard++) {
    const name = baseName(words[0].value);
    if (name === 'xargs') {
      wrappers.push('xargs');
      const i = skipOptions(words, 1, 'xargs');
      return { words: words.slice(i), wrappers, code: null, xargs: true, chdir };
    }
    if (name === 'command' && words[1] && /^-[vV]$/.test(words[1].value)) {
      return { words: [], wrappers: [...wrappers, 'command'], code: null, xargs: false, chdir };
    }
    if (name === 'screen' && words.slice(1).some((w) => /^-[A-Za-z]*d[A-Za-z]*m|^-[A-Za-z]*m[A-Za-z]*d/.test(w.value))) {
      let i = 1;
      while (i < words.length && words[i].value.startsWith('-')) i += SCREEN_VALUED.has(words[i].value) || /^-[dm]+S$/.test(words[i].value) ? 2 : 1;
      if (i >= words.length) break;
      wrappers.push('screen');
      words = words.slice(i);
      continue;
    }
    // cmd.exe's `start "" /b PROG`: a title in quotes, then switches, then the program.
    if (name.toLowerCase() === 'start' && words.slice(1).some((w) => /^\/(b|min)$/i.test(w.value))) {
      let i = 1;
      // The title is the first word when switches follow it (`start "pike2" /b x.exe`), quoted or empty.
      if (words[i]?.value === '' || (!/^\//.test(words[i]?.value ?? '/') && /^\/\w+$/.test(words[i + 1]?.value ?? ''))) i++;
      while (i < words.length && /^\/\w+$/.test(words[i].value)) i += /^\/d$/i.test(words[i].value) ? 2 : 1;
      if (i >= words.length) break;
      wrappers.push('start');
      words = words.slice(i);
      continue;
    }
    // `pm2 start agent.js --name a -- --port 4101`: pm2 runs the script (with an interpreter
    // for its kind) and hands it the arguments after `--`.
    if (name === 'pm2' && words[1]?.value === 'start' && words[2] && !words[2].value.startsWith('-')) {
      const target = words[2];
      const dashes = words.findIndex((w, k) => k > 2 && w.value === '--');
      const args = dashes > 0 ? words.slice(dashes + 1) : [];
      const interp = words.findIndex((w, k) => k > 2 && (dashes < 0 || k < dashes) && w.value === '--interpreter');
      wrappers.push('pm2');
      if (/\s/.test(target.value)) return { words, wrappers, code: { kind: 'bash-c', words: [target], host: null }, xargs: false, chdir };
      const runner =
        interp > 0 ? words[interp + 1]?.value : /\.(c|m)?[jt]s$/.test(target.value) ? 'node' : /\.py$/.test(target.value) ? 'python3' : /\.sh$/.test(target.value) ? 'bash' : null;
      const lead: ShellWord[] = runner ? [{ value: runner, start: target.start, end: target.start, dynamic: false }] : [];
      words = [...lead, target, ...args];
      break;
    }
    // fish's `and CMD` / `or CMD` / `not CMD` run CMD (after the previous status).
    if ((name === 'and' || name === 'or' || name === 'not') && words.length > 1 && !words[1].value.startsWith('-')) {
      wrappers.push(name);
      words = words.slice(1);
      continue;
    }
    // cmd.exe's `timeout /t 20` waits; it runs nothing (coreutils' `timeout 20 CMD` does).
    if (VALUED.has(name) && !(name === 'timeout' && /^\/t$/i.test(words[1]?.value ?? ''))) {
      wrappers.push(name);
      if (name === 'env' || name === 'systemd-run') chdir = launchDirectory(words) ?? chdir;
      let i = skipOptions(words, 1, name);
      if (name === 'timeout' && i < words.length && /^\d/.test(words[i].value)) i += 1; // duration
      if (name === 'env') while (i < words.length && ASSIGNMENT.test(words[i].value)) i += 1;
      if (name === 'chrt' || name === 'taskset') {
        while (i < words.length && /^(0x)?[\d,a-f-]+$/i.test(words[i].value)) i += 1;
      }
      words = words.slice(i);
      continue;
    }
    break;
  }
  if (!words.length) return { words, wrappers, code: null, xargs: false, chdir };
  const name = baseName(words[0].value);
  if (SHELLS.has(name)) {
    for (let i = 1; i < words.length; i++) {
      const w = words[i].value;
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w) && !w.startsWith('--')) {
        return { words, wrappers, code: words[i + 1] ? { kind: 'bash-c', words: [words[i + 1]], host: null } : null, xargs: false, chdir };
      }
      if (!w.startsWith('-')) break;
    }
  } else if ((name === 'apptainer' || name === 'singularity') && words[1]?.value === 'exec') {
    // `apptainer exec [opts] instance://x|image.sif CMD...`: CMD runs in the container, on this host's files and network.
    let i = 2;
    while (i < words.length && words[i].value.startsWith('-')) i += APPTAINER_VALUED.has(words[i].value) ? 2 : 1;
    const rest = words.slice(i + 1);
    if (rest.length) return { words, wrappers, code: { kind: 'bash-c', words: [argvAsCode(rest)], host: null }, xargs: false, chdir };
  } else if (name === 'sg' && words.length > 2) {
    // `sg GROUP -c 'CMD'` (or `sg GROUP CMD`): CMD runs with the group's rights.
    const code = words[2].value === '-c' ? words.slice(3, 4) : words.slice(2);
    if (code.length) return { words, wrappers, code: { kind: 'bash-c', words: code, host: null }, xargs: false, chdir };
  } else if (name === 'su') {
    const i = words.findIndex((w) => w.value === '-c' || w.value === '--command');
    if (i > 0 && words[i + 1]) return { words, wrappers, code: { kind: 'bash-c', words: [words[i + 1]], host: null }, xargs: false, chdir };
  } else if (/^(invoke-command|icm|invoke-cimmethod|invoke-wmimethod|wmic(\.exe)?)$/i.test(name)) {
    const remote = windowsRemote(words);
    if (remote) return { words, wrappers, code: remote, xargs: false, chdir };
  } else if (POWERSHELLS.has(name.toLowerCase().replace(/^.*\\/, ''))) {
    // `powershell -Command CODE` (or `-c`): the code is every word after it, joined.
    const i = words.findIndex((w, k) => k > 0 && /^[-/](c|com|comm|comma|comman|command)$/i.test(w.value));
    if (i > 0 && words[i + 1]) return { words, wrappers, code: { kind: 'bash-c', words: words.slice(i + 1), host: null }, xargs: false, chdir };
    // `-EncodedCommand B64` (or `-enc`, `-ec`, `-e`): base64 of UTF-16LE code.
    const e = words.findIndex((w, k) => k > 0 && /^[-/](e|ec|enc|encodedcommand)$/i.test(w.value));
    const code = e > 0 && words[e + 1] ? decodePowerShell(words[e + 1].value) : null;
    if (code) return { words, wrappers, code: { kind: 'bash-c', words: [{ ...words[e + 1], value: code }], host: null }, xargs: false, chdir };
  } else if (/^cmd(\.exe)?$/i.test(name)) {
    // `cmd /c "set A=1&& start /b prog"`: the code is every word after /c (or /k).
    const i = words.findIndex((w, k) => k > 0 && /^\/[ck]$/i.test(w.value));
    if (i > 0 && words[i + 1]) return { words, wrappers, code: { kind: 'bash-c', words: words.slice(i + 1), host: null }, xargs: false, chdir };
  } else if (EXEC_INTO.has(name) && words.some((w) => w.value === 'exec')) {
    const e = words.findIndex((w) => w.value === 'exec');
    let i = e + 1;
    while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '--') i += EXEC_VALUED.has(words[i].value) ? 2 : 1;
    const target = words[i]?.value ?? null;
    let rest = words.slice(i + 1);
    // kubectl and oc take options after the pod too (`exec POD -c CTR -- CMD`): CMD is after `--`.
    const dashes = (name === 'kubectl' || name === 'oc') && rest[0]?.value.startsWith('-') ? rest.findIndex((w) => w.value === '--') : -1;
    if (dashes >= 0) rest = rest.slice(dashes);
    if (rest[0]?.value === '--') rest = rest.slice(1);
    if (target && target !== '--' && rest.length) return { words, wrappers, code: { kind: 'ssh', words: rest, host: target }, xargs: false, chdir };
  } else if (name === 'gcloud' && words[1]?.value === 'compute' && words[2]?.value === 'ssh') {
    // `gcloud compute ssh [USER@]VM --zone Z --command 'CMD'` (or `-- CMD`): ssh to the VM.
    const NO_CODE = (): Unwrapped => ({ words, wrappers, code: null, xargs: false, chdir });
    let vm: string | null = null;
    for (let i = 3; i < words.length; i++) {
      const w = words[i].value;
      if (w === '--command' && words[i + 1]) return vm ? { words, wrappers, code: { kind: 'ssh', words: [words[i + 1]], host: vm }, xargs: false, chdir } : NO_CODE();
      if (w.startsWith('--command='))
        return vm ? { words, wrappers, code: { kind: 'ssh', words: [{ ...words[i], value: w.slice(10) }], host: vm }, xargs: false, chdir } : NO_CODE();
      if (w === '--') return vm && words[i + 1] ? { words, wrappers, code: { kind: 'ssh', words: words.slice(i + 1), host: vm }, xargs: false, chdir } : NO_CODE();
      if (w.startsWith('-')) {
        if (!w.includes('=') && GCLOUD_SSH_VALUED.test(w)) i++;
      } else vm ??= w.replace(/^.*@/, '');
    }
  } else if (/^wsl(\.exe)?$/i.test(name)) {
    // `wsl -d Ubuntu -- CMD`, `wsl -e CMD`, `wsl CMD`: CMD runs in a Linux distribution on this
    // machine; a management option (`-l`, `--export`, `--shutdown`) runs nothing.
    let i = 1;
    for (; i < words.length; i++) {
      const w = words[i].value;
      if (w === '--' || w === '-e' || w === '--exec') {
        i++;
        break;
      }
      if (WSL_VALUED.has(w)) i++;
      else if (w.startsWith('-')) return { words, wrappers, code: null, xargs: false, chdir };
      else break;
    }
    const rest = words.slice(i);
    if (rest.length) return { words, wrappers, code: { kind: 'bash-c', words: [argvAsCode(rest)], host: null }, xargs: false, chdir };
  } else if (name === 'eval') {
    return { words, wrappers, code: { kind: 'eval', words: words.slice(1), host: null }, xargs: false, chdir };
  } else if (name === 'ssh') {
    let i = 1;
    while (i < words.length && words[i].value.startsWith('-')) {
      i += SSH_VALUED.has(words[i].value) ? 2 : 1;
    }
    const host = words[i]?.value ?? null;
    const rest = words.slice(i + 1);
    if (host && rest.length) return { words, wrappers, code: { kind: 'ssh', words: rest, host }, xargs: false, chdir };
    return { words, wrappers, code: null, xargs: false, chdir };
  }
  return { words, wrappers, code: null, xargs: false, chdir };
}

/** `gcloud compute ssh` options that take a value (given as `--zone Z`). */
const GCLOUD_SSH_VALUED = /^--(zone|project|ssh-key-file|ssh-flag|tunnel-through-iap-zone|account|configuration|container|internal-ip-address|verbosity)$/;

/** ssh options that open no shell (a tunnel, a control command, a config query, the version). */
const SSH_NO_SHELL = /^-[^-]*[NfGVOWQ]/;

/**
 * `ssh [-p 22] user@host` with no remote command: an interactive login, the host (user removed)
 * whose shell the next commands type into. Null for `ssh host CMD`, tunnels and queries.
 */
export function sshLoginHost(words: ShellWord[]): string | null {
  if (baseName(words[0]?.value ?? '') !== 'ssh') return null;
  let i = 1;
  while (i < words.length && words[i].value.startsWith('-')) {
    if (SSH_NO_SHELL.test(words[i].value)) return null;
    i += SSH_VALUED.has(words[i].value) ? 2 : 1;
  }
  const host = words[i]?.value;
  if (!host || i + 1 < words.length) return null;
  return host.replace(/^.*@/, '') || null;
}
