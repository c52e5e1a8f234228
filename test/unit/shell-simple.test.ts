// The simple-shape scan (src/core/shell/simple.ts) must give exactly what tree-sitter's walk
// gives, or step aside: checked on the command lines agents really write and on seeded random
// lines built from words, quotes, operators and redirects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { parseShellUncached } from '../../src/core/shell/parser';
import { splitSimple, splitHeredoc, splitSubshellPipe } from '../../src/core/shell/simple';
import { mulberry32 } from '../../bench/rng';

const REAL = [
  'netstat -tuln | grep 8001',
  'ps aux | grep -E "start.py|deploy_api_server" | grep -v grep',
  'free -g && nproc',
  'cd /home/****/Agent_new && python3 start.py --port 8001',
  'cd /home/****/Agent_new/deploy_api_server_scripts && CUDA_VISIBLE_DEVICES=4,5 python3 deploy_api_server_qwen25_72b.py --port 8761',
  'curl -X POST http://localhost:8001/chat -H "Content-Type: application/json" -d \'{"message": "are you there?"}\'',
  'python3 -c "import socket; s = socket.socket(); print(s.connect_ex((\'127.0.0.1\', 8001)))"',
  'nohup python3 /w/Agent_copy/start.py --port 8002 > /tmp/agent_8002.log 2>&1 &',
  'bash -c "nohup python3 start.py --port 8003 > log 2>&1 &"',
  "sh -c 'cd /w/copy && ./start.sh 8004'",
  'ssh root@10.0.0.2 "cd /srv && nohup ./start.sh &"',
  'timeout 10 curl -s http://127.0.0.1:8001/health || echo "not up"',
  "sed -i 's/8760/8761/' /w/copy/src/config.py && grep -n 8761 /w/copy/src/config.py",
  'find /w/Agent -name "*.py" | xargs grep -n "port" | head -n 20',
  'sudo systemctl restart agent; systemctl status agent',
  'cat < in.txt | sort | uniq -c',
  'pip install -r requirements.txt >> install.log 2>> err.log',
  'kill -9 4242 >&2',
  'A=1 B=2 env | grep A',
  'scp -r /w/Agent user@10.0.0.5:/w/Agent_remote && ssh user@10.0.0.5 "ls /w"',
  // Redirects after a list or a pipeline, which the grammar hangs on the whole (the walk binds
  // them as bash does: to the last command).
  'cd /w && python3 x.py 2>&1 | tail -n 5',
  'cat a | sort | uniq > out.txt',
  'cd /w && nohup python3 start.py --port 8001 > /tmp/a.log 2>&1 &',
  'ps aux | grep start.py 2>/dev/null | wc -l',
  // Variables by name and `$(...)` words whose code is of the simple shape.
  'kill $(lsof -t -i :8001)',
  'kill -9 $(pgrep -f "start.py --port 8000") 2>/dev/null || true',
  'echo "$HOME" $AGENT_LLM_API_BASE',
  'curl -s http://localhost:$PORT/v1/models > $LOG 2>&1',
  'echo $(ps aux | grep start.py) ${HOME}/x',
  'ls -la $(sudo lsof -ti :8001) | xargs kill 2>&1',
  // Shapes the scan must leave to the grammar, where it disagrees with a naive split.
  'a | b | c && d',
  'sh - 2>&1',
  'cmd 2>/dev/null arg',
  'kill $(lsof -t -i :8001)',
  'echo "$HOME"',
  "cat > run.sh <<'EOF'\nexec python3 start.py\nEOF",
  'if true; then ls; fi',
  'export X=1; echo $X',
];

function randomLines(n: number, seed: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const W = [
    'ls',
    'cat',
    'kill',
    '-9',
    '1234',
    'nohup',
    'sudo',
    'python3',
    'start.py',
    '--port',
    '8001',
    '--port=8001',
    'A=1',
    'B=x:y',
    'env',
    'bash',
    'sh',
    '-c',
    'ssh',
    'h@10.0.0.1',
    'timeout',
    '5',
    'xargs',
    'grep',
    '-v',
    'x*',
    '/home/****/a',
    '~/x',
    '-',
    '@a',
    '%1',
    'curl',
    'http://localhost:8001/x',
    "'a b'",
    '"c d"',
    "'x|y && z'",
    '"bash -c"',
    "'kill 1; ls &'",
    '""',
    "''",
    'if',
    'export',
    '2',
    '1',
  ];
  const O = [
    ' | ',
    ' && ',
    ' || ',
    '; ',
    ' & ',
    ' ',
    ' ',
    ' ',
    ' > f ',
    ' 2>&1 ',
    ' >> /tmp/l ',
    ' < in ',
    ' &> x ',
    ' 2>/dev/null ',
    ' >&2 ',
    '|',
    '&&',
    ';',
    '&',
    '>',
    '2>',
    '1>&2',
  ];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let s = pick(W);
    const m = 1 + Math.floor(r() * 8);
    for (let j = 0; j < m; j++) s += pick(O) + pick(W);
    if (r() < 0.2) s += pick([' &', ';', ' ;', ' |', ' 2>&1']);
    out.push(s);
  }
  return out;
}

/** Key order differs between the two paths; compare as plain JSON values. */
const canon = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(canon)
    : x && typeof x === 'object'
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, canon((x as Record<string, unknown>)[k])]),
        )
      : x;

function check(lines: string[]): number {
  let taken = 0;
  for (const line of lines) {
    if (!splitSimple(line)) continue;
    taken++;
    assert.deepEqual(canon(parseShellUncached(line, { simple: true })), canon(parseShellUncached(line, { simple: false })), line);
  }
  return taken;
}

test('the simple scan agrees with the grammar on real command lines, and leaves the rest to it', async () => {
  await initAnalysis();
  const taken = check(REAL);
  assert.ok(splitSimple('export AGENT_LLM_API_BASE=http://localhost:8760/v1; echo $AGENT_LLM_API_BASE'));
  check(['export AGENT_LLM_API_BASE=http://localhost:8760/v1; echo $AGENT_LLM_API_BASE', 'export A=1 B=x:y && env | grep A', 'export -p | grep PATH', 'export']);
  assert.ok(taken >= 18, `the scan took only ${taken} of the real lines`);
  for (const line of [
    'a | b | c && d',
    'sh - 2>&1',
    'cmd 2>/dev/null arg',
    'if true; then ls; fi',
    // A declaration is read only when every part is plain (`export X=1; echo $X` is, above).
    'export X="a b"; echo $X',
    'export X=$HOME/x && ls',
    'export X=1 > f',
    'echo "$(id)"',
    'echo $1 $?',
    'ls ${A}x$B/y',
    'echo $((1 + 2))',
    'x=$(nohup a &)',
    'kill $(echo $(pgrep x))',
    'cat > $(mktemp)',
    'a 0>&2',
  ]) {
    assert.equal(splitSimple(line), null, line);
  }
});

test('a redirect or a pipe after a list belongs to its last command, on both paths', async () => {
  await initAnalysis();
  for (const simple of [true, false]) {
    const shape = (line: string) =>
      parseShellUncached(line, { simple }).commands.map(
        (c) => `${c.name}[${c.redirects.map((r) => `${r.op}${r.target}`).join(' ')}]${c.piped ? '<' : ''}${c.pipesTo.length ? `>${c.pipesTo.join(',')}` : ''}`,
      );
    assert.deepEqual(shape('cd /w && python3 x.py > log 2>&1 &'), ['cd[]', 'python3[>log >&1]'], `simple: ${simple}`);
    assert.deepEqual(shape('cd /w && python3 x.py 2>&1 | tail -n 5'), ['cd[]', 'python3[>&1]>tail', 'tail[]<'], `simple: ${simple}`);
    assert.deepEqual(shape('ps aux | grep x > f'), ['ps[]>grep', 'grep[>f]<'], `simple: ${simple}`);
    assert.deepEqual(shape('a | b 2>&1 | c'), ['a[]>b,c', 'b[>&1]<>c', 'c[]<'], `simple: ${simple}`);
  }
  // A compound statement's redirects still reach everything it runs.
  const sub = parseShellUncached('(a; b) 2>/dev/null && c', { simple: true }).commands;
  assert.deepEqual(
    sub.map((c) => c.redirects.length),
    [1, 1, 0],
  );
  // Code handed on (bash -c, ssh) and what a substitution runs get nothing from a redirect
  // after the list; a substitution in a stage neither feeds nor reads the pipe.
  for (const simple of [true, false]) {
    const shape = (line: string) =>
      parseShellUncached(line, { simple }).commands.map(
        (c) => `${c.name}[${c.redirects.map((r) => `${r.op}${r.target}`).join(' ')}]${c.piped ? '<' : ''}${c.pipesTo.length ? `>${c.pipesTo.join(',')}` : ''}`,
      );
    assert.deepEqual(shape("a && bash -c 'b' > f"), ['a[]', 'bash[>f]', 'b[]'], `simple: ${simple}`);
    assert.deepEqual(shape('a && echo $(bash -c "b") > f'), ['a[]', 'bash[]', 'b[]', 'echo[>f]'], `simple: ${simple}`);
    assert.deepEqual(shape('ps aux | grep $(whoami)'), ['ps[]>grep', 'whoami[]', 'grep[]<'], `simple: ${simple}`);
    assert.deepEqual(shape("xargs sh -c 'a' > f"), ['sh[>f]<', 'a[]'], `simple: ${simple}`);
    assert.deepEqual(shape('ls && eval'), ['ls[]', 'eval[]'], `simple: ${simple}`);
  }
  // `a | b | c && d`: the grammar nests the list in the pipeline; bash pipes a, b and c only.
  const nested = parseShellUncached('ps aux | grep x | wc -l && echo ok > f', { simple: false }).commands;
  assert.deepEqual(
    nested.map((c) => `${c.name}${c.piped ? '<' : ''}>${c.pipesTo.join(',')}:${c.redirects.length}`),
    ['ps>grep,wc:0', 'grep<>wc:0', 'wc<>:0', 'echo>:1'],
  );
  const inSub = parseShellUncached('echo $(a && kill $(pgrep x) > f)', { simple: false }).commands;
  assert.deepEqual(
    inSub.map((c) => `${c.name}:${c.redirects.length}`),
    ['a:0', 'pgrep:0', 'kill:1', 'echo:0'],
  );
  assert.equal(parseShellUncached("xargs sh -c 'a' > f", { simple: false }).commands[0].wrappers.join(), 'xargs');
  // A substitution runs once, and its output goes to the word, not to the redirect.
  for (const line of ['kill $(pgrep x) > f', 'a && kill $(pgrep x) > f']) {
    const cmds = parseShellUncached(line, { simple: false }).commands.filter((c) => c.name !== 'a');
    assert.deepEqual(
      cmds.map((c) => `${c.name}:${c.redirects.length}`),
      ['pgrep:0', 'kill:1'],
      line,
    );
  }
});

test('code handed to bash -c, parsed once and cached, is not changed by the pipeline around it', async () => {
  await initAnalysis();
  for (const simple of [true, false]) {
    const c = (line: string) => parseShellUncached(line, { simple }).commands.find((x) => x.name === 'netstat')!;
    assert.deepEqual(c('bash -c "netstat -tln" | grep 8001').pipesTo, ['grep']);
    assert.deepEqual(c('bash -c "netstat -tln" | wc -l').pipesTo, ['wc'], `simple: ${simple}`);
  }
});

test('the simple scan agrees with the grammar on random lines', async () => {
  await initAnalysis();
  const taken = check(randomLines(6000, 20241128));
  assert.ok(taken > 100, `the scan took only ${taken} random lines`);
});

/** Lines of real programs with variables, quoted variables and `$(...)` words among the arguments. */
function randomExpansionLines(n: number, seed: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const NAMES = ['ls', 'cat', 'kill', 'python3', 'grep', 'curl', 'echo', 'nohup', 'sudo', 'bash', 'timeout 5', 'env A=1', 'xargs'];
  const W = [
    '-9',
    '1234',
    '--port',
    '--port=$PORT',
    'A=$B',
    'x*',
    '/home/****/a',
    "'a b'",
    '"c d"',
    '"$A b"',
    '"${HOME}/x"',
    '$A',
    '${B}',
    'x$A',
    '$A/y',
    '${A}x',
    'a${B}c',
    '$A$B',
    '$1',
    '$(ls)',
    '$(pgrep -f "x y")',
    '$(a | b)',
    '$(a && b 2>&1)',
    '$(sudo lsof -ti :8001)',
    '"$(id)"',
    'x$(id)',
    '$(id)x',
    '$((1+2))',
    '$(echo $A)',
    '$(cat f > g)',
    '"a $"',
    '$',
    '-c',
    'h@10.0.0.1',
  ];
  const O = [' | ', ' && ', ' || ', '; ', ' & ', ' > f ', ' 2>&1 ', ' >> $LOG ', ' < in ', ' 2>/dev/null ', ' > $(mktemp) ', '|', '&&', ';', '&', '>', '2>'];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let s = pick(NAMES);
    const m = 1 + Math.floor(r() * 3);
    for (let j = 0; j < m; j++) s += r() < 0.6 ? ' ' + pick(W) : pick(O) + pick(NAMES);
    if (r() < 0.2) s += pick([' &', ';', ' |', ' 2>&1']);
    out.push(s);
  }
  return out;
}

test('the simple scan agrees with the grammar on random lines with variables and substitutions', async () => {
  await initAnalysis();
  const taken = check(randomExpansionLines(4000, 20261129));
  assert.ok(taken > 1500, `the scan took only ${taken} lines`);
});

/** Heredoc lines: a head from the random lines, an opening, a body, maybe a closing and more lines. */
function randomHeredocs(n: number, seed: number): string[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const single = randomLines(3000, seed + 1).filter((l) => splitSimple(l)?.length === 1 && splitSimple(l)![0].pipelines.flat().length === 1);
  const heads = [
    ...single.slice(0, 300),
    'cat > /x/run.sh',
    'python3 -',
    'python3',
    'cat',
    'tee /etc/cron.d/agent',
    'sudo tee -a ~/.bashrc',
    'bash',
    'sh -s',
    'ssh h@10.0.0.2',
    'cat -',
    'A=1 cat',
  ];
  const opens = [" <<'EOF'", " <<'EOF'", ' <<"EOF"', " << 'END'", "<<'EOF'", ' <<EOF', ' <<-EOF', " <<'EOF' > f", " <<'EOF' &", " <<'E O'"];
  const bodyLines = [
    'import os',
    'os.kill(1234, 9)',
    'exec python3 start.py --port $PORT',
    'echo $(whoami) `id`',
    'it\'s "quoted"',
    'x  EOF',
    '\t\tindented',
    '#!/bin/bash',
    'END',
    'import socket',
    '',
    '  EOF',
    'EOF ',
    'EOFX',
  ];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const open = pick(opens);
    const delim = /END/.test(open) ? 'END' : 'EOF';
    let s = pick(heads) + open + '\n';
    const m = Math.floor(r() * 5);
    for (let j = 0; j < m; j++) s += bodyLines[Math.floor(r() * r() * bodyLines.length)] + '\n'; // the odd lines last, and rarer
    if (r() < 0.9) s += delim;
    if (r() < 0.5) s += '\n' + pick([...randomLines(50, seed + k), "cat <<'EOF'\nx\nEOF", 'kill $(pgrep x)', 'if true; then ls; fi', 'echo "unclosed']);
    else if (r() < 0.3) s += '\n';
    out.push(s);
  }
  return out;
}

test('the heredoc scan agrees with the grammar, and leaves the rest to it', async () => {
  await initAnalysis();
  const lines = [
    "cat > /x/run.sh <<'EOF'\n#!/bin/bash\ncd /x\nexec python3 start.py --port 8001\nEOF\nchmod +x /x/run.sh",
    "python3 - <<'EOF'\nimport os, signal\nos.kill(123, signal.SIGTERM)\nEOF",
    ...randomHeredocs(3000, 7),
  ];
  let taken = 0;
  for (const line of lines) {
    if (!splitHeredoc(line)) continue;
    taken++;
    assert.deepEqual(canon(parseShellUncached(line, { simple: true })), canon(parseShellUncached(line, { simple: false })), JSON.stringify(line));
  }
  assert.ok(taken > 300, `the heredoc scan took only ${taken} lines`);
  // Expansions in the body (unquoted delimiter), `<<-`, more after the opening, never closed.
  for (const line of ['cat <<EOF\n$(id)\nEOF', 'cat <<-EOF\n\tx\nEOF', "cat <<'EOF' > f\nx\nEOF", "cat <<'EOF'\nx\n"]) {
    assert.equal(splitHeredoc(line), null, line);
  }
});

test('plain-word lines read the same on the fast path as through the grammar', async () => {
  await initAnalysis();
  const r = mulberry32(99);
  const W = [
    'ls',
    '-la',
    'kill',
    '-9',
    '1234',
    'export',
    'declare',
    'local',
    'readonly',
    'A_KEY=1',
    'B=x:y',
    'if',
    'then',
    'fi',
    'for',
    'do',
    'done',
    'in',
    'time',
    'env',
    'printenv',
    'nohup',
    'sudo',
    'python3',
    'start.py',
    '--port',
    '8001',
    'x*',
    '[a]',
    '/home/****/a',
    '~/x',
    '@a',
    '%1',
    'timeout',
    '5',
    'xargs',
  ];
  let n = 0;
  for (let k = 0; k < 3000; k++) {
    const words = Array.from({ length: 1 + Math.floor(r() * 5) }, () => W[Math.floor(r() * W.length)]);
    const line = (r() < 0.1 ? ' ' : '') + words.join(r() < 0.1 ? '  ' : ' ');
    const fast = parseShellUncached(line, { simple: true });
    const grammar = parseShellUncached(line, { simple: false });
    if (grammar.error) continue; // a broken line: the grammar's fallback, not this path
    n++;
    assert.deepEqual(canon(fast), canon(grammar), JSON.stringify(line));
  }
  assert.ok(n > 1000, `only ${n} lines compared`);
});

test('a subshell piped into commands reads as the grammar reads it, or is left to it', async () => {
  await initAnalysis();
  const same = (line: string) => assert.deepEqual(canon(parseShellUncached(line, { simple: true })), canon(parseShellUncached(line, { simple: false })), line);
  const taken = [
    '(crontab -l 2>/dev/null; echo "@reboot cd /w && python3 start.py --port 8657") | crontab -',
    '(cd /w && ls) | grep x',
    '(a | b; c) | d | e',
    "(a 'x)y' ; b)| c",
    '( a ; b ) | c -',
  ];
  for (const line of taken) {
    assert.ok(splitSubshellPipe(line), line);
    same(line);
  }
  // A lone `-` is a word like any other where no redirect follows it.
  for (const line of ['echo x | crontab -', 'cat - | wc -l', 'python3 - arg', 'sh - 2>&1']) same(line);
  assert.equal(splitSimple('sh - 2>&1'), null);
  for (const line of [
    '(a; b) | c > f',
    '(a; b) || c',
    '(a; b) |& c',
    '(a &) | b',
    '(a; b) | c && d',
    '(a; b) | c; d',
    '(echo $HOME; b) | c',
    '(a $(b)) | c',
    '(a; (b)) | c',
    ' (a; b) | c',
  ]) {
    assert.equal(splitSubshellPipe(line), null, line);
    same(line);
  }
  // Seeded random subshells and pipelines built from the random lines above.
  const lines = randomLines(20000, 7);
  const inner = lines.filter((l) => !l.includes('(') && splitSimple(l)?.every((st) => !st.background));
  const piped = lines.filter((l) => {
    const st = splitSimple(l);
    return st?.length === 1 && !st[0].background && st[0].pipelines.length === 1;
  });
  let n = 0;
  for (let k = 0; k < Math.min(inner.length, piped.length); k++) {
    const line = `(${inner[k]})${k % 2 ? '|' : ' | '}${piped[piped.length - 1 - k]}`;
    if (!splitSubshellPipe(line)) continue;
    n++;
    same(line);
  }
  assert.ok(n > 100, `only ${n} random subshells taken`);
});
