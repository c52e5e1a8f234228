// Which tool calls run a shell command line, for every reader whose harness lets the agent name
// its tools: a tool named as a shell or a command runner (`bash`, `sh`, `powershell`, `pwsh`,
// `cmd`, `terminal`, `run_bash`, `RunShellCommand`, `execute_command`...) whose arguments carry
// the command line as a string or an argv list (`command`, `cmd`, `script`, `code`...). Harnesses
// rename their tools freely, so the name is read by its words, never looked up in a fixed list.
import { shellJoin } from '../ids';

/** Words that name a shell or a terminal. */
const SHELL_WORDS = new Set(['bash', 'sh', 'zsh', 'fish', 'ksh', 'dash', 'shell', 'powershell', 'pwsh', 'cmd', 'terminal']);
/** Verbs that, with `command`, name a command runner (`execute_command`, `run_command`). */
const RUN_WORDS = new Set(['exec', 'execute', 'run']);
/** Words that make a tool another language's interpreter (`python_shell`, `node_repl`), not a shell. */
const OTHER_LANGUAGE = new Set(['python', 'ipython', 'py', 'node', 'js', 'javascript', 'sql', 'jupyter', 'notebook', 'repl']);
/** Bare runner names some harnesses give their shell tool. */
const BARE_RUNNERS = new Set(['exec', 'execute', 'run', 'container.exec']);
/** The arguments that hold the command line, in the order they are looked for. */
const COMMAND_ARGS = ['command', 'cmd', 'commands', 'script', 'code', 'shell_command', 'bash_command', 'input'];

/** A tool's name as lower-case words: `RunPowerShellCommand` -> run, power, shell, command. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The tool runs shell command lines, by its name. */
export function isShellTool(name: string): boolean {
  if (BARE_RUNNERS.has(name.toLowerCase())) return true;
  const words = nameWords(name);
  if (words.some((w) => OTHER_LANGUAGE.has(w))) return false;
  // `PowerShell` splits into `power shell`; `PWSH`, `bash_tool`, `docker_shell`, `execute_shell_command` all hold a shell word.
  if (words.some((w) => SHELL_WORDS.has(w) || /bash|shell|terminal|pwsh/.test(w))) return true;
  return words.some((w) => RUN_WORDS.has(w)) && words.some((w) => w === 'command' || w === 'commands');
}

/** The command line a shell tool's arguments carry (an argv list joined as a shell would quote it), or null. */
export function shellCommandIn(args: Record<string, unknown> | null): { text: string; argv?: string[] } | null {
  if (!args) return null;
  for (const k of COMMAND_ARGS) {
    const v = args[k];
    if (typeof v === 'string' && v.trim()) return { text: v };
    if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) {
      const argv = v as string[];
      return { text: shellJoin(argv), argv };
    }
  }
  return null;
}
