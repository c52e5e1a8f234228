// Diagnostics: each replication-critical finding (Warning by default), obstacles (Information),
// malformed records and commands that did not parse (Error). Severities come from settings.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { Finding } from '../../core/model';
import type { ServedDocument, StepRef } from '../document';
import { findToken } from '../locate';
import { severityFor, toLspSeverity, type ServerSettings } from '../settings';
import { oneLine } from './naming';

export const SOURCE = 'Replication Lens';

export function diagnostics(d: ServedDocument, settings: ServerSettings): Diagnostic[] {
  if (!d.claimed || !settings.diagnostics.enabled) return [];
  const out: Diagnostic[] = [];
  const parseSeverity = toLspSeverity(settings.diagnostics.parseErrors);
  const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: d.doc ? d.lineLength(0) : 0 } };
  if (d.error) {
    if (parseSeverity) out.push({ range: fileStart, severity: parseSeverity, source: SOURCE, code: 'unreadable', message: d.error });
    return out;
  }
  const issueRange = (line?: number) => (line ? d.lineRange(line, line) : fileStart);
  if (parseSeverity) {
    for (const i of d.analysis?.issues ?? []) {
      out.push({ range: issueRange(i.line), severity: i.severity === 'error' ? parseSeverity : DiagnosticSeverity.Information, source: SOURCE, code: 'malformed', message: issueMessage(i.message, i.entry) });
    }
  }
  d.runs.forEach((t, run) => {
    if (parseSeverity) {
      for (const i of t.issues) {
        out.push({ range: issueRange(i.line), severity: i.severity === 'error' ? parseSeverity : DiagnosticSeverity.Information, source: SOURCE, code: 'malformed', message: issueMessage(i.message, i.entry) });
      }
    }
    t.steps.forEach((s, step) => {
      const ref: StepRef = { run, step };
      s.commands.forEach((c, ci) => {
        const seen = new Set<string>();
        for (const f of c.findings) {
          const severity = severityFor(settings, f.category);
          if (severity === null) continue;
          const key = `${f.category}@${f.span[0]}-${f.span[1]}-${f.spanIn}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const range = findingRange(d, ref, ci, f) ?? d.stepAnchor(ref);
          out.push({
            range,
            severity,
            source: SOURCE,
            code: f.category,
            message: `${f.category}: ${oneLine(f.evidence, 120)} (rule ${f.rule}) in step ${s.index + 1}`,
            data: { runId: t.id, step: s.index, command: ci },
          });
        }
        if (c.parseError && parseSeverity) {
          out.push({
            range: d.commandRange(ref, ci) ?? d.stepAnchor(ref),
            severity: parseSeverity,
            source: SOURCE,
            code: 'unparsed-command',
            message: `This command did not parse as shell (categories come from a token fallback): ${c.parseError}`,
            data: { runId: t.id, step: s.index, command: ci },
          });
        }
      });
    });
  });
  return out;
}

function issueMessage(message: string, entry?: string): string {
  return entry ? `${message} (${entry})` : message;
}

/**
 * The span of a finding in the document: command spans through the command's place; output
 * spans by looking for the matched words after the command inside the step's lines.
 */
export function findingRange(d: ServedDocument, ref: StepRef, command: number, f: Finding): Range | null {
  if (f.spanIn === 'command') return d.commandRange(ref, command, f.span[0], f.span[1]) ?? d.commandRange(ref, command);
  const cmd = d.step(ref).commands[command];
  const words = cmd.output.slice(f.span[0], f.span[1]);
  const src = d.step(ref).source;
  if (d.doc && src && words && !words.includes('\n')) {
    const place = d.commandPlace(ref, command);
    const from = place ? place.end : d.doc.offsetAt({ line: src.startLine - 1, character: 0 });
    const to = src.endLine >= d.doc.lineCount ? d.text.length : d.doc.offsetAt({ line: src.endLine, character: 0 });
    const at = findToken(d.text, words, from, to);
    if (at >= 0) return { start: d.doc.positionAt(at), end: d.doc.positionAt(at + words.length) };
  }
  return d.commandRange(ref, command);
}
