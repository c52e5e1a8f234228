// `npm run demo`: build and package the extension, start a real VS Code (code-server) with
// the VSIX installed into a fresh extensions dir and examples/ open, print the URL, and keep
// running until Ctrl-C. PORT (default 8080) and HOST (default 127.0.0.1) pick the address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codeServer = join(root, '.vscode-test/code-server/node_modules/.bin/code-server');
const vsix = join(root, 'out/replication-lens.vsix');
const dir = join(root, '.vscode-test/demo');
const folder = join(root, 'examples');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(codeServer)) {
  console.log('demo: code-server is not installed yet; installing it (about a minute)');
  run('bash', ['scripts/setup-code-server.sh']);
}
run(process.execPath, ['scripts/package.mjs']);

// Fresh profile each time, so what you see is what a new user sees.
rmSync(dir, { recursive: true, force: true });
const userData = join(dir, 'user-data');
const extensions = join(dir, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
writeFileSync(
  join(userData, 'User/settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
    },
    null,
    2,
  ),
);
run(codeServer, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix, '--force']);

const server = spawn(
  codeServer,
  [
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    folder,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') }, detached: true },
);

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/?folder=${encodeURIComponent(folder)}`;
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
};
process.on('SIGINT', () => {
  stop();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(0);
});
server.on('exit', (code) => {
  console.log(`demo: code-server exited (${code})`);
  process.exit(code ?? 1);
});

for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    /* not yet listening */
  }
  await new Promise((ok) => setTimeout(ok, 100));
}
console.log(
  `\nReplication Lens demo: VS Code with the extension and examples/ open at\n\n  ${url}\n\n` +
    'Open that address in a browser, open a log in examples/ and run "Replication Lens: Open Replication Timeline"\n' +
    'from the Command Palette (or the graph icon in the editor title). This terminal serves it; Ctrl-C stops it.',
);
