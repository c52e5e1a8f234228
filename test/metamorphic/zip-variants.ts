// Variants of an Inspect `.eval` zip: members in another order, stored or deflated at another
// level, and the JSON layout variants applied inside every JSON member.
import { zipSync } from 'fflate';
import type { FormatId } from '../../src/core/model';
import { ZipReader } from '../../src/core/formats/zip';
import { jsonDocumentVariants } from './json-variants';
import { text, utf8, type Variant } from './variant';
import { seeded } from './json-tree';

export interface Member {
  name: string;
  data: Uint8Array;
}

export function zipMembers(bytes: Uint8Array): Member[] {
  const zip = ZipReader.open(bytes);
  return zip.entries.filter((e) => !e.name.endsWith('/')).map((e) => ({ name: e.name, data: zip.read(e) }));
}

/** A zip of the members in this order, each deflated at `level` (0 stores). */
export function writeZip(members: Member[], level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 1 | 6 | 9 }]> = {};
  for (const m of members) files[m.name] = [m.data, { level }];
  return zipSync(files);
}

export function zipVariants(bytes: Uint8Array, file: string, format: FormatId): Variant[] {
  const members = zipMembers(bytes);
  const rand = seeded(11);
  const shuffled = members
    .map((m) => ({ m, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.m);
  const out: Variant[] = [
    { name: 'members reversed', file, bytes: writeZip(members.slice().reverse()) },
    { name: 'members shuffled (seed 11)', file, bytes: writeZip(shuffled) },
    { name: 'every member stored', file, bytes: writeZip(members, 0) },
    { name: 'recompressed, deflate level 9', file, bytes: writeZip(members, 9) },
    { name: 'recompressed, deflate level 1', file, bytes: writeZip(members, 1) },
  ];
  // The JSON variants, inside every JSON member at once.
  const docs = members.map((m) => (m.name.endsWith('.json') ? jsonDocumentVariants(text(m.data), format) : null));
  const names = docs.find((d) => d)?.map((v) => v.name) ?? [];
  names.forEach((name, k) => {
    const inside = members.map((m, i) => ({ name: m.name, data: docs[i] ? utf8(docs[i]![k].text) : m.data }));
    out.push({ name: `members' JSON: ${name}`, file, bytes: writeZip(inside) });
  });
  return out;
}
