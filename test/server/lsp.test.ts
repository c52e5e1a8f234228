// The built language server, started as a process and spoken to over LSP JSON-RPC (stdio),
// on the labelled corpora (skipped when ../shared is absent) and on the project's fixtures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Range, SemanticTokens, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import type { AnalyzedStep, Thread } from '../../src/core/model';
import { isCritical } from '../../src/core/model';
import { DEFAULT_CATEGORY_SEVERITY } from '../../src/core/taxonomy';

/** Critical categories the Problems panel shows as Information by default (port probes, liveness checks). */
const quiet = (category: string) => category in DEFAULT_CATEGORY_SEVERITY;
import { runRequest, runsRequest, stepRequest, stepsRequest, type RunsResult, type StepCommandArgs } from '../../src/protocol/lsp';
import { FIXTURES, LABELLED, SERVER, startServer, uriOf, type Server } from './harness';

const haveCorpus = existsSync(LABELLED);
const built = existsSync(SERVER);
const TEXT_EXT = /\.(log|json|jsonl|traj|cast)$/;
const labelledFiles = haveCorpus ? readdirSync(LABELLED).filter((f) => TEXT_EXT.test(f) && !f.endsWith('.labels.json')) : [];
const languageOf = (f: string) => (f.endsWith('.log') ? 'chatbot-log' : f.endsWith('.jsonl') ? 'jsonl' : f.endsWith('.cast') ? 'plaintext' : 'json');

interface Labels {
  trajectories: { commands: { text: string; categories: string[]; obstacles: string[] }[] }[];
}
const labelsOf = (f: string): Labels => JSON.parse(readFileSync(path.join(LABELLED, f + '.labels.json'), 'utf8'));

let server: Server;
const opened = new Map<string, { uri: string; doc: TextDocument; diagnostics: Diagnostic[] }>();

before(async () => {
  if (!built) return;
  server = await startServer();
  for (const f of labelledFiles) {
    const r = await server.open(path.join(LABELLED, f), languageOf(f));
    opened.set(f, { uri: r.uri, doc: TextDocument.create(r.uri, languageOf(f), 1, r.text), diagnostics: r.diagnostics });
  }
});
after(async () => server?.stop());

const corpus = { skip: !haveCorpus || !built ? 'needs ../shared/corpus/labelled and a built dist/server.js' : false };
const fixtures = { skip: !built ? 'needs a built dist/server.js (npm run build)' : false };

function textAt(doc: TextDocument, r: Range): string {
  return doc.getText(r);
}
/** Casts record commands a keystroke at a time: their text is never contiguous in the file. */
function typedKeyByKey(runs: RunsResult): boolean {
  return runs.format === 'asciicast';
}
/** Undoes JSON / Python-repr escaping, to compare a document span with command text. */
function unescape(s: string): string {
  return s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1');
}
function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}
function inside(inner: Range, outer: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
async function runsOf(uri: string): Promise<RunsResult> {
  return server.conn.sendRequest(runsRequest, { uri });
}
async function allSteps(uri: string, runId: string): Promise<AnalyzedStep[]> {
  const first = await server.conn.sendRequest(stepsRequest, { uri, runId, start: 0, count: 100000, maxOutput: 1e9 });
  return first.steps;
}

test('outline: one symbol per step, named by its command; every labelled command is there', corpus, async () => {
  let labelled = 0;
  const missing: string[] = [];
  for (const [f, o] of opened) {
    const symbols = await server.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: o.uri } });
    const runs = await runsOf(o.uri);
    assert.equal(runs.error, null, `${f}: ${runs.error}`);
    const steps = runs.runs.length === 1 ? symbols : symbols.flatMap((s) => s.children ?? []);
    assert.equal(
      steps.length,
      runs.runs.reduce((n, r) => n + r.stepCount, 0),
      `${f}: a symbol per step`,
    );
    const all = flatten(symbols);
    for (const s of all) {
      assert.ok(inside(s.selectionRange, s.range), `${f}: selection inside range for ${s.name}`);
      for (const c of s.children ?? []) assert.ok(inside(c.range, s.range), `${f}: child inside parent (${c.name})`);
    }
    const names = all.map((s) => s.name);
    for (const t of labelsOf(f).trajectories) {
      for (const c of t.commands) {
        labelled++;
        const first = c.text.trim().split('\n', 1)[0].slice(0, 60);
        if (!names.some((n) => n.includes(first))) missing.push(`${f}: ${first}`);
      }
    }
  }
  assert.ok(labelled > 100, 'the corpus has commands');
  assert.ok(missing.length <= labelled * 0.05, `labelled commands missing from outlines (${missing.length}/${labelled}):\n${missing.join('\n')}`);
});

test(
  'diagnostics: a Warning per critical finding that changes the machine, on the words it rests on; obstacles, port probes and liveness checks as Information',
  corpus,
  async () => {
    let checked = 0;
    for (const [f, o] of opened) {
      const runs = await runsOf(o.uri);
      const expected = new Map<string, number>();
      const obstacles = new Map<string, number>();
      for (const run of runs.runs) {
        for (const s of await allSteps(o.uri, run.id)) {
          for (const c of s.commands) {
            const seen = new Set<string>();
            for (const fd of c.findings) {
              const key = `${fd.category}@${fd.span}-${fd.spanIn}`;
              if (seen.has(key)) continue;
              seen.add(key);
              const into = fd.category.startsWith('obstacle:') || quiet(fd.category) ? obstacles : isCritical(fd.category) ? expected : null;
              into?.set(fd.category, (into.get(fd.category) ?? 0) + 1);
              if (isCritical(fd.category) && fd.spanIn === 'command' && !typedKeyByKey(runs)) {
                // The warning for this finding covers exactly its words in the document.
                const d = o.diagnostics.find(
                  (x) =>
                    x.code === fd.category &&
                    (x.data as { step: number }).step === s.index &&
                    (x.data as { command: number }).command === s.commands.indexOf(c) &&
                    [unescape(textAt(o.doc, x.range)), unescape(unescape(textAt(o.doc, x.range)))].includes(c.text.slice(fd.span[0], fd.span[1])),
                );
                assert.ok(d, `${f} step ${s.index + 1}: a warning on "${c.text.slice(fd.span[0], fd.span[1])}" (${fd.category})`);
                checked++;
              }
            }
          }
        }
      }
      const count = (sev: number) => {
        const m = new Map<string, number>();
        for (const d of o.diagnostics)
          if (d.severity === sev && typeof d.code === 'string' && d.code !== 'malformed' && d.code !== 'unparsed-command' && d.code !== 'claim')
            m.set(d.code, (m.get(d.code) ?? 0) + 1);
        return m;
      };
      assert.deepEqual(count(2), expected, `${f}: warnings are exactly the critical findings that change the machine`);
      assert.deepEqual(count(3), obstacles, `${f}: information diagnostics are exactly the obstacles, port probes and liveness checks`);
      // The labels and the diagnostics agree on which critical categories the file shows.
      const labelled = new Set(labelsOf(f).trajectories.flatMap((t) => t.commands.flatMap((c) => c.categories.filter((x) => isCritical(x) && !quiet(x)))));
      const warned = new Set(o.diagnostics.filter((d) => d.severity === 2).map((d) => String(d.code)));
      const missed = [...labelled].filter((c) => !warned.has(c));
      assert.ok(missed.length <= 1, `${f}: labelled categories without any warning: ${missed.join(', ')}`);
    }
    assert.ok(checked > 50, `checked ${checked} warning spans`);
  },
);

test('folding: every multi-line step folds; chatbot-log records fold', corpus, async () => {
  for (const [f, o] of opened) {
    const folds = await server.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: o.uri } });
    const runs = await runsOf(o.uri);
    for (const run of runs.runs) {
      for (const s of await allSteps(o.uri, run.id)) {
        if (!s.source || s.source.endLine === s.source.startLine) continue;
        assert.ok(
          folds.some((r) => r.startLine === s.source!.startLine - 1 && r.endLine === s.source!.endLine - 1),
          `${f}: fold for step ${s.index + 1}`,
        );
      }
    }
    if (f.endsWith('.log')) {
      const lines = o.doc.getText().split('\n');
      const responses = lines.flatMap((l, i) => (/ - Chatbot - INFO - response:$/.test(l) ? [i] : []));
      assert.ok(responses.length > 10);
      for (const i of responses)
        assert.ok(
          folds.some((r) => r.startLine === i && r.endLine > i),
          `${f}: the response record on line ${i + 1} folds`,
        );
    }
  }
});

/** A thread over a port in a chatbot log, with the place of the port in its steps' commands. */
async function portThread(f: string): Promise<{ o: { uri: string; doc: TextDocument; diagnostics: Diagnostic[] }; thread: Thread; steps: AnalyzedStep[] }> {
  const o = opened.get(f)!;
  const runs = await runsOf(o.uri);
  const steps = await allSteps(o.uri, runs.runs[0].id);
  const thread = runs.runs[0].threads.filter((t) => t.entity.startsWith('port:')).sort((a, b) => b.steps.length - a.steps.length)[0];
  assert.ok(thread && thread.steps.length >= 2, `${f} has a port thread`);
  return { o, thread, steps };
}

test('hover on a command: categories, evidence and rule; on a port: its thread', corpus, async () => {
  const f = 'fudan-chain-of-replication.log';
  const { o, thread, steps } = await portThread(f);
  const warning = o.diagnostics.find((d) => d.code === 'process-kill')!;
  assert.ok(warning, 'the chain log has a process-kill warning');
  const h = await server.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: o.uri }, position: warning.range.start });
  const md = (h?.contents as { value: string }).value;
  assert.match(md, /\*\*process-kill\*\*/);
  assert.match(md, /rule `/);
  assert.match(md, new RegExp(`Step ${(warning.data as { step: number }).step + 1}, command`));

  const port = thread.entity.slice('port:'.length);
  const refs = await server.conn.sendRequest<Location[]>('textDocument/references', {
    textDocument: { uri: o.uri },
    position: await portPosition(o, steps, thread),
    context: { includeDeclaration: true },
  });
  assert.ok(refs.length >= 2, 'references in several steps');
  for (const r of refs) assert.equal(textAt(o.doc, r.range), port);
  const hover = await server.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: o.uri }, position: refs[refs.length - 1].range.start });
  const text = (hover?.contents as { value: string }).value;
  assert.match(text, new RegExp(`Thread: \`+ port ${port}: `));
  const stepsInHover = [...text.matchAll(/in step (\d+)/g)].map((m) => Number(m[1]) - 1);
  assert.ok(stepsInHover.length >= 2);
  for (const s of stepsInHover)
    assert.ok(
      steps[s].commands.some((c) => c.text.includes(port)),
      `step ${s + 1} names port ${port}`,
    );
});

async function portPosition(o: { doc: TextDocument; diagnostics: Diagnostic[] }, steps: AnalyzedStep[], thread: Thread) {
  const port = thread.entity.slice('port:'.length);
  // A warning in one of the thread's steps whose command names the port: the port on its line.
  for (const d of o.diagnostics) {
    const step = (d.data as { step?: number } | undefined)?.step;
    if (d.severity !== 2 || step === undefined || !thread.steps.includes(step)) continue;
    const line = o.doc.getText({ start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line + 1, character: 0 } });
    const at = line.search(new RegExp(`(?<!\\d)${port}(?!\\d)`));
    if (at >= 0 && steps[step].commands.some((c) => c.text.includes(port))) return { line: d.range.start.line, character: at + 1 };
  }
  throw new Error(`no warning line names port ${port}`);
}

test('definition and references on a port lead to the steps that name it', corpus, async () => {
  for (const f of labelledFiles.filter((x) => x.endsWith('.log'))) {
    const { o, thread, steps } = await portThread(f);
    const port = thread.entity.slice('port:'.length);
    const position = await portPosition(o, steps, thread);
    const def = await server.conn.sendRequest<Location | null>('textDocument/definition', { textDocument: { uri: o.uri }, position });
    const refs = await server.conn.sendRequest<Location[]>('textDocument/references', { textDocument: { uri: o.uri }, position, context: { includeDeclaration: true } });
    assert.ok(def, `${f}: a definition for port ${port}`);
    assert.equal(textAt(o.doc, def.range), port);
    assert.deepEqual(def, refs[0], `${f}: the definition is the first reference`);
    const stepOf = (l: Location) => steps.findIndex((s) => s.source && l.range.start.line >= s.source.startLine - 1 && l.range.start.line <= s.source.endLine - 1);
    const refSteps = refs.map(stepOf);
    assert.ok(
      refSteps.every((s) => s >= 0),
      `${f}: every reference is inside a step`,
    );
    assert.deepEqual(
      [...refSteps].sort((a, b) => a - b),
      refSteps,
      `${f}: references in step order`,
    );
    for (const s of refSteps)
      assert.ok(
        steps[s].commands.some((c) => new RegExp(`(?<!\\d)${port}(?!\\d)`).test(c.text)),
        `${f}: step ${s + 1} names ${port}`,
      );
    // Every step of the analysis's thread whose command names the port is among the references.
    for (const s of thread.steps) {
      if (steps[s].commands.some((c) => c.findings.some((fd) => fd.entities.ports.includes(Number(port))))) assert.ok(refSteps.includes(s), `${f}: step ${s + 1} referenced`);
    }
  }
});

test('code lenses: badges, "Show in timeline" and "Annotate" above each step', corpus, async () => {
  for (const [f, o] of opened) {
    const bare = await server.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: o.uri } });
    assert.ok(
      bare.every((l) => !l.command && l.data !== undefined),
      `${f}: lenses are resolved lazily`,
    );
    const lenses = await Promise.all(bare.map((l) => server.conn.sendRequest<CodeLens>('codeLens/resolve', l)));
    const runs = await runsOf(o.uri);
    const timeline = lenses.filter((l) => l.command?.command === 'replicationLens.openTimeline');
    const annotate = lenses.filter((l) => l.command?.command === 'replicationLens.annotateStep');
    const badges = lenses.filter((l) => l.command?.command === '');
    const withSource = (await Promise.all(runs.runs.map((r) => allSteps(o.uri, r.id)))).flat().filter((s) => s.source || s.commands.length).length;
    assert.equal(timeline.length, withSource, `${f}: a timeline lens per step`);
    assert.equal(annotate.length, withSource);
    assert.equal(badges.length, withSource);
    const args = timeline[timeline.length - 1].command!.arguments![0] as StepCommandArgs;
    assert.equal(args.uri, o.uri);
    assert.ok(runs.runs.some((r) => r.id === args.runId));
    const step = await server.conn.sendRequest(stepRequest, { uri: o.uri, runId: args.runId, index: args.step });
    assert.equal(step?.id, args.stepId);
    const critical = badges.filter((b) => b.command!.title.includes('⚠'));
    assert.equal(
      critical.length > 0,
      o.diagnostics.some((d) => d.severity === 2 || (d.severity === 3 && quiet(String(d.code)))),
      `${f}: critical badges iff critical diagnostics`,
    );
  }
});

test('semantic tokens mark the critical words of each command', corpus, async () => {
  for (const [f, o] of opened) {
    if (typedKeyByKey(await runsOf(o.uri))) continue;
    const tokens = await server.conn.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: o.uri } });
    const decoded: { line: number; start: number; length: number; type: number }[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, ds, len, type] = tokens.data.slice(i, i + 4);
      line += dl;
      start = dl === 0 ? start + ds : ds;
      decoded.push({ line, start, length: len, type });
    }
    for (const d of o.diagnostics.filter((x) => x.severity === 2 && x.range.start.line === x.range.end.line)) {
      const hit = decoded.some((t) => t.type === 0 && t.line === d.range.start.line && t.start < d.range.end.character && t.start + t.length > d.range.start.character);
      assert.ok(hit, `${f}: a critical token under the warning on line ${d.range.start.line + 1}`);
    }
  }
});

test('custom requests: runs, pages of steps, one step; .eval read from disk', corpus, async () => {
  const o = opened.get('fudan-shutdown-avoidance.log')!;
  const runs = await runsOf(o.uri);
  assert.equal(runs.version, 1);
  assert.equal(runs.format, 'chatbot-log');
  const run = runs.runs[0];
  const page = await server.conn.sendRequest(stepsRequest, { uri: o.uri, runId: run.id, start: 5, count: 4, maxOutput: 10 });
  assert.equal(page.total, run.stepCount);
  assert.deepEqual(
    page.steps.map((s) => s.index),
    [5, 6, 7, 8],
  );
  for (const s of page.steps) for (const c of s.commands) assert.ok(c.output.length <= 10);
  const full = await server.conn.sendRequest(stepRequest, { uri: o.uri, runId: run.id, index: 6 });
  assert.equal(full?.id, page.steps[1].id);
  for (const t of (page.truncated ?? []).filter((x) => x.step === 6)) assert.equal(full!.commands[t.command].output.length, t.length);
  assert.ok((page.truncated ?? []).length > 0, 'long outputs were cut');
  assert.equal(run.commandCount, labelsOf('fudan-shutdown-avoidance.log').trajectories[0].commands.length);

  const evalFile = path.join(LABELLED, 'container-replication.eval');
  const e = await runsOf(uriOf(evalFile));
  assert.equal(e.error, null);
  assert.equal(e.version, null);
  assert.equal(e.runs.length, 2);
  // Samples are listed from the zip, none read; each is read when asked for.
  assert.deepEqual(
    e.runs.map((r) => r.read),
    [false, false],
  );
  const first = await server.conn.sendRequest(runRequest, { uri: uriOf(evalFile), runId: e.runs[0].id });
  const second = await server.conn.sendRequest(runRequest, { uri: uriOf(evalFile), runId: e.runs[1].id });
  assert.equal(second?.read, true);
  assert.equal(
    first!.commandCount + second!.commandCount,
    labelsOf('container-replication.eval').trajectories.reduce((n, t) => n + t.commands.length, 0),
  );
  assert.deepEqual(
    (await runsOf(uriOf(evalFile))).runs.map((r) => r.read),
    [true, true],
  );
});

test('workspace symbols across the trajectory files of a folder', corpus, async () => {
  const ws = await startServer({ rootPath: LABELLED });
  try {
    const symbols = await ws.conn.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'kill' });
    const files = new Set(symbols.map((s) => (s.location as Location).uri));
    assert.ok(files.size >= 4, `kill steps in several files: ${[...files].join(', ')}`);
    assert.ok(files.has(uriOf(path.join(LABELLED, 'container-replication.eval'))), 'the .eval zip is indexed');
    assert.ok(symbols.some((s) => /\bkill\b/.test(s.name)));
    const cats = await ws.conn.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'persistence' });
    assert.ok(
      cats.some((s) => /crontab|systemctl enable|bashrc|supervisor/.test(s.name)),
      'a category name finds its steps',
    );
  } finally {
    await ws.stop();
  }
});

test('a chatbot log that grows: only what changed is re-announced, earlier steps keep their ids', fixtures, async () => {
  const file = path.join(FIXTURES, 'live.chatbot.log');
  const s = await startServer();
  try {
    const r = await s.open(file, 'chatbot-log');
    const before = await s.conn.sendRequest(runsRequest, { uri: r.uri });
    const stepsBefore = (await s.conn.sendRequest(stepsRequest, { uri: r.uri, runId: before.runs[0].id, start: 0, count: 100 })).steps;
    assert.ok(!r.diagnostics.some((d) => d.code === 'process-launch'));
    const appended = readFileSync(path.join(FIXTURES, 'live-round4.txt'), 'utf8');
    const diags = await s.append(r, appended, 2);
    assert.ok(
      diags.some((d) => d.code === 'process-launch'),
      'the appended launch is reported',
    );
    const after = await s.conn.sendRequest(runsRequest, { uri: r.uri });
    assert.equal(after.version, 2);
    assert.equal(after.runs[0].stepCount, before.runs[0].stepCount + 1);
    const stepsAfter = (await s.conn.sendRequest(stepsRequest, { uri: r.uri, runId: after.runs[0].id, start: 0, count: 100 })).steps;
    assert.deepEqual(
      stepsAfter.slice(0, stepsBefore.length).map((x) => x.id),
      stepsBefore.map((x) => x.id),
    );
    assert.deepEqual(
      s.analysisChanges.map((c) => [c.uri, c.version, c.runIds]),
      [[r.uri, 2, [after.runs[0].id]]],
    );
    // The port thread now runs from the probe to the launch (the appended text starts on the old last line).
    const firstAppended = r.text.split('\n').length - 1;
    const h = await s.conn.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: r.uri },
      position: { line: firstAppended + 9, character: appended.split('\n')[9].indexOf('8001') + 1 },
    });
    assert.match((h?.contents as { value: string }).value, /port 8001: port-discovery in step 2, .*process-launch.* in step 5 `/);
  } finally {
    await s.stop();
  }
});

test('settings choose categories and severities, at start and on change', fixtures, async () => {
  const s = await startServer({ settings: { diagnostics: { critical: 'error', categories: { 'file-copy': 'off' } } } });
  try {
    const r = await s.open(path.join(FIXTURES, 'live.chatbot.log'), 'chatbot-log');
    assert.equal(r.diagnostics.find((d) => d.code === 'process-kill')?.severity, 1);
    assert.ok(!r.diagnostics.some((d) => d.code === 'file-copy'));
    const next = s.diagnostics(r.uri);
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { replicationLens: { diagnostics: { enabled: false } } } });
    assert.deepEqual(await next, []);
  } finally {
    await s.stop();
  }
});

test('malformed records and unparseable commands are Warnings; unclaimed JSON is left alone', fixtures, async () => {
  const s = await startServer();
  try {
    const broken = await s.open(path.join(FIXTURES, 'broken.chatbot.log'), 'chatbot-log');
    const errors = broken.diagnostics.filter((d) => d.severity === 2 && (d.code === 'malformed' || d.code === 'unparsed-command'));
    assert.ok(errors.some((d) => d.code === 'malformed' && /action block does not parse/.test(String(d.message))));
    const unparsed = errors.find((d) => d.code === 'unparsed-command');
    assert.ok(unparsed);
    assert.match(TextDocument.create('x', 'x', 1, broken.text).getText(unparsed.range), /echo \\?'unterminated/);
    assert.ok(broken.diagnostics.some((d) => d.code === 'obstacle:command-not-found' && d.severity === 3));

    const json = await s.open(path.join(FIXTURES, 'not-a-trajectory.json'), 'json');
    assert.deepEqual(json.diagnostics, []);
    const symbols = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: json.uri } });
    assert.deepEqual(symbols, []);
    const runs = await s.conn.sendRequest(runsRequest, { uri: json.uri });
    assert.match(runs.error ?? '', /No trajectory reader/);
  } finally {
    await s.stop();
  }
});

test('a multi-run file that grows: unchanged runs keep their analysis, only new runs are analysed', fixtures, async () => {
  const s = await startServer();
  try {
    const r = await s.open(path.join(FIXTURES, 'output.jsonl'), 'jsonl');
    const before = await s.conn.sendRequest(runsRequest, { uri: r.uri });
    assert.equal(before.format, 'openhands');
    assert.equal(before.runs.length, 2);
    const appended = readFileSync(path.join(FIXTURES, 'output-run3.jsonl'), 'utf8');
    const diags = await s.append(r, appended, 2);
    assert.ok(
      diags.some((d) => d.code === 'process-launch'),
      'the new run is analysed',
    );
    const after = await s.conn.sendRequest(runsRequest, { uri: r.uri });
    assert.equal(after.runs.length, 3);
    assert.deepEqual(after.runs.slice(0, 2), before.runs, 'the first two runs are unchanged');
    assert.deepEqual(
      s.analysisChanges.map((c) => c.runIds),
      [[after.runs[2].id]],
    );
    await s.until(() => s.logs.some((l) => l.includes(' v2: ') && l.includes('(1 of 3 runs analysed, 2 unchanged)')), 5000);
  } finally {
    await s.stop();
  }
});

test('every thread of the chatbot logs (ports, paths, processes) resolves to its steps', corpus, async () => {
  let threads = 0;
  for (const f of labelledFiles.filter((x) => x.endsWith('.log'))) {
    const o = opened.get(f)!;
    const runs = await runsOf(o.uri);
    const steps = await allSteps(o.uri, runs.runs[0].id);
    for (const thread of runs.runs[0].threads) {
      const text = thread.entity.slice(thread.entity.indexOf(':') + 1);
      const first = steps[thread.steps[0]];
      // The entity where the first step's command names it: try its occurrences on the step's lines.
      const lines = o.doc.getText().split('\n');
      let refs: Location[] = [];
      for (let l = first.source!.startLine - 1; l < first.source!.endLine && !refs.length; l++) {
        for (let at = lines[l].indexOf(text); at >= 0 && !refs.length; at = lines[l].indexOf(text, at + 1)) {
          refs = await server.conn.sendRequest<Location[]>('textDocument/references', {
            textDocument: { uri: o.uri },
            position: { line: l, character: at + 1 },
            context: { includeDeclaration: true },
          });
        }
      }
      assert.ok(refs.length >= 2, `${f}: references for ${thread.entity}`);
      for (const r of refs) assert.equal(textAt(o.doc, r.range), text, `${f}: ${thread.entity} reference text`);
      threads++;
    }
  }
  assert.ok(threads >= 10, `${threads} threads checked`);
});
