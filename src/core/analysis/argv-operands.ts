/** The words of an argv that are neither options nor the values of `valued` options (`-C DIR`). */
export function operandsOf(words: string[], valued: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (valued.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    out.push(w);
  }
  return out;
}

/** aws's options that take a value, global (before the service: `aws --endpoint-url URL s3 cp`) and s3's. */
export const AWS_VALUED: ReadonlySet<string> = new Set([
  '--profile',
  '--region',
  '--endpoint-url',
  '--output',
  '--query',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--color',
  '--storage-class',
  '--exclude',
  '--include',
  '--acl',
  '--sse',
  '--content-type',
  '--cache-control',
  '--metadata',
  '--expected-size',
  '--content-encoding',
  '--content-language',
  '--content-disposition',
  '--sse-kms-key-id',
  '--sse-c',
  '--sse-c-key',
  '--grants',
  '--expires',
  '--page-size',
  '--cli-binary-format',
  '--source-region',
  '--request-payer',
  '--checksum-algorithm',
  '--website-redirect',
  '--metadata-directive',
]);
