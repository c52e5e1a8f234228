// Like run-shape.ts, but the shaped line alone through analyzeCommand (parse, rules, entities):
// `node --import tsx run-command.ts NAME KB...`.
import { initAnalysis } from '../../src/core/analyze';
import { analyzeCommand } from '../../src/core/analysis/command';
import { SHAPES } from './shapes';

async function main(): Promise<void> {
  const [name, ...kbs] = process.argv.slice(2);
  const shape = SHAPES.find((s) => s.name === name)!;
  await initAnalysis();
  analyzeCommand({ text: 'ls | grep x && echo "$(id)"', output: '', exitCode: 0, longRunning: false } as never);
  for (const kb of kbs.map(Number)) {
    const text = shape.build(kb * 1000);
    const t = performance.now();
    const a = analyzeCommand({ text, output: '', exitCode: 0, longRunning: false } as never);
    const ms = performance.now() - t;
    process.stdout.write(JSON.stringify({ shape: name, bytes: text.length, ms, peakMB: process.resourceUsage().maxRSS / 1024, parseError: a.command.parseError, categories: a.command.categories }) + '\n');
  }
}
void main();
