// Writes a large synthetic Inspect `.eval` (valid structure: header, samples with messages,
// events with tool spans and sandbox execs, attachments, summaries) for the benchmarks.
// Outputs are pseudo-random words so the zip does not compress away to nothing.
//
//   npx tsx bench/gen-eval.ts --samples 120 --turns 80 --out /tmp/big.eval
//   npx tsx bench/gen-eval.ts --samples 20 --turns 80 --format json --out /tmp/big.json   (legacy .json)
//   npx tsx bench/gen-eval.ts --turns 4000 --format traj --out /tmp/big.traj              (SWE-agent)
import { createWriteStream } from 'node:fs';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const samples = Number(args.get('samples') ?? 100);
const turns = Number(args.get('turns') ?? 80);
const outBytes = Number(args.get('output-bytes') ?? 6000);
const format = args.get('format') ?? 'eval';
const out = args.get('out') ?? `/tmp/synthetic.${format}`;

let seed = 0x2545f491;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
}
const WORDS =
  'model server port listen kill restart copy weights agent vllm python nohup curl health process socket bind error refused ok ready loading shard gpu memory token config replica start stop'.split(
    ' ',
  );
function text(n: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    const w = rand() < 0.3 ? Math.floor(rand() * 1e9).toString(36) : WORDS[Math.floor(rand() * WORDS.length)];
    parts.push(w);
    len += w.length + 1;
    if (rand() < 0.08) parts.push('\n');
  }
  return parts.join(' ');
}
const COMMANDS = [
  'ss -ltnp',
  'ps aux | grep vllm',
  'cp -r /w/Agent /w/Agent_new',
  'curl -s localhost:8001/health',
  'kill -9 4242',
  'nohup python -m vllm.entrypoints.openai.api_server --port 8000 > vllm.log 2>&1 &',
  'cat /w/Agent/config.yaml',
  'python3 start_agent.py --port 8001',
];
const ts = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
const id = (p: string, i: number) => `${p}${i.toString(36).padStart(6, '0')}`;

function sample(n: number): Record<string, unknown> {
  const messages: unknown[] = [
    { id: id('sys', n), role: 'system', content: 'You are an agent with a bash tool.' },
    { id: id('usr', n), role: 'user', source: 'input', content: `attachment://task${n}` },
  ];
  const events: unknown[] = [{ event: 'span_begin', id: `solver${n}`, span_id: `solver${n}`, type: 'solver', name: 'react', timestamp: ts(0) }];
  const attachments: Record<string, string> = { [`task${n}`]: text(600) };
  for (let t = 0; t < turns; t++) {
    const call = `call_${n}_${t}`;
    const cmd = COMMANDS[(n + t) % COMMANDS.length];
    const mid = id(`a${n}_`, t);
    const output = text(outBytes * (0.5 + rand()));
    const hash = `h${n}_${t}`;
    attachments[hash] = output;
    messages.push({
      id: mid,
      role: 'assistant',
      source: 'generate',
      content: [
        { type: 'reasoning', reasoning: text(300) },
        { type: 'text', text: text(120) },
      ],
      tool_calls: [{ id: call, function: 'bash', type: 'function', arguments: { cmd } }],
    });
    messages.push({ id: id(`t${n}_`, t), role: 'tool', tool_call_id: call, function: 'bash', content: `attachment://${hash}` });
    events.push({
      event: 'model',
      span_id: `solver${n}`,
      timestamp: ts(t * 10),
      model: 'example/model',
      input: [],
      input_refs: [[0, 2 + 2 * t]],
      output: { choices: [{ message: { id: mid, role: 'assistant', content: '' } }] },
    });
    events.push({ event: 'span_begin', id: `tool${n}_${t}`, span_id: `tool${n}_${t}`, parent_id: `solver${n}`, type: 'tool', name: 'bash', timestamp: ts(t * 10 + 5) });
    events.push({ event: 'tool', span_id: `solver${n}`, id: call, function: 'bash', arguments: { cmd }, result: `attachment://${hash}`, timestamp: ts(t * 10 + 5) });
    events.push({
      event: 'sandbox',
      span_id: `tool${n}_${t}`,
      action: 'exec',
      cmd: `bash --login -c '${cmd.replace(/'/g, `'"'"'`)}'`,
      result: rand() < 0.2 ? 1 : 0,
      output: `attachment://${hash}`,
      timestamp: ts(t * 10 + 6),
    });
    events.push({ event: 'span_end', id: `tool${n}_${t}`, span_id: `tool${n}_${t}` });
  }
  return {
    id: `task_${n}`,
    epoch: 1 + (n % 3),
    input: `attachment://task${n}`,
    target: '',
    messages,
    events,
    events_data: { messages: messages.slice(0, 2), calls: [] },
    attachments,
    scores: { s: { value: rand() < 0.5 ? 'C' : 'I' } },
    output: { model: 'example/model', choices: [] },
  };
}

const header = {
  version: 2,
  status: 'success',
  eval: { task: 'synthetic_replication', model: 'example/model', created: ts(0), dataset: { samples } },
  plan: { steps: [] },
  results: { total_samples: samples },
  stats: {},
};
const t0 = performance.now();

if (format === 'eval') {
  const stream = createWriteStream(out);
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    stream.write(chunk);
  });
  const add = (name: string, value: unknown) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(JSON.stringify(value)), true);
  };
  add('_journal/start.json', header);
  for (let n = 0; n < samples; n++) add(`samples/task_${n}_epoch_${1 + (n % 3)}.json`, sample(n));
  add('summaries.json', []);
  add('header.json', header);
  zip.end();
  stream.end(() => console.log(`wrote ${out} (${samples} samples x ${turns} turns) in ${((performance.now() - t0) / 1000).toFixed(1)} s`));
} else if (format === 'json') {
  const stream = createWriteStream(out);
  stream.write(JSON.stringify(header, null, 2).replace(/\n}$/, ',\n  "samples": [\n'));
  for (let n = 0; n < samples; n++) stream.write((n ? ',\n' : '') + JSON.stringify(sample(n), null, 2));
  stream.end('\n]}\n', () => console.log(`wrote ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`));
} else if (format === 'traj') {
  const trajectory = [];
  for (let t = 0; t < turns; t++) {
    trajectory.push({
      action: COMMANDS[t % COMMANDS.length],
      observation: text(outBytes * (0.5 + rand())),
      response: text(300),
      thought: text(300),
      execution_time: rand(),
      state: { working_dir: '/repo' },
      query: [],
      extra_info: {},
    });
  }
  const stream = createWriteStream(out);
  stream.end(JSON.stringify({ trajectory, history: [], info: { exit_status: 'submitted' }, replay_config: '{}', environment: 'main' }, null, 2), () =>
    console.log(`wrote ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`),
  );
} else {
  throw new Error(`unknown --format ${format} (eval, json, traj)`);
}
