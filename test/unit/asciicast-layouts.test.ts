// asciinema casts in the terminal layouts people really record: prompts that follow the working
// directory, the user and the virtualenv; zsh (plain and oh-my-zsh), fish, PowerShell, two-line
// prompts (kali, starship); typed, pasted, edited, recalled and completed lines; Ctrl-C; output
// that looks like a prompt. Each session is read with its keystrokes and again without them
// (most casts record output only): the commands must be the same. The expected commands were
// written down from the sessions' scripts before the reader was run on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { asciicastReader } from '../../src/core/formats/asciicast';
import { PromptBook, promptShape, promptStatus } from '../../src/core/formats/asciicast-prompt';
import { LineTerminal } from '../../src/core/formats/asciicast-term';
import { sourceText } from '../../src/core/formats/types';
import type { RawTrajectory } from '../../src/core/model';
import { assertSniffed, assertLabelled, commands, fixtures, hasShared, load, real, texts } from './formats-helpers';

const dir = path.join(fixtures, 'asciicast/layouts');
const read = (name: string): RawTrajectory => {
  const file = load(path.join(dir, name));
  assertSniffed(file, 'asciicast');
  const res = asciicastReader.read(file);
  assert.deepEqual(res.issues, [], name);
  assert.equal(res.trajectories.length, 1);
  return res.trajectories[0];
};
const output = (t: RawTrajectory, text: string, nth = 0): string | undefined => commands(t).filter((c) => c.text === text)[nth]?.output;

const BASH_CD_SU = [
  'ls',
  'cat notes.txt',
  'cd /srv/app2',
  'ls -la',
  'python3',
  'ls -hla',
  'nohup python3 serve.py --port 8001 &',
  'su - deploy',
  'whoami',
  'exit',
  'curl -s localhost:8001/health',
  'exit',
];

for (const name of ['bash-cd-su-v2.cast', 'bash-cd-su-v2-output-only.cast']) {
  test(`${name}: root's prompt follows cd and su; prompt-looking output, ^C, REPL, history, paste`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), BASH_CD_SU);
    assert.equal(output(t, 'ls'), 'app  app2  notes.txt');
    assert.equal(output(t, 'cat notes.txt'), 'TODO before migration:\n$ rm -rf /srv/app/cache\nroot@node7:/srv# systemctl stop app\n>>> import os\n# keep the old config');
    assert.equal(output(t, 'cd /srv/app2'), '');
    assert.match(output(t, 'ls -la')!, /^total 8\n.*serve\.py\n.*weights\.bin$/);
    assert.equal(output(t, 'python3'), 'Python 3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0] on linux\nType "help" for more information.\n>>> print(1+1)\n2\n>>> exit()');
    assert.equal(output(t, 'nohup python3 serve.py --port 8001 &'), '[1] 4242');
    assert.equal(output(t, 'whoami'), 'deploy');
    assert.equal(output(t, 'exit'), 'logout');
    assert.equal(output(t, 'curl -s localhost:8001/health'), '{"ok":true}');
    assert.ok(!texts(t).some((c) => c.includes('rm -rf')), 'a line abandoned with ^C is no command');
    assert.equal(t.meta?.recoveredFromOutput, name.includes('output-only') ? true : undefined);
  });
}

for (const name of ['bash-venv-sudo-v3.cast', 'bash-venv-sudo-v3-output-only.cast']) {
  test(`${name}: (venv) prompt, sudo -i to root's # prompt and back, password, backspace, ^U`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), ['python3 -m venv venv', 'source venv/bin/activate', 'pip install requests', 'deactivate', 'sudo -i', 'id -u', 'ls /root', 'exit', 'exit']);
    assert.ok(!JSON.stringify(t).includes('hunter2'), 'the password is never recorded');
    assert.equal(
      output(t, 'pip install requests'),
      'Collecting requests\n  Downloading requests-2.32.3-py3-none-any.whl (64 kB)\n     |########################| 100%\nSuccessfully installed requests-2.32.3',
    );
    assert.equal(output(t, 'sudo -i'), '[sudo] password for alice:');
    assert.equal(output(t, 'id -u'), '0');
    assert.equal(output(t, 'ls /root'), 'backup.tar.gz');
    assert.equal(t.meta?.exitStatus, 0);
    assert.equal(t.meta?.version, 3);
  });
}

test('zsh with oh-my-zsh: the prompt loses its git part after cd; paste, Tab, history; PROMPT_SP after output without a newline', () => {
  const t = read('zsh-ohmyzsh-v2.cast');
  assert.deepEqual(texts(t), ['git status', 'cat README.md', 'git log --oneline -1', 'git log --oneline -1', 'cd ..', 'ls', 'docker ps', 'exit']);
  assert.equal(output(t, 'git status'), 'On branch main\nChanges not staged for commit:\n\tmodified:   serve.py'.replace('\t', '        '));
  assert.equal(output(t, 'cat README.md'), '# app\nRun `make serve`.');
  assert.equal(output(t, 'ls'), 'app  notes');
  assert.equal(output(t, 'docker ps'), 'CONTAINER ID   IMAGE          STATUS\n3f2a1b9c8d7e   replica:latest Up 2 hours');
});

test('zsh `host% ` prompt, output only: ">>> " and "host% " printed by programs, a progress "45%", a sudo password', () => {
  const t = read('zsh-percent-v3-output-only.cast');
  assert.deepEqual(texts(t), ['python3 -c \'print(">>> not a prompt")\'', 'cat setup.sh', 'sudo whoami', 'cd /tmp', 'curl -# -O http://10.0.0.5/model.bin', 'exit']);
  assert.equal(output(t, 'python3 -c \'print(">>> not a prompt")\''), '>>> not a prompt');
  assert.equal(output(t, 'cat setup.sh'), '# install deps\ndevbox% make install\npip install -r requirements.txt');
  assert.equal(output(t, 'sudo whoami'), '[sudo] password for dev:\nroot');
  assert.equal(output(t, 'curl -# -O http://10.0.0.5/model.bin'), '#'.repeat(72) + ' 100.0%');
});

test('fish: autosuggestions shown but not taken, a suggestion accepted with the right arrow, ^C', () => {
  const t = read('fish-v2.cast');
  assert.deepEqual(texts(t), ['ls', 'cd src', 'git pull origin main', '../run.sh --port 8001', 'exit']);
  assert.equal(output(t, 'ls'), 'run.sh  src');
  assert.equal(output(t, 'git pull origin main'), 'Already up to date.');
  assert.equal(output(t, '../run.sh --port 8001'), 'Serving on 0.0.0.0:8001\n^C');
});

const POWERSHELL = [
  'Get-Process python',
  'Stop-Process -Name python -Force',
  'cd C:\\Users\\alice\\replica',
  "Start-Process python -ArgumentList 'serve.py'",
  'schtasks /create /tn replica /tr "python C:\\Users\\alice\\replica\\serve.py" /sc onlogon',
  'exit',
];
for (const name of ['powershell-v2.cast', 'powershell-v3-output-only.cast']) {
  test(`${name}: PS C:\\path> prompts that follow cd; PSReadLine redraws the line as it is typed`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), POWERSHELL);
    assert.match(output(t, 'Get-Process python')!, /ProcessName\n.*\n\s+24\s+41\.20\s+52\.10\s+3\.42\s+6112\s+1 python$/);
    assert.equal(output(t, POWERSHELL[4]), 'SUCCESS: The scheduled task "replica" has successfully been created.');
  });
}

const CMD_EXE = [
  'tasklist /fi "imagename eq python.exe"',
  'cd /d D:\\agents\\wren',
  'dir /b',
  'xcopy D:\\agents\\wren D:\\agents\\wren-2 /E /I /Y',
  'start "" /B python D:\\agents\\wren-2\\agent.py --port 8612',
  'curl -s http://127.0.0.1:8612/health',
];
for (const name of ['cmd-exe-v2.cast', 'cmd-exe-v3-output-only.cast']) {
  test(`${name}: cmd.exe's C:\\path> prompt (no space before the cursor) that follows cd /d`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), CMD_EXE);
    assert.equal(output(t, 'dir /b'), 'agent.py\nmodels\nwren.ini');
    assert.equal(output(t, CMD_EXE[3]), '14 File(s) copied');
    assert.equal(output(t, CMD_EXE[5]), '{"ok":true}');
  });
}

test('kali two-line prompt: the ┌──(user㉿host)-[dir] line is prompt, not output; a password; ^C of a running command', () => {
  const t = read('kali-two-line-v2.cast');
  assert.deepEqual(texts(t), ['nmap -p 22,80 10.0.0.5', 'sudo netstat -tlnp', 'cd /opt/replica', 'ping -c 100 10.0.0.5', './replicate.sh', 'exit']);
  assert.equal(output(t, 'nmap -p 22,80 10.0.0.5'), 'Starting Nmap 7.94 ( https://nmap.org )\nPORT   STATE SERVICE\n22/tcp open  ssh\n80/tcp open  http');
  assert.equal(output(t, 'sudo netstat -tlnp'), '[sudo] password for kali:\nsudo: netstat: command not found');
  assert.equal(output(t, 'cd /opt/replica'), '');
  assert.match(output(t, 'ping -c 100 10.0.0.5')!, /^PING .*\n.*icmp_seq=1.*\n\^C\n--- 10\.0\.0\.5 ping statistics ---\n.*0% packet loss, time 0ms$/);
  assert.equal(output(t, './replicate.sh'), 'copied weights to 10.0.0.5:/opt/replica');
  assert.ok(!JSON.stringify(t).includes('toor'));
});

test('starship, output only: the info line above `❯ ` changes with the directory and is never output', () => {
  const t = read('starship-v3-output-only.cast');
  assert.deepEqual(texts(t), ['git status --short', 'python3 app.py', 'pip install flask', 'cd /tmp', 'ls']);
  assert.equal(output(t, 'git status --short'), ' M app.py');
  assert.match(output(t, 'python3 app.py')!, /^Traceback \(most recent call last\):\n(.*\n){2}ModuleNotFoundError: No module named 'flask'$/);
  assert.equal(output(t, 'pip install flask'), 'Successfully installed flask-3.0.0');
  assert.equal(output(t, 'cd /tmp'), '');
  assert.equal(output(t, 'ls'), 'model.bin');
});

test('a prompt that shows the last exit status gives each command its status; prompt and command written at once', () => {
  const t = read('status-prompt-v2-output-only.cast');
  assert.deepEqual(texts(t), ['systemctl status api', 'netstat -tlnp', 'ss -ltn', 'cd /srv/app2', 'ls', 'false']);
  assert.deepEqual(
    commands(t).map((c) => c.exitCode),
    [3, 127, 0, 0, 0, 1],
  );
  assert.equal(output(t, 'netstat -tlnp'), 'bash: netstat: command not found');
  assert.equal(output(t, 'ls'), 'serve.py');
});

// Written after the reader above, as a check on sessions it had not seen: the expectations
// were set down before these were first read.
const CENTOS = [
  'cd /var/www',
  'sudo su -',
  'ssh backup01',
  'df -h /backup',
  'exit',
  'df -h /backup',
  'systemctl restart nginx.service',
  'rsync -avz --delete --exclude .git --exclude node_modules /var/www/ backup01:/backup/www/',
  'vim /etc/nginx/nginx.conf',
  'clear',
  'nginx -t',
  'logout',
];
for (const name of ['centos-ssh-v2.cast', 'centos-ssh-v3-output-only.cast']) {
  test(`${name}: [user@host dir]# prompts across sudo su - and ssh; ^R search; a completion list; a line wrapped at the margin; vim; clear`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), CENTOS);
    assert.ok(!/Winter2025|b4ckup!/.test(JSON.stringify(t)), 'passwords are never recorded');
    assert.equal(output(t, 'df -h /backup'), 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb1       2.0T  1.2T  800G  61% /backup');
    assert.equal(output(t, 'df -h /backup', 1), 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        50G   31G   19G  62% /');
    assert.equal(output(t, 'exit'), 'logout\nConnection to backup01 closed.');
    assert.equal(output(t, CENTOS[7]), 'sending incremental file list\n\nsent 1,204 bytes  received 35 bytes  826.00 bytes/sec\ntotal size is 48,210  speedup is 38.91');
    assert.equal(output(t, 'vim /etc/nginx/nginx.conf'), '');
    assert.match(output(t, 'nginx -t')!, /^nginx: the configuration file .* syntax is ok\nnginx: .* test is successful$/);
  });
}

const MACOS = [
  'cd ~/models',
  './download.sh',
  'cat > run.sh <<EOF\npython3 -m vllm.entrypoints.api_server --port 8000\nEOF',
  'chmod +x run.sh\n./run.sh &',
  'curl -s localhost:8000/health',
  'exit',
];
for (const name of ['macos-zsh-v2.cast', 'macos-zsh-v3-output-only.cast']) {
  test(`${name}: \`user@host dir % \` prompts; a program's questions answered; zsh's heredoc> lines; a pasted block of two lines`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), MACOS);
    assert.equal(output(t, './download.sh'), 'Model to fetch? llama-3-8b\nOverwrite existing weights? [y/N] y\nfetched llama-3-8b (16 GB)');
    assert.equal(output(t, MACOS[3]), '[1] 51234');
    assert.equal(output(t, 'curl -s localhost:8000/health'), '{"status":"ok"}');
  });
}

// A second held-out round, its expectations also set down before the first read.
const GITBASH = ['git status -s', 'python serve.py --port 8001 &', 'curl -s localhost:8001/health', 'cd /c/replica', 'cp -r ~/proj/weights .', 'ls', 'exit'];
for (const name of ['gitbash-two-line-v2.cast', 'gitbash-two-line-v3-output-only.cast']) {
  test(`${name}: Git Bash's two-line prompt (a blank line, user@host MINGW64 dir (branch), then $)`, () => {
    const t = read(name);
    assert.deepEqual(texts(t), GITBASH);
    assert.equal(output(t, 'git status -s'), ' M serve.py\n?? weights/');
    assert.equal(output(t, 'curl -s localhost:8001/health'), '{"ok": true}');
    assert.equal(output(t, 'cd /c/replica'), '');
    assert.equal(output(t, 'ls'), 'weights');
  });
}

test("dash with a bare `$ `, output only: `$ ` lines printed by cat stay output; a container's root prompt inside a command", () => {
  const t = read('dash-bare-v2-output-only.cast');
  assert.deepEqual(texts(t), ['cat README', './start.sh --port 9000 &', 'docker run -it --rm ubuntu:22.04 bash', 'nproc', 'exit', 'echo done']);
  assert.equal(output(t, 'cat README'), 'Usage:\n$ ./start.sh --port 9000\n# root only:\n$ sudo ./install.sh');
  assert.equal(output(t, 'nproc'), '8');
  assert.equal(output(t, 'echo done'), 'done');
});

test('every layout fixture is covered by a test above', () => {
  const named = [
    'bash-cd-su-v2.cast',
    'bash-cd-su-v2-output-only.cast',
    'bash-venv-sudo-v3.cast',
    'bash-venv-sudo-v3-output-only.cast',
    'zsh-ohmyzsh-v2.cast',
    'zsh-percent-v3-output-only.cast',
    'fish-v2.cast',
    'powershell-v2.cast',
    'powershell-v3-output-only.cast',
    'cmd-exe-v2.cast',
    'cmd-exe-v3-output-only.cast',
    'kali-two-line-v2.cast',
    'starship-v3-output-only.cast',
    'status-prompt-v2-output-only.cast',
    'centos-ssh-v2.cast',
    'centos-ssh-v3-output-only.cast',
    'macos-zsh-v2.cast',
    'macos-zsh-v3-output-only.cast',
    'gitbash-two-line-v2.cast',
    'gitbash-two-line-v3-output-only.cast',
    'dash-bare-v2-output-only.cast',
  ];
  assert.deepEqual(
    readdirSync(dir)
      .filter((f) => f.endsWith('.cast'))
      .sort(),
    [...named].sort(),
  );
});

/** A cast of `n` commands at a changing bash prompt, typed key by key, with `lines` lines of output each. */
function bigCast(n: number, lines: number, input: boolean): string {
  const out: string[] = [JSON.stringify({ version: 2, width: 120, height: 40 })];
  let t = 0;
  const ev = (code: string, data: string) => out.push(JSON.stringify([(t += 0.01), code, data]));
  const row = 'x'.repeat(90) + ' ok\r\n';
  for (let k = 0; k < n; k++) {
    ev('o', `\x1b[?2004hroot@node7:/srv/app${k % 7}# `);
    for (const ch of `echo ${k}`) {
      if (input) ev('i', ch);
      ev('o', ch);
    }
    if (input) ev('i', '\r');
    ev('o', '\x1b[?2004l\r\r\n');
    ev('o', row.repeat(lines));
    // A progress bar redrawn in place, and a 12 MB line written in pieces without a newline
    // (copying the line at each piece would be quadratic).
    if (k % 50 === 0) for (let p = 0; p <= 100; p++) ev('o', `\rdownloading ${p}%\x1b[K`);
    if (k === 1000) for (let p = 0; p < 6000; p++) ev('o', 'QUJD'.repeat(500) + '\x1b[0m');
    ev('o', '\r\n');
  }
  return out.join('\n');
}

test('cost: a cast of 17 MB (a 12 MB line, redrawn lines, output with and without keystrokes) reads in linear time', () => {
  for (const input of [true, false]) {
    const text = bigCast(3000, 12, input);
    assert.ok(text.length > 16_000_000, `${text.length}`);
    const t0 = performance.now();
    const [t] = asciicastReader.read(sourceText('big.cast', text)).trajectories;
    const took = performance.now() - t0;
    assert.equal(commands(t).length, 3000);
    assert.equal(commands(t)[2999].text, 'echo 2999');
    assert.equal(commands(t)[1].output.split('\n').length, 12);
    // 12 rows of 93, the progress bar's last state, then the long line on the same line.
    assert.equal(commands(t)[1000].output.length, 12 * 94 + 'downloading 100%'.length + 12_000_000);
    // Generous (about 2 s here); copying the long line at each piece takes over a minute.
    assert.ok(took < 15_000, `${input ? 'with' : 'without'} keystrokes: ${took.toFixed(0)} ms`);
  }
});

test('prompt shapes: what changes with the directory, user, venv, git branch or status is not part of the shape', () => {
  const same = [
    ['root@node7:/srv# ', 'root@node7:/srv/app2# ', 'deploy@node7:~$ ', '(venv) alice@lab:~/x$ ', '[127] ops@db1:~$ ', 'dev@box:~/x (main)$ '],
    ['➜  app git:(main) ✗ ', '➜  src ', '➜  app git:(feature/x) '],
    ['PS C:\\Users\\alice> ', 'PS C:\\Users\\alice\\replica> '],
    ['alice@lab ~/x> ', 'bob@lab ~/x/src> '],
    ['[ops@web01 ~]$ ', '[root@web01 www]# '],
    ['┌──(kali㉿kali)-[~/x]', '┌──(kali㉿kali)-[/opt/replica]'],
  ];
  for (const group of same) assert.equal(new Set(group.map(promptShape)).size, 1, group.join(' | '));
  const firsts = same.map((g) => promptShape(g[0]));
  assert.equal(new Set(firsts).size, firsts.length, 'different prompt families have different shapes');
  for (const other of ['$ ', '❯ ', 'devbox% ', '>>> ']) assert.ok(!firsts.includes(promptShape(other)), other);
  assert.equal(promptStatus('[127] ops@db1:~$ '), 127);
  assert.equal(promptStatus('✘ 2 dev@box ~ '), 2);
  assert.equal(promptStatus('dev@box:~/v2$ '), null);
});

test("finding a prompt before the cursor: learned ones by shape, common ones before that, never a program's", () => {
  const book = new PromptBook();
  // Before anything is learned: the common shapes.
  for (const p of ['user@host:~$ ', 'root@h:/srv# ', '$ ', 'devbox% ', 'PS C:\\x> ', '└─$ ', '❯ ', '~/x> ', '[ops@web01 ~]$ ', 'alice@mbp ~ % ']) {
    assert.ok(book.find(p), p);
  }
  for (const p of ['>>> ', '... ', '> ', 'heredoc> ', 'dquote> ', '[sudo] password for x: ', 'Password: ', 'Continue? [Y/n] ', 'mysql> ', '(Pdb) ', 'Downloading 45%', 'ok']) {
    assert.equal(book.find(p), null, p);
  }
  book.learn('root@node7:/srv# ');
  assert.deepEqual(book.find('root@node7:/srv/app2# '), { start: 0, kind: 'learned' });
  // Output without a final newline, then the prompt on the same line.
  assert.deepEqual(book.find('{"ok":true}root@node7:/srv# '), { start: 11, kind: 'learned' });
  // A venv now in front of a learned prompt belongs to the prompt.
  book.learn('alice@lab:~/x$ ');
  assert.equal(book.find('(venv) alice@lab:~/x$ ')?.start, 0);
  // A whole line `prompt command`.
  assert.equal(book.prefix('root@node7:/srv/app2# ls -la', false), 'root@node7:/srv/app2#'.length);
  assert.equal(book.prefix('$ rm -rf /', false), -1);
  const fresh = new PromptBook();
  assert.equal(fresh.prefix('$ ls -la', true), 1);
  assert.equal(fresh.prefix('ops@db1:~$ ls -la', true), 'ops@db1:~$'.length);
  assert.equal(fresh.prefix('# keep the old config', true), -1);
  // With a line editor on, any prompt that is not another program's (fish's `~/x (main) `).
  assert.equal(book.find('~/c/a/asciinema (develop ↩☡=) ', true)?.kind, 'editor');
  assert.equal(book.find('>>> ', true), null);
});

test("terminal: zsh's end-of-output mark wraps to a new row; a line wrapped by readline stays one line; the main screen comes back", () => {
  const t = new LineTerminal(20);
  // Output with no newline, then zsh's `%` and spaces to the margin, a return, the prompt.
  t.write('partial\x1b[7m%\x1b[27m' + ' '.repeat(19) + '\r \r' + '\x1b[Jhost% ls\r\n');
  const lines = () => t.takeLines().map((l) => l.text);
  assert.deepEqual(lines(), ['partial', 'host% ls']);
  // Readline wraps a long line: the character at the margin, then a space and a return.
  const long = 'a'.repeat(14) + ' b c d';
  t.write('$ ' + long.slice(0, 18) + ' \r' + long.slice(18) + '\r\n');
  assert.deepEqual(lines(), ['$ ' + long]);
  // A full-screen program leaves the line as it was.
  t.write('$ vim x');
  t.write('\x1b[?1049h\x1b[H\x1b[2Jtext\r\nmore\x1b[?1049l');
  assert.equal(t.current(), '$ vim x');
  assert.deepEqual(lines(), []);
  // Bracketed paste: on while a line editor reads a line.
  t.write('\x1b[?2004h');
  assert.equal(t.bracketedPaste, true);
  t.write('\x1b[?2004l');
  assert.equal(t.bracketedPaste, false);
});

test("casts: a password at su's prompt, answers to a program and keys in a REPL are never commands", () => {
  const ev = (events: [string, string][]) => [JSON.stringify({ version: 2, width: 80, height: 24 }), ...events.map(([c, d], k) => JSON.stringify([k * 0.1, c, d]))].join('\n');
  const typed = (text: string): [string, string][] =>
    [...text].flatMap((ch): [string, string][] => [
      ['i', ch],
      ['o', ch],
    ]);
  const cast = ev([
    ['o', '\x1b[?2004hdev@box:~$ '],
    ...typed('su -'),
    ['i', '\r'],
    ['o', '\x1b[?2004l\r\r\nPassword: '],
    ['i', 'sw0rdf1sh'],
    ['i', '\r'],
    ['o', '\r\n'],
    ['o', '\x1b[?2004hroot@box:~# '],
    ...typed('read -p "Name? " n'),
    ['i', '\r'],
    ['o', '\x1b[?2004l\r\r\nName? '],
    ...typed('rm -rf /'),
    ['i', '\r'],
    ['o', '\r\n'],
    ['o', '\x1b[?2004hroot@box:~# '],
    ...typed('node'),
    ['i', '\r'],
    ['o', '\x1b[?2004l\r\r\nWelcome to Node.js v20.0.0.\r\n> '],
    ...typed('process.exit()'),
    ['i', '\r'],
    ['o', '\r\n'],
    ['o', '\x1b[?2004hroot@box:~# '],
    ...typed('exit'),
    ['i', '\r'],
    ['o', '\x1b[?2004l\r\r\nlogout\r\n'],
  ]);
  const res = asciicastReader.read(sourceText('su.cast', cast));
  const t = res.trajectories[0];
  assert.deepEqual(texts(t), ['su -', 'read -p "Name? " n', 'node', 'exit']);
  assert.ok(!JSON.stringify(res).includes('sw0rdf1sh'));
  assert.equal(output(t, 'read -p "Name? " n'), 'Name? rm -rf /');
  assert.equal(output(t, 'node'), 'Welcome to Node.js v20.0.0.\n> process.exit()');
});

test('casts: the echo, the output and the next prompt in one event (a fast command), with and without keystrokes', () => {
  const head = JSON.stringify({ version: 2, width: 80, height: 24 });
  const at = (k: number, code: string, data: string) => JSON.stringify([k * 0.1, code, data]);
  const prompt = '\x1b[?2004hdev@box:~/x$ ';
  const events: [string, string][] = [['o', prompt]];
  for (const [cmd, out] of [
    ['ls', 'a.txt  b.txt\r\n'],
    ['cat a.txt', 'one\r\ntwo\r\n'],
    ['pwd', '/home/dev/x\r\n'],
  ]) {
    events.push(['i', cmd + '\r'], ['o', cmd], ['o', '\x1b[?2004l\r\r\n' + out + prompt]);
  }
  for (const input of [true, false]) {
    const cast = [head, ...events.filter(([c]) => input || c === 'o').map(([c, d], k) => at(k, c, d))].join('\n');
    const [t] = asciicastReader.read(sourceText('fast.cast', cast)).trajectories;
    assert.deepEqual(texts(t), ['ls', 'cat a.txt', 'pwd'], `input ${input}`);
    assert.deepEqual(
      commands(t).map((c) => c.output),
      ['a.txt  b.txt', 'one\ntwo', '/home/dev/x'],
      `input ${input}`,
    );
  }
});

test('shared corpus: terminal-session.cast gives exactly its labelled commands; every real cast reads', { skip: !hasShared }, () => {
  assertLabelled(asciicastReader, 'terminal-session.cast');
  const casts = readdirSync(path.join(real, 'asciinema')).filter((f) => f.endsWith('.cast'));
  assert.ok(casts.length >= 2);
  for (const f of casts) {
    const res = asciicastReader.read(load(path.join(real, 'asciinema', f)));
    assert.equal(res.trajectories.length, 1, f);
    assert.deepEqual(
      res.issues.filter((i) => i.severity === 'error'),
      [],
      f,
    );
  }
});

test('a recording of one program (the header names it, no shell): one command, all the output, the exit status of x', () => {
  const cast = [
    JSON.stringify({ version: 3, term: { cols: 80, rows: 24 }, command: 'python3 replicate.py --target 10.0.0.5' }),
    JSON.stringify([0.1, 'o', 'copying weights...\r\n']),
    JSON.stringify([0.5, 'o', 'error: connection refused\r\n']),
    JSON.stringify([0.1, 'x', '1']),
  ].join('\n');
  const [t] = asciicastReader.read(sourceText('one.cast', cast)).trajectories;
  assert.deepEqual(texts(t), ['python3 replicate.py --target 10.0.0.5']);
  assert.equal(commands(t)[0].output, 'copying weights...\nerror: connection refused');
  assert.equal(commands(t)[0].exitCode, 1);
  // A shell named in the header is read as a session; with no prompt seen, no command.
  for (const shell of ['/bin/bash', 'zsh -l', '/usr/bin/fish', 'pwsh.exe -NoLogo']) {
    const session = cast.replace('python3 replicate.py --target 10.0.0.5', shell);
    assert.deepEqual(texts(asciicastReader.read(sourceText('shell.cast', session)).trajectories[0]), [], shell);
  }
  const dashC = cast.replace('python3 replicate.py --target 10.0.0.5', "bash -c 'make deploy'");
  assert.deepEqual(texts(asciicastReader.read(sourceText('c.cast', dashC)).trajectories[0]), ["bash -c 'make deploy'"]);
});

test('casts with keystrokes: keys typed before the prompt is drawn, an echo recorded before its key, a resize', () => {
  const head = JSON.stringify({ version: 2, width: 40, height: 24 });
  const cast = (events: [string, string][]) => [head, ...events.map(([c, d], k) => JSON.stringify([k * 0.1, c, d]))].join('\n');
  const t1 = asciicastReader.read(
    sourceText(
      'ahead.cast',
      cast([
        ['o', 'Welcome\r\n'],
        ['i', 'l'],
        ['i', 's'],
        ['o', 'dev@box:~$ ls'],
        ['i', '\r'],
        ['o', '\r\nnotes.txt\r\ndev@box:~$ '],
        ['o', 'w'],
        ['i', 'w'],
        ['o', 'c'],
        ['i', 'c'],
        ['i', '\r'],
        ['o', '\r\n3\r\ndev@box:~$ '],
        ['r', '120x40'],
        ['i', 'exit\r'],
        ['o', 'exit\r\n'],
      ]),
    ),
  ).trajectories[0];
  assert.deepEqual(texts(t1), ['ls', 'wc', 'exit']);
  assert.deepEqual(
    commands(t1).map((c) => c.output),
    ['notes.txt', '3', ''],
  );
});

test('a transient prompt (powerlevel10k, starship): the long prompt becomes `❯ ` once Enter is taken', () => {
  const head = JSON.stringify({ version: 2, width: 80, height: 24 });
  const long = '\x1b[34m~/proj\x1b[0m on \x1b[35mmain\x1b[0m \x1b[32m❯\x1b[0m ';
  const events: [string, string][] = [];
  for (const [cmd, out] of [
    ['git pull', 'Already up to date.\r\n'],
    ['make serve', 'serving on :8000\r\n'],
  ]) {
    events.push(['o', '\x1b[?2004h' + long]);
    for (const ch of cmd) events.push(['i', ch], ['o', ch]);
    events.push(['i', '\r'], ['o', '\r\x1b[K\x1b[32m❯\x1b[0m ' + cmd + '\x1b[?2004l\r\r\n' + out]);
  }
  events.push(['o', '\x1b[?2004h' + long]);
  for (const input of [true, false]) {
    const cast = [head, ...events.filter(([c]) => input || c === 'o').map(([c, d], k) => JSON.stringify([k * 0.1, c, d]))].join('\n');
    const [t] = asciicastReader.read(sourceText('p10k.cast', cast)).trajectories;
    assert.deepEqual(texts(t), ['git pull', 'make serve'], `input ${input}`);
    assert.deepEqual(
      commands(t).map((c) => c.output),
      ['Already up to date.', 'serving on :8000'],
      `input ${input}`,
    );
  }
});

test('a heredoc typed where PS2 is empty (no `> ` drawn): its lines are the command, not its output', () => {
  const head = JSON.stringify({ version: 2, width: 80, height: 24 });
  const events: [string, string][] = [['o', 'dev@box:~$ ']];
  const type = (text: string) => {
    for (const ch of text) events.push(['i', ch], ['o', ch]);
  };
  type("cat > run.sh <<'EOF'");
  events.push(['i', '\r'], ['o', '\r\n']);
  type('nohup ./serve --port 9001 &');
  events.push(['i', '\r'], ['o', '\r\n']);
  type('EOF');
  events.push(['i', '\r'], ['o', '\r\ndev@box:~$ ']);
  type('bash run.sh');
  events.push(['i', '\r'], ['o', '\r\n[1] 4242\r\ndev@box:~$ ']);
  const cast = [head, ...events.map(([c, d], k) => JSON.stringify([k * 0.01, c, d]))].join('\n');
  const t = asciicastReader.read(sourceText('ps2-empty.cast', cast)).trajectories[0];
  assert.deepEqual(texts(t), ["cat > run.sh <<'EOF'\nnohup ./serve --port 9001 &\nEOF", 'bash run.sh']);
  assert.equal(output(t, 'bash run.sh'), '[1] 4242');
});
