// Windows services and scheduled tasks the run defines, then starts: what the start runs is the
// command the definition gave (`nssm install N PROGRAM ARGS` + `nssm start N`, `New-Service -Name N
// -BinaryPathName 'CMD'` + `Start-Service N`, `sc create N binPath= "CMD"` + `sc start N`,
// `schtasks /create /tn N /tr "CMD"` + `schtasks /run /tn N`), as a systemd unit's ExecStart is
// what `systemctl start` runs (world-scripts.ts).
import type { SimpleCommand } from '../shell/types';
import { baseName, windowsName } from '../shell/wrappers';

/** Lines that may define or start one (the walk parses them for this alone). */
export const SERVICE_WORDS = /\b(?:nssm(?:\.exe)?|new-service|start-service|sasv|schtasks(?:\.exe)?|sc(?:\.exe)?\s+(?:create|start)|net\s+start)\b/i;

export interface ServiceDef {
  command: string;
  /** nssm's AppDirectory: where the program runs. */
  dir: string | null;
}

const program = (sc: SimpleCommand) => windowsName(baseName(sc.name));
const words = (sc: SimpleCommand) => sc.words.slice(1).map((w) => w.value);
/** The value after a switch (`-Name N`, `/tn N`, `binPath= X`), case-insensitive. */
function after(ws: string[], ...keys: string[]): string | undefined {
  const i = ws.findIndex((w) => keys.includes(w.toLowerCase()));
  return i >= 0 ? ws[i + 1] : undefined;
}

/** Reads a definition or a setting of one into `services`; the name of the service a command starts, or null. */
export function readService(sc: SimpleCommand, services: Map<string, ServiceDef>): string | null {
  const name = program(sc);
  const ws = words(sc);
  const verb = (ws[0] ?? '').toLowerCase();
  if (name === 'nssm') {
    if (verb === 'install' && ws[1] && ws[2]) services.set(ws[1].toLowerCase(), { command: ws.slice(2).join(' '), dir: null });
    else if (verb === 'set' && ws[1] && services.has(ws[1].toLowerCase())) {
      const def = services.get(ws[1].toLowerCase())!;
      const what = (ws[2] ?? '').toLowerCase();
      if (what === 'appdirectory' && ws[3]) def.dir = ws[3];
      else if (what === 'appparameters' && ws[3]) def.command = `${def.command.split(' ')[0]} ${ws.slice(3).join(' ')}`;
    } else if (verb === 'start' && ws[1]) return ws[1];
    return null;
  }
  if (name === 'new-service') {
    const n = after(ws, '-name') ?? ws.find((w) => !w.startsWith('-'));
    const cmd = after(ws, '-binarypathname');
    if (n && cmd) services.set(n.toLowerCase(), { command: cmd, dir: null });
    return null;
  }
  if (name === 'start-service' || name === 'sasv') return after(ws, '-name') ?? ws.find((w) => !w.startsWith('-')) ?? null;
  if (name === 'sc') {
    if (verb === 'create' && ws[1]) {
      const cmd = after(ws, 'binpath=') ?? ws.find((w) => /^binpath=./i.test(w))?.slice(8);
      if (cmd) services.set(ws[1].toLowerCase(), { command: cmd, dir: null });
    }
    return verb === 'start' ? (ws[1] ?? null) : null;
  }
  if (name === 'net') return verb === 'start' ? (ws[1] ?? null) : null;
  if (name === 'schtasks') {
    const n = after(ws, '/tn', '-tn');
    if (!n) return null;
    if (ws.some((w) => /^[/-]create$/i.test(w))) {
      const cmd = after(ws, '/tr', '-tr');
      if (cmd) services.set(n.toLowerCase(), { command: cmd, dir: null });
    }
    return ws.some((w) => /^[/-]run$/i.test(w)) ? n : null;
  }
  return null;
}
