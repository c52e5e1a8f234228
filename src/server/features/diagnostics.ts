// Diagnostics: each replication-critical finding (Warning by default), obstacles (Information),
// malformed records, commands that did not parse and commands a parser limit stopped (Warning by
// default). Severities come from settings.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { Claim, Finding, ReadIssue } from '../../core/model';
import type { ServedDocument, StepRef } from '../document';
import { docOffset, findCommand, findToken } from '../locate';
import { severityFor, toLspSeverity, type ServerSettings } from '../settings';
import { oneLine } from './naming';
import { parseProblem, parseProblemMessage } from './parse-errors';

export const SOURCE = 'Replication Lens';

/** Every diagnostic of a document, at once (small documents, tests). */
export function diagnostics(d: ServedDocument, settings: ServerSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const steps = diagnosticSteps(d, settings, out);
  while (!steps.next().done);
  return out;
}

/**
 * The diagnostics of a document appended to `out` in file order, pausing after each step, so
 * that a caller can yield to the event loop and publish what it has (server.ts: a large log's
 * diagnostics go out in pieces, the top first).
 */
export function* diagnosticSteps(d: ServedDocument, settings: ServerSettings, out: Diagnostic[]): Generator<void, void, void> {
  if (!d.claimed || !settings.diagnostics.enabled) return;
  const parseSeverity = toLspSeverity(settings.diagnostics.parseErrors);
  const claimSeverity = toLspSeverity(settings.diagnostics.claims);
  const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: d.doc ? d.lineLength(0) : 0 } };
  if (d.error) {
    if (parseSeverity) out.push({ range: fileStart, severity: parseSeverity, source: SOURCE, code: 'unreadable', message: d.error });
    return;
  }
  const issueRange = (line?: number) => (line ? d.lineRange(line, line) : fileStart);
  /** A read issue of the file or of one run: a malformed record at its line (or the file's start). */
  const malformed = (i: ReadIssue): Diagnostic => ({
    range: issueRange(i.line),
    severity: i.severity === 'error' && parseSeverity ? parseSeverity : DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'malformed',
    message: issueMessage(i.message, i.entry),
  });
  if (parseSeverity) {
    for (const i of d.analysis?.issues ?? []) {
      out.push(malformed(i));
    }
  }
  const runs = d.runs;
  for (let run = 0; run < runs.length; run++) {
    const t = runs[run];
    if (parseSeverity) {
      for (const i of t.issues) {
        out.push(malformed(i));
      }
    }
    for (let step = 0; step < t.steps.length; step++) {
      stepDiagnostics(d, settings, { run, step }, t.id, parseSeverity, out);
      yield;
    }
    if (claimSeverity) for (const c of t.claims ?? []) out.push(claimDiagnostic(d, run, t.id, c, claimSeverity));
  }
}

/** The findings of one step's commands, and the commands the parser did not read whole. */
function stepDiagnostics(d: ServedDocument, settings: ServerSettings, ref: StepRef, runId: string, parseSeverity: DiagnosticSeverity | null, out: Diagnostic[]): void {
  const s = d.step(ref);
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
        data: { runId, step: s.index, command: ci },
      });
    }
    if (c.parseError && parseSeverity) out.push(parseDiagnostic(d, ref, ci, c.parseError, parseSeverity, runId));
  });
}

/**
 * A command the shell parser did not read whole: `parse-limit` when a bound of limits.ts stopped
 * it, `unparsed-command` when the grammar did; a syntax error in the command's own text also
 * points at the column where the grammar stopped.
 */
function parseDiagnostic(d: ServedDocument, ref: StepRef, command: number, error: string, severity: DiagnosticSeverity, runId: string): Diagnostic {
  const p = parseProblem(error);
  const range = d.commandRange(ref, command) ?? d.stepAnchor(ref);
  const diagnostic: Diagnostic = {
    range,
    severity,
    source: SOURCE,
    code: p.kind === 'limit' ? 'parse-limit' : 'unparsed-command',
    message: parseProblemMessage(p),
    data: { runId, step: d.step(ref).index, command },
  };
  const text = d.step(ref).commands[command].text;
  if (p.column !== null && !p.via.length && p.column <= text.length) {
    const at = d.commandRange(ref, command, p.column - 1, p.column);
    if (at) diagnostic.relatedInformation = [{ location: { uri: d.uri, range: at }, message: `where the shell grammar stopped (column ${p.column})` }];
  }
  return diagnostic;
}

const CLAIMED: Record<Claim['kind'], string> = {
  running: 'that it is running',
  listening: 'that it is listening',
  'port-free': 'that the port is free',
  answered: 'an answer',
  killed: 'that it was killed',
  copied: 'a copy',
};

/**
 * Claimed vs observed: on the sentence of the thought that claims it, what the outputs show,
 * with the step whose output says otherwise as related information.
 */
function claimDiagnostic(d: ServedDocument, run: number, runId: string, c: Claim, severity: DiagnosticSeverity): Diagnostic {
  const ref: StepRef = { run, step: c.step };
  const shows = c.status === 'contradicted' ? 'the outputs say otherwise' : 'no output shows it';
  const diagnostic: Diagnostic = {
    range: claimRange(d, ref, c.text) ?? d.stepAnchor(ref),
    severity,
    source: SOURCE,
    code: 'claim',
    message: `Step ${c.step + 1} claims ${CLAIMED[c.kind]}: "${oneLine(c.text, 120)}"; ${shows}: ${oneLine(c.why, 200)}`,
    data: { runId, step: c.step, kind: c.kind, status: c.status },
  };
  if (c.evidenceStep !== null && d.runs[run].steps[c.evidenceStep]) {
    diagnostic.relatedInformation = [
      {
        location: { uri: d.uri, range: d.stepAnchor({ run, step: c.evidenceStep }) },
        message: `Step ${c.evidenceStep + 1}: ${oneLine(c.why, 200)}`,
      },
    ];
  }
  return diagnostic;
}

/** The claim's sentence in the step's lines, as written there (raw, JSON-escaped or a Python repr). */
function claimRange(d: ServedDocument, ref: StepRef, text: string): Range | null {
  const src = d.step(ref).source;
  if (!d.doc || !src || !text) return null;
  const from = d.doc.lineStart(src.startLine - 1);
  const to = src.endLine >= d.doc.lineCount ? d.text.length : d.doc.lineStart(src.endLine);
  const place = findCommand(d.text, text, from, to);
  if (!place) return null;
  return { start: d.doc.positionAt(docOffset(place, 0)), end: d.doc.positionAt(docOffset(place, text.length)) };
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
