// Layout variants of an asciinema cast: v2 <-> v3 (v3 times are relative to the previous
// event), header key order, event layout, comment lines, line ends, BOM, escapes. CRLF inside
// the recorded data is what the terminal printed, not layout: it is never touched. A damaged
// event line is kept as it is, where it is. A v1 cast is one JSON document.
import { JNum, JObj, parseTree, Raw, reverseKeys, serialize, shuffleKeys, field, type J, type Style } from './json-tree';
import { jsonVariants, tryTree } from './json-variants';
import { BOM, stripBom, utf8, type Variant } from './variant';

type Event = J[] | Raw;
interface Cast {
  header: JObj;
  events: Event[];
}

function parseEvent(line: string): Event {
  try {
    const e = parseTree(line);
    return Array.isArray(e) ? e : new Raw(line);
  } catch {
    return new Raw(line);
  }
}

function readCast(src: string): Cast {
  const lines = stripBom(src)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.startsWith('#'));
  const header = parseTree(lines[0]);
  if (!(header instanceof JObj)) throw new Error('cast header is not an object');
  return { header, events: lines.slice(1).map(parseEvent) };
}

const num = (j: J | undefined): number => (j instanceof JNum ? Number(j.raw) : NaN);
const time = (t: number) => new JNum(String(Math.round(t * 1e6) / 1e6));

/** Events with absolute times (v2) from relative ones (v3), or the reverse. */
function retime(events: Event[], toRelative: boolean): Event[] {
  let prev = 0;
  return events.map((e) => {
    if (e instanceof Raw || !Number.isFinite(num(e[0]))) return e;
    const [t, ...rest] = e;
    const v = num(t);
    const out = toRelative ? v - prev : prev + v;
    prev = toRelative ? v : out;
    return [time(out), ...rest];
  });
}

function toV3(c: Cast): Cast {
  const h = c.header.entries;
  const term: [string, J][] = [
    ['cols', field(h, 'width') ?? new JNum('80')],
    ['rows', field(h, 'height') ?? new JNum('24')],
  ];
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
  return { header, events: retime(c.events, false).filter((e) => e instanceof Raw || e[1] !== 'x') };
}

function writeCast(c: Cast, style: Style = { indent: '', pythonSeparators: true }, eol = '\n', header = c.header as J): string {
  const events = c.events.map((e) => (e instanceof Raw ? e.text : serialize(e, style)));
  return [serialize(header, style), ...events].join(eol) + eol;
}

export function castVariants(original: string, file: string): Variant[] {
  const src = stripBom(original);
  const whole = tryTree(src);
  if (whole instanceof JObj && num(field(whole.entries, 'version')) === 1) return jsonVariants(original, file, 'asciicast');
  const cast = readCast(original);
  const version = num(field(cast.header.entries, 'version'));
  const v = (name: string, t: string): Variant => ({ name, file, bytes: utf8(t) });
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
