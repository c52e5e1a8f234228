// Layout variants of one JSON document: whitespace, key order, BOM, unknown and missing
// fields, string escapes, the final newline. The value (but for added or dropped optional
// fields) is the same in all of them.
import type { FormatId } from '../../src/core/model';
import { addUnknownFields, contentAsParts, dropFields, mapEmbeddedJson, padFirstRecord, parseTree, reverseKeys, serialize, shuffleKeys, type J, type Style } from './json-tree';
import { OPTIONAL_FIELDS } from './optional-fields';
import { BOM, stripBom, utf8, type Variant } from './variant';

/** The same document rewritten by `f`, in each layout this file tests. */
export function jsonDocumentVariants(original: string, format: FormatId): { name: string; text: string }[] {
  const src = stripBom(original);
  const tree = parseTree(src);
  // Structural rewrites keep the original's look: indented if it was, else one line.
  const look: Style = /\n\s/.test(src.trim()) ? { indent: '  ' } : { indent: '' };
  const nl = (s: string) => s + '\n';
  const out = [
    { name: 'pretty, 2 spaces', text: nl(serialize(tree, { indent: '  ' })) },
    { name: 'pretty, tabs', text: nl(serialize(tree, { indent: '\t' })) },
    { name: 'compact', text: serialize(tree, { indent: '' }) },
    { name: "Python separators (', ' and ': ')", text: nl(serialize(tree, { indent: '', pythonSeparators: true })) },
    { name: 'keys reversed at every level', text: nl(serialize(reverseKeys(tree), look)) },
    { name: 'keys shuffled (seed 7)', text: nl(serialize(shuffleKeys(tree, 7), look)) },
    { name: 'keys shuffled (seed 1234)', text: serialize(shuffleKeys(tree, 1234), { indent: '' }) },
    { name: 'pretty, CRLF line ends', text: serialize(tree, { indent: '  ' }).replace(/\n/g, '\r\n') + '\r\n' },
    { name: 'UTF-8 BOM', text: BOM + src },
    { name: 'a 70 KB unknown field first', text: nl(serialize(padFirstRecord(tree), look)) },
    { name: 'unknown fields added, keys shuffled', text: nl(serialize(shuffleKeys(addUnknownFields(tree), 3), look)) },
    { name: 'unknown fields added', text: nl(serialize(addUnknownFields(tree), look)) },
    { name: 'non-ASCII as \\uXXXX (ensure_ascii)', text: nl(serialize(tree, { ...look, escape: 'ensure-ascii' })) },
    { name: "<, >, &, ' as \\u00XX and / as \\/", text: nl(serialize(tree, { ...look, escape: 'html-safe' })) },
    { name: src.endsWith('\n') ? 'no final newline' : 'final CRLF', text: src.endsWith('\n') ? src.replace(/\s+$/, '') : src + '\r\n' },
  ];
  const parts = serialize(contentAsParts(tree), look);
  if (parts !== serialize(tree, look)) out.push({ name: 'message contents as lists of text parts', text: nl(parts) });
  const embedded = embeddedJsonVariant(tree, look);
  if (embedded) out.push(embedded);
  const drop = OPTIONAL_FIELDS[format];
  if (drop) out.push({ name: 'optional fields removed', text: nl(serialize(dropFields(tree, drop), look)) });
  return out;
}

export function jsonVariants(original: string, file: string, format: FormatId): Variant[] {
  return jsonDocumentVariants(original, format).map((v) => ({ name: v.name, file, bytes: utf8(v.text) }));
}

/** The document as a tree (no BOM), or null when the text is not one JSON value. */
export function tryTree(original: string): J | undefined {
  try {
    return parseTree(stripBom(original));
  } catch {
    return undefined;
  }
}

/** Keys under which a harness stores JSON as a string. */
export const EMBEDDED_JSON_KEYS = new Set(['arguments', 'output']);

/** The harness-encoded JSON strings pretty-printed with their keys reversed, when there are any. */
export function embeddedJsonVariant(tree: J, style: Style): { name: string; text: string } | null {
  const rewritten = serialize(
    mapEmbeddedJson(tree, EMBEDDED_JSON_KEYS, (inner) => serialize(reverseKeys(inner), { indent: '  ' })),
    style,
  );
  return rewritten === serialize(tree, style) ? null : { name: 'JSON inside arguments/output strings reformatted, keys reversed', text: rewritten + '\n' };
}
