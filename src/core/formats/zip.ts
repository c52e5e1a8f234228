// A lazy zip reader for `.eval` logs: the central directory is read without inflating anything,
// and members are inflated one at a time (fflate), each checked against its declared size and
// CRC-32. A cap on the bytes one member may inflate to guards against zip bombs: a member's
// declared size is checked before any memory is allocated, and a member that lies about its size
// is truncated by fflate to the declared size and then fails its CRC. The cap is per member, not
// per archive: a log of many samples, read one at a time, may hold more than the cap in total.
import { inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the member's local header. */
  localOffset: number;
}

export interface ZipOptions {
  /** Bytes one member may inflate to (default 512 MiB). */
  maxMemberBytes?: number;
}

export const DEFAULT_MAX_INFLATED = 512 * 1024 * 1024;

/** A corrupt archive or member; `entry` names the member when one is at fault. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/** True when the bytes start like a zip archive (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// Directories parsed once per byte buffer: listing, sniffing and reading one run share them.
const directoryCache = new WeakMap<Uint8Array, ZipEntry[]>();

export class ZipReader {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly cap: number;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    opts: ZipOptions,
  ) {
    this.entries = entries;
    for (const e of entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    this.cap = opts.maxMemberBytes ?? DEFAULT_MAX_INFLATED;
  }

  /** Reads the central directory only. Throws ZipError when it is missing or corrupt. */
  static open(bytes: Uint8Array, opts: ZipOptions = {}): ZipReader {
    let entries = directoryCache.get(bytes);
    if (!entries) {
      entries = readDirectory(bytes);
      directoryCache.set(bytes, entries);
    }
    return new ZipReader(bytes, entries, opts);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Bytes inflated so far by this reader. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** Inflates one member. Throws ZipError (naming the member) when it is corrupt or too large. */
  read(which: string | ZipEntry): Uint8Array {
    const e = typeof which === 'string' ? this.byName.get(which) : which;
    if (!e) throw new ZipError(`no member named ${JSON.stringify(which)}`, String(which));
    if (e.size > this.cap) {
      throw new ZipError(`member ${e.name} would inflate to ${e.size} bytes, over the ${this.cap}-byte limit for one member; possible zip bomb`, e.name);
    }
    if (e.flags & 1) throw new ZipError(`member ${e.name} is encrypted`, e.name);
    const b = this.bytes;
    const lo = e.localOffset;
    if (lo + 30 > b.length || u32(b, lo) !== SIG_LOCAL) {
      throw new ZipError(`member ${e.name}: local header missing at offset ${lo}`, e.name);
    }
    const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new ZipError(`member ${e.name} runs past the end of the file (truncated archive?)`, e.name);
    const raw = b.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipError(`stored member ${e.name} has inconsistent sizes`, e.name);
      out = raw;
    } else if (e.method === 8) {
      try {
        // The output buffer has the declared size: more data than declared is cut off (and
        // then fails the CRC), so a lying header cannot make us allocate more.
        out = e.size === 0 ? new Uint8Array(0) : inflateSync(raw, { out: new Uint8Array(e.size) });
      } catch (err) {
        throw new ZipError(`member ${e.name}: corrupt deflate data (${(err as Error).message})`, e.name);
      }
      if (out.length !== e.size) {
        throw new ZipError(`member ${e.name} inflated to ${out.length} bytes, not the ${e.size} declared`, e.name);
      }
    } else {
      throw new ZipError(`member ${e.name} uses unsupported compression method ${e.method}`, e.name);
    }
    this.inflated += out.length;
    if (crc32(out) !== e.crc) throw new ZipError(`member ${e.name} fails its CRC-32 check (corrupt archive)`, e.name);
    return out;
  }

  /** Inflates one member and decodes it as UTF-8. */
  readText(which: string | ZipEntry): string {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.read(which));
  }
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function readDirectory(b: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipError(
      b.length < 22 ? `the file is too short (${b.length} bytes) to be a zip archive` : 'no end-of-central-directory record: the archive is truncated or not a zip file',
    );
  }
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_EOCD64_LOCATOR) {
      const rec = u64(b, loc + 8);
      if (rec + 56 > b.length || u32(b, rec) !== SIG_EOCD64) throw new ZipError('corrupt zip64 end-of-central-directory record');
      count = u64(b, rec + 32);
      cdSize = u64(b, rec + 40);
      cdOffset = u64(b, rec + 48);
    }
  }
  if (cdOffset + cdSize > b.length) {
    throw new ZipError(`central directory (offset ${cdOffset}, ${cdSize} bytes) lies past the end of the file: truncated archive`);
  }
  const entries: ZipEntry[] = [];
  const dec = new TextDecoder('utf-8', { fatal: false });
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) {
      throw new ZipError(`corrupt central directory: entry ${n + 1} of ${count} is missing`);
    }
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let localOffset = u32(b, p + 42);
    const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extra field: the 64-bit values of whichever fields are saturated, in order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff) ((size = u64(b, q)), (q += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = u64(b, q)), (q += 8));
          if (localOffset === 0xffffffff) localOffset = u64(b, q);
          break;
        }
        x += 4 + len;
      }
    }
    entries.push({
      name,
      method: u16(b, p + 10),
      flags: u16(b, p + 8),
      compressedSize,
      size,
      crc: u32(b, p + 16),
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE), slicing by 4 for speed. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256 * 4);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[i] = c;
    }
    for (let i = 0; i < 256; i++) {
      for (let t = 1; t < 4; t++) {
        const prev = crcTable[(t - 1) * 256 + i];
        crcTable[t * 256 + i] = crcTable[prev & 0xff] ^ (prev >>> 8);
      }
    }
  }
  const T = crcTable;
  let c = -1;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = T[768 + (c & 0xff)] ^ T[512 + ((c >>> 8) & 0xff)] ^ T[256 + ((c >>> 16) & 0xff)] ^ T[c >>> 24];
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
