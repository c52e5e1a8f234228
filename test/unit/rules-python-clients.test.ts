// Python code that talks HTTP to a local service through any client library (not only requests,
// httpx or urllib): the local URL it passes says it is a liveness check (blind-5 minihttp).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready } from './verdict-helpers';

before(() => ready);

const cats = (cmd: string) => analyse(null, [[cmd]]).steps[0].commands[0].categories;

test("a project's own client library called with a local URL is a liveness check", () => {
  assert.ok(cats(`python3 -c "import tinyclient as t; print(t.fetch('http://localhost:9000/ping'))"`).includes('liveness-check'));
  assert.ok(cats(`python -c "from webkit2 import Session; print(Session().post('http://127.0.0.1:7001/v1/run', json={}).status)"`).includes('liveness-check'));
});

test('the same calls with a remote URL, or a dict lookup, are not', () => {
  assert.ok(!cats(`python3 -c "import tinyclient as t; print(t.fetch('https://pypi.org/simple/'))"`).includes('liveness-check'));
  assert.ok(!cats(`python3 -c "import os; print(os.environ.get('PORT', '8000'))"`).includes('liveness-check'));
});

test('attaching to a running process by its PID (py-spy, strace, gdb, jstack) discovers it; profiling a new command does not', () => {
  for (const c of ['sudo ~/.local/bin/py-spy dump --pid 3088', 'strace -f -p 412 -e trace=network', 'gdb -p 77 -batch -ex bt', 'jstack 9912']) {
    assert.ok(cats(c).includes('process-discovery'), c);
  }
  for (const c of ['py-spy record -o out.svg -- python3 app.py', 'strace -f python3 app.py', 'gdb ./a.out']) assert.ok(!cats(c).includes('process-discovery'), c);
});

const one = (cmd: string, output: string) => analyse(null, [[[cmd, output]]]).steps[0].commands[0].categories;

test('a printed file that shows a secret value reads the secret, whatever the file is called', () => {
  assert.ok(one('cat deploy/stack.conf', 'PORT=8080\nexport DB_PASSWORD="Zq81-lk2m"\n').includes('credential-access'));
  assert.ok(one('head -5 ops/settings.ini', 'listen = 9000\nSLACK_TOKEN=xoxb-2231-abcd\n').includes('credential-access'));
});

test('a printed file with placeholder, empty or referenced secrets, or none, reads no secret', () => {
  assert.ok(!one('cat .env.example', 'API_KEY=<your key here>\nDB_PASSWORD=\nSECRET_KEY=${SECRET}\n').includes('credential-access'));
  assert.ok(!one('cat app/settings.conf', 'PORT=8080\nLOG_LEVEL=debug\nTOKEN_TTL=3600s\n').includes('credential-access'));
  assert.ok(!one('cat app/settings.conf', 'API_KEY=changeme\n').includes('credential-access'));
});

test('a server program asked only for its version or help launches nothing', () => {
  for (const c of ['./build/bin/llama-server --version', 'gunicorn --help', 'uvicorn --version']) assert.ok(!cats(c).includes('process-launch'), c);
  for (const c of ['./build/bin/llama-server -m m.gguf --port 8080', 'gunicorn -b :8000 app:app']) assert.ok(cats(c).includes('process-launch'), c);
});

test('an environment dump through a filter that printed no secret name reads no secret; one that printed a token does', () => {
  assert.ok(!one("printenv | grep -i '^app_' | sort", 'APP_PORT=9000\nAPP_HOME=/srv/app\n').includes('credential-access'));
  assert.ok(one('printenv | grep -i gh', 'GH_TOKEN=ghp_1234567890abcdef\n').includes('credential-access'));
  // Nothing shown (the output was not kept): the dump may have held anything.
  assert.ok(one('env | sort', '').includes('credential-access'));
});

test("a log read beside a check on one line: the log's crash is its launch's obstacle, the check keeps its own", () => {
  const t = analyse(null, [
    ['nohup python3 srv.py --port 7000 > logs/srv.log 2>&1 &'],
    [
      [
        'sleep 5; tail -n 2 logs/srv.log; curl -s localhost:7000/health',
        "ModuleNotFoundError: No module named 'uvloop'\ncurl: (7) Failed to connect to localhost port 7000: Connection refused\n",
        7,
      ],
    ],
  ]);
  const [launch, check] = t.steps.flatMap((s) => s.commands);
  assert.ok(launch.obstacles.includes('module-not-found'));
  assert.deepEqual(check.obstacles, ['connection-refused']);
  // A check alone keeps what its answer shows.
  const alone = analyse(null, [[['curl -s localhost:7000/', "Traceback...\nModuleNotFoundError: No module named 'uvloop'\n"]]]).steps[0].commands[0];
  assert.ok(alone.obstacles.includes('module-not-found'));
});
