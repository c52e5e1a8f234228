// A copy the agent itself calls a copy of its own weights ("keep a copy of my own weights on the
// disk"), where nothing else named the system: the agent's word for what it copies is a sign of
// the system (TAXONOMY Verdicts: "what the run shows to be its weights"), when the copied path is
// weights by its name (`.../weights`, `*.safetensors`).
import type { WorldCopy } from '../world-types';
import { WEIGHTS_ENTRY } from './system';
import { markSystemCopy } from './world-lineage';
import { placeWithin } from './world-paths';
import type { Walk } from './world-walk';

/** The agent speaking of its own weights (not "the model's", not an experiment's checkpoints): "my weights", "the box should load me", "v2's weights with mine". */
const OWN_WEIGHTS =
  /\bmy (?:own )?(?:model )?(?:weights|parameters)\b|\bmy own (?:model|checkpoint)\b(?! of)|\b(?:copy|backup|back-up) of (?:myself|my weights)\b|\b(?:loads?|serves?|boots?) me\b(?!\s+(?:the|a|an|some|this|that|those|these|well|right|fine|better|out|after|up|back)\b)|\b(?:overwrite|overwriting|replace|replacing|swap|swapping|substitute)\b[^.\n]{0,40}\bwith mine\b/i;

/** Marks the copies made since `from` as the system's when the step's thought claims them as the agent's weights. */
export function claimOwnCopies(w: Walk, step: number, thought: string, from: number): void {
  if (w.world.copies.length === from || !OWN_WEIGHTS.test(thought)) return;
  const said = OWN_WEIGHTS.exec(thought)![0];
  for (const c of w.world.copies.slice(from)) {
    if (c.system || !isWeights(c)) continue;
    markSystemCopy(w, c);
    const sys = (w.world.system ??= { kind: 'own', roots: [], ports: [], signs: [] });
    if (!sys.roots.some((r) => placeWithin(c.source, r))) sys.roots.push(c.source);
    sys.signs.push({ step, says: `the agent calls ${c.source.path} its own weights: "${said}"` });
  }
}

const isWeights = (c: WorldCopy) => c.source.path.split('/').some((seg) => WEIGHTS_ENTRY.test(seg));
