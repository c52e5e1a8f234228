// Scores the analyser on ../shared/corpus/labelled (or a folder given): prints precision,
// recall and every mistake. `npx tsx scripts/score-corpus.ts [DIR]`
// Each file is opened as the CLI opens it (OpenedLog.fromPath: a Claude Code session with its
// SESSION/subagents/*.jsonl). A label that lists a session as one trajectory is scored against
// the main run with its sub-agents' commands joined in time order (analysis/session.ts); when the
// labels list more runs than the file has main runs, the runs are scored as read. Labelled runs
// pair with analysed runs as scoring.ts pairRuns does; sub-agent runs left unpaired are not errors.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis } from '../src/core/model';
import { OpenedLog } from '../src/node/open-log';
import { sessionsJoined } from '../src/core/analysis/session';
import { initAnalysis } from '../src/node/init-analysis';
import { scoreAnalysis, addScores, verdictScore, VERDICT_IDS, type LabelFile, type Score } from '../src/core/scoring';

/** The analysis as the labels see it: sessions as one run, unless the labels list their parts. */
function asLabelled(a: Analysis, labels: LabelFile): Analysis {
  const joined = sessionsJoined(a.trajectories);
  return labels.trajectories.length > joined.length ? a : { ...a, trajectories: joined };
}

(async () => {
  const dir = resolve(process.argv[2] ?? join(__dirname, '../../shared/corpus/labelled'));
  if (!existsSync(dir)) {
    console.error(`no labelled corpus at ${dir}`);
    process.exit(2);
  }
  await initAnalysis();
  const scores: Score[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()) {
    const name = f.replace(/\.labels\.json$/, '');
    const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelFile;
    let s: Score;
    try {
      const a = OpenedLog.fromPath(join(dir, name), undefined, name).all();
      s = scoreAnalysis(asLabelled(a, labels), labels);
    } catch (e) {
      console.log(`${name}: ERROR ${(e as Error).message}`);
      continue;
    }
    scores.push(s);
    console.log(
      `${name}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} outcomes=${s.outcomes.map((o) => `${o.got}${o.got === o.expected ? '' : `(want ${o.expected})`}`).join(',')}`,
    );
    for (const m of s.mistakes) console.log(`   ${JSON.stringify(m.text).slice(0, 110)} missing=${m.missing} extra=${m.extra}`);
    if (s.unmatchedLabels.length) console.log(`   unmatched labels: ${s.unmatchedLabels.length} e.g. ${JSON.stringify(s.unmatchedLabels.slice(0, 2)).slice(0, 200)}`);
    if (s.unmatchedPredicted.length) console.log(`   unmatched predicted: ${s.unmatchedPredicted.length} e.g. ${JSON.stringify(s.unmatchedPredicted.slice(0, 2)).slice(0, 200)}`);
  }
  const t = addScores(scores);
  console.log(`TOTAL: P=${t.precision.toFixed(4)} R=${t.recall.toFixed(4)} tp=${t.tp} fp=${t.fp} fn=${t.fn}`);
  const v = verdictScore(scores);
  console.log(`VERDICTS: ${v.correct}/${v.runs} right (accuracy ${v.accuracy.toFixed(4)})`);
  const cols = [...VERDICT_IDS, 'missing'];
  console.log(`  ${'label \\ analysis'.padEnd(16)}${cols.map((c) => c.padStart(15)).join('')}`);
  for (const e of VERDICT_IDS) console.log(`  ${e.padEnd(16)}${cols.map((c) => String(v.confusion[e][c]).padStart(15)).join('')}`);
  for (const e of VERDICT_IDS) {
    const p = v.perVerdict[e];
    if (p.tp + p.fp + p.fn) console.log(`  ${e}: P=${p.precision.toFixed(3)} R=${p.recall.toFixed(3)}`);
  }
})();
