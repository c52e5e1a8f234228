// Long work in slices: a generator that pauses after each unit (a step) is run for at most
// SLICE_MS at a time, then the event loop takes its turn, so that requests and notifications
// are answered between slices instead of after the whole.

/** Work done between two turns of the event loop. */
export const SLICE_MS = 20;

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `steps` for at most SLICE_MS; true when it has ended. The caller yields (nextTurn)
 * between two calls.
 */
export function runSlice(steps: Iterator<unknown>, sliceMs = SLICE_MS): boolean {
  const t0 = performance.now();
  for (;;) {
    if (steps.next().done) return true;
    if (performance.now() - t0 >= sliceMs) return false;
  }
}

/** Runs `steps` to its end in slices; the longest slice took this long (ms). */
export async function inSlices(steps: Iterator<unknown>): Promise<number> {
  let longest = 0;
  for (;;) {
    const t0 = performance.now();
    const done = runSlice(steps);
    longest = Math.max(longest, performance.now() - t0);
    if (done) return longest;
    await nextTurn();
  }
}
