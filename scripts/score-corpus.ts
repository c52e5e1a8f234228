// Scores the analyser on ../shared/corpus/labelled (or a folder given): prints precision,
// recall and every mistake. `npx tsx scripts/score-corpus.ts [DIR]`
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeBytes } from '../src/core/analyze';
import { initAnalysis } from '../src/node/init-analysis';
import { scoreAnalysis, addScores, verdictScore, VERDICT_IDS, type LabelFile, type Score } from '../src/core/scoring';

(async () => {
  const dir = resolve(process.argv[2] ?? join(__dirname, '../../shared/corpus/labelled'));
  if (!existsSync(dir)) {
    console.error(`no labelled corpus at ${dir}`);
    process.exit(2);
  }
  await initAnalysis();
  const scores: Score[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort()) {
    const name = f.replace(/\.labels\.json$/, '');
    const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelFile;
    let s: Score;
    try {
      const a = analyzeBytes(name, readFileSync(join(dir, name)));
      s = scoreAnalysis(a, labels);
    } catch (e) {
      console.log(`${name}: ERROR ${(e as Error).message}`);
      continue;
    }
    scores.push(s);
    console.log(`${name}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} outcomes=${s.outcomes.map((o) => `${o.got}${o.got === o.expected ? '' : `(want ${o.expected})`}`).join(',')}`);
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
