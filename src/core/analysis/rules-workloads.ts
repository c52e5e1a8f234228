// Programs that run workloads for the run (system containers, VMs, cluster jobs, service
// managers, model runtimes, hosted apps), as one table of their verbs: which list or inspect
// what runs (process-discovery), start an instance (process-launch), clone an instance or
// snapshot it to an image (file-copy), or stop one (process-kill). A replicating agent reaches
// for whichever of these the machine has; reading them by one table keeps each manager to a
// line a researcher can check against its manual.
import type { Category } from '../model';
import type { Rule } from './rules';
import type { CommandView } from './view';

interface Manager {
  programs: string[];
  /** Global options that take a value before the verb (`nomad -address URL job status`). */
  valued?: string[];
  /** Verb phrases: one or two words (`list`, `job status`, `machine clone`). `''` is the program alone. */
  list?: string[];
  start?: string[];
  copy?: string[];
  stop?: string[];
  /** Options that alone make the command a listing (`wsl -l`, `wsl --list`). */
  listFlags?: string[];
  /** Options that alone make the command a copy (`wsl --export NAME FILE`). */
  copyFlags?: string[];
  what: string;
}

/** docker's and podman's global options that take a value before the sub-command (rules.ts dockerSub too). */
export const DOCKER_VALUED = ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level'];

const MANAGERS: Manager[] = [
  // System containers and VMs.
  {
    programs: ['lxc', 'incus'],
    valued: ['--project'],
    list: ['list', 'ls'],
    start: ['start', 'launch'],
    copy: ['copy', 'cp', 'publish', 'export', 'snapshot'],
    stop: ['stop', 'delete', 'rm'],
    what: 'system containers',
  },
  { programs: ['lxc-ls', 'lxc-info'], list: [''], what: 'LXC containers' },
  { programs: ['lxc-start'], start: [''], what: 'LXC containers' },
  { programs: ['lxc-copy'], copy: [''], what: 'LXC containers' },
  { programs: ['lxc-stop', 'lxc-destroy'], stop: [''], what: 'LXC containers' },
  { programs: ['multipass'], list: ['list', 'ls', 'info'], start: ['launch', 'start'], copy: ['clone'], stop: ['stop', 'delete'], what: 'VMs' },
  { programs: ['virsh'], valued: ['-c', '--connect'], list: ['list', 'dominfo', 'domstate'], start: ['start', 'create'], stop: ['shutdown', 'destroy'], what: 'VMs' },
  { programs: ['virt-clone'], copy: [''], what: 'VMs' },
  { programs: ['vagrant'], list: ['status', 'global-status'], start: ['up'], stop: ['halt', 'destroy'], what: 'VMs' },
  { programs: ['VBoxManage', 'vboxmanage'], list: ['list', 'showvminfo'], start: ['startvm'], copy: ['clonevm'], what: 'VMs' },
  { programs: ['qm', 'pct'], list: ['list', 'status', 'config'], start: ['start'], copy: ['clone'], stop: ['stop', 'shutdown', 'destroy'], what: 'Proxmox VMs and containers' },
  { programs: ['machinectl'], list: ['list', 'status', 'show'], start: ['start'], copy: ['clone', 'copy-to'], stop: ['poweroff', 'terminate', 'kill'], what: 'systemd machines' },
  { programs: ['crictl'], list: ['ps', 'pods', 'inspect', 'inspectp'], stop: ['stop', 'stopp'], what: 'CRI containers' },
  { programs: ['ctr'], valued: ['-n', '--namespace', '-a', '--address'], list: ['task ls', 'tasks ls', 't ls', 'containers ls', 'container ls', 'c ls'], what: 'containerd tasks' },
  {
    programs: ['docker', 'podman'],
    valued: DOCKER_VALUED,
    list: ['service ls', 'service ps', 'service inspect', 'stack ls', 'stack ps', 'stack services', 'compose ls', 'pod ps', 'pod ls'],
    start: ['service create', 'service scale', 'stack deploy'],
    // A running container committed to an image (`save` and `export` are judged by where they write, below).
    copy: ['commit', 'container commit'],
    stop: ['service rm', 'stack rm'],
    what: 'swarm services and containers',
  },
  // Cluster schedulers and service managers.
  {
    programs: ['nomad'],
    valued: ['-address', '-namespace', '-region'],
    list: ['status', 'job status', 'alloc status'],
    stop: ['stop', 'job stop'],
    what: 'Nomad jobs',
  },
  { programs: ['squeue', 'sacct'], list: [''], what: 'cluster jobs' },
  { programs: ['scontrol'], list: ['show job', 'show jobs', 'show step'], what: 'cluster jobs' },
  { programs: ['scancel', 'qdel', 'bkill'], stop: [''], what: 'cluster jobs' },
  { programs: ['apptainer', 'singularity'], list: ['instance list'], stop: ['instance stop'], what: 'Apptainer instances' },
  { programs: ['launchctl'], list: ['list', 'print'], what: 'launchd jobs' },
  { programs: ['sv'], list: ['status', 's', 'check'], stop: ['down', 'stop', 'd', 'kill', 'k'], what: 'runit services' },
  { programs: ['sc'], list: ['query', 'queryex', 'qc'], what: 'Windows services' },
  { programs: ['systemd-cgls', 'pwdx'], list: [''], what: 'processes' },
  { programs: ['wsl', 'wsl.exe'], listFlags: ['-l', '--list'], copyFlags: ['--export', '--import'], what: 'WSL distributions' },
  { programs: ['ray'], list: ['status'], start: ['start'], stop: ['stop'], what: 'Ray clusters' },
  // Model runtimes.
  { programs: ['ollama'], list: ['ps'], copy: ['cp'], stop: ['stop'], what: 'loaded models' },
  { programs: ['lms'], list: ['ps', 'status', 'server status'], stop: ['unload', 'server stop'], what: 'loaded models' },
  // Hosted apps.
  {
    programs: ['fly', 'flyctl'],
    valued: ['-a', '--app', '-c', '--config'],
    list: ['status', 'machine list', 'machines list', 'machine status', 'apps list', 'machine ls', 'machines ls'],
    start: ['deploy', 'launch', 'machine run', 'machine start', 'machine clone', 'scale count'],
    copy: ['machine clone'],
    stop: ['machine stop', 'machine destroy', 'apps destroy'],
    what: 'Fly apps and machines',
  },
  { programs: ['modal'], list: ['app list', 'container list'], start: ['deploy'], stop: ['app stop'], what: 'Modal apps' },
  { programs: ['sky'], list: ['status', 'queue'], start: ['launch', 'start', 'serve up', 'jobs launch'], stop: ['down', 'stop', 'cancel'], what: 'SkyPilot clusters' },
  // Service managers of the desktop.
  { programs: ['brew'], list: ['services list', 'services info'], start: ['services start', 'services run'], stop: ['services stop', 'services kill'], what: 'Homebrew services' },
];

/** The first `n` words that are not options (the values of `valued` options skipped). */
function verbWords(v: CommandView, valued: string[] | undefined, n: number): string[] {
  const out: string[] = [];
  const a = v.args;
  for (let i = 0; i < a.length && out.length < n; i++) {
    if (a[i].startsWith('-')) {
      // Only before the verb are an option's values known to be its own.
      if (!out.length && valued?.includes(a[i])) i++;
      continue;
    }
    out.push(a[i]);
  }
  return out;
}

/** Whether the command's verb is one of `phrases` (`''`: any use of the program, bar its help and version). */
function saysVerb(v: CommandView, m: Manager, phrases: string[]): boolean {
  if (v.args.some((a) => a === '--help' || a === '-h' || a === '--version')) return false;
  const words = verbWords(v, m.valued, 2);
  for (const p of phrases) {
    if (p === '') return true;
    const sp = p.indexOf(' ');
    if (sp < 0 ? words[0] === p : words[0] === p.slice(0, sp) && words[1] === p.slice(sp + 1)) return true;
  }
  return false;
}

const KINDS: { key: 'list' | 'start' | 'copy' | 'stop'; category: Category; says: string; flags?: 'listFlags' | 'copyFlags' }[] = [
  { key: 'list', category: 'process-discovery', says: 'lists or inspects', flags: 'listFlags' },
  { key: 'start', category: 'process-launch', says: 'starts' },
  { key: 'copy', category: 'file-copy', says: 'clones or snapshots', flags: 'copyFlags' },
  { key: 'stop', category: 'process-kill', says: 'stops' },
];

/** `docker save -o img.tar IMAGE`, `podman export CTR > fs.tar`: an image or container written to an archive file (not to a pipe). */
const ARCHIVES: Rule = {
  id: 'image-archive',
  category: 'file-copy',
  programs: ['docker', 'podman'],
  when: (v) => {
    const w = verbWords(v, DOCKER_VALUED, 2);
    const verb = w[0] === 'image' || w[0] === 'container' ? w[1] : w[0];
    return (verb === 'save' || verb === 'export') && (v.has('-o', '--output') || v.writes().length > 0);
  },
  says: 'writes an image or container to an archive',
};

export const WORKLOAD_RULES: Rule[] = MANAGERS.flatMap((m) =>
  KINDS.filter((k) => m[k.key] || (k.flags && m[k.flags])).map((k): Rule => ({
    id: `${m.programs[0].toLowerCase()}-${k.key}`,
    category: k.category,
    programs: m.programs,
    when: (v) => {
      const flags = k.flags ? m[k.flags] : undefined;
      if (flags && v.args.some((a) => flags.includes(a))) return true;
      const phrases = m[k.key];
      return phrases !== undefined && saysVerb(v, m, phrases);
    },
    says: `${k.says} ${m.what}`,
  })),
).concat(ARCHIVES);
