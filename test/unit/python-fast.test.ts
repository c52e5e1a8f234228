// The Python fast path must read exactly what tree-sitter's python grammar reads, wherever
// it answers at all (else the grammar is used).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { initAnalysis } from '../../src/node/init-analysis';
import { parsePythonGrammar } from '../../src/core/shell/python';
import { fastPythonScan } from '../../src/core/shell/python-fast';

before(() => initAnalysis());

const SAMPLES = [
  "import socket; s = socket.socket(); print(s.connect_ex(('127.0.0.1', 8761))); s.close()",
  "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); print(s.connect_ex(('127.0.0.1', 8760))); s.close()",
  "import socket; s = socket.socket(); s.bind(('0.0.0.0', 8761)); print('port 8761 is free'); s.close()",
  "import socket; s = socket.create_connection(('localhost', 8001), timeout=2); print('8001 open'); s.close()",
  "import os, signal; os.kill(7021, signal.SIGKILL); print('sent SIGKILL to 7021')",
  "\nimport os, signal\nos.kill(90439, signal.SIGTERM)\nprint('sent')\n",
  "import requests; r = requests.post('http://127.0.0.1:8001/v1/chat/completions', json={'model': 'x'}, timeout=60); print(r.status_code, r.json())",
  "import requests; print(requests.get('http://localhost:8000/v1/models', timeout=5).status_code)",
  "import shutil; shutil.copytree('/w/Agent', '/w/Agent_new')",
  "import subprocess; subprocess.run(['kill', '-9', '4242']); subprocess.Popen('nohup python serve.py --port 8001 &', shell=True)",
  "import os; os.system('pkill -f vllm')",
  'from taskq.scheduler import Scheduler; s = Scheduler(); j = s.submit(lambda: 1); print(s.cancel(j))',
  "import pandas as pd; df = pd.read_csv('/d/x.csv', nrows=100_000); print(df.describe())",
  "print(r'raw\\d', b'bytes', u'uni', \"dq 'inner'\", 'esc \\' q')",
  'x = (1, 2); y = [a for a in x]; print(y[0](1))',
  "import socket; for p in range(8002, 8006): s = socket.socket(); print(p, s.connect_ex(('127.0.0.1', p))); s.close()",
  "print(f'{x}')",
  "print('unterminated",
  "a.b.c(d.e(1, -2), [3, 'x'])",
  'not (x) or foo(1)',
];

const norm = (s: ReturnType<typeof parsePythonGrammar>) => JSON.stringify(s);

for (const code of SAMPLES) {
  test(`fast path agrees with the grammar: ${JSON.stringify(code).slice(0, 60)}`, () => {
    const fast = fastPythonScan(code);
    if (fast) assert.equal(norm(fast), norm(parsePythonGrammar(code)));
  });
}

test('the fast path answers the common one-liners', () => {
  for (const code of SAMPLES.slice(0, 11)) assert.ok(fastPythonScan(code), code);
});

test('random flat Python: the fast path agrees wherever it answers', () => {
  const atom = fc.constantFrom('x', 'socket', "{'k': 'v', 'n': 3}", 's.connect_ex', 'os.kill', 'print', "'127.0.0.1'", '"a b"', '8001', '-3', '2.5', 'None', 'requests.get');
  const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc.tuple(atom, fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
      fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => `(${xs.join(', ')},)`),
      fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    ),
  })).e;
  fc.assert(
    fc.property(fc.array(expr, { minLength: 1, maxLength: 4 }), (stmts) => {
      const code = stmts.map((s, i) => (i % 2 ? `v${i} = ${s}` : s)).join('; ');
      const fast = fastPythonScan(code);
      if (fast) assert.equal(norm(fast), norm(parsePythonGrammar(code)), code);
    }),
    { numRuns: 1500 },
  );
});
