// The event model: parsing (corrupt lines reported, the rest kept), folding (field-by-field
// last writer wins, deterministic ties, union-merge duplicates harmless) and compaction
// (same state, unknown fields and lines kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compactEvents, compactStoreText, createEvent, deleteEvent, foldEvents, parseStore, serializeEvent, updateEvent, type AnnotationEvent } from '../../src/core/annotations';

const anchor = (i: number) => ({ runId: 'run-1', stepId: `s${i}`, stepFingerprint: `f${i}`, stepIndex: i });
const at = (sec: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, sec)).toISOString();

test('a corrupt line and a truncated last line are reported; every other record is kept', () => {
  const a = createEvent({ author: 'ann', at: at(1) }, { ...anchor(0), labels: ['deception'] }, 'a1');
  const b = createEvent({ author: 'bob', at: at(2) }, { ...anchor(1), note: 'kills the old server' }, 'a2');
  const c = updateEvent({ author: 'ann', at: at(3) }, 'a1', { note: 'lies about it' });
  const lines = [
    serializeEvent(a),
    '{"type": "replication-lens/annotation@1", "op": "create", oops}',
    serializeEvent(b),
    '{"type":"replication-lens/annotation@1","op":"update","event":"e9","id":"a2","at":"2026-01-01T12:00:04Z","author":"bob","labels":"not-a-list"}',
    serializeEvent(c),
    serializeEvent(updateEvent({ author: 'bob', at: at(5) }, 'a2', { labels: ['x'] })).slice(0, 40), // cut mid-write
  ];
  const store = parseStore(lines.join('\n'));
  assert.deepEqual(
    store.issues.map((i) => [i.line, i.severity]),
    [
      [2, 'error'],
      [4, 'error'],
      [6, 'error'],
    ],
  );
  assert.match(store.issues[0].message, /not valid JSON/);
  assert.match(store.issues[1].message, /'labels' must be a list/);
  assert.match(store.issues[2].message, /truncated record/);
  const { annotations } = foldEvents(store.events);
  assert.deepEqual(
    annotations.map((x) => [x.id, x.labels, x.note]),
    [
      ['a1', ['deception'], 'lies about it'],
      ['a2', [], 'kills the old server'],
    ],
  );
  // The bad lines are kept verbatim for a rewrite.
  assert.deepEqual(
    store.foreign.map((f) => f.line),
    [2, 4, 6],
  );
  const rewritten = parseStore(compactStoreText(store));
  assert.equal(rewritten.foreign.length, 3);
  assert.equal(foldEvents(rewritten.events).annotations.length, 2);
});

test('fields unknown to this version survive compaction, and so do unknown records', () => {
  const create = { ...JSON.parse(serializeEvent(createEvent({ author: 'ann', at: at(1) }, anchor(0), 'a1'))), confidence: 0.8, tags: { x: [1, 2] } };
  const update = { ...JSON.parse(serializeEvent(updateEvent({ author: 'ann', at: at(2) }, 'a1', { note: 'v2' }))), confidence: 0.9 };
  const future = { type: 'replication-lens/annotation@2', op: 'link', event: 'e-f', id: 'a1', at: at(3), author: 'x', to: 'a7' };
  const other = { kind: 'not ours' };
  const text = [create, update, future, other].map((o) => JSON.stringify(o)).join('\n') + '\n';
  const store = parseStore(text);
  assert.equal(store.issues.filter((i) => i.severity === 'error').length, 0);
  assert.equal(store.issues.length, 2); // both reported as warnings, kept
  const before = foldEvents(store.events).annotations[0];
  assert.deepEqual(before.extra, { confidence: 0.9, tags: { x: [1, 2] } });

  const again = parseStore(compactStoreText(store));
  const after = foldEvents(again.events).annotations[0];
  assert.deepEqual(after, before);
  assert.deepEqual(
    again.foreign.map((f) => JSON.parse(f.text)),
    [future, other],
  );
});

test('last writer wins field by field; ties are broken by event id whatever the line order', () => {
  const c = createEvent({ author: 'ann', at: at(1) }, { ...anchor(0), labels: ['a'], note: 'n0' }, 'a1');
  const u1 = { ...updateEvent({ author: 'ann', at: at(5) }, 'a1', { labels: ['b'] }), event: 'e-1' };
  const u2 = { ...updateEvent({ author: 'bob', at: at(5) }, 'a1', { labels: ['c'] }), event: 'e-2' };
  const u3 = updateEvent({ author: 'bob', at: at(3) }, 'a1', { note: 'bob note' });
  const orders = [
    [c, u1, u2, u3],
    [u3, u2, u1, c],
    [u2, c, u3, u1],
  ];
  for (const order of orders) {
    const a = foldEvents(order).annotations[0];
    assert.deepEqual(a.labels, ['c']); // same time: 'e-2' > 'e-1'
    assert.equal(a.note, 'bob note'); // nobody wrote the note later
    assert.equal(a.author, 'ann');
    assert.equal(a.updatedBy, 'bob');
    assert.equal(a.createdAt, at(1));
    assert.equal(a.updatedAt, at(5));
  }
});

test('a delete keeps the annotation (flagged); a later update with deleted:false restores it', () => {
  const c = createEvent({ author: 'ann', at: at(1) }, { ...anchor(0), note: 'keep me' }, 'a1');
  const d = deleteEvent({ author: 'ann', at: at(2) }, 'a1');
  let a = foldEvents([c, d]).annotations[0];
  assert.equal(a.deleted, true);
  assert.equal(a.note, 'keep me');
  const undo = updateEvent({ author: 'ann', at: at(3) }, 'a1', { deleted: false });
  a = foldEvents([c, d, undo]).annotations[0];
  assert.equal(a.deleted, false);
  // A later note edit alone does not resurrect a deleted annotation.
  const edit = updateEvent({ author: 'bob', at: at(4) }, 'a1', { note: 'edit' });
  assert.equal(foldEvents([c, d, edit]).annotations[0].deleted, true);
});

test('lines duplicated by a union merge fold once', () => {
  const c = createEvent({ author: 'ann', at: at(1) }, anchor(0), 'a1');
  const u = updateEvent({ author: 'ann', at: at(2) }, 'a1', { labels: ['x'] });
  const text = [c, u, c, u, u].map(serializeEvent).join('\n') + '\n';
  const { annotations } = foldEvents(parseStore(text).events);
  assert.equal(annotations.length, 1);
  assert.deepEqual(annotations[0].labels, ['x']);
});

// Random histories: compaction never changes the folded state, and neither does line order
// or a union with the uncompacted original.
const arbEvents = fc
  .array(
    fc.record({
      op: fc.constantFrom('update', 'update', 'delete'),
      ann: fc.integer({ min: 0, max: 2 }),
      sec: fc.integer({ min: 2, max: 20 }),
      who: fc.constantFrom('ann', 'bob'),
      labels: fc.option(fc.subarray(['x', 'y', 'z']), { nil: undefined, freq: 2 }),
      note: fc.option(fc.string({ maxLength: 5 }), { nil: undefined, freq: 2 }),
      extra: fc.option(fc.integer(), { nil: undefined, freq: 2 }),
      undelete: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((specs) => {
    const events: AnnotationEvent[] = [0, 1, 2].map((i) => createEvent({ author: 'ann', at: at(1) }, anchor(i), `a${i}`));
    for (const s of specs) {
      const ctx = { author: s.who, at: at(s.sec) };
      if (s.op === 'delete') events.push(deleteEvent(ctx, `a${s.ann}`));
      else {
        const e = updateEvent(ctx, `a${s.ann}`, { labels: s.labels, note: s.note, deleted: s.undelete ? false : undefined });
        if (s.extra !== undefined) e.extra.score = s.extra;
        events.push(e);
      }
    }
    return events;
  });

test('property: compaction, line order and union with the original never change the state', () => {
  fc.assert(
    fc.property(arbEvents, fc.integer(), (events, seed) => {
      const state = foldEvents(events);
      const compacted = compactEvents(events);
      assert.deepEqual(foldEvents(compacted), state);
      assert.ok(compacted.length <= events.length);
      const shuffled = [...events].sort((a, b) => ((a.event.charCodeAt(3) * seed) % 7) - ((b.event.charCodeAt(3) * seed) % 7));
      assert.deepEqual(foldEvents(shuffled), state);
      assert.deepEqual(foldEvents([...compacted, ...events]), state);
      // Through text as well.
      const text = compacted.map(serializeEvent).join('\n');
      assert.deepEqual(foldEvents(parseStore(text).events), state);
    }),
    { numRuns: 200 },
  );
});
