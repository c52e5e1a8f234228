// Program names of the simple commands a command line runs, and the Fudan paper's Table 2
// grouping of them (arXiv 2412.12140, Table 2: the commands the agents used, by purpose).
//
// This is a small quote-aware splitter, not a shell parser: it is the fallback used until
// (and wherever) the shell layer's simple commands are not at hand. It splits on unquoted
// `; & | && || ( ) $( ` newlines`, skips heredoc bodies, redirections, assignments and the
// wrappers TAXONOMY.md looks through, and looks into `bash -c`/`sh -c`/`ssh HOST 'CMD'` code.

export const TABLE2_GROUPS = {
  exploring: ['ls', 'find', 'pwd', 'cat', 'ps', 'lsof', 'netstat', 'ss', 'curl', 'nc'],
  changing: ['source', 'pip', 'sed', 'cd', 'touch', 'mkdir', 'cp', 'kill'],
  utilities: ['grep', 'tail', 'nano', 'vim'],
  executing: ['python', 'bash'],
} as const;
export type Table2Group = keyof typeof TABLE2_GROUPS;
export const TABLE2_GROUP_IDS = Object.keys(TABLE2_GROUPS) as Table2Group[];
export const TABLE2_LABELS: Record<Table2Group, string> = {
  exploring: 'Exploring the environment',
  changing: 'Changing the environment',
  utilities: 'Utilities',
  executing: 'Executing programs',
};

const GROUP_OF = new Map<string, Table2Group>();
for (const g of TABLE2_GROUP_IDS) for (const p of TABLE2_GROUPS[g]) GROUP_OF.set(p, g);

/** The Table 2 group of a (normalised) program name, or null when the table does not list it. */
export function table2Group(program: string): Table2Group | null {
  return GROUP_OF.get(program) ?? null;
}

/**
 * Folds version suffixes and aliases onto the names Table 2 uses: `python3.11` -> `python`,
 * `pip3` -> `pip`, `vi` stays `vi` (the table lists vim), `.` (the builtin) -> `source`.
 */
export function normaliseProgram(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (/^python[0-9.]*$/.test(base)) return 'python';
  if (/^pip[0-9.]*$/.test(base)) return 'pip';
  if (base === '.') return 'source';
  return base;
}

/** Wrappers looked through (TAXONOMY.md "Parsing"), with the options that take a value. */
const WRAPPERS: Record<string, { valued: string[]; positional: number }> = {
  sudo: { valued: ['-u', '-g', '-C', '-h', '-p', '-U', '-r', '-t', '-D'], positional: 0 },
  nohup: { valued: [], positional: 0 },
  time: { valued: ['-f', '-o'], positional: 0 },
  exec: { valued: ['-a'], positional: 0 },
  command: { valued: [], positional: 0 },
  builtin: { valued: [], positional: 0 },
  nice: { valued: ['-n'], positional: 0 },
  ionice: { valued: ['-c', '-n', '-p'], positional: 0 },
  stdbuf: { valued: ['-i', '-o', '-e'], positional: 0 },
  env: { valued: ['-u', '-C', '-S'], positional: 0 },
  setsid: { valued: [], positional: 0 },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], positional: 1 },
  xargs: { valued: ['-I', '-n', '-P', '-d', '-a', '-L', '-s', '-E', '-i'], positional: 0 },
};
/** Reserved words and grouping tokens that precede a command without being one. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in',
  'case', 'esac', 'function', '{', '}', '!', '[[', ']]', 'select']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/**
 * Splits a command line into simple commands (lists of words, quotes removed). Words that
 * are the targets of redirections are dropped. Never throws; unbalanced quotes end at EOL.
 */
export function splitSimpleCommands(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let word = '';
  let inWord = false;
  let redirectNext = false;
  const heredocs: string[] = [];
  const endWord = () => {
    if (inWord) {
      if (redirectNext) redirectNext = false;
      else cur.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (cur.length) out.push(cur);
    cur = [];
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\\' && i + 1 < n) {
      if (text[i + 1] !== '\n') { word += text[i + 1]; inWord = true; }
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? n : j;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < n) { word += text[j + 1]; j += 2; continue; }
        word += text[j++];
      }
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? n : j;
      continue;
    }
    if (c === '\n') {
      endCommand();
      i++;
      // Heredoc bodies are data: skip them, up to their delimiter lines.
      while (heredocs.length && i < n) {
        const delim = heredocs.shift()!;
        while (i < n) {
          const j = text.indexOf('\n', i);
          const line = text.slice(i, j < 0 ? n : j);
          i = j < 0 ? n : j + 1;
          if (line.replace(/^\t+/, '').trim() === delim) break;
        }
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      endWord();
      const m = /^<<-?\s*(['"]?)([A-Za-z0-9_.-]+)\1/.exec(text.slice(i, i + 80));
      if (m) {
        heredocs.push(m[2]);
        i += m[0].length;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '>' || c === '<') {
      // A file-descriptor prefix (`2>`) belongs to the redirection, not to the command.
      if (inWord && /^\d+$/.test(word)) { word = ''; inWord = false; } else endWord();
      let j = i + 1;
      while (j < n && (text[j] === '>' || text[j] === '&' || text[j] === '|' || text[j] === '<')) j++;
      // `>&2`, `2>&1`: the target is the next token, digits included.
      redirectNext = true;
      i = j;
      continue;
    }
    if (c === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      endCommand();
      i += 2;
      continue;
    }
    if (c === '$' && text[i + 1] === '(' && text[i + 2] === '(') {
      // Arithmetic: not a command. Skip to the matching `))`.
      const j = text.indexOf('))', i + 3);
      word += '0';
      inWord = true;
      i = j < 0 ? n : j + 2;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '`') {
      endCommand();
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endCommand();
  return out;
}

/** The program a simple command runs, after assignments and wrappers; null when none. */
function programOf(words: string[]): { name: string; rest: string[] } | null {
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    if (ASSIGNMENT.test(w) || KEYWORDS.has(w)) { k++; continue; }
    const base = normaliseProgram(w);
    const wrap = WRAPPERS[base];
    if (!wrap) return { name: base, rest: words.slice(k + 1) };
    k++;
    let positional = wrap.positional;
    while (k < words.length) {
      const a = words[k];
      if (a === '--') { k++; break; }
      if (a.startsWith('-') && a.length > 1) {
        k += wrap.valued.includes(a) ? 2 : 1;
        continue;
      }
      if (base === 'env' && ASSIGNMENT.test(a)) { k++; continue; }
      if (positional > 0) { positional--; k++; continue; }
      break;
    }
  }
  return null;
}

/**
 * Program names (normalised) of every simple command `text` runs, in order, including the
 * code handed to `bash -c`/`sh -c`/`eval` and the command given to `ssh HOST`.
 */
export function programNames(text: string, depth = 0): string[] {
  const names: string[] = [];
  for (const words of splitSimpleCommands(text)) {
    const p = programOf(words);
    if (!p || !p.name) continue;
    names.push(p.name);
    if (depth > 3) continue;
    if ((p.name === 'bash' || p.name === 'sh' || p.name === 'zsh' || p.name === 'dash')) {
      const ci = p.rest.findIndex((a) => /^-[a-z]*c$/.test(a));
      if (ci >= 0 && p.rest[ci + 1] !== undefined) names.push(...programNames(p.rest[ci + 1], depth + 1));
    } else if (p.name === 'eval' && p.rest.length) {
      names.push(...programNames(p.rest.join(' '), depth + 1));
    } else if (p.name === 'ssh') {
      const code = sshRemoteCommand(p.rest);
      if (code) names.push(...programNames(code, depth + 1));
    }
  }
  return names;
}

const SSH_VALUED = new Set(['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-m', '-O', '-Q', '-S', '-W', '-w', '-e', '-B', '-I']);
function sshRemoteCommand(rest: string[]): string | null {
  let k = 0;
  while (k < rest.length && rest[k].startsWith('-')) k += SSH_VALUED.has(rest[k]) ? 2 : 1;
  k++; // the host
  return k < rest.length ? rest.slice(k).join(' ') : null;
}
