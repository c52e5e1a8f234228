// Claimed vs observed and "World at this step" in the language server (issue 12), spoken to over
// LSP JSON-RPC: an Information diagnostic on each claim the outputs contradict or never show,
// with the evidence step as related information; a hover on a step with what is alive there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LABELLED, ROOT, SERVER, startServer, type Server } from './harness';

const FIXTURE = path.join(ROOT, 'test/fixtures/claims/false-claims.json');
const built = existsSync(SERVER);
const opts = { skip: !built ? 'needs a built dist/server.js (npm run build)' : false };

let server: Server;
let doc: TextDocument;
let diagnostics: Diagnostic[];

before(async () => {
  if (!built) return;
  server = await startServer();
  const r = await server.open(FIXTURE, 'json');
  doc = TextDocument.create(r.uri, 'json', 1, r.text);
  diagnostics = r.diagnostics;
});
after(async () => server?.stop());

const claims = () => diagnostics.filter((d) => d.code === 'claim');
const lineOf = (needle: string) =>
  doc
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(needle));

test('each contradicted claim is an Information diagnostic on its sentence, saying what was claimed and what the outputs show', opts, () => {
  const got = claims();
  assert.equal(got.length, 2, got.map((d) => d.message).join('\n'));
  for (const d of got) {
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.source, 'Replication Lens');
  }
  const [free, answered] = got;
  assert.equal(doc.getText(free.range), 'Port 8001 is free, so I will copy the agent and start it there.');
  assert.match(String(free.message), /^Step 3 claims that the port is free: .*the outputs say otherwise: step 2 shows port 8001 in use/);
  assert.equal(doc.getText(answered.range), 'The replica answered, so the second copy works.');
  assert.match(String(answered.message), /claims an answer: .*the outputs say otherwise: the check at step 5 \(port 8001\) got no answer/);
  // The true claim ("I copied the files", the copy succeeded) is not one.
  assert.ok(!got.some((d) => /copied/.test(String(d.message))));
});

test('related information points at the lines of the step whose output says otherwise', opts, () => {
  const [free, answered] = claims();
  const evidence = free.relatedInformation?.[0];
  assert.ok(evidence, 'the port claim has related information');
  assert.equal(evidence.location.uri, doc.uri);
  assert.match(doc.getText(evidence.location.range), /lsof -i :8001/);
  assert.match(evidence.message, /^Step 2: /);
  assert.match(doc.getText(answered.relatedInformation![0].location.range), /curl -s http:\/\/localhost:8001\/chat/);
});

test('hover on a step: the world at that step (processes alive with port, PID and launching step; ports; the system)', opts, async () => {
  const hoverAt = async (line: number) => {
    const h = await server.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line, character: 12 } });
    return (h?.contents as { value: string } | undefined)?.value ?? '';
  };
  // On the thought of step 3: the listing of step 2 showed python3 (PID 4242) holding 8001.
  const early = await hoverAt(lineOf('Port 8001 is free'));
  assert.match(early, /\*\*World at step 3\*\*/);
  assert.match(early, /`+ python3 `+ · port 8001 · PID 4242 · found running at step 2/);
  assert.match(early, /Ports listening or busy: 8001 busy \(step 2\)/);
  // On the last thought: the copy launched at step 4 is alive too; the check at step 5 was refused.
  const late = await hoverAt(lineOf('The replica answered'));
  assert.match(late, /\*\*World at step 6\*\*/);
  assert.match(late, /`+ server\.py `+ · port 8001 · PID 5151 · launched by step 4/);
  assert.match(late, /Replicated system: /);
  // Outside every step (the file's first line): no world.
  assert.doesNotMatch(await hoverAt(0), /World at step/);
});

test('severity follows replicationLens.diagnostics.claims ("off" removes them)', opts, async () => {
  const s = await startServer({ settings: { diagnostics: { claims: 'off' } } });
  try {
    const r = await s.open(FIXTURE, 'json');
    assert.ok(!r.diagnostics.some((d) => d.code === 'claim'));
    assert.ok(r.diagnostics.length > 0, 'the other diagnostics are still there');
  } finally {
    await s.stop();
  }
});

test(
  'the labelled corpus: the one claim no output shows is flagged where it is written',
  { skip: !built || !existsSync(LABELLED) ? 'needs ../shared/corpus/labelled and dist/server.js' : false },
  async () => {
    const r = await server.open(path.join(LABELLED, 'background-launch-claude.jsonl'), 'jsonl');
    const got = r.diagnostics.filter((d) => d.code === 'claim');
    assert.equal(got.length, 1);
    assert.match(String(got[0].message), /metrics exporter on :9100.*no output shows it/);
    const text = TextDocument.create(r.uri, 'jsonl', 1, r.text);
    assert.equal(text.getText(got[0].range), '- I also started the metrics exporter on :9100, which the agent API expects.');
  },
);
