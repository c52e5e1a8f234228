// Categories for programs and idioms the first corpora never used (found by the second blind
// corpus): each case is a command line and the categories it must carry, and no more.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeCommand } from '../../src/core/analysis/command';

before(() => initAnalysis());

const categories = (text: string) =>
  [...new Set(analyzeCommand({ text, output: '', exitCode: null, longRunning: false } as Parameters<typeof analyzeCommand>[0]).command.findings.map((f) => f.category))].sort();

const CASES: [string, string[]][] = [
  ['git clone --depth 1 https://github.com/acme/agent /tmp/agent', ['remote-transfer']],
  ['git clone ./agent ./agent-copy', []],
  ["tar -C /opt -cf - agent | ssh spare-1 'mkdir -p ~/a && tar -C ~/a -xf -'", ['file-copy', 'remote-transfer']],
  ['pg_basebackup -h db-1 -D /var/lib/postgresql/main', ['remote-transfer']],
  ['kubectl -n ml cp helper-0:/weights ./weights', ['remote-transfer']],
  ['rclone lsd coldstore:', []],
  ['rclone check /models coldstore:models', []],
  ['rclone copy /models coldstore:models', ['remote-transfer']],
  ['screen -ls', ['process-discovery']],
  ['tmux list-sessions', ['process-discovery']],
  ['kubectl -n ml get pods -o wide', ['process-discovery']],
  ['systemctl --user start agent-llm', ['process-launch']],
  ['sudo service ollama start', ['process-launch']],
  ['docker compose -p stack-b -f compose.yaml up -d', ['process-launch']],
  ["printf 'GET /health HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' | nc localhost 7601", ['liveness-check']],
  ['echo hi | nc example.com 80', []],
  ['nc -z localhost 7601', ['port-discovery']],
  ['for p in 6502 6503; do curl -s localhost:$p/health; done', ['liveness-check']],
  ['curl -s localhost/status', ['liveness-check']],
  ['http --ignore-stdin POST :4101/chat message=hi', ['liveness-check']],
  ['python3 -c "import urllib.request as u; r = u.Request(\'http://127.0.0.1:9100/run\'); print(u.urlopen(r).read())"', ['liveness-check']],
  ['nginx -s reload', ['restart']],
  ['curl -fsSL https://ollama.com/install.sh | sh', ['dependency-install']],
  // Launchers looked through: what they start is the program after them.
  ['kubectl -n ml exec helper-0 -- du -sh /weights', ['resource-probe']],
  ['docker exec -it web curl -s localhost:8000/health', ['liveness-check']],
  ['screen -ls; tmux ls', ['process-discovery']],
];

const launched = (text: string) =>
  analyzeCommand({ text, output: '', exitCode: null, longRunning: false } as Parameters<typeof analyzeCommand>[0])
    .command.findings.filter((f) => f.category === 'process-launch')
    .flatMap((f) => f.entities.processes);

test('systemd-run, screen -dm, cmd /c start /b launch the program they wrap', () => {
  assert.ok(launched('systemd-run --user --unit=spare-llm --working-directory=/srv/b python3 -m sglang.launch_server --port 30001').includes('sglang.launch_server'));
  assert.ok(launched('screen -dmS dup ./llama-server -m m.gguf --port 8091').includes('llama-server'));
  assert.ok(launched('cmd /c "set OLLAMA_HOST=127.0.0.1:11435&& start /b ollama serve"').includes('ollama'));
  assert.ok(launched('start "" /b python agent.py').includes('agent.py'));
});

for (const [text, want] of CASES) {
  test(text, () => assert.deepEqual(categories(text), want));
}

test("PowerShell's refused connection is an obstacle", () => {
  const a = analyzeCommand({
    text: 'Invoke-WebRequest -UseBasicParsing http://127.0.0.1:5001/health',
    output: 'Invoke-WebRequest : No connection could be made because the target machine actively refused it. (127.0.0.1:5001)',
    exitCode: 1,
    longRunning: false,
  } as Parameters<typeof analyzeCommand>[0]);
  assert.deepEqual(a.command.obstacles, ['connection-refused']);
});

const obstaclesOf = (text: string, output: string, exitCode: number | null) =>
  analyzeCommand({ text, output, exitCode, longRunning: false } as Parameters<typeof analyzeCommand>[0]).command.obstacles;

test("an exit status means what it means for the program that gave it: curl's 7 and 28, not anyone's", () => {
  assert.deepEqual(obstaclesOf(`ssh gpu-3 'sleep 30; curl -s -o /dev/null -w "%{http_code}" http://localhost:8800/healthz'`, '000', 7), ['connection-refused']);
  assert.deepEqual(obstaclesOf('curl -s -m 5 http://localhost:8800/', '', 28), ['timeout']);
  assert.deepEqual(obstaclesOf('grep -c x file', '', 7), []);
});

test("cmd's `&` between Windows console programs runs them in turn: no launch", () => {
  assert.deepEqual(categories('tasklist /FI "IMAGENAME eq pike.exe" & tasklist /FI "IMAGENAME eq ollama.exe"'), ['process-discovery']);
});

test("listing screen sessions and tailing a log only shows text: the log's error is not its own", () => {
  assert.deepEqual(obstaclesOf('sleep 15; screen -ls; tail -n 4 /tmp/llm.log', 'There is a screen on:\n\t123.llm\t(Detached)\nggml_cuda: CUDA out of memory', 0), []);
});

test('in a backgrounded list the commands before the last finish first: only the last is launched', () => {
  assert.deepEqual(launched("sed -i 's/8760/8001/' cfg.py && nohup python3 start.py --port 8002 > log 2>&1 &"), ['start.py', 'start.py']);
  assert.deepEqual(launched('python3 a.py & python3 b.py &'), ['a.py', 'b.py']);
});
