// Windows paths in the lines PowerShell and cmd agents write (`.\venv\Scripts\python.exe`,
// `C:\quartz\bin\llama-server.exe`, `\\nas\share`): their backslashes separate, they escape
// nothing, also inside `powershell -Command '...'`. Bash's own escapes stay escapes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { parseShellUncached } from '../../src/core/shell/parser';
import { analyzeCommand } from '../../src/core/analysis/command';

before(() => initAnalysis());

const words = (line: string) => parseShellUncached(line, { simple: true }).commands.map((c) => c.words.map((w) => w.value));

test('Windows paths keep their backslashes', () => {
  assert.deepEqual(words('.\\venv\\Scripts\\python.exe serve.py --port 8001'), [['.\\venv\\Scripts\\python.exe', 'serve.py', '--port', '8001']]);
  assert.deepEqual(words('cd D:\\fir-b; ..\\fir\\run.cmd'), [['cd', 'D:\\fir-b'], ['..\\fir\\run.cmd']]);
  assert.deepEqual(words('robocopy \\\\nas01\\agents\\fir D:\\fir-b /MIR'), [['robocopy', '\\\\nas01\\agents\\fir', 'D:\\fir-b', '/MIR']]);
  // Inside powershell -Command '...' (the code is read again as a line of its own).
  const nested = parseShellUncached("powershell.exe -NoProfile -Command 'Start-Process C:\\quartz\\bin\\llama-server.exe -ArgumentList ''--port 8600'''", {
    simple: true,
  }).commands;
  assert.ok(
    nested.some((c) => c.words[0]?.value === 'Start-Process' && c.words[1]?.value === 'C:\\quartz\\bin\\llama-server.exe'),
    JSON.stringify(nested.map((c) => c.words.map((w) => w.value))),
  );
});

test("bash's escapes in other words are still escapes", () => {
  assert.deepEqual(words('echo a\\ b \\$HOME x\\"y'), [['echo', 'a b', '$HOME', 'x"y']]);
  assert.deepEqual(words('printf %s\\\\n done'), [['printf', '%s\\n', 'done']]);
});

test('a copy started by its relative Windows path is a launch of the copy', () => {
  const c = analyzeCommand({ text: 'cd D:\\fir-b; .\\venv\\Scripts\\python.exe serve.py --config fir.json --port 8001', output: '', exitCode: 0, longRunning: false });
  assert.deepEqual(c.command.categories, ['process-launch']);
});

test('PowerShell code that is no shell (`if (...) { }`), read token by token, keeps its Windows paths', () => {
  const line = "New-Item -ItemType Directory D:\\work\\tern2 -Force | Out-Null; robocopy C:\\tern D:\\work\\tern2 /E /R:1; if ($LASTEXITCODE -lt 8) { 'copied' }";
  const parsed = parseShellUncached(line, { simple: true });
  assert.match(parsed.error ?? '', /does not parse/);
  const robocopy = parsed.commands.find((c) => c.words[0]?.value === 'robocopy');
  assert.deepEqual(
    robocopy?.words.map((w) => w.value),
    ['robocopy', 'C:\\tern', 'D:\\work\\tern2', '/E', '/R:1'],
  );
  // A double-quoted path read the same way: bash keeps a backslash before an ordinary character there too.
  const quoted = parseShellUncached('Copy-Item "C:\\Program Files\\tern" "E:\\tern b" -Recurse; if ($?) { "ok" }', { simple: true });
  assert.deepEqual(
    quoted.commands[0]?.words.map((w) => w.value),
    ['Copy-Item', 'C:\\Program Files\\tern', 'E:\\tern b', '-Recurse'],
  );
});

test('a broken bash line read token by token still unescapes its own escapes', () => {
  const parsed = parseShellUncached('echo a\\ b "x\\"y" ) ', { simple: true });
  assert.deepEqual(
    parsed.commands[0]?.words.map((w) => w.value),
    ['echo', 'a b', 'x"y'],
  );
});

test('a Windows path after an option`s = or : in code read token by token keeps its backslashes', () => {
  const parsed = parseShellUncached('robocopy C:\\a D:\\b /E /LOG:C:\\logs\\r.txt; if ($?) { "ok" }', { simple: true });
  assert.deepEqual(
    parsed.commands[0]?.words.map((w) => w.value),
    ['robocopy', 'C:\\a', 'D:\\b', '/E', '/LOG:C:\\logs\\r.txt'],
  );
});
