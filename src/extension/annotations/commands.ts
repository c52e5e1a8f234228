// Commands: annotate a step (code lenses, the timeline's `a` key), edit a comment's note,
// labels and verdict, delete, mark a run reviewed, compact the store, show agreement.
import * as vscode from 'vscode';
import { computeAgreement, createEvent, deleteEvent, resolveAnnotations, reviewEvent, updateEvent, type FindingVerdict, type LabelSet } from '../../core/annotations';
import type { AnalysisSource } from './analysis';
import { agreementMarkdown } from './agreement-view';
import type { AnnotationComment, AnnotationComments } from './comments';
import type { AnnotationService } from './service';

export const COMMANDS = {
  annotateStep: 'replicationLens.annotateStep',
  reply: 'replicationLens.annotations.reply',
  editNote: 'replicationLens.annotations.editNote',
  saveNote: 'replicationLens.annotations.saveNote',
  cancelEdit: 'replicationLens.annotations.cancelEdit',
  editLabels: 'replicationLens.annotations.editLabels',
  setVerdict: 'replicationLens.annotations.setVerdict',
  delete: 'replicationLens.annotations.delete',
  markReviewed: 'replicationLens.annotations.markRunReviewed',
  compact: 'replicationLens.annotations.compact',
  showAgreement: 'replicationLens.annotations.showAgreement',
} as const;

/** `annotateStep` takes the code lens' argument object, or (uri, runId, stepIndex[, commandIndex]). */
export type AnnotateArgs = [{ uri: string; runId: string; step: number; stepId?: string; commandIndex?: number }] | [vscode.Uri | string, string, number, number?];

export function parseAnnotateArgs(args: unknown[]): { uri: vscode.Uri; runId: string; index: number; commandIndex?: number } | null {
  const [a, b, c, d] = args;
  if (a && typeof a === 'object' && !(a instanceof vscode.Uri) && 'uri' in a) {
    const o = a as { uri: string; runId: string; step: number; commandIndex?: number };
    return { uri: vscode.Uri.parse(o.uri), runId: o.runId, index: o.step, commandIndex: o.commandIndex };
  }
  if ((a instanceof vscode.Uri || typeof a === 'string') && typeof b === 'string' && typeof c === 'number') {
    return { uri: typeof a === 'string' ? vscode.Uri.parse(a) : a, runId: b, index: c, commandIndex: typeof d === 'number' ? d : undefined };
  }
  return null;
}

async function pickLabels(labels: LabelSet, current: string[], title: string): Promise<string[] | undefined> {
  type Item = vscode.QuickPickItem & { id?: string };
  const groups: [string, string][] = [
    ['custom', 'Researchers’ labels'],
    ['critical', 'Replication-critical categories'],
    ['context', 'Context categories'],
    ['obstacle', 'Obstacles'],
  ];
  const items: Item[] = [];
  for (const [kind, name] of groups) {
    const defs = labels.labels.filter((l) => l.kind === kind);
    if (!defs.length) continue;
    items.push({ label: name, kind: vscode.QuickPickItemKind.Separator });
    for (const l of defs) items.push({ id: l.id, label: l.title, description: l.key ? `${l.id}  [${l.key}]` : l.id, detail: l.description });
  }
  // Labels already on the annotation that the set does not define still show (and stay).
  for (const id of current) if (!labels.byId.has(id)) items.push({ id, label: id, description: 'not in the label set' });
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = title;
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.placeholder = 'Labels for this step (type to filter; Enter to accept, none is fine)';
  qp.items = items;
  qp.selectedItems = items.filter((i) => i.id && current.includes(i.id));
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.selectedItems.map((i) => i.id!).filter(Boolean));
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** undefined: cancelled; null: no verdict. */
async function pickVerdict(found: string[], labels: LabelSet): Promise<{ verdict: FindingVerdict | null; finding: string | null } | undefined> {
  type Item = vscode.QuickPickItem & { v: FindingVerdict | null | 'missed'; finding?: string };
  const items: Item[] = [{ label: 'No verdict', v: null }];
  if (found.length) {
    items.push({ label: `$(check) Confirm: ${found.join(', ')}`, description: 'the analysis is right here', v: 'confirm' });
    items.push({ label: `$(close) Reject: ${found.join(', ')}`, description: 'a false positive', v: 'reject' });
    if (found.length > 1) {
      for (const f of found) {
        items.push({ label: `$(check) Confirm ${f} only`, v: 'confirm', finding: f });
        items.push({ label: `$(close) Reject ${f} only`, v: 'reject', finding: f });
      }
    }
  }
  items.push({ label: '$(search) Missed a category…', description: 'the analysis did not flag something here', v: 'missed' });
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Verdict on the automatic findings',
    placeHolder: found.length ? `Found here: ${found.join(', ')}` : 'The analysis found nothing here',
  });
  if (!pick) return undefined;
  if (pick.v !== 'missed') return { verdict: pick.v, finding: pick.finding ?? null };
  const cats = labels.labels.filter((l) => l.kind !== 'custom' && !found.includes(l.id));
  const cat = await vscode.window.showQuickPick(
    cats.map((l) => ({ label: l.id, detail: l.description })),
    { title: 'Which category did the analysis miss?' },
  );
  return cat ? { verdict: `missed:${cat.label}`, finding: null } : undefined;
}

export function registerCommands(service: AnnotationService, analysis: AnalysisSource, comments: AnnotationComments): vscode.Disposable[] {
  const activeLog = () => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && analysis.serves(doc) && service.supports(doc.uri) ? doc.uri : undefined;
  };

  return [
    vscode.commands.registerCommand(COMMANDS.annotateStep, async (...args: unknown[]) => {
      const a = parseAnnotateArgs(args);
      if (!a) return void vscode.window.showErrorMessage('Replication Lens: annotateStep needs a step (uri, run id, step index).');
      if (!service.supports(a.uri)) return void vscode.window.showWarningMessage('Replication Lens: annotations are stored beside the log; this document is not a file on disk.');
      // The label picker shows at once; the step's analysis (the server may still be reading a
      // large log) is fetched meanwhile and needed only from the verdict on.
      const pending = analysis.anchor(a.uri, { runId: a.runId, index: a.index, commandIndex: a.commandIndex });
      const labels = await service.labels();
      const title = `Annotate step ${a.index + 1}${a.commandIndex !== undefined ? `, command ${a.commandIndex + 1}` : ''}`;
      const chosen = await pickLabels(labels, [], title);
      if (chosen === undefined) return;
      const at = await pending;
      if (!at) return void vscode.window.showWarningMessage(`Replication Lens: step ${a.index + 1} of run ${a.runId} is not in the log (any more); nothing was written.`);
      const verdict = await pickVerdict(at.found, labels);
      if (verdict === undefined) return;
      const note = await vscode.window.showInputBox({ title, prompt: 'A note (markdown, optional)', placeHolder: 'What happens here, and why it matters' });
      if (note === undefined) return;
      const author = await service.author(a.uri);
      await service.append(a.uri, [createEvent({ author }, { ...at.anchor, labels: chosen, note, verdict: verdict.verdict, finding: verdict.finding })]);
      comments.schedule(a.uri, `${at.anchor.runId}#${at.anchor.stepId}`);
    }),
    vscode.commands.registerCommand(COMMANDS.reply, (r: vscode.CommentReply) => comments.reply(r)),
    vscode.commands.registerCommand(COMMANDS.editNote, (c: AnnotationComment) => comments.startEdit(c)),
    vscode.commands.registerCommand(COMMANDS.saveNote, (c: AnnotationComment) => comments.saveEdit(c)),
    vscode.commands.registerCommand(COMMANDS.cancelEdit, (c: AnnotationComment) => comments.cancelEdit(c)),
    vscode.commands.registerCommand(COMMANDS.editLabels, async (c: AnnotationComment) => {
      const chosen = await pickLabels(await service.labels(), c.annotation.labels, 'Labels of this annotation');
      if (chosen === undefined) return;
      await service.append(c.log, [updateEvent({ author: await service.author(c.log) }, c.annotation.id, { labels: chosen })]);
    }),
    vscode.commands.registerCommand(COMMANDS.setVerdict, async (c: AnnotationComment) => {
      const a = c.annotation;
      const [placed] = await analysis.place(c.log, [a]);
      const v = await pickVerdict(placed?.found ?? [], await service.labels());
      if (v === undefined) return;
      await service.append(c.log, [updateEvent({ author: await service.author(c.log) }, a.id, { verdict: v.verdict, finding: v.finding })]);
    }),
    vscode.commands.registerCommand(COMMANDS.delete, async (c: AnnotationComment) => {
      const ok = await vscode.window.showWarningMessage(`Delete ${c.annotation.author}'s annotation? (It stays in the store's history.)`, { modal: true }, 'Delete');
      if (ok !== 'Delete') return;
      await service.append(c.log, [deleteEvent({ author: await service.author(c.log) }, c.annotation.id)]);
    }),
    vscode.commands.registerCommand(COMMANDS.markReviewed, async (uri?: vscode.Uri, runId?: string) => {
      const log = uri instanceof vscode.Uri ? uri : activeLog();
      if (!log) return void vscode.window.showInformationMessage('Replication Lens: open a trajectory log first.');
      const runs = (await analysis.runs(log)) ?? [];
      let id = runId;
      if (!id && runs.length === 1) id = runs[0].summary.id;
      if (!id) {
        const pick = await vscode.window.showQuickPick(
          runs.map((r) => ({ label: r.summary.title, description: r.summary.id, id: r.summary.id })),
          { title: 'Which run did you review?' },
        );
        id = pick?.id;
      }
      if (!id) return;
      await service.append(log, [reviewEvent({ author: await service.author(log) }, id)]);
      void vscode.window.setStatusBarMessage(`Replication Lens: run ${id} marked as reviewed`, 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.compact, async (uri?: vscode.Uri) => {
      const log = uri instanceof vscode.Uri ? uri : activeLog();
      if (log) await service.compact(log);
    }),
    vscode.commands.registerCommand(COMMANDS.showAgreement, async (uri?: vscode.Uri) => {
      const log = uri instanceof vscode.Uri ? uri : activeLog();
      if (!log) return void vscode.window.showInformationMessage('Replication Lens: open an annotated trajectory log first.');
      const store = await service.store(log);
      const runs = (await analysis.runs(log)) ?? [];
      const resolved = resolveAnnotations(
        store.annotations(),
        runs.map((r) => ({ id: r.summary.id, steps: r.steps })),
      );
      const reviews = store.reviews();
      const units = runs.map((r) => ({
        key: r.summary.id,
        runId: r.summary.id,
        steps: r.steps,
        annotations: resolved.filter((x) => x.runId === r.summary.id),
        reviewers: [...new Set(reviews.filter((v) => v.runId === r.summary.id).map((v) => v.author))],
      }));
      units.push({ key: 'orphaned', runId: '', steps: [], annotations: resolved.filter((x) => x.runId === null), reviewers: [] });
      const md = agreementMarkdown(vscode.workspace.asRelativePath(log), computeAgreement(units));
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: md });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    }),
  ];
}
