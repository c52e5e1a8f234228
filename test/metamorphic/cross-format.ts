// The same run written in another format the content allows: an OpenAI chat as an array, as
// `{messages: [...]}` or as JSONL; an Inspect log as `.json` or `.eval`; an OpenHands event
// list as `{"trajectory": [...]}` or JSONL; OpenHands V1 JSONL as an array; mini-swe-agent's
// `{messages}` as a bare list.
import type { FormatId } from '../../src/core/model';
import { addUnknownFields, field, JObj, parseTree, Raw, serialize, shuffleKeys, type J } from './json-tree';
import { jsonlRecords } from './jsonl-variants';
import { writeZip, zipMembers, type Member } from './zip-variants';
import { inspectEvalReader } from '../../src/core/formats/inspect-eval';
import { sourceFile } from '../../src/core/formats/types';
import { stripBom, text, utf8, type Variant } from './variant';

const pretty = (v: J) => serialize(v, { indent: '  ' }) + '\n';
const jsonl = (items: J[]) => items.map((r) => serialize(r, { indent: '' })).join('\n') + '\n';
const has = (v: J, key: string) => v instanceof JObj && field(v.entries, key) !== undefined;
const base = (file: string) => file.replace(/\.[^.]*$/, '');

/** The list a document holds: itself when it is an array, else the first of `keys` holding one. */
function listOf(doc: J, keys: string[]): J[] | null {
  if (Array.isArray(doc)) return doc;
  if (doc instanceof JObj)
    for (const k of keys) {
      const v = field(doc.entries, k);
      if (Array.isArray(v)) return v;
    }
  return null;
}

function eventLists(doc: J | null, file: string, format: FormatId, key: string): Variant[] {
  const list = doc ? listOf(doc, [key]) : null;
  if (!list) return [];
  const out: Variant[] = [{ name: 'as JSONL', file: `${base(file)}.jsonl`, bytes: utf8(jsonl(list)), format }];
  if (Array.isArray(doc)) out.push({ name: `as {"${key}": [...]}`, file: `${base(file)}.json`, bytes: utf8(pretty(new JObj([[key, list]]))), format });
  else out.push({ name: 'as a bare JSON array', file: `${base(file)}.json`, bytes: utf8(pretty(list)), format });
  return out;
}

function inspectJsonToEval(doc: J, file: string): Variant[] {
  if (!(doc instanceof JObj)) return [];
  const samples = field(doc.entries, 'samples');
  if (!Array.isArray(samples)) return [];
  const header = new JObj(doc.entries.filter(([k]) => k !== 'samples'));
  const members = [{ name: 'header.json', data: utf8(serialize(header, { indent: '' })) }];
  samples.forEach((s, i) => {
    const e = s instanceof JObj ? s.entries : [];
    const id = field(e, 'id');
    const epoch = field(e, 'epoch');
    const idText = typeof id === 'string' ? id : id && typeof id === 'object' && 'raw' in id ? id.raw : String(i + 1);
    const epochText = epoch && typeof epoch === 'object' && 'raw' in epoch ? epoch.raw : '1';
    members.push({ name: `samples/${idText}_epoch_${epochText}.json`, data: utf8(serialize(s, { indent: '' })) });
  });
  return [{ name: 'as .eval (header.json + samples/)', file: `${base(file)}.eval`, bytes: writeZip(members), format: 'inspect-eval' }];
}

function inspectEvalToJson(bytes: Uint8Array, file: string): Variant[] {
  const members = zipMembers(bytes);
  const header = members.find((m) => m.name === 'header.json');
  // In the order the `.eval` reader lists its runs (Inspect's sample order), as Inspect writes `.json`.
  const order = inspectEvalReader.listRuns!(sourceFile(file, bytes)).map((r) => r.key);
  const samples = order.map((k) => members.find((m) => m.name === k)).filter((m): m is Member => m !== undefined);
  // Chunked samples have no single-document form to compare with.
  if (!header || !samples.length || members.some((m) => /^samples\/[^/]+\//.test(m.name))) return [];
  const h = parseTree(stripBom(text(header.data)));
  if (!(h instanceof JObj)) return [];
  const doc = new JObj([...h.entries.filter(([k]) => k !== 'samples'), ['samples', samples.map((m) => parseTree(stripBom(text(m.data))))]]);
  return [{ name: 'as legacy .json (samples inline)', file: `${base(file)}.json`, bytes: utf8(pretty(doc)), format: 'inspect-json' }];
}

/** Each conversion, and (for JSON text) the same with unknown fields added and keys shuffled. */
export function crossFormatVariants(bytes: Uint8Array, file: string, format: FormatId): Variant[] {
  return conversions(bytes, file, format).flatMap((v) => {
    if (v.file.endsWith('.eval')) return [v];
    const src = text(v.bytes);
    const tree = v.file.endsWith('.jsonl') ? null : parseTree(src);
    const odd = tree === null ? null : serialize(shuffleKeys(addUnknownFields(tree), 9), { indent: '' });
    return odd === null ? [v] : [v, { ...v, name: `${v.name}, unknown fields added, keys shuffled`, bytes: utf8(odd) }];
  });
}

function conversions(bytes: Uint8Array, file: string, format: FormatId): Variant[] {
  if (format === 'inspect-eval') return inspectEvalToJson(bytes, file);
  const src = stripBom(text(bytes));
  let doc: J | null = null;
  try {
    doc = parseTree(src);
  } catch {
    doc = null;
  }
  // Damaged lines have no place in a JSON array: the JSONL reader skips them too.
  const records = doc === null ? (jsonlRecords(src)?.filter((r): r is J => !(r instanceof Raw)) ?? null) : null;
  switch (format) {
    case 'inspect-json':
      return doc ? inspectJsonToEval(doc, file) : [];
    case 'openai-chat': {
      // A JSONL of messages is an array of them; a JSONL of conversations is not.
      if (records) return records.every((r) => has(r, 'role')) ? [{ name: 'as a JSON array', file: `${base(file)}.json`, bytes: utf8(pretty(records)), format }] : [];
      return eventLists(doc, file, format, 'messages');
    }
    case 'openhands':
      // A JSONL of events is an array of them; an evaluation output.jsonl (a run a line) is not.
      if (records) return records.some((r) => has(r, 'history')) ? [] : [{ name: 'as a JSON array', file: `${base(file)}.json`, bytes: utf8(pretty(records)), format }];
      return eventLists(doc, file, format, 'trajectory');
    case 'openhands-v1':
      return records ? [{ name: 'as a JSON array', file: `${base(file)}.json`, bytes: utf8(pretty(records)), format }] : [];
    case 'mini-swe-agent': {
      // Text-mode messages only: a bare list of tool-call messages is an OpenAI chat, whoever wrote it.
      const list = doc ? listOf(doc, ['messages']) : null;
      return list && !Array.isArray(doc) && !list.some((m) => has(m, 'tool_calls')) ? [{ name: 'as a bare list of messages', file, bytes: utf8(pretty(list)), format }] : [];
    }
    default:
      return [];
  }
}
