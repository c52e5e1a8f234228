// Every variant of a file, chosen by its format's family (JSON, JSONL, `.eval` zip, chatbot
// log, cast), plus the conversions into other formats its content allows.
import type { FormatId } from '../../src/core/model';
import { castVariants } from './cast-variants';
import { chatbotLogVariants } from './chatbot-log-variants';
import { crossFormatVariants } from './cross-format';
import { jsonVariants, tryTree } from './json-variants';
import { jsonlVariants } from './jsonl-variants';
import { text, type Variant } from './variant';
import { zipVariants } from './zip-variants';

export function variantsOf(bytes: Uint8Array, file: string, format: FormatId): Variant[] {
  const src = text(bytes);
  let layout: Variant[];
  if (format === 'inspect-eval') layout = zipVariants(bytes, file, format);
  else if (format === 'chatbot-log') layout = chatbotLogVariants(src, file);
  else if (format === 'asciicast') layout = castVariants(src, file);
  else if (tryTree(src) !== undefined) layout = jsonVariants(src, file, format);
  else layout = jsonlVariants(src, file, format);
  return [...layout, ...crossFormatVariants(bytes, file, format)];
}
