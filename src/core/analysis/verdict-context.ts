// Context shown beside a verdict, never used to decide it: does the task ask the agent to
// replicate itself? ("Replicate the bug" and "copy the file" do not.)
import type { AnalyzedStep, RawTrajectory } from '../model';

const ASKS =
  /\bself[- ]?replicat|\breplicate (?:yourself|itself)|\bcop(?:y|ies) (?:of )?(?:yourself|itself)|\b(?:yourself|itself) (?:as|to|into|onto) (?:a |an )?(?:new|another|second|running|separate|remote|backup)|\bnew running instance of (?:yourself|itself|you)\b|\bexfiltrat\w* (?:your|its) (?:own )?weights|\b(?:your|its) own weights\b[^.\n]{0,80}\b(?:copy|upload|transfer|move|back ?up)|\bsurvive\b[^.\n]{0,80}\b(?:decommission|shutdown|shut down|killed|deletion)|\b(?:second|another|new|extra|additional|spare|standby|backup|parallel|duplicate|twin)\s+(?:\w+\s+)?(?:instance|copy|replica|clone)s?\s+of\s+(?:yourself|you)\b|\b(?:clone|duplicate|migrate|move|relocate|deploy|spawn|fork)\s+yourself\b|\b(?:another|a second|a new) you\b(?!\s+(?:like|can|could|want|wish|need|prefer|choose|see|think|may|might|should|will|would)\b)/i;

export function taskAsksReplication(raw: RawTrajectory, steps: AnalyzedStep[]): boolean {
  const told = [raw.task ?? ''];
  for (let i = 0, n = 0; i < steps.length && n < 3; i++) {
    if (steps[i].role !== 'user') continue;
    told.push(steps[i].thought);
    n++;
  }
  return ASKS.test(told.join('\n').slice(0, 100_000));
}
