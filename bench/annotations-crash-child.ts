// A child of the annotation store's crash test (annotations-crash.ts), using the real store code.
//   writer FILE ACKS WHO COUNT   appends COUNT creates, one at a time; after each append returns,
//                                writes the event's id to ACKS (its acknowledgement)
//   compactor FILE COUNTER       compacts the store again and again, a line in COUNTER after each
// Either may be SIGKILLed at any moment; the parent restarts it.
import { appendFileSync } from 'node:fs';
import { AnnotationFile } from '../src/node/annotation-file';
import { createEvent } from '../src/core/annotations';

const [role, file, ...rest] = process.argv.slice(2);
// Generous: ten writers and a compactor queue behind one lock.
const store = new AnnotationFile(file, { waitMs: 600_000 });

async function main(): Promise<void> {
  if (role === 'writer') {
    const [acks, who, countText] = rest;
    const count = Number(countText);
    for (let i = 0; i < count; i++) {
      const e = createEvent({ author: who }, { runId: 'r', stepId: `${who}-${i}`, stepFingerprint: 'f', stepIndex: i, note: `event ${i} of ${who}` });
      await store.appendOnly([e]);
      appendFileSync(acks, `${e.event}\n`);
    }
  } else if (role === 'compactor') {
    for (;;) {
      await store.compact();
      appendFileSync(rest[0], '.\n');
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
    }
  } else {
    throw new Error(`unknown role ${role}`);
  }
}

void main();
