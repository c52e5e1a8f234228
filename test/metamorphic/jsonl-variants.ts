// Layout variants of a JSONL file (one record a line): line ends, blank lines, BOM, record
// layout, key order, unknown and missing fields, escapes, the final newline.
import type { FormatId } from '../../src/core/model';
import {
  addUnknownFields,
  contentAsParts,
  dropFields,
  mapEmbeddedJson,
  padFirstRecord,
  parseTree,
  Raw,
  reverseKeys,
  serialize,
  shuffleKeys,
  type J,
  type Style,
} from './json-tree';
import { EMBEDDED_JSON_KEYS } from './json-variants';
import { OPTIONAL_FIELDS } from './optional-fields';
import { BOM, stripBom, utf8, type Variant } from './variant';

/** The records of a JSONL text (a damaged line kept as Raw), or null when no line is JSON. */
export function jsonlRecords(original: string): (J | Raw)[] | null {
  const out: (J | Raw)[] = [];
  let parsed = 0;
  for (const line of stripBom(original).split('\n')) {
    if (!line.trim()) continue;
    const t = line.replace(/\r$/, '');
    try {
      out.push(parseTree(t));
      parsed++;
    } catch {
      out.push(new Raw(t));
    }
  }
  return parsed ? out : null;
}

const lines = (recs: (J | Raw)[], style: Style, f: (r: J) => J = (r) => r) => recs.map((r) => (r instanceof Raw ? r.text : serialize(f(r), style)));

export function jsonlVariants(original: string, file: string, format: FormatId): Variant[] {
  const recs = jsonlRecords(original);
  if (!recs) throw new Error(`${file}: not JSONL`);
  const src = stripBom(original);
  const compact: Style = { indent: '' };
  const plain = lines(recs, compact);
  const join = (ls: string[], eol = '\n') => ls.join(eol) + eol;
  const out: { name: string; text: string }[] = [
    { name: 'CRLF line ends', text: join(plain, '\r\n') },
    { name: 'blank and whitespace-only lines between records', text: plain.map((l, i) => (i % 2 ? `${l}\n\n` : `${l}\n \t\n`)).join('') },
    { name: 'UTF-8 BOM', text: BOM + src },
    { name: 'BOM and CRLF', text: BOM + join(plain, '\r\n') },
    { name: "records with Python separators (', ' and ': ')", text: join(lines(recs, { indent: '', pythonSeparators: true })) },
    { name: 'keys reversed at every level', text: join(lines(recs, compact, reverseKeys)) },
    { name: 'keys shuffled (seed 7)', text: join(lines(recs, compact, (r) => shuffleKeys(r, 7))) },
    { name: 'unknown fields added', text: join(lines(recs, compact, addUnknownFields)) },
    {
      name: 'first record longer than 64 KiB (a long unknown field first)',
      text: join(recs.map((r, i) => (r instanceof Raw ? r.text : serialize(i === 0 ? padFirstRecord(r) : r, compact)))),
    },
    { name: 'unknown fields added, keys shuffled', text: join(lines(recs, compact, (r) => shuffleKeys(addUnknownFields(r), 3))) },
    { name: 'non-ASCII as \\uXXXX (ensure_ascii)', text: join(lines(recs, { indent: '', escape: 'ensure-ascii' })) },
    { name: "<, >, &, ' as \\u00XX and / as \\/", text: join(lines(recs, { indent: '', escape: 'html-safe' })) },
    { name: src.endsWith('\n') ? 'no final newline' : 'final newline', text: src.endsWith('\n') ? src.replace(/\s+$/, '') : src + '\n' },
  ];
  const parts = join(lines(recs, compact, contentAsParts));
  if (parts !== join(plain)) out.push({ name: 'message contents as lists of text parts', text: parts });
  const embedded = join(lines(recs, compact, (r) => mapEmbeddedJson(r, EMBEDDED_JSON_KEYS, (inner) => serialize(reverseKeys(inner), { indent: '', pythonSeparators: true }))));
  if (embedded !== join(plain)) out.push({ name: 'JSON inside arguments/output strings reformatted, keys reversed', text: embedded });
  const drop = OPTIONAL_FIELDS[format];
  if (drop) out.push({ name: 'optional fields removed', text: join(lines(recs, compact, (r) => dropFields(r, drop))) });
  return out.map((v) => ({ name: v.name, file, bytes: utf8(v.text) }));
}
