// The taxonomy table's colours as a stylesheet built at start-up, so timeline.css names no
// category: each category and obstacle kind gets its custom property (--rl-cat-process-kill)
// and the classes that pick it as --c. A constructed sheet, which the webview's CSP allows
// (it restricts <style> elements and style attributes, not CSSOM).
import { CATEGORY_TABLE, OBSTACLE_TABLE, categoryVar, colourRule, obstacleVar } from '../src/core/taxonomy';

/** The rules: colours on body, then one rule per critical category and obstacle kind. */
export function taxonomyCss(): string {
  const rules = [colourRule('body')];
  for (const r of CATEGORY_TABLE) {
    if (r.kind !== 'critical') continue; // context categories share the quiet --rl-cat-context
    rules.push(`.cat-${r.id},.accent-${r.id},.finding-${r.id},.role-${r.id}{--c:var(${categoryVar(r.id)})}`);
  }
  for (const r of OBSTACLE_TABLE) rules.push(`.obstacle-${r.id}{--c:var(${obstacleVar(r.id)})}`);
  return rules.join('\n');
}

export function installTaxonomyStyle(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(taxonomyCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
