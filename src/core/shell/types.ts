// What the shell layer hands to analysis: the simple commands a command line runs, with
// wrappers looked through and nested code (bash -c, eval, ssh, python -c) looked into.

export interface ShellWord {
  /** The word as the program receives it (quotes removed, escapes resolved where static). */
  value: string;
  /** Offsets into the analysed command text. */
  start: number;
  end: number;
  /** Holds an expansion or substitution whose value is not known statically. */
  dynamic: boolean;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `&>`, `<>`, `>&` ... */
  op: string;
  target: string;
  start: number;
  end: number;
}

/** How a simple command was reached: directly, or through code handed to another program. */
export type Via = 'top' | 'bash-c' | 'eval' | 'ssh' | 'xargs' | 'substitution' | 'python';

export interface SimpleCommand {
  /** Program name without its directory (`/usr/bin/kill` -> `kill`), after wrappers. */
  name: string;
  /** argv after wrappers: words[0] is the program. */
  words: ShellWord[];
  /** Wrappers looked through, outermost first (`sudo`, `nohup`, `timeout` ...). */
  wrappers: string[];
  /** Runs as a background job (`&`), directly or as part of a backgrounded list. */
  background: boolean;
  redirects: Redirect[];
  /** Body of a heredoc fed to this command, if any (its text is data, not code). */
  heredoc: string | null;
  /** Receives its stdin from a pipe. */
  piped: boolean;
  /** The program of the pipeline stage before it (`tar` in `tar cf - w | nc h 9`), when piped. */
  pipedFrom: string | null;
  /** Sends its stdout into a pipe to these programs (names). */
  pipesTo: string[];
  via: Via;
  /** The host, for commands that run on another machine through ssh. */
  remoteHost: string | null;
  /** The directory a wrapper runs it in (`systemd-run --working-directory=D`, `env -C D`), as written. */
  chdir: string | null;
  /** Offsets in the analysed command text. */
  start: number;
  end: number;
}

/** A call found in Python code given to `python -c` or `python - <<EOF`. */
export interface PythonCall {
  /** Dotted callee as written: `os.kill`, `s.connect_ex`, `requests.post`. */
  callee: string;
  /** String literal arguments (and nested ones), unquoted. */
  strings: string[];
  /** Integer literal arguments (and nested ones). */
  numbers: number[];
  start: number;
  end: number;
}

/** What Python code runs (python.ts, python-fast.ts). */
export interface PythonScan {
  calls: PythonCall[];
  /** Shell command lines the code runs, with their offsets in the code. */
  shell: { code: string; start: number }[];
  /** Set when the code went over a bound (limits.ts) and its calls were not read. */
  error: string | null;
}

export interface ShellParse {
  commands: SimpleCommand[];
  python: PythonCall[];
  /** Null when the line parsed; else where and why it did not (the token fallback was used). */
  error: string | null;
}
