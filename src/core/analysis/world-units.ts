// Whole units a run copies and starts: system containers (LXD/Incus, LXC), VMs (Multipass,
// libvirt, VirtualBox, Proxmox) and systemd machines. A unit is a host of the world model (what
// runs in it runs there: `incus exec NAME -- CMD`), so its copy is a copy of that host's whole
// tree, `{host: A, path: '/'}` to `{host: B, path: '/'}`, and starting B runs what B holds: its
// units bring up whatever the original ran. A running container committed to an image is the
// same move for containers: the image holds what the container ran.
import type { SimpleCommand } from '../shell/types';
import type { Place } from '../world-types';
import type { Walk } from './world-walk';
import { operandsOf } from './argv-operands';

export interface UnitMove {
  sources: Place[];
  dest: Place;
  kind: 'copy';
}

const unitRoot = (name: string): Place => ({ host: name, path: '/' });

/** Options of the unit managers that take a value (the operands are the rest). */
const VALUED = new Set([
  '--target',
  '--storage',
  '-s',
  '--project',
  '-c',
  '--config',
  '-p',
  '--profile',
  '-d',
  '--device',
  '--mode',
  '-n',
  '--name',
  '-N',
  '--newname',
  '-o',
  '--original',
  '--basefolder',
  '--snapshot',
  '--options',
  '--target-storage',
  '--format',
  '--pool',
  '-m',
  '--mem',
  '--memory',
  '--cpus',
  '--disk',
  '--change',
  '--message',
  '-a',
  '--author',
]);

const operands = (words: string[]) => operandsOf(words, VALUED);

function option(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (names.includes(words[i])) return words[i + 1];
    for (const n of names) if (n.startsWith('--') && words[i].startsWith(`${n}=`)) return words[i].slice(n.length + 1);
  }
  return undefined;
}

/** `remote:name/snap0` is the unit `name`. */
const unitName = (s: string | undefined): string | null => (s ? s.replace(/^[\w.-]+:/, '').replace(/\/.*$/, '') || null : null);

/** The unit copy a command makes: `incus copy A B`, `multipass clone A -n B`, `virt-clone -o A -n B`, ... */
export function unitCopy(name: string, words: string[]): UnitMove | null {
  const lower = name.toLowerCase();
  const verb = words[0];
  const rest = words.slice(1);
  let from: string | null = null;
  let to: string | null = null;
  if ((lower === 'lxc' || lower === 'incus') && (verb === 'copy' || verb === 'cp')) [from, to] = operands(rest).map(unitName);
  else if (lower === 'multipass' && verb === 'clone') [from, to] = [unitName(operands(rest)[0]), unitName(option(rest, '-n', '--name'))];
  else if (lower === 'virt-clone') [from, to] = [unitName(option(words, '-o', '--original')), unitName(option(words, '-n', '--name'))];
  else if (lower === 'vboxmanage' && verb === 'clonevm') [from, to] = [unitName(operands(rest)[0]), unitName(option(rest, '--name'))];
  else if ((lower === 'qm' || lower === 'pct' || lower === 'machinectl') && verb === 'clone') [from, to] = operands(rest).map(unitName);
  else if (lower === 'lxc-copy') [from, to] = [unitName(option(words, '-n', '--name')), unitName(option(words, '-N', '--newname'))];
  if (!from || !to || from === to) return null;
  return { sources: [unitRoot(from)], dest: unitRoot(to), kind: 'copy' };
}

/** The unit a command starts (`incus start B`, `virsh start B`, `VBoxManage startvm B`, `lxc-start -n B`), or null. */
export function unitStarted(sc: SimpleCommand): string | null {
  const lower = sc.name.toLowerCase();
  const words = sc.words.slice(1).map((w) => w.value);
  if (lower === 'lxc-start') return unitName(option(words, '-n', '--name'));
  const verb = START_VERB[lower];
  if (verb === undefined) return null;
  const ops = operands(words);
  return ops[0] === verb ? unitName(ops[1]) : null;
}

/** Each unit manager's verb that starts a unit by name. */
const START_VERB: Record<string, string> = {
  lxc: 'start',
  incus: 'start',
  multipass: 'start',
  virsh: 'start',
  vboxmanage: 'startvm',
  qm: 'start',
  pct: 'start',
  machinectl: 'start',
};

/** `docker commit CONTAINER IMAGE` (podman, nerdctl; `container commit`): the container's state kept as an image. */
export function commitMove(name: string, words: string[], host: string | null): UnitMove | null {
  if (!/^(docker|podman|nerdctl)$/.test(name)) return null;
  const w = words[0] === 'container' ? words.slice(1) : words;
  if (w[0] !== 'commit') return null;
  const ops = operands(w.slice(1));
  if (ops.length < 2) return null;
  return { sources: [{ host, path: `container:${ops[0]}` }], dest: { host, path: `image:${ops[1]}` }, kind: 'copy' };
}

/** The unit (or container) a copy's source is, when it is one. */
export function unitOf(src: Place): string | null {
  if (src.path === '/' && src.host !== null) return src.host;
  return src.path.startsWith('container:') ? src.path.slice(10) : null;
}

/** A unit is the system's when the system's processes ran in it, or the run showed it to hold an LLM stack. */
export function unitIsSystem(w: Walk, src: Place): boolean {
  const unit = unitOf(src);
  if (unit === null) return false;
  if (w.scan.selfNames.has(unit)) return true;
  for (const p of w.procs) if (p.system && (p.host === unit || p.commandLine === `container ${unit}`)) return true;
  return w.scan.presumed.shownUnit(unit) !== null;
}

/**
 * `deployment/abacus` is the agent's own workload when the run says the agent runs as it, or
 * the agent's pod is one of its pods:
 * `abacus-5f6c8d9b7-r2kwp` (a Deployment's), `abacus-0` (a StatefulSet's).
 */
export function ownWorkload(w: Walk, key: string): boolean {
  const name = key.slice(key.indexOf('/') + 1);
  for (const n of w.scan.selfNames) if (n === name || (n.startsWith(`${name}-`) && /^(?:-[a-z0-9]{5,10}){1,2}$|^-\d+$/.test(n.slice(name.length)))) return true;
  return false;
}
