// Shared by the agent-log reader tests (formats-openhands, formats-claude-codex,
// formats-chat-cast): loading files, command lists, label comparison, and damaging inputs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFile, FormatError, type FormatReader, type SourceFile } from '../../src/core/formats/types';
import { detectReader, headOf } from '../../src/core/formats/index';
import type { RawCommand, RawTrajectory, ReadResult } from '../../src/core/model';
import { analyzeBytes } from '../../src/core/analyze';
import { scoreAnalysis, type LabelFile, type Score } from '../../src/core/scoring';

export const shared = path.resolve(__dirname, '../../../shared');
export const real = path.join(shared, 'corpus/real');
export const labelled = path.join(shared, 'corpus/labelled');
export const hasShared = existsSync(real) && existsSync(labelled);
export const fixtures = path.resolve(__dirname, '../fixtures');

export const load = (p: string): SourceFile => sourceFile(path.basename(p), new Uint8Array(readFileSync(p)));
export const commands = (t: RawTrajectory): RawCommand[] => t.steps.flatMap((s) => s.commands);
export const texts = (t: RawTrajectory): string[] => commands(t).map((c) => c.text);
export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The reader yields exactly the labelled command texts, in order, for every run. */
export function assertLabelled(reader: FormatReader, name: string): ReadResult {
  const labels = JSON.parse(readFileSync(path.join(labelled, `${name}.labels.json`), 'utf8')) as {
    format: string;
    trajectories: { commands: { text: string }[] }[];
  };
  const res = reader.read(load(path.join(labelled, name)));
  assert.equal(res.format, labels.format);
  assert.equal(res.trajectories.length, labels.trajectories.length);
  res.trajectories.forEach((t, i) => {
    assert.deepEqual(
      commands(t).map((c) => norm(c.text)),
      labels.trajectories[i].commands.map((c) => norm(c.text)),
    );
  });
  return res;
}

/** Sniffing picks `id` for the file. */
export function assertSniffed(file: SourceFile, id: string): void {
  const { reader } = detectReader(file);
  assert.equal(reader?.id, id, `${file.name} should be read as ${id}`);
}

/** The reader's own score for a file (0 when it does not claim it). */
export function score(reader: FormatReader, file: SourceFile): number {
  return reader.sniff(file, headOf(file));
}

/** Either a result whose every part serialises, or a FormatError naming the format. */
export function readsOrExplains(reader: FormatReader, bytes: Uint8Array, what: string): 'read' | 'error' {
  try {
    const res = reader.read(sourceFile('damaged', bytes));
    assert.ok(Array.isArray(res.trajectories), what);
    for (const t of res.trajectories) {
      for (const s of t.steps) {
        assert.equal(typeof s.id, 'string', what);
        for (const c of s.commands) assert.equal(typeof c.text, 'string', what);
      }
    }
    JSON.stringify(res);
    return 'read';
  } catch (e) {
    if (!(e instanceof FormatError)) throw new Error(`${what}: ${(e as Error).stack}`);
    assert.equal(e.format, reader.id, what);
    assert.ok(e.message.length > 10, what);
    return 'error';
  }
}

/** Cuts, byte flips and dropped lines of a file; every variant must read or explain itself. */
export function assertSurvivesDamage(reader: FormatReader, bytes: Uint8Array, name: string): void {
  let seed = 0x9e3779b9;
  const rand = (n: number) => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed % n;
  };
  for (let k = 1; k < 20; k++) readsOrExplains(reader, bytes.subarray(0, Math.floor((bytes.length * k) / 20)), `${name} cut at ${k}/20`);
  for (let k = 0; k < 20; k++) {
    const b = Uint8Array.from(bytes);
    for (let j = 0; j < 8; j++) b[rand(b.length)] = rand(256);
    readsOrExplains(reader, b, `${name} with bytes changed (${k})`);
  }
  const lines = new TextDecoder().decode(bytes).split('\n');
  for (let k = 0; k < 10; k++) {
    const drop = new Set([rand(lines.length), rand(lines.length)]);
    readsOrExplains(reader, new TextEncoder().encode(lines.filter((_, i) => !drop.has(i)).join('\n')), `${name} with lines dropped (${k})`);
  }
  readsOrExplains(reader, new Uint8Array(0), `${name}: empty`);
}

/** Analyses a labelled file end to end and scores it (call `initAnalysis` first). */
export function scoreLabelled(name: string): Score {
  const labels = JSON.parse(readFileSync(path.join(labelled, `${name}.labels.json`), 'utf8')) as LabelFile;
  return scoreAnalysis(analyzeBytes(name, new Uint8Array(readFileSync(path.join(labelled, name)))), labels);
}

/**
 * Records built from a format's own keys with values of any JSON type (a string where an
 * object is expected, a number for a list...): the reader must read them or explain itself.
 */
export function fuzzRecords(reader: FormatReader, keys: string[], toText: (records: unknown[]) => string, runs = 150): void {
  const key = fc.constantFrom(...keys);
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...keys),
      fc.integer({ min: -2, max: 5 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  }));
  const record = fc.dictionary(key, value, { minKeys: 1, maxKeys: 8 });
  fc.assert(
    fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), (records) => {
      readsOrExplains(reader, new TextEncoder().encode(toText(records)), 'fuzzed records');
    }),
    { numRuns: runs },
  );
}
