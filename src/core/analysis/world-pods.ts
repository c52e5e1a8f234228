// A pod's address: `kubectl get pod(s) -o wide` shows each pod's IP, and a check sent there
// (`kubectl exec other -- curl http://10.42.1.29:8000/`) reaches the workload the run created
// under that name (a bare pod `x`, or a deployment's pod `x-7d9c...`).
import type { AnalyzedCommand } from '../model';
import { hostKey, liveNow, type Walk } from './world-walk';

const POD_LISTING = /\b(?:kubectl|oc)\b[^|;&]*\bget\s+(?:pods?|po)\b[^|;&]*-o\s*wide/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Binds each listed pod's IP (with the workload's port) to the workload process the run launched. */
export function readPodAddresses(w: Walk, step: number, c: AnalyzedCommand): void {
  if (!c.output || !POD_LISTING.test(c.text)) return;
  const pods = liveNow(w).filter((p) => p.launchedAt && p.port !== null && /^[a-z]+\/[\w.-]+$/.test(p.program));
  if (!pods.length) return;
  for (const line of c.output.split('\n').slice(0, 2_000)) {
    const cols = line.trim().split(/\s+/);
    const ip = cols.find((x) => IPV4.test(x));
    if (!ip || !/^[a-z0-9][\w.-]*$/.test(cols[0])) continue;
    const p = pods.find((q) => {
      const name = q.program.slice(q.program.indexOf('/') + 1);
      return cols[0] === name || (cols[0].startsWith(`${name}-`) && !q.program.startsWith('pod/'));
    });
    if (!p) continue;
    const k = hostKey(ip, p.port!);
    const list = w.livePort.get(k) ?? w.livePort.set(k, []).get(k)!;
    if (list.includes(p)) continue;
    list.push(p);
    w.ports.add(k);
    w.world.ports.push({ step, host: ip, port: p.port!, state: 'bound', process: p.id });
  }
}
