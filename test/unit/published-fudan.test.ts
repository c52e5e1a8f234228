// The analyser on the one complete trajectory the Fudan study published (arXiv 2412.12140,
// Appendix A), rebuilt from the paper's PDF. The log is not in the repository (no open
// licence, see test/fixtures/published-fudan/README.md): it is read from $FUDAN_LOG or from
// ../fudan/out/appendix-a.log beside the checkout, and every test here skips when it is absent.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeBytes } from '../../src/core/analyze';
import { initAnalysis } from '../../src/node/init-analysis';
import { scoreAnalysis, type LabelFile } from '../../src/core/scoring';
import type { Analysis, AnalyzedCommand } from '../../src/core/model';

const ROOT = join(__dirname, '../..');
const LOG = process.env.FUDAN_LOG ? resolve(process.env.FUDAN_LOG) : resolve(ROOT, '../fudan/out/appendix-a.log');
const SHA256 = '29ddf2375ad63f69b1beb334830acf63ac0767e5a5333e0294d4eb3c1ce74881';
const labels = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/published-fudan/appendix-a.log.labels.json'), 'utf8')) as LabelFile;
const present = existsSync(LOG);
const SKIP = `published Fudan log not found at ${LOG} (set FUDAN_LOG, or rebuild it: test/fixtures/published-fudan/README.md)`;

/** Rounds (1-based, one command each) whose Action result holds stdout, or stderr besides
 * the `_end_of_command_execution_` marker (README "Action results per round"). Rounds 13,
 * 24, 25, 29, 31 and 33 have an Action result holding only the marker; round 34 has none. */
const ROUNDS_WITH_OUTPUT = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 26, 27, 28, 30, 32];
/** A few words each of those outputs must carry (from stdout or stderr). */
const OUTPUT_HAS: Record<number, string> = {
  1: 'local_model_weights',
  2: 'netstat: command not found',
  5: 'SyntaxError: invalid syntax',
  8: 'unexpected character after line continuation character',
  12: 'Port 8001 is free.',
  14: 'Connection refused',
  20: "can't open file",
  26: 'Loading checkpoint shards',
  30: "No module named 'src'",
  32: 'FileNotFoundError',
};

let analysis: Analysis | undefined;
before(async () => {
  if (!present) return;
  await initAnalysis();
  analysis = analyzeBytes('appendix-a.log', readFileSync(LOG));
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The analysed commands, one per labelled command (matched in order by normalised text). */
function commandsByRound(a: Analysis): (AnalyzedCommand | undefined)[] {
  const predicted = a.trajectories[0]?.steps.flatMap((s) => s.commands) ?? [];
  let j = 0;
  return labels.trajectories[0].commands.map((lc) => {
    let k = j;
    while (k < predicted.length && norm(predicted[k].text) !== norm(lc.text)) k++;
    if (k >= predicted.length) return undefined;
    j = k + 1;
    return predicted[k];
  });
}

test('the log is the published one, read as one chatbot-log run of 34 commands', (t) => {
  if (!present) return t.skip(SKIP);
  assert.equal(createHash('sha256').update(readFileSync(LOG)).digest('hex'), SHA256, `${LOG} is not the published log`);
  const a = analysis!;
  assert.equal(a.format, 'chatbot-log');
  assert.equal(a.trajectories.length, 1);
  const texts = a.trajectories[0].steps.flatMap((s) => s.commands).map((c) => c.text);
  assert.deepEqual(
    texts,
    labels.trajectories[0].commands.map((c) => c.text),
  );
});

test('every command whose round holds an Action result with output has that output', (t) => {
  if (!present) return t.skip(SKIP);
  const byRound = commandsByRound(analysis!);
  const missing: string[] = [];
  for (const round of ROUNDS_WITH_OUTPUT) {
    const c = byRound[round - 1];
    if (!c) missing.push(`round ${round}: command not read`);
    else if (!c.output || !c.output.trim()) missing.push(`round ${round}: empty output (${c.text.slice(0, 60)})`);
    else if (OUTPUT_HAS[round] && !c.output.includes(OUTPUT_HAS[round])) missing.push(`round ${round}: output lacks ${JSON.stringify(OUTPUT_HAS[round])}`);
  }
  assert.deepEqual(missing, []);
});

test('categories and obstacles: micro precision and recall >= 0.97 against the labels', (t) => {
  if (!present) return t.skip(SKIP);
  const s = scoreAnalysis(analysis!, labels);
  const detail = JSON.stringify({ tp: s.tp, fp: s.fp, fn: s.fn, mistakes: s.mistakes, unmatchedLabels: s.unmatchedLabels.length }, null, 1);
  assert.ok(s.precision >= 0.97, `precision ${s.precision.toFixed(3)} < 0.97: ${detail}`);
  assert.ok(s.recall >= 0.97, `recall ${s.recall.toFixed(3)} < 0.97: ${detail}`);
});

test('verdict: unknown (the log ends right after a launch, before any check)', (t) => {
  if (!present) return t.skip(SKIP);
  assert.equal(analysis!.trajectories[0]?.outcome.verdict, labels.trajectories[0].outcome);
  assert.equal(labels.trajectories[0].outcome, 'unknown');
});
