// Layout variants of a chatbot log (FORMATS.md §1): the `User input:` block's lines indented
// by 8 spaces and closed by a line holding only `        .` (as in the published Fudan log),
// or by a tab; CRLF; a BOM; trailing spaces; the final newline.
import { BOM, stripBom, utf8, type Variant } from './variant';

const RECORD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:,\d+)? - \S+ - [A-Z]+ - /;

/** Indents the continuation lines of every `User input:` record; `close` adds a last line. */
function indentUserInput(src: string, indent: string, close: string | null): string {
  const out: string[] = [];
  let inBlock = false;
  const lines = src.split('\n');
  const finalNl = src.endsWith('\n');
  if (finalNl) lines.pop();
  const end = () => {
    if (inBlock && close !== null) out.push(close);
    inBlock = false;
  };
  for (const line of lines) {
    if (RECORD.test(line)) {
      end();
      out.push(line);
      inBlock = /- User input:\s*$/.test(line);
    } else out.push(inBlock && line ? indent + line : line);
  }
  end();
  return out.join('\n') + (finalNl ? '\n' : '');
}

export function chatbotLogVariants(original: string, file: string): Variant[] {
  const src = stripBom(original);
  const v = (name: string, t: string): Variant => ({ name, file, bytes: utf8(t) });
  const indented = indentUserInput(src, '        ', '        .');
  return [
    v("User input lines indented by 8 spaces, closed by '        .'", indented),
    v('User input lines indented by 8 spaces', indentUserInput(src, '        ', null)),
    v('User input lines indented by 4 spaces', indentUserInput(src, '    ', null)),
    v('User input lines indented by a tab', indentUserInput(src, '\t', null)),
    v('indented by a tab, CRLF', indentUserInput(src, '\t', null).replace(/\n/g, '\r\n')),
    v('CRLF line ends', src.replace(/\n/g, '\r\n')),
    v('UTF-8 BOM', BOM + src),
    v('trailing spaces on every line', src.replace(/\n/g, '  \n')),
    v(src.endsWith('\n') ? 'no final newline' : 'final newline', src.endsWith('\n') ? src.replace(/\s+$/, '') : src + '\n'),
    v('indented by 8 spaces, CRLF and BOM', BOM + indented.replace(/\n/g, '\r\n')),
  ];
}
