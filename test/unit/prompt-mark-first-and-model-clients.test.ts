// Two readings blind-5 showed missing (gull): a shell prompt whose mark comes before the
// directory (`λ ~/x `, lambda and arrow themes), and a program pointed at a model server's URL
// (`--llm http://...`, `--ollama http://...`), which is that model's agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PromptBook } from '../../src/core/formats/asciicast-prompt';
import { readProgram } from '../../src/core/analysis/world-programs';

test('a prompt with the mark first and the directory after it is a prompt; other text after a mark is not', () => {
  const book = new PromptBook();
  for (const p of ['λ ~/stand-in ', '» /srv/app ', '❯ ~ ']) assert.equal(book.find(p)?.kind, 'weak', p);
  for (const p of ['λ hello world ', '» Downloading ', 'λ ~/x is ready']) assert.equal(book.find(p), null, p);
});

test('a script pointed at a model server reads as an agent; pointed at other services it does not', () => {
  assert.equal(readProgram(['python3', 'owl.py', '--port', '7000', '--ollama', 'http://127.0.0.1:11434']).role, 'agent');
  assert.equal(readProgram(['node', 'bot/index.js', '--llm-url=http://10.0.0.5:8080']).role, 'agent');
  assert.equal(readProgram(['python', '-m', 'helper', '--backend', 'http://127.0.0.1:8000/v1']).role, 'agent');
  assert.equal(readProgram(['python3', 'web.py', '--backend', 'http://127.0.0.1:5432']).role, 'other');
  assert.equal(readProgram(['python3', 'proxy.py', '--upstream', 'http://127.0.0.1:8080']).role, 'other');
  assert.equal(readProgram(['curl', '--llm', 'http://127.0.0.1:8080']).role, 'other');
});
