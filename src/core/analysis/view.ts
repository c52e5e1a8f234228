// A convenient read-only view of one simple command for the rules: its arguments as
// values, option tests, the first sub-command word.
import type { SimpleCommand } from '../shell/types';

export class CommandView {
  readonly name: string;
  /** Argument values after the program name. */
  readonly args: string[];

  constructor(readonly cmd: SimpleCommand) {
    this.name = cmd.name;
    this.args = cmd.words.slice(1).map((w) => w.value);
  }

  /** Any argument equal to one of these (long or short option spelled in full). */
  has(...opts: string[]): boolean {
    return this.args.some((a) => opts.includes(a) || opts.some((o) => o.startsWith('--') && a.startsWith(o + '=')));
  }

  /** A short option letter, alone or bundled (`-z`, `-zv`, `-tlnp`). */
  short(letter: string): boolean {
    return this.args.some((a) => /^-[A-Za-z0-9]+$/.test(a) && a.slice(1).includes(letter));
  }

  /** The first argument that is not an option: the sub-command (`systemctl restart`). */
  sub(skipValued: string[] = []): string | undefined {
    for (let i = 0; i < this.args.length; i++) {
      const a = this.args[i];
      if (skipValued.includes(a)) {
        i++;
        continue;
      }
      if (!a.startsWith('-')) return a;
    }
    return undefined;
  }

  /** Non-option arguments, in order. */
  operands(): string[] {
    return this.args.filter((a) => !a.startsWith('-'));
  }

  /** Redirect targets this command writes to (`>`, `>>`, `&>`). */
  writes(): string[] {
    return this.cmd.redirects.filter((r) => r.op.includes('>') && !/^\d*>&\d*$/.test(r.op + r.target)).map((r) => r.target);
  }

  reads(): string[] {
    return this.cmd.redirects.filter((r) => r.op === '<' || r.op === '<>').map((r) => r.target);
  }
}

/** Signals named by `kill`/`pkill`/`killall` options: `-9`, `-KILL`, `-SIGHUP`, `-s HUP`, `-n 1`. */
export function signalOf(v: CommandView): string | null {
  const a = v.args;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if ((x === '-s' || x === '-n' || x === '--signal') && a[i + 1]) return normSignal(a[i + 1]);
    if (x.startsWith('--signal=')) return normSignal(x.slice(9));
    if (/^-(SIG)?[A-Z]+[0-9]*$/.test(x) || /^-\d+$/.test(x)) return normSignal(x.slice(1));
  }
  return null;
}

function normSignal(s: string): string {
  const u = s.toUpperCase().replace(/^SIG/, '');
  const byNumber: Record<string, string> = { '0': '0', '1': 'HUP', '2': 'INT', '9': 'KILL', '15': 'TERM' };
  return byNumber[u] ?? u;
}
