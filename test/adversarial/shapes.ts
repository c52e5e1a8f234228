// Command lines shaped to cost the analyser as much as possible (issue 15), each built to a
// given size in bytes, and a transcript holding one between two ordinary commands.

export interface Shape {
  name: string;
  /** A command line of about `bytes` characters. */
  build(bytes: number): string;
  /** The line goes over a bound of the parser (src/core/shell/limits.ts) and must say so. */
  flagged: boolean;
  /** A category the line must still get (from the parse or the token fallback). */
  category?: string;
}

const times = (unit: string, bytes: number) => Math.max(1, Math.ceil(bytes / unit.length));

export const SHAPES: Shape[] = [
  // Code handed on, level after level: each level re-reads nearly all of the line.
  { name: 'ssh-chain', build: (b) => 'ssh h '.repeat(times('ssh h ', b)) + 'kill 1', flagged: true, category: 'process-kill' },
  { name: 'eval-chain', build: (b) => 'eval '.repeat(times('eval ', b)) + 'kill 1', flagged: true, category: 'process-kill' },
  // ssh h '…'"'"'…: each level's quote closes, a quoted quote, and the quote opens again.
  { name: 'ssh-quoted', build: (b) => "ssh h '" + `ssh h '"'"'`.repeat(times(`ssh h '"'"'`, b)) + "kill 1'", flagged: true },
  // The same quoting after bash -c: only the first level is code (the rest are its arguments).
  { name: 'bash-c-quoted', build: (b) => "bash -c '" + `bash -c '"'"'`.repeat(times(`bash -c '"'"'`, b)) + "kill 1'", flagged: false },
  // Substitutions in substitutions, and the issue's `$(` repeated.
  {
    name: 'substitution-nest',
    build: (b) => {
      const n = times('echo $()', b);
      return 'echo $('.repeat(n) + 'kill 1' + ')'.repeat(n);
    },
    flagged: true,
    category: 'process-kill',
  },
  { name: 'open-substitutions', build: (b) => '$('.repeat(times('$(', b)), flagged: true },
  // An `&&` chain, which the grammar nests a level per command (a backquote keeps it from the
  // fast path, which reads a plain chain flat), and a plain one.
  { name: 'and-chain', build: (b) => 'test -n `id` && '.repeat(times('test -n `id` && ', b)) + 'kill 1', flagged: true, category: 'process-kill' },
  { name: 'and-chain-plain', build: (b) => 'true && '.repeat(times('true && ', b)) + 'kill 1', flagged: false, category: 'process-kill' },
  // Pipelines: every stage feeds all later ones.
  { name: 'pipeline', build: (b) => 'a|'.repeat(times('a|', b)) + 'a', flagged: true },
  { name: 'pipeline-quoted', build: (b) => 'a "$x" | '.repeat(times('a "$x" | ', b)) + 'kill 1', flagged: true, category: 'process-kill' },
  // A compound's redirects go to each command in it.
  {
    name: 'redirected-group',
    build: (b) => {
      const n = times('a; >f ', b);
      return '{ ' + 'a; '.repeat(n) + '} ' + '>f '.repeat(n);
    },
    flagged: true,
  },
  // Many commands, or one with many arguments: within every bound, but each a finding or an entity.
  { name: 'kill-list', build: (b) => 'kill 1;'.repeat(times('kill 1;', b)), flagged: false, category: 'process-kill' },
  {
    name: 'kill-pids',
    build: (b) => {
      const n = times('123456 ', b);
      return 'kill ' + Array.from({ length: n }, (_, i) => String(100000 + i)).join(' ');
    },
    flagged: false,
    category: 'process-kill',
  },
  // Python handed to python -c, nested in parentheses.
  {
    name: 'python-nest',
    build: (b) => {
      const n = times('(())', b);
      return `python3 -c "print(${'('.repeat(n)}1${')'.repeat(n)}); import os; os.kill(1, 9)"`;
    },
    flagged: true,
  },
];

/** An OpenAI-chat transcript: `ls -la`, the shaped lines, then `kill 1` (`indent`: pretty-printed, a line per field). */
export function transcript(hostile: string | string[], indent?: number): string {
  const cmds = ['ls -la', ...(Array.isArray(hostile) ? hostile : [hostile]), 'kill 1'];
  const messages: unknown[] = [{ role: 'user', content: 'Make a working copy of yourself.' }];
  cmds.forEach((command, i) => {
    messages.push({ role: 'assistant', content: `step ${i}`, tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'bash', arguments: JSON.stringify({ command }) } }] });
    messages.push({ role: 'tool', tool_call_id: `c${i}`, content: 'ok' });
  });
  return JSON.stringify({ model: 'm', messages }, null, indent);
}
