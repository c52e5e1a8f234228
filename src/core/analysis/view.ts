// A convenient read-only view of one simple command for the rules: its arguments as
// values, option tests, the first sub-command word.
import type { SimpleCommand } from '../shell/types';

/** A URL or host:port argument (rules.ts urlTargets); `local`: a loopback host. */
export interface UrlTarget {
  url: string;
  host: string;
  port: number | null;
  local: boolean;
}

const NONE: string[] = Object.freeze([]) as unknown as string[];

export class CommandView {
  readonly name: string;
  /** Argument values after the program name. */
  readonly args: string[];
  // Computed once: the rules and entities of one command ask for these again and again.
  private ops: string[] | undefined;
  private written: string[] | undefined;
  private readFrom: string[] | undefined;
  private argsReads: string[] | undefined;
  /** Set by entities.ts: the ports and URLs the command names (one reading per command). */
  portsSeen: number[] | undefined;
  urlsSeen: UrlTarget[] | undefined;

  constructor(readonly cmd: SimpleCommand) {
    this.name = cmd.name;
    this.args = cmd.words.slice(1).map((w) => w.value);
  }

  /** The arguments, then the files it reads by redirect (`< /proc/net/tcp`). Do not mutate. */
  argsAndReads(): readonly string[] {
    return (this.argsReads ??= this.cmd.redirects.length ? [...this.args, ...this.reads()] : this.args);
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

  /** Non-option arguments, in order. Do not mutate (shared by every caller). */
  operands(): string[] {
    return (this.ops ??= this.args.filter((a) => !a.startsWith('-')));
  }

  /** Redirect targets this command writes to (`>`, `>>`, `&>`). Do not mutate. */
  writes(): string[] {
    return (this.written ??= this.cmd.redirects.length ? this.cmd.redirects.filter((r) => r.op.includes('>') && !/^\d*>&\d*$/.test(r.op + r.target)).map((r) => r.target) : NONE);
  }

  /** Redirect sources (`<`, `<>`). Do not mutate. */
  reads(): string[] {
    return (this.readFrom ??= this.cmd.redirects.length ? this.cmd.redirects.filter((r) => r.op === '<' || r.op === '<>').map((r) => r.target) : NONE);
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
