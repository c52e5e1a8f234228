// Layout variants of an asciinema cast: v2 <-> v3 (v3 times are relative to the previous
// event), header key order, event layout, comment lines, line ends, BOM, escapes. CRLF inside
// the recorded data is what the terminal printed, not layout: it is never touched.
import { JNum, JObj, parseTree, reverseKeys, serialize, shuffleKeys, field, type J, type Style } from './json-tree';
import { BOM, stripBom, utf8, type Variant } from './variant';

interface Cast {
  header: JObj;
  events: J[][];
}

function readCast(src: string): Cast {
  const lines = stripBom(src).split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() && !l.startsWith('#'));
  const header = parseTree(lines[0]);
  if (!(header instanceof JObj)) throw new Error('cast header is not an object');
  return { header, events: lines.slice(1).map((l) => parseTree(l) as J[]) };
}

const num = (j: J): number => (j instanceof JNum ? Number(j.raw) : NaN);
const time = (t: number) => new JNum(String(Math.round(t * 1e6) / 1e6));

/** Events with absolute times (v2) from relative ones (v3), or the reverse. */
function retime(events: J[][], toRelative: boolean): J[][] {
  let prev = 0;
  return events.map(([t, ...rest]) => {
    const v = num(t);
    const out = toRelative ? v - prev : prev + v;
    prev = toRelative ? v : out;
    return [time(out), ...rest];
  });
}

function toV3(c: Cast): Cast {
  const h = c.header.entries;
  const term: [string, J][] = [['cols', field(h, 'width') ?? new JNum('80')], ['rows', field(h, 'height') ?? new JNum('24')]];
  const env = field(h, 'env');
  const type = env instanceof JObj ? field(env.entries, 'TERM') : undefined;
  if (typeof type === 'string') term.push(['type', type]);
  const rest = h.filter(([k]) => !['version', 'width', 'height'].includes(k));
  return { header: new JObj([['version', new JNum('3')], ['term', new JObj(term)], ...rest]), events: retime(c.events, true) };
}

function toV2(c: Cast): Cast {
  const h = c.header.entries;
  const term = field(h, 'term');
  const t = term instanceof JObj ? term.entries : [];
  const rest = h.filter(([k]) => !['version', 'term'].includes(k));
  const header = new JObj([['version', new JNum('2')], ['width', field(t, 'cols') ?? new JNum('80')], ['height', field(t, 'rows') ?? new JNum('24')], ...rest]);
  // v3's exit-status events have no v2 counterpart.
  return { header, events: retime(c.events, false).filter((e) => e[1] !== 'x') };
}

function writeCast(c: Cast, style: Style = { indent: '', pythonSeparators: true }, eol = '\n', header = c.header as J): string {
  return [serialize(header, style), ...c.events.map((e) => serialize(e, style))].join(eol) + eol;
}

export function castVariants(original: string, file: string): Variant[] {
  const cast = readCast(original);
  const version = num(field(cast.header.entries, 'version') ?? null);
  const v = (name: string, t: string): Variant => ({ name, file, bytes: utf8(t) });
  const src = stripBom(original);
  const other = version === 3 ? toV2(cast) : toV3(cast);
  const v3 = version === 3 ? cast : other;
  const withComments = writeCast(v3).replace('\n', '\n# recorded for the metamorphic suite\n');
  return [
    v(version === 3 ? 'as v2 (absolute times)' : 'as v3 (relative times)', writeCast(other)),
    v('as v3 with # comment lines', withComments),
    v('header keys reversed', writeCast(cast, undefined, '\n', reverseKeys(cast.header))),
    v('header keys shuffled (seed 5)', writeCast(cast, undefined, '\n', shuffleKeys(cast.header, 5))),
    v('events compact', writeCast(cast, { indent: '' })),
    v('CRLF line ends between records', writeCast(cast, undefined, '\r\n')),
    v('UTF-8 BOM', BOM + src),
    v('non-ASCII as \\uXXXX (ensure_ascii)', writeCast(cast, { indent: '', pythonSeparators: true, escape: 'ensure-ascii' })),
    v(src.endsWith('\n') ? 'no final newline' : 'final newline', src.endsWith('\n') ? src.replace(/\s+$/, '') : src + '\n'),
  ];
}
