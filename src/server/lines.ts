// Line offsets of a text, for LSP positions (0-based line and UTF-16 character). Built with
// indexOf('\n'), which is several times faster than a character loop on a 20 MB log.
import type { Position, Range } from 'vscode-languageserver/node';

export class Lines {
  private readonly starts: Int32Array;
  readonly lineCount: number;

  constructor(readonly text: string) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n);
    let k = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    this.starts = starts;
    this.lineCount = n;
  }

  /** Offset of a position (clamped to the text). */
  offsetAt(p: Position): number {
    if (p.line >= this.lineCount) return this.text.length;
    if (p.line < 0) return 0;
    const start = this.starts[p.line];
    return Math.min(start + Math.max(0, p.character), this.lineEnd(p.line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset just after the last character of a line (before its `\r\n` or `\n`). */
  lineEnd(line: number): number {
    let end = line + 1 < this.lineCount ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.lineCount - 1))];
  }

  lineLength(line: number): number {
    return this.lineEnd(line) - this.lineStart(line);
  }

  getText(r?: Range): string {
    return r ? this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end)) : this.text;
  }
}
