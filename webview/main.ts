// Entry of the timeline webview (browser ESM). Reads the host's seed from the page (escaped JSON
// in a data attribute, never inline script), registers the web components it uses, starts the app.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import type { TimelineBoot } from '../src/protocol/webview';
import { TimelineApp } from './app';
import { installTaxonomyStyle } from './taxonomy-style';

function readBoot(): TimelineBoot {
  const fallback: TimelineBoot = { uri: '', fileName: '', textSource: false, reveal: null };
  const raw = document.body.dataset.boot;
  if (!raw) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(raw) as Partial<TimelineBoot>) };
  } catch {
    return fallback;
  }
}

installTaxonomyStyle(document);
const app = new TimelineApp(readBoot());
// For tests and debugging from the devtools console; holds no secrets.
(window as unknown as { timeline: TimelineApp }).timeline = app;
