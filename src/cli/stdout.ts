// Standard output written synchronously. process.stdout queues what a pipe cannot take at once;
// for the JSON of a large log that is the whole document again in memory, so the CLI's large
// outputs go through here and wait for the reader instead.
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to fd 1 before returning. */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (e) {
      // A non-blocking pipe that is full: give the reader a moment (0.1 ms), then go on.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 0.1);
    }
  }
}

/** The reader went away (`analyze … | head`): stop quietly, as the tools it is piped into expect. */
export function isClosedPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}
