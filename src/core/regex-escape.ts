/** `s` as a regular expression that matches it literally (a path, a host, a name the run wrote). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
