// replication-lens: the command-line twin of the extension. Each subcommand lives in
// src/cli/commands/NAME.ts and is registered in COMMANDS below.
// Exit codes: 0 success, 1 a file could not be read, 2 a usage error.
import { analyzeCommand } from './commands/analyze';
import { agreementCommand } from './commands/agreement';
import { exportCommand } from './commands/export';
import { queryCommand } from './commands/query';
import { compareCommand } from './commands/compare';
import { statsCommand } from './commands/stats';
import { reportCommand } from './commands/report';
import type { CliCommand } from './command';
import { UsageError } from './command';
import { useBaselineWasmCompiler } from '../node/v8-tuning';
import { isClosedPipe } from './stdout';

const COMMANDS: Record<string, CliCommand> = {
  analyze: analyzeCommand,
  agreement: agreementCommand,
  export: exportCommand,
  query: queryCommand,
  compare: compareCommand,
  stats: statsCommand,
  report: reportCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: replication-lens <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n` + `Run 'replication-lens <command> --help' for a command's options.`;
}

async function main(argv: string[]): Promise<number> {
  useBaselineWasmCompiler();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`replication-lens: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.help + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`replication-lens ${name}: ${e.message}\n\n${cmd.help}\n`);
      return 2;
    }
    throw e;
  }
}

// Output piped into a reader that stopped early (`| head`) ends the run quietly, not with a trace.
process.stdout.on('error', (e) => {
  if (isClosedPipe(e)) process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (isClosedPipe(e)) process.exit(0);
    process.stderr.write(`replication-lens: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
