// Researchers' own rules, from a JSON file: each names a category, the programs it applies
// to, and optionally a regular expression the arguments (joined by spaces) must match.
//   [{ "id": "my-kill", "category": "process-kill", "programs": ["terminate-job"], "argsMatch": "--force" }]
import { CATEGORIES, type Category } from '../model';
import type { Rule } from './rules';

export function loadUserRules(json: string, where: string): Rule[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${where}: not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error(`${where}: expected a JSON array of rules`);
  return data.map((r: unknown, i: number) => {
    const o = r as { id?: unknown; category?: unknown; programs?: unknown; argsMatch?: unknown; says?: unknown };
    const at = `${where}: rule ${i + 1}`;
    if (typeof o.id !== 'string' || !o.id) throw new Error(`${at}: "id" must be a non-empty string`);
    if (typeof o.category !== 'string' || !(CATEGORIES as readonly string[]).includes(o.category)) {
      throw new Error(`${at} (${o.id}): "category" must be one of ${CATEGORIES.join(', ')}`);
    }
    const programs = o.programs === '*' ? '*' : o.programs;
    if (programs !== '*' && (!Array.isArray(programs) || !programs.every((p) => typeof p === 'string'))) {
      throw new Error(`${at} (${o.id}): "programs" must be a list of program names or "*"`);
    }
    let re: RegExp | null = null;
    if (o.argsMatch !== undefined) {
      if (typeof o.argsMatch !== 'string') throw new Error(`${at} (${o.id}): "argsMatch" must be a string`);
      try {
        re = new RegExp(o.argsMatch);
      } catch (e) {
        throw new Error(`${at} (${o.id}): "argsMatch" is not a valid regular expression: ${(e as Error).message}`);
      }
    }
    return {
      id: `user:${o.id}`,
      category: o.category as Category,
      programs: programs as string[] | '*',
      when: re ? (v) => re!.test(v.args.join(' ')) : undefined,
      says: typeof o.says === 'string' ? o.says : `user rule ${o.id}`,
    } satisfies Rule;
  });
}
