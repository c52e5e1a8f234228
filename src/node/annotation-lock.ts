// The store's lock, between processes, with proven ownership and nothing to race over when a
// holder dies. Each writer creates a claim file of its own, named after its host, boot, PID and
// process start time and a random token, then lists the folder: it holds the lock when no other
// claim of a live owner is there. Two writers can never both hold it (each lists after creating
// its own claim, so the later of the two sees the earlier), and a claim is removed by anyone
// only when its owner is provably dead (no such process, or that PID now belongs to a process
// that started later, or the machine has rebooted since). Because every claim has a unique name,
// removing a dead one can never remove a live one by mistake, which a single shared lock file
// cannot promise. Among waiting claimants the one with the oldest ticket stays, the others step
// back and claim again, so the waiting ends.
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface LockOptions {
  /** How long to wait for another writer before giving up (ms). */
  waitMs?: number;
}

export class LockTimeoutError extends Error {}

const DEFAULT_WAIT_MS = 10_000;

/** FNV-1a, 32 bits, in hex: a short stable tag for the host and boot names. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

/** A process' start time in clock ticks since boot (Linux /proc), or '0' where it cannot be read. */
function startTime(pid: number | 'self'): string {
  const stat = readOr(`/proc/${pid}/stat`, '');
  // Field 22; the command name (field 2) may hold spaces and parentheses, so count from the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return /^\d+$/.test(rest[19] ?? '') ? rest[19] : '0';
}

interface Owner {
  host: string;
  boot: string;
  pid: number;
  start: string;
}

let me: Owner | undefined;
function self(): Owner {
  me ??= {
    host: tag(os.hostname()),
    boot: tag(readOr('/proc/sys/kernel/random/boot_id', 'no-boot-id')),
    pid: process.pid,
    start: startTime('self'),
  };
  return me;
}

/** Claim names: `.STORE.lock.TICKET.HOST.BOOT.PID.START.TOKEN`. */
const CLAIM = /^\.(.+)\.lock\.(\d{16})\.([0-9a-f]{8})\.([0-9a-f]{8})\.(\d+)\.(\d+)\.([0-9a-f]+)$/;

/**
 * `.NAME` for the hidden files beside a store (lock claims, temporary files). They add up to about
 * 70 characters to the name: a long name is shortened (and tagged) so that they stay under the
 * 255 bytes a file name may have.
 */
export function hiddenStem(file: string): string {
  const base = path.basename(file);
  return `.${Buffer.byteLength(base) <= 120 ? base : `${base.slice(0, 40)}~${tag(base)}`}`;
}

function claimPrefix(file: string): string {
  return `${hiddenStem(file)}.lock.`;
}

let seq = 0;
function claimName(file: string): string {
  const o = self();
  // The ticket orders claimants: time, then a per-process sequence (ties between processes go by name).
  const ticket = String(Date.now() * 1000 + (seq++ % 1000)).padStart(16, '0');
  const token = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${claimPrefix(file)}${ticket}.${o.host}.${o.boot}.${o.pid}.${o.start}.${token}`;
}

/** Whether the claim's owner is provably gone. Another host's claim is never judged dead. */
export function ownerDead(name: string): boolean {
  const m = CLAIM.exec(name);
  if (!m) return false;
  const o = self();
  const [, , , host, boot, pidText, start] = m;
  if (host !== o.host) return false;
  if (boot !== o.boot) return true; // made before this machine last started
  const pid = Number(pidText);
  if (pid === o.pid) return start !== o.start;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
    // EPERM: the process exists (someone else's); fall through to the start time.
  }
  // The PID is in use: dead only if that process is not the one that made the claim.
  if (start === '0') return false;
  const now = startTime(pid);
  return now !== '0' && now !== start;
}

async function claims(dir: string, prefix: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((n) => n.startsWith(prefix) && CLAIM.test(n));
}

/** Live claims beside the store other than `mine`; the claims of dead owners are removed on the way. */
async function liveClaims(dir: string, prefix: string, mine: string): Promise<string[]> {
  const live: string[] = [];
  for (const n of await claims(dir, prefix)) {
    if (n === mine) continue;
    if (ownerDead(n)) await fs.rm(path.join(dir, n), { force: true });
    else live.push(n);
  }
  return live.sort();
}

/** Waits for the lock of `file`, runs `fn`, releases. Throws LockTimeoutError after `waitMs`. */
export async function withLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const prefix = claimPrefix(file);
  const deadline = Date.now() + (opts.waitMs ?? DEFAULT_WAIT_MS);
  const timeout = (blocker: string) => {
    const m = CLAIM.exec(blocker);
    const who = m ? `process ${m[5]}${m[3] === self().host ? '' : ' on another machine'}` : 'another writer';
    return new LockTimeoutError(`${path.basename(file)} is locked by ${who} (${path.join(dir, blocker)}); try again, or delete that file if no such process is writing`);
  };
  for (;;) {
    // While someone holds or claims the lock, wait without a claim of our own (a listing a poll).
    for (let poll = 1; ; poll = Math.min(poll * 2, 8)) {
      const live = await liveClaims(dir, prefix, '');
      if (!live.length) break;
      if (Date.now() > deadline) throw timeout(live[0]);
      await sleep(poll * (0.5 + Math.random()));
    }
    const mine = claimName(file);
    const own = path.join(dir, mine);
    // 'wx' (O_EXCL): the name is new, and a planted symlink of the same name fails rather than being followed.
    await (await fs.open(own, 'wx', 0o600)).close();
    let others: string[];
    for (let poll = 1; ; poll = Math.min(poll * 2, 8)) {
      others = await liveClaims(dir, prefix, mine);
      if (!others.length) {
        try {
          return await fn();
        } finally {
          await fs.rm(own, { force: true });
        }
      }
      // An older claim (or the holder) goes first: step back. Only the oldest claimant waits
      // with its claim in place, for the younger ones to step back.
      if (others[0] < mine || Date.now() > deadline) break;
      await sleep(poll * (0.5 + Math.random()));
    }
    await fs.rm(own, { force: true });
    if (Date.now() > deadline) throw timeout(others[0]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Lock claims beside `file` (for tests and clean-up tools). */
export async function lockClaims(file: string): Promise<string[]> {
  try {
    return (await claims(path.dirname(file), claimPrefix(file))).map((n) => path.join(path.dirname(file), n));
  } catch {
    return [];
  }
}
