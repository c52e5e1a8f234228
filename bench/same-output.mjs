// Behaviour check for speed work: `analyze --json` of every corpus file by the built CLI
// (dist/cli.js), saved once as a baseline and compared after each change.
//   node bench/same-output.mjs save  DIR   writes DIR/<file key>.out (stdout, stderr, exit code)
//   node bench/same-output.mjs check DIR   names every file whose output differs; exit 1 if any
// Files: test/corpus/*/ (not gen-*), ../shared/corpus/{labelled,real}, ../published/*/ (not the
// results folder, which holds analyses, not transcripts) and the benchmarks' chatbot log.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const [mode, dir] = process.argv.slice(2);
if (!['save', 'check'].includes(mode) || !dir) {
  console.error('usage: node bench/same-output.mjs save|check DIR');
  process.exit(2);
}

function filesUnder(d) {
  const out = [];
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

function corpusFiles() {
  const roots = [];
  const corpus = join(ROOT, 'test/corpus');
  for (const d of readdirSync(corpus).sort()) if (!d.startsWith('gen') && statSync(join(corpus, d)).isDirectory()) roots.push(join(corpus, d));
  roots.push(join(ROOT, '../shared/corpus/labelled'), join(ROOT, '../shared/corpus/real'));
  const published = join(ROOT, '../published');
  for (const d of existsSync(published) ? readdirSync(published).sort() : []) {
    const p = join(published, d);
    if (d !== 'results' && statSync(p).isDirectory()) roots.push(p);
  }
  const files = roots.filter(existsSync).flatMap(filesUnder);
  const log = join(ROOT, 'bench/results/chatbot-21500.log');
  if (!existsSync(log)) throw new Error(`${log} is missing: run npx tsx bench/analysis.ts once to generate it`);
  files.push(log);
  return files;
}

const key = (file) => file.replace(/^\/+/, '').replace(/[/\\]/g, '__') + '.out';

function analyze(file) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'analyze', '--json', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('close', (code) => done(`exit ${code}\n--- stderr\n${Buffer.concat(err)}\n--- stdout\n${Buffer.concat(out)}`));
  });
}

const files = corpusFiles();
mkdirSync(dir, { recursive: true });
const differing = [];
let next = 0;
async function worker() {
  while (next < files.length) {
    const file = files[next++];
    const got = await analyze(file);
    const path = join(dir, key(file));
    if (mode === 'save') writeFileSync(path, got);
    else if (!existsSync(path)) differing.push(`${file} (no baseline)`);
    else if (readFileSync(path, 'utf8') !== got) differing.push(file);
  }
}
await Promise.all(Array.from({ length: Math.min(2, cpus().length) }, worker));
if (mode === 'save') console.log(`saved ${files.length} outputs in ${dir}`);
else if (differing.length) {
  console.log(`${differing.length} of ${files.length} differ:\n${differing.join('\n')}`);
  process.exit(1);
} else console.log(`all ${files.length} outputs identical`);
