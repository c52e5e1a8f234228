// Shell tools are recognised by the words of their name, in every reader: a harness that calls
// its shell `powershell`, `pwsh`, `RunShellCommand` or `mcp__ssh__run_command` is read like `bash`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isShellTool, shellCommandIn } from '../../src/core/formats/shell-tools';
import { shellCommandOf } from '../../src/core/formats/inspect-sample';

test('shell and command-runner names are shell tools', () => {
  for (const name of [
    'bash',
    'powershell',
    'PowerShell',
    'pwsh',
    'cmd',
    'zsh',
    'terminal',
    'RunShellCommand',
    'execute_command',
    'mcp__ssh__run_command',
    'docker_shell',
    'exec',
    'container.exec',
  ])
    assert.ok(isShellTool(name), name);
});

test('editors, interpreters and readers of other kinds are not', () => {
  for (const name of ['python', 'text_editor', 'str_replace_editor', 'python_shell', 'node_repl', 'run_python', 'web_search', 'submit', 'think', 'execute_python_code'])
    assert.ok(!isShellTool(name), name);
});

test('the command line is taken from whichever argument carries it', () => {
  assert.deepEqual(shellCommandIn({ cmd: 'Get-Process' }), { text: 'Get-Process' });
  assert.deepEqual(shellCommandIn({ script: 'dir C:\\' }), { text: 'dir C:\\' });
  assert.deepEqual(shellCommandIn({ command: ['ls', '-la', 'my dir'] }), { text: "ls -la 'my dir'", argv: ['ls', '-la', 'my dir'] });
  assert.equal(shellCommandIn({ timeout: 30 }), null);
  assert.equal(shellCommandIn({ command: '   ' }), null);
});

test('Inspect: a powershell tool is read as a command, its text_editor is not', () => {
  assert.equal(shellCommandOf('powershell', { cmd: 'Stop-Process -Id 42' }), 'Stop-Process -Id 42');
  assert.equal(shellCommandOf('text_editor', { command: 'view', path: '/etc/hosts' }), null);
  assert.equal(shellCommandOf('bash_session', { action: 'type', input: 'ls' }), null);
  assert.equal(shellCommandOf('bash_session', { action: 'type_submit', input: 'ls\n' }), 'ls');
});
