// Docker-compatible container CLIs (podman, nerdctl, and any other) are known by what their
// sub-commands do, not only by name: `X run -d --name b -p 8910:8900 img:1`, `X ps --format
// '{{.Names}}'`. Their lines are read with docker's rules and docker's world-model readings.

/** CLIs that take docker's sub-commands and options. */
const KNOWN = new Set(['docker', 'podman', 'nerdctl']);
/** CLIs with sub-commands of the same names that are not container runtimes (`kubectl run`, `npm run`). */
const OTHERS = new Set([
  'kubectl',
  'oc',
  'helm',
  'npm',
  'pnpm',
  'yarn',
  'npx',
  'cargo',
  'go',
  'uv',
  'poetry',
  'pipenv',
  'pdm',
  'hatch',
  'bun',
  'deno',
  'gh',
  'git',
  'make',
  'just',
  'conda',
  'mamba',
  'dotnet',
  'mvn',
  'gradle',
  'systemctl',
  'service',
  'pm2',
  'supervisorctl',
  'flask',
  'tmux',
  'screen',
  'ssh',
  'sudo',
  'env',
]);
/** Docker's sub-commands. */
const SUBS = new Set([
  'run',
  'ps',
  'exec',
  'logs',
  'pull',
  'push',
  'load',
  'save',
  'images',
  'inspect',
  'rm',
  'stop',
  'start',
  'restart',
  'kill',
  'create',
  'top',
  'stats',
  'cp',
  'tag',
  'build',
  'commit',
]);
/** An image reference with a registry, a namespace or a tag: `registry.lab/pika:1.4`, `ollama/ollama`. */
const IMAGE = /^[a-z0-9][\w.-]*(?::\d+)?(?:\/[\w.-]+)*(?::[\w.-]+|\/[\w.-]+)(?:@sha256:[a-f0-9]+)?$/i;

/** Is the argv (program first) a docker-compatible CLI's command? Unknown names need docker's own options to say so. */
export function isContainerCli(argv: readonly string[]): boolean {
  const name = (argv[0] ?? '').replace(/^.*\//, '');
  if (KNOWN.has(name)) return true;
  const sub = argv[1] ?? '';
  if (!/^[a-z][\w-]*$/.test(name) || !SUBS.has(sub) || OTHERS.has(name)) return false;
  let signs = 0;
  let format = false;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a.includes('{{.')) format = true;
    else if ((a === '-p' || a === '--publish') && /^(?:[\d.]+:)?\d{2,5}:\d{2,5}(?:\/\w+)?$/.test(argv[i + 1] ?? '')) signs++;
    else if (a === '--name' || a.startsWith('--name=') || a === '--restart' || a === '-d' || a === '--detach') signs++;
  }
  // `X ps --format '{{.Names}}'`; `X run -d --name b img:1`: docker's options around an image reference.
  if (sub === 'ps' || sub === 'inspect') return format;
  if (sub === 'run' || sub === 'create') return signs > 0 && argv.slice(2).some((a) => IMAGE.test(a) && !/^[\d.:]+$/.test(a));
  return signs >= 2;
}

/** The command as docker's rules and readings see it: a docker-compatible CLI's is named `docker`. */
export function asDocker<T extends { name: string; words: readonly { value: string }[] }>(cmd: T): T {
  return cmd.name === 'docker' || cmd.name === 'podman' || !SUBS.has(cmd.words[1]?.value ?? '') || !isContainerCli(cmd.words.map((w) => w.value))
    ? cmd
    : { ...cmd, name: 'docker' };
}
