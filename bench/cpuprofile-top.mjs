// Prints the functions that take the most time in a V8 CPU profile (node --cpu-prof): self
// time and inclusive time, in ms and percent. With a folder, reads its largest .cpuprofile
// (the main thread's; tsx adds a small one for its loader thread).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli.js analyze big.log > /dev/null
//   node bench/cpuprofile-top.mjs /tmp/prof [N]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [target, count = '30'] = process.argv.slice(2);
if (!target) {
  console.error('usage: node bench/cpuprofile-top.mjs PROFILE_OR_FOLDER [N]');
  process.exit(2);
}
let file = target;
if (statSync(target).isDirectory()) {
  const all = readdirSync(target)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(target, f));
  file = all.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules\/|src\/|bench\/|dist\/)/, '$1')}${f.url ? `:${f.lineNumber + 1}` : ''}`;
};

const sampled = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  sampled.set(id, (sampled.get(id) ?? 0) + dt);
  total += dt;
});
const self = new Map();
const inclusive = new Map();
for (const [id, t] of sampled) {
  const own = name(byId.get(id));
  self.set(own, (self.get(own) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + t);
  }
}
const show = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
    console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('self time', self);
show('inclusive time', inclusive);
