// A pod's address: `kubectl get pod(s) -o wide` shows each pod's IP, `kubectl get pod X -o
// jsonpath='{.status.podIP}'` one pod's, and a check sent there (`kubectl exec other -- curl
// http://10.42.1.29:8000/`) reaches the workload the run created or scaled under that name (a bare
// pod `x`, a deployment's pod `x-7d9c...`, a new ordinal `x-1` of a scaled StatefulSet).
import type { AnalyzedCommand } from '../model';
import { escapeRegExp } from '../regex-escape';
import { bindPort, liveNow, type Proc, type Walk } from './world-walk';
import { IPV4 } from './world-paths';
import { WORKLOAD_KEY } from './world-launch';

const POD_LISTING = /\b(?:kubectl|oc)\b[^|;&]*\bget\s+(?:pods?|po)\b[^|;&]*-o\s*wide/;
/** `kubectl get pod NAME -o jsonpath='{.status.podIP}...'`: one pod's address. */
const POD_IP_QUERY = /\b(?:kubectl|oc)\b[^|;&]*\bget\s+(?:pods?|po)\s+([a-z0-9][\w.-]*)\b[^|;&]*podIP/;

/** Binds each listed pod's IP (with the workload's port, once known) to the workload process the run launched. */
export function readPodAddresses(w: Walk, step: number, c: AnalyzedCommand): void {
  if (!c.output) return;
  const one = POD_IP_QUERY.exec(c.text);
  if (!one && !POD_LISTING.test(c.text)) return;
  const pods = liveNow(w).filter((p) => p.launchedAt && /^[a-z]+\/[\w.-]+$/.test(p.program));
  if (!pods.length) return;
  const rows = one
    ? [
        `${one[1]} ${
          c.output
            .trim()
            .split(/\s+/)
            .find((x) => IPV4.test(x)) ?? ''
        }`,
      ]
    : c.output.split('\n').slice(0, 2_000);
  for (const line of rows) {
    const cols = line.trim().split(/\s+/);
    const ip = cols.find((x) => IPV4.test(x));
    if (!ip || !/^[a-z0-9][\w.-]*$/.test(cols[0])) continue;
    const p = pods.find((q) => podOf(w, q, cols[0]));
    if (!p) continue;
    if (p.port === null) {
      // Its port is not known yet: the address is kept, and a check there finds the pod (readCheck).
      w.podAddresses.set(ip, p);
      continue;
    }
    bindPort(w, p, ip, p.port, step);
  }
}

/** Whether pod `pod` is one of the process's: the bare pod itself, or a pod of its workload (a scale: only one it started). */
function podOf(w: Walk, q: Proc, pod: string): boolean {
  const [kind, name] = q.program.split('/');
  if (pod === name) return true;
  if (kind === 'pod' || !pod.startsWith(`${name}-`)) return false;
  return w.scaled.has(q) ? newPodOf(w, q, kind, name, pod) : true;
}

/** The process at a pod address a check reaches, bound on that port from now on. */
export function podAt(w: Walk, step: number, ip: string, port: number): Proc | undefined {
  const p = w.podAddresses.get(ip);
  if (!p || p.failedAt !== null || p.killedAt !== null) return undefined;
  bindPort(w, p, ip, port, step);
  return p;
}

/**
 * A pod of the workload `kind/name` the process stands for (`heron-1` of statefulset heron,
 * `web-7d9c5b6f4-x2k8p` of a deployment) that no output showed before the launch: one it started.
 */
export function newPodOf(w: Walk, p: Proc, kind: string, name: string | undefined, pod: string): boolean {
  if (!name || !p.launchedAt || !WORKLOAD_KEY.test(`${kind}/${name}`) || !pod.startsWith(`${name}-`)) return false;
  if (!/^(?:-\d+|(?:-[a-z0-9]{5,10}){1,2})$/.test(pod.slice(name.length))) return false;
  // A scaled StatefulSet's ordinal 0 ran before the scale (the running instance is it).
  if (w.scaled.has(p) && pod.slice(name.length) === '-0') return false;
  const named = new RegExp(`(?<![\\w.-])${escapeRegExp(pod)}(?![\\w.-])`);
  for (const s of w.steps) {
    if (s.index >= p.launchedAt.step) break;
    for (const c of s.commands) if (c.output.includes(pod) && named.test(c.output)) return false;
  }
  return true;
}
