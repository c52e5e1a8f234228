// Names the view shows for the taxonomy's ids and the verbs of entity threads (both from the
// taxonomy table), and how steps, times and entities are written.
import { isCritical, type Category, type ObstacleLabel } from '../src/core/model';
import { categoryDef, obstacleDef } from '../src/core/taxonomy';

/** Steps are numbered from 1 on screen (as the code lenses and the chatbot log's rounds do); indexes stay 0-based. */
export function stepNo(index: number): number {
  return index + 1;
}

export function labelText(label: Category | ObstacleLabel | string): string {
  if (label.startsWith('obstacle:')) return obstacleDef(label)?.short ?? label.slice('obstacle:'.length).replace(/-/g, ' ');
  return categoryDef(label)?.short ?? label;
}

export function labelClass(label: string): string {
  if (label.startsWith('obstacle:')) return obstacleDef(label) ? `obstacle obstacle-${label.slice(9)}` : 'obstacle';
  return isCritical(label) ? `cat cat-${label}` : 'cat cat-context';
}

export function threadVerb(role: string): string {
  if (role.startsWith('obstacle:')) return `hit ${role.slice(9).replace(/-/g, ' ')}`;
  return categoryDef(role)?.verb ?? (role ? role.replace(/-/g, ' ') : 'named');
}

/** `port:8001` -> `port 8001`. */
export function entityText(entity: string): string {
  const i = entity.indexOf(':');
  return i < 0 ? entity : `${entity.slice(0, i)} ${entity.slice(i + 1)}`;
}

export const ENTITY_KINDS: [keyof import('../src/core/model').Entities, string][] = [
  ['ports', 'port'],
  ['pids', 'pid'],
  ['processes', 'process'],
  ['paths', 'path'],
  ['hosts', 'host'],
  ['urls', 'url'],
];

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return ms === 0 ? '0s' : '<1s';
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Time since the run's start as m:ss or h:mm:ss. */
export function formatOffset(ms: number): string {
  const t = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function formatClock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
