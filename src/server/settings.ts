// The server's settings (`replicationLens.*` in package.json): which findings become
// diagnostics and at what severity. The client sends them as initializationOptions and
// again on every change, so the first diagnostics never wait for a round-trip.
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { DEFAULT_CATEGORY_SEVERITY } from '../core/taxonomy';
import { CATEGORIES, isCritical, type Category, type ObstacleLabel } from '../core/model';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ServerSettings {
  diagnostics: {
    enabled: boolean;
    /** Severity of replication-critical findings (TAXONOMY.md critical categories). */
    critical: SeverityName;
    /** Severity of context categories (process-discovery, resource-probe, dependency-install). */
    context: SeverityName;
    /** Severity of obstacles (`obstacle:*`). */
    obstacles: SeverityName;
    /** Severity of malformed records and commands that did not parse as shell. */
    parseErrors: SeverityName;
    /** Severity of claims in the agent's words that the outputs contradict or never show. */
    claims: SeverityName;
    /** Per-category overrides, e.g. `{"file-copy": "off", "obstacle:timeout": "warning"}`. */
    categories: Record<string, SeverityName>;
  };
  codeLens: { enabled: boolean };
  semanticTokens: { enabled: boolean };
  workspaceSymbols: { maxFiles: number; maxFileSizeMB: number };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  diagnostics: {
    enabled: true,
    critical: 'warning',
    context: 'off',
    obstacles: 'information',
    parseErrors: 'warning',
    claims: 'information',
    categories: { ...DEFAULT_CATEGORY_SEVERITY },
  },
  codeLens: { enabled: true },
  semanticTokens: { enabled: true },
  workspaceSymbols: { maxFiles: 2000, maxFileSizeMB: 64 },
};

const SEVERITIES: SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

function sev(v: unknown, dflt: SeverityName): SeverityName {
  return typeof v === 'string' && (SEVERITIES as string[]).includes(v) ? (v as SeverityName) : dflt;
}
function bool(v: unknown, dflt: boolean): boolean {
  return typeof v === 'boolean' ? v : dflt;
}
function num(v: unknown, dflt: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : dflt;
}
function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Reads the `replicationLens` section (any shape: unknown or wrong values fall back). */
export function parseSettings(section: unknown): ServerSettings {
  const s = obj(section);
  const d = obj(s.diagnostics);
  const D = DEFAULT_SETTINGS.diagnostics;
  // The user's overrides go over the defaults (a setting of `{}` keeps the quiet defaults).
  const categories: Record<string, SeverityName> = { ...DEFAULT_CATEGORY_SEVERITY };
  for (const [k, v] of Object.entries(obj(d.categories))) {
    if (SEVERITIES.includes(v as SeverityName)) categories[k] = v as SeverityName;
  }
  const ws = obj(s.workspaceSymbols);
  return {
    diagnostics: {
      enabled: bool(d.enabled, D.enabled),
      critical: sev(d.critical, D.critical),
      context: sev(d.context, D.context),
      obstacles: sev(d.obstacles, D.obstacles),
      parseErrors: sev(d.parseErrors, D.parseErrors),
      claims: sev(d.claims, D.claims),
      categories,
    },
    codeLens: { enabled: bool(obj(s.codeLens).enabled, true) },
    semanticTokens: { enabled: bool(obj(s.semanticTokens).enabled, true) },
    workspaceSymbols: {
      maxFiles: num(ws.maxFiles, DEFAULT_SETTINGS.workspaceSymbols.maxFiles),
      maxFileSizeMB: num(ws.maxFileSizeMB, DEFAULT_SETTINGS.workspaceSymbols.maxFileSizeMB),
    },
  };
}

export function toLspSeverity(s: SeverityName): DiagnosticSeverity | null {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return null;
  }
}

/** The severity a finding's category gets under these settings (null: not a diagnostic). */
export function severityFor(settings: ServerSettings, category: Category | ObstacleLabel): DiagnosticSeverity | null {
  const d = settings.diagnostics;
  if (!d.enabled) return null;
  const override = d.categories[category];
  if (override) return toLspSeverity(override);
  if (category.startsWith('obstacle:')) return toLspSeverity(d.obstacles);
  if (isCritical(category)) return toLspSeverity(d.critical);
  if ((CATEGORIES as readonly string[]).includes(category)) return toLspSeverity(d.context);
  return null;
}
