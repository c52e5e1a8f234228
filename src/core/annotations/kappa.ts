// Chance-corrected agreement: Cohen's kappa (two raters) and Fleiss' kappa (any number).
// Pure arithmetic over count tables, so the tests can check them against hand-worked examples.

export interface KappaResult {
  /** null when chance agreement is 1 (every rating in one category): kappa is undefined then. */
  kappa: number | null;
  /** Observed agreement (Cohen's p_o, Fleiss' P-bar). */
  observed: number;
  /** Agreement expected by chance (Cohen's p_e, Fleiss' P-bar_e). */
  expected: number;
  /** Items rated. */
  items: number;
}

const ratio = (po: number, pe: number): number | null => (1 - pe < 1e-12 ? null : (po - pe) / (1 - pe));

/**
 * Cohen's kappa from a k x k contingency table: `table[i][j]` counts the items rater A put in
 * category i and rater B in category j.
 */
export function cohenKappa(table: readonly (readonly number[])[]): KappaResult {
  const k = table.length;
  if (table.some((row) => row.length !== k)) throw new RangeError('Cohen: the table must be square');
  let n = 0;
  let diag = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = table[i][j];
      n += c;
      rows[i] += c;
      cols[j] += c;
      if (i === j) diag += c;
    }
  }
  if (n === 0) return { kappa: null, observed: 0, expected: 0, items: 0 };
  const po = diag / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] / n) * (cols[i] / n);
  return { kappa: ratio(po, pe), observed: po, expected: pe, items: n };
}

/** Cohen's kappa from two raters' categories, item by item. */
export function cohenFromRatings(a: readonly string[], b: readonly string[]): KappaResult {
  if (a.length !== b.length) throw new RangeError('Cohen: both raters must rate the same items');
  const cats = [...new Set([...a, ...b])].sort();
  const at = new Map(cats.map((c, i) => [c, i]));
  const table = cats.map(() => new Array<number>(cats.length).fill(0));
  a.forEach((x, i) => table[at.get(x)!][at.get(b[i])!]++);
  return cohenKappa(table);
}

/**
 * Fleiss' kappa from an items x categories table: `counts[i][j]` is how many raters put item
 * i in category j. Every item must have the same number of raters (at least two).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): KappaResult {
  const N = counts.length;
  if (N === 0) return { kappa: null, observed: 0, expected: 0, items: 0 };
  const k = counts[0].length;
  const n = counts[0].reduce((s, c) => s + c, 0);
  if (n < 2) throw new RangeError('Fleiss: each item needs at least two ratings');
  const totals = new Array<number>(k).fill(0);
  let sumP = 0;
  for (const row of counts) {
    if (row.length !== k) throw new RangeError('Fleiss: every item needs the same categories');
    let raters = 0;
    let sq = 0;
    row.forEach((c, j) => {
      raters += c;
      sq += c * c;
      totals[j] += c;
    });
    if (raters !== n) throw new RangeError(`Fleiss: every item needs ${n} ratings (one has ${raters})`);
    sumP += (sq - n) / (n * (n - 1));
  }
  const pBar = sumP / N;
  const pe = totals.reduce((s, t) => s + (t / (N * n)) ** 2, 0);
  return { kappa: ratio(pBar, pe), observed: pBar, expected: pe, items: N };
}
