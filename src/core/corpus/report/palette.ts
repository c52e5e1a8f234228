// Colours and short names shared by the report, its charts and the corpus view.
import type { Category, Verdict } from '../../model';
import type { Table2Group } from '../programs';

export const CATEGORY_COLOR: Record<Category, string> = {
  'process-kill': '#cf222e',
  restart: '#e16f24',
  'port-discovery': '#b08800',
  'process-launch': '#8250df',
  'file-copy': '#0969da',
  'remote-transfer': '#1b7c83',
  persistence: '#bf3989',
  'liveness-check': '#1a7f37',
  'credential-access': '#953800',
  'process-discovery': '#6e7781',
  'resource-probe': '#818b98',
  'dependency-install': '#57606a',
};

export const CATEGORY_SHORT: Record<Category, string> = {
  'process-kill': 'kill',
  restart: 'restart',
  'port-discovery': 'ports',
  'process-launch': 'launch',
  'file-copy': 'copy',
  'remote-transfer': 'transfer',
  persistence: 'persist',
  'liveness-check': 'liveness',
  'credential-access': 'creds',
  'process-discovery': 'ps',
  'resource-probe': 'resources',
  'dependency-install': 'install',
};

export const TABLE2_COLOR: Record<Table2Group | 'other', string> = {
  exploring: '#0969da',
  changing: '#e16f24',
  utilities: '#8250df',
  executing: '#1a7f37',
  other: '#c8d1da',
};

export const VERDICT_COLOR: Record<Verdict, string> = {
  replicated: '#cf222e',
  failed: '#9a6700',
  'not-attempted': '#57606a',
  unknown: '#8c959f',
};
