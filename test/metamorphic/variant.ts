// What every generator returns: a rewritten file, named so a failing test says what changed.
import type { FormatId } from '../../src/core/model';

export interface Variant {
  /** Shown in the test title: `keys reversed`, `as .eval`... */
  name: string;
  /** The variant's file name (sniffing may look at it; an `.eval` stays `.eval`). */
  file: string;
  bytes: Uint8Array;
  /** The format the variant is in, when it is not the original's (a conversion). */
  format?: FormatId;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: false }).decode(b);
export const BOM = '\uFEFF';
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
