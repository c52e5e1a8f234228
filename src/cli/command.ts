// What a CLI subcommand looks like, and the small argument parser they share.

export interface CliCommand {
  summary: string;
  help: string;
  /** Returns the exit code: 0 ok, 1 unreadable input, 2 usage error (throw UsageError). */
  run(args: string[]): Promise<number>;
}

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--flag`, `--key value`, `--key=value`, `-o value`. `valued` names the options
 * that take a value; any other unknown option is a usage error.
 */
export function parseArgs(args: string[], valued: string[], booleans: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(0, eq) : a;
      if (valued.includes(key)) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new UsageError(`${key} needs a value`);
        flags.set(key, v);
      } else if (booleans.includes(key) && eq < 0) {
        flags.set(key, true);
      } else {
        throw new UsageError(`unknown option ${a}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}
