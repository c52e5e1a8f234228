// The metamorphic layout check (test/metamorphic/corpus-check.ts), the cut check (cut-check.ts)
// and the noise check (noise-check.ts) over any folders of runs, no labels needed: each file's
// layout variants must give its own answer, the file cut off at a line a prefix of it, and steps
// that do nothing put between its steps must move no verdict or reading. For runs never seen.
//   npx tsx scripts/metamorphic-corpus.ts DIR [DIR...]
import { initAnalysis } from '../src/node/init-analysis';
import { checkLayouts } from '../test/metamorphic/corpus-check';
import { checkCuts } from '../test/metamorphic/cut-check';
import { checkNoise } from '../test/metamorphic/noise-check';

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: npx tsx scripts/metamorphic-corpus.ts DIR [DIR...]');
  await initAnalysis();
  const r = checkLayouts(dirs);
  for (const line of r.unreadable) console.log(`not compared: ${line}`);
  for (const line of r.differing) console.log(line);
  console.log(`${r.files} files, ${r.variants} variants, ${r.differing.length} differing from their original; ${r.unreadable.length} files not read`);
  const c = checkCuts(dirs);
  for (const line of c.broken) console.log(line);
  console.log(`${c.cuts} cuts, ${c.refused} refused with where they stop, ${c.broken.length} not a prefix of their file`);
  const n = checkNoise(dirs);
  for (const line of n.moved) console.log(line);
  console.log(`${n.runs} runs with noise steps put in, ${n.moved.length} verdicts or readings moved`);
  if (r.differing.length || c.broken.length || n.moved.length) process.exitCode = 1;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
