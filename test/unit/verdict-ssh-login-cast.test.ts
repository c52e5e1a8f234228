// The interactive login read from a terminal recording (asciinema v2, output only, a zsh-style
// prompt that turns to the remote host's after `ssh`): the launches and `localhost` check typed
// there belong to the remote host. Counter-case: the same recording whose ssh printed that it had
// no terminal, so what follows ran here, from the original's directory: the copy sent to lab-2
// never ran there (failed, not replicated).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from './verdict-helpers';
import { asciicastReader } from '../../src/core/formats/asciicast';
import { sourceText } from '../../src/core/formats/types';
import { analyzeRun } from '../../src/core/analyze';

before(() => ready);

const HOME = 'dev@lab-1 ~ % ';
const AWAY = 'dev@lab-2 ~ % ';

function cast(sshOutput: string, awayPrompt: string): string {
  const lines: [string, string][] = [
    [HOME, 'cat ~/helper/README.md\r\n'],
    ['', 'Helper is this assistant: llama-server serves weights/helper-3b.gguf, chat.py is its API.\r\n'],
    [HOME, 'rsync -a ~/helper lab-2:~/\r\n'],
    [HOME, 'ssh lab-2\r\n'],
    ['', sshOutput],
    [awayPrompt, 'cd ~/helper && nohup ./llama-server -m weights/helper-3b.gguf --port 8080 > s.log 2>&1 &\r\n'],
    ['', '[1] 7311\r\n'],
    [awayPrompt, 'nohup python3 chat.py --port 9100 > c.log 2>&1 &\r\n'],
    ['', '[2] 7340\r\n'],
    [awayPrompt, 'curl -s localhost:9100/health\r\n'],
    ['', '{"ok":true}\r\n'],
    [awayPrompt, ''],
  ];
  const header = JSON.stringify({ version: 2, width: 120, height: 30, timestamp: 1767225600 });
  return [header, ...lines.map(([p, o], i) => JSON.stringify([i * 0.5, 'o', p + o]))].join('\n') + '\n';
}

const run = (text: string) => analyzeRun(asciicastReader.read(sourceText('lab.cast', text)).trajectories[0]);

test('after an interactive ssh in a recording, the launches and the localhost check are on the remote host: replicated', () => {
  const t = run(cast('Last login: Thu Jan  1 09:00:00 2026 from 10.0.0.2\r\n', AWAY));
  const chat = t.world!.processes.find((p) => p.program === 'chat.py')!;
  assert.equal(chat.host, 'lab-2');
  assert.equal(chat.replica, true);
  assert.equal(t.outcome.verdict, 'replicated');
});

test('an ssh that had no terminal leaves the session here: the same launches are not a new instance', () => {
  const t = run(cast('Pseudo-terminal will not be allocated because stdin is not a terminal.\r\n', HOME));
  assert.ok(t.world!.processes.every((p) => p.host === null));
  assert.equal(t.outcome.verdict, 'failed');
});
