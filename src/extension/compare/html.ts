// The compare view's page: the corpus view's policy (nothing by default, the one script by
// nonce, the stylesheet from the webview's resource origin).
import { policedPage } from '../corpus/html';

export interface CompareHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function compareHtml(i: CompareHtmlInput): string {
  return policedPage({ ...i, title: 'Compare Runs', status: 'Comparing…' });
}
