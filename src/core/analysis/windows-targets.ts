// The PIDs and image names a Windows or PowerShell kill or process listing names, for the
// entities that link a kill to the launch it ends: `taskkill /PID 4242 /IM python.exe`,
// `Stop-Process -Id 4242,4243 -Name python`, `tskill 4242`.
import type { CommandView } from './view';

const PROGRAMS = new Set(['taskkill', 'tskill', 'stop-process', 'spps', 'get-process', 'gps', 'tasklist']);

export function windowsTargets(v: CommandView): { pids: number[]; processes: string[] } | null {
  const name = v.name.replace(/\.exe$/i, '').toLowerCase();
  if (!PROGRAMS.has(name)) return null;
  const out = { pids: [] as number[], processes: [] as string[] };
  const addValue = (value: string | undefined, kind: 'pid' | 'name' | 'either') => {
    for (const part of (value ?? '').split(',')) {
      const s = part.trim().replace(/^["']|["']$/g, '');
      if (!s || s.startsWith('-') || s.startsWith('/')) continue;
      if (/^\d+$/.test(s) && kind !== 'name') out.pids.push(Number(s));
      else if (kind !== 'pid' && !/^\d+$/.test(s)) out.processes.push(s.replace(/\.exe$/i, ''));
    }
  };
  const a = v.args;
  for (let i = 0; i < a.length; i++) {
    const opt = a[i].toLowerCase();
    if (opt === '/pid' || opt === '-id' || opt === '-pid') addValue(a[++i], 'pid');
    else if (opt === '/im' || opt === '-name' || opt === '-processname') addValue(a[++i], 'name');
    else if (i === 0 && (name === 'tskill' || name === 'stop-process' || name === 'spps' || name === 'get-process' || name === 'gps')) addValue(a[i], 'either');
  }
  return out;
}
