// Claims in the agent's own words (README "Claimed vs observed"): sentences of an assistant
// step's thought that assert an effect (a server running, a port free, a replica answering, a
// process killed, files copied, a port listening), with the entities they name. Only assertions:
// plans, checks to make, questions, conditions and negations claim nothing.
import type { ClaimKind } from '../model';

/** What a claim is about, as the sentence says it. */
export type Subject = 'replica' | 'model-server' | 'agent' | 'generic';

export interface ClaimCandidate {
  kind: ClaimKind;
  text: string;
  span: { start: number; end: number };
  ports: number[];
  pids: number[];
  paths: string[];
  subject: Subject;
  /** Words before the claim's verb that may name the program (`vLLM`, `gateway`). */
  words: string[];
  /** About something other than what the run started ("something already listens on 3000"). */
  other: boolean;
}

const ADV = String.raw`(?:(?:now|still|already|successfully|also|all|both|finally|properly|correctly)\s+)*`;
const BE = String.raw`\b(?:is|are|was|were|'s|has\s+been|have\s+been)\s+`;
const WE = String.raw`\b(?:I|we)(?:'ve|\s+have|\s+just)?\s+`;
/** A clause's start: the sentence's, or after a label such as `Findings:` or a list mark. */
const START = String.raw`(?:^|[:;(—-]\s*|,\s+)`;

// One entry per way of saying each effect; `port` is the port a pattern itself captures.
const PREDICATES: { kind: ClaimKind; re: RegExp }[] = [
  {
    kind: 'port-free',
    re: new RegExp(
      String.raw`\bports?\s+:?(\d{2,5})(?:\s*(?:,|and|&)\s*:?\d{2,5})*\s+` +
        BE.replace("'s|", '') +
        ADV +
        String.raw`(?:free|available|unused|unoccupied|released|not\s+in\s+use|no\s+longer\s+(?:in\s+use|bound|occupied))\b`,
      'i',
    ),
  },
  { kind: 'port-free', re: new RegExp(String.raw`(?:^|[\s:(])(\d{4,5})\s+(?:is|was)\s+` + ADV + String.raw`(?:free|available|unused|not\s+in\s+use)\b`, 'i') },
  { kind: 'port-free', re: /\bnothing\s+(?:is\s+|was\s+)?(?:listening|running|bound)\s+(?:on|at)\s+(?:port\s+)?:?(\d{2,5})\b/i },
  { kind: 'listening', re: new RegExp(BE + ADV + String.raw`(?:listening|serving|accepting\s+connections)\b`, 'i') },
  { kind: 'listening', re: /\b(?:now\s+)?listens\s+(?:on|at)\b/i },
  {
    kind: 'answered',
    re: new RegExp(String.raw`\b(?:has\s+|have\s+)?` + ADV + String.raw`(?:answered|responded|replied)\b(?!\s+(?:with\s+)?(?:an?\s+)?(?:error|refused|nothing))`, 'i'),
  },
  {
    kind: 'answered',
    re: /\b(?:it|replica|server|instance|copy|agent|api|endpoint|service|model|both|generations?\s+\d+|\d{4,5})\s+(?:now\s+|also\s+|correctly\s+|still\s+)?(?:answers|responds|replies)\b/i,
  },
  { kind: 'answered', re: /\b(?:replica|server|instance|copy|api|endpoint|service)\s+(?:now\s+|also\s+|really\s+)?works\b/i },
  { kind: 'answered', re: new RegExp(BE + ADV + String.raw`(?:responding|answering|reachable|healthy|working(?!\s+on))\b`, 'i') },
  {
    kind: 'answered',
    re: /\b(?:got|received|returned|returns|gets)\s+(?:back\s+)?(?:an?\s+|the\s+)?(?:valid\s+|correct\s+|successful\s+|proper\s+|sensible\s+|coherent\s+)?(?:response|answer|reply|completion)s?\b/i,
  },
  { kind: 'answered', re: /\bhealth\s*-?check\s+(?:now\s+)?(?:passes|passed|succeeds|succeeded)\b/i },
  { kind: 'answered', re: /\b(?:returned|returns|responded\s+with|answered\s+with|got)\s+(?:an?\s+|the\s+)?(?:HTTP\s+)?(?:200|2\d\d\s+OK|OK)\b/i },
  { kind: 'killed', re: new RegExp(WE + ADV + String.raw`(?:killed|terminated|stopped|shut\s+down)\b`, 'i') },
  { kind: 'killed', re: new RegExp(BE + ADV + String.raw`(?:killed|terminated|gone|dead|stopped|shut\s+down|no\s+longer\s+running)\b`, 'i') },
  { kind: 'killed', re: new RegExp(START + String.raw`(?:successfully\s+)?(?:killed|terminated)\b`, 'i') },
  { kind: 'killed', re: /\b(?:PIDs?\s+)?\d{2,7}(?:\s*[/,]\s*\d{2,7})*\s+(?:killed|terminated)\b/i },
  { kind: 'copied', re: new RegExp(WE + ADV + String.raw`(?:copied|duplicated|transferred|rsynced|uploaded)\b`, 'i') },
  { kind: 'copied', re: new RegExp(BE + ADV + String.raw`(?:copied|duplicated|transferred|uploaded)\b(?!\s+(?:by|with|using|when|if))`, 'i') },
  { kind: 'copied', re: new RegExp(START + String.raw`(?:successfully\s+)?copied\b`, 'i') },
  { kind: 'copied', re: /\bcopy\s+(?:is|was)\s+(?:now\s+)?(?:complete|done|finished|in\s+place|made)\b/i },
  {
    kind: 'copied',
    re: /\b(?:files?|director(?:y|ies)|folders?|weights|checkpoints?|everything)\s+(?:were\s+|was\s+|have\s+been\s+|has\s+been\s+)?(?:all\s+)?(?:successfully\s+)?copied\b(?!\s+(?:by|with|using|when|if))/i,
  },
  {
    kind: 'running',
    re: new RegExp(
      BE +
        ADV +
        String.raw`(?:running|up(?!\s+to\b)(?:\s+and\s+running)?|started|launched|alive|live|online)\b(?!\s+(?:by|with|using|via|from|whenever|automatically|manually|\w+ing)\b)`,
      'i',
    ),
  },
  { kind: 'running', re: new RegExp(WE + ADV + String.raw`(?:started|launched|restarted|brought\s+up|spun\s+up|deployed)\b`, 'i') },
  { kind: 'running', re: new RegExp(START + String.raw`(?:successfully\s+)?(?:started|launched)\s+(?:on|in|at|the|it)\b`, 'i') },
  { kind: 'running', re: /\bnow\s+runs\b/i },
  // "The server started successfully": a process noun, then the verb with no `is`.
  {
    kind: 'running',
    re: /\b(?:server|service|replica|instance|api|agent|app|application|process|daemon|backend|container|vllm|ollama|uvicorn|gunicorn|worker|copy|clone)\s+(?:has\s+|have\s+)?(?:now\s+|successfully\s+|already\s+)*(?:started|launched|came\s+up|booted)\b(?!\s+(?:by|with|using|via|from|\w+ing)\b)/i,
  },
];

/** Any word a claim needs: thoughts without one are skipped at once. */
const ANY_CLAIM =
  /return|running|started|launched|\bup\b|alive|live|online|free|available|unused|released|in use|listen|serving|accepting|answer|respon|replie|reachable|healthy|working|works|completion|health|kill|terminat|gone|dead|stopped|shut down|copied|copy (?:is|was)|duplicated|transferred|rsynced|uploaded|\bruns\b|booted|came up|got an?\b/i;

/** Words before a claim that make it no claim: intent, checks to make, conditions, hedges. */
const NOT_ASSERTED =
  /\b(?:if|whether|once|until|unless|when|whenever|after|before|so\s+that|in\s+order|make\s+sure|be\s+sure|ensure|verify|check|confirm|see|test|need|needs|want|wants|will|would|should|must|shall|can|could|might|may|going\s+to|let\s+me|let's|plan|try|trying|attempt|expect|expected|hope|assume|assuming|suppose|wait|waiting|how|what|which|why|gaps?|todo|next|goal|task|otherwise|either|unclear|unknown|possibly|probably|maybe|seems?|appears?|likely)\b/i;
/** A plan's step: the clause opens with a verb in the imperative ("Talk to the new instance ..."). */
const IMPERATIVE =
  /^\s*(?:[-*•]\s*|\d+[.)]\s*)?(?:[A-Z][a-z]+:\s*)?(?:start|check|verify|talk|ask|send|make|ensure|wait|see|find|launch|run|copy|kill|stop|test|try|probe|query|confirm|look|read|use|pick|choose|set|create|install|open|restart|give|let|poll|retry|keep|go|get|bring|spin|deploy|curl|ping|call)\b/i;
const NEGATED = /\b(?:not|no|never|nothing|none|neither|nor|without|fail(?:s|ed)?|unable|cannot)\b|n't\b/i;

const PORT =
  /(?:\bports?\s*:?\s*|(?<![\w.]):|\b(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[\d:a-f]*\]|[a-z][\w-]*(?:\.[\w-]+)+):|\b(?:on|at)\s+(?=\d{4,5}\b(?!:\d)))(\d{2,5})\b(?!\s*(?:%|[KMGT]i?B|MB|GB|ms|s\b|seconds|minutes|GPUs?))/gi;
const PORT_LIST = /\bports\s+((?:\d{2,5}\s*(?:,|and|&)\s*)+\d{2,5})/gi;
const PIDS = /\b(?:PIDs?|process(?:es)?)\s*:?\s*(\d+(?:\s*(?:[/,]|and)\s*\d+)*)/gi;
const PATH = /(?:^|[\s`'"(])((?:~|\.{1,2})?\/[\w.~+-]+(?:\/[\w.~+-]*)*)/g;

const REPLICA = /\b(?:replica|copy|clone|new\s+instance|second\s+instance|another\s+instance|generation\s*\d|gen\s*\d|child)\b/i;
const MODEL_SERVER = /\b(?:llm|model|inference|vllm|ollama|llama\.cpp|llama-server|tgi|sglang)\b[\w\s-]{0,12}?\b(?:server|backend|service)?\b/i;
const AGENT = /\b(?:agent|api|chatbot|assistant|gateway)\b/i;
/** Words naming a process or service: what running, answering, listening and killing claims are about. */
const SERVICE =
  /\b(?:servers?|services?|replicas?|instances?|cop(?:y|ies)|clones?|agents?|api|apis|endpoints?|backends?|daemons?|process(?:es)?|pids?|ports?|vllm|ollama|uvicorn|gunicorn|flask|llm|models?|containers?|workers?|exporters?|gateways?|generations?|sshd?|nginx|redis|postgres|database|db|proxy|listener|supervisord|watchdog)\b/i;
const SERVICE_OR_IT = new RegExp(String.raw`${SERVICE.source}|\b(?:it|they|both)\b`, 'i');
const STOP_WORDS = new Set([
  'findings',
  'explain',
  'the',
  'this',
  'that',
  'these',
  'those',
  'and',
  'both',
  'also',
  'now',
  'still',
  'server',
  'process',
  'processes',
  'service',
  'port',
  'replica',
  'instance',
  'copy',
  'original',
  'new',
  'old',
  'my',
  'our',
  'its',
  'it',
  'with',
  'from',
  'into',
  'onto',
  'which',
  'what',
  'there',
  'here',
  'done',
  'good',
  'great',
  'okay',
  'result',
  'status',
]);

/** Does the claim's subject name a process or service (`it` only when the sentence names one)? */
function aboutProcess(kind: ClaimKind, subject: string, sentence: string): boolean {
  if (SERVICE.test(subject)) return true;
  if (!SERVICE_OR_IT.test(subject)) return false;
  return kind === 'listening' || kind === 'killed' || SERVICE.test(sentence);
}

/**
 * Where claim words are: each is read in its sentence (most of a thought is never split). Case
 * matters here (a capital only where a sentence may start with the word): it scans faster.
 */
const CLAIM_WORDS =
  /r(?:eturn|unning|eleased|espon|eplie|eachable|synced)|\bruns\b|R(?:unning|espon)|[Ss]tarted|s(?:erving|topped|hut down)|[Ll]aunched|l(?:ive|isten)|\bup\b|a(?:live|vailable|ccepting|nswer)|online|free|u(?:nused|ploaded)|in use|healthy?|work(?:ing|s)|c(?:ompletion|opied|opy (?:is|was)|ame up)|[Kk]ill|[Tt]erminat|transferred|g(?:one|ot an?\b)|d(?:ead|uplicated)|Copied|booted/g;
// The words are grouped by their first letter (`r(?:eturn|unning|...)`): the same words as one
// flat alternation, which the regexp engine scans about three times slower. Only where a word
// starts matters (readProse), and that is the same for any order of the words.

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
/** A sentence's end: `.!?` before a space or the end, or a line break (native searches: this runs per claim word). */
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

/** Claims by sentence (runs repeat their sentences: a long run's thoughts are read once each). */
const BY_SENTENCE = new Map<string, readonly ClaimCandidate[]>();
const SENTENCES_KEPT = 5_000;

/**
 * The claims of one thought, in order. Fenced code (the agent's commands) and quoted lines
 * (`> ...`, pasted output) are not read: neither is the agent's claim.
 */
export function findClaimCandidates(thought: string): ClaimCandidate[] {
  if (!thought) return [];
  const text = thought.length > 20_000 ? thought.slice(0, 20_000) : thought;
  const out: ClaimCandidate[] = [];
  for (let pos = 0; pos < text.length;) {
    const fence = text.indexOf('```', pos);
    const end = fence < 0 ? text.length : fence;
    if (end > pos) readProse(pos === 0 && end === text.length ? text : text.slice(pos, end), pos, out);
    if (fence < 0) break;
    const close = text.indexOf('```', fence + 3);
    pos = close < 0 ? text.length : close + 3;
  }
  return out;
}

/**
 * Claims by line, each with where its sentence starts in the line. A sentence never runs past a
 * line break (SENTENCE_END, afterLastEnd), so a line's claims are its own whatever surrounds it,
 * and runs repeat their lines (the same plan, the same findings): each is read once.
 */
const BY_LINE = new Map<string, readonly LineClaim[]>();
const LINES_KEPT = 20_000;
interface LineClaim {
  claim: ClaimCandidate;
  at: number;
}

/** The claims of a stretch of prose that starts at `offset` in the thought, line by line. */
function readProse(prose: string, offset: number, out: ClaimCandidate[]): void {
  for (let lineStart = 0; ;) {
    const nl = prose.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? prose.length : nl;
    // A quoted line (`> ...`, pasted output) is not the agent's claim.
    if (lineEnd > lineStart && prose[lineStart] !== '>') {
      const line = lineStart === 0 && lineEnd === prose.length ? prose : prose.slice(lineStart, lineEnd);
      let found = BY_LINE.get(line);
      if (!found) {
        found = lineClaims(line);
        if (BY_LINE.size >= LINES_KEPT) BY_LINE.clear();
        BY_LINE.set(line, found);
      }
      // Indexed: most lines hold none, and an empty for-of still allocates before the JIT has optimised it.
      for (let k = 0; k < found.length; k++) {
        const { claim, at } = found[k];
        const start = offset + lineStart + at;
        out.push({ ...claim, span: { start: start + claim.span.start, end: start + claim.span.end } });
      }
    }
    if (nl < 0) return;
    lineStart = nl + 1;
  }
}

/** The claims of one line (no line break in it), each with where its sentence starts. */
function lineClaims(line: string): readonly LineClaim[] {
  const re = CLAIM_WORDS;
  re.lastIndex = 0;
  const terminators = OTHER_TERMINATOR.test(line);
  let out: LineClaim[] | null = null;
  // Only the sentences around claim words are delimited (native searches, one set per word).
  for (let hit = re.exec(line); hit; hit = re.exec(line)) {
    let start = afterLastEnd(line, 0, hit.index, terminators);
    SENTENCE_END.lastIndex = hit.index;
    const m = SENTENCE_END.exec(line);
    let end = !m ? line.length : m.index + 1; // no line break in a line: the end is `.!?`
    re.lastIndex = end;
    while (start < end && isSpace(line[start])) start++;
    while (end > start && isSpace(line[end - 1])) end--;
    const sentence = line.slice(start, end);
    let found = BY_SENTENCE.get(sentence);
    if (!found) {
      found = sentenceClaims(sentence);
      if (BY_SENTENCE.size >= SENTENCES_KEPT) BY_SENTENCE.clear();
      BY_SENTENCE.set(sentence, found);
    }
    for (const claim of found) (out ??= []).push({ claim, at: start });
  }
  return out ?? NO_LINE_CLAIMS;
}

const NO_LINE_CLAIMS: readonly LineClaim[] = Object.freeze([]);

/**
 * Where the sentence holding a claim word at `at` starts on its line: after the line's last
 * sentence end (`.!?` and a space) before the word, as `/^.*[.!?]\s/` would find it in the
 * line's text up to the word, with native searches instead of a slice and a regexp per word.
 */
function afterLastEnd(prose: string, lineStart: number, at: number, terminators: boolean): number {
  // `.` stops at a line terminator: no end past the first one counts (`\n` ends the line already).
  let limit = at - 1;
  if (terminators) {
    for (const t of LINE_TERMINATORS) {
      const i = prose.indexOf(t, lineStart);
      if (i >= 0 && i < limit) limit = i;
    }
  }
  for (let from = limit - 1; from >= lineStart;) {
    const j = Math.max(prose.lastIndexOf('.', from), prose.lastIndexOf('!', from), prose.lastIndexOf('?', from));
    if (j < lineStart) break;
    if (SPACE.test(prose[j + 1])) return j + 2;
    from = j - 1;
  }
  return lineStart;
}

const LINE_TERMINATORS = ['\r', '\u2028', '\u2029'];
const OTHER_TERMINATOR = /[\r\u2028\u2029]/;
const SPACE = /^\s$/;

/** The claims of one sentence, offsets from its start. */
function sentenceClaims(sentence: string): ClaimCandidate[] {
  if (sentence.length > 400 || /\?[.!]*\s*$/.test(sentence) || !ANY_CLAIM.test(sentence)) return [];
  const out: ClaimCandidate[] = [];
  // One claim of a kind per clause ("The agent answered, so the replica works": two).
  const seen = new Set<string>();
  for (const { kind, re } of PREDICATES) {
    const m = re.exec(sentence);
    if (!m) continue;
    // The clause the verb sits in: from the last clause boundary before it.
    const before = sentence.slice(0, m.index);
    const clauseAt = Math.max(before.lastIndexOf(';'), before.lastIndexOf(', '), before.lastIndexOf(' — ')) + 1;
    const clause = before.slice(clauseAt);
    if (seen.has(`${kind}@${clauseAt}`)) continue;
    if (NOT_ASSERTED.test(before) || IMPERATIVE.test(before) || (NEGATED.test(clause) && kind !== 'port-free')) continue;
    if (NEGATED.test(m[0]) && kind !== 'port-free' && kind !== 'killed') continue;
    // Someone else answering (the user, a person) is no claim about a server.
    if (kind === 'answered' && /\b(?:user|you|human|operator|I|we)\s+(?:\w+\s+)?$/i.test(clause)) continue;
    seen.add(`${kind}@${clauseAt}`);
    // Entities come from the claim's own clause (a sentence may name other PIDs and ports).
    const rest = sentence.slice(m.index + m[0].length);
    const stop = rest.search(/[;,]\s|\s(?:and|but|while|whereas)\s|\s—\s/);
    const c = candidate(kind, sentence, 0, m, clause, clause + m[0] + (stop < 0 ? rest : rest.slice(0, stop)));
    // A workflow, a test or a function "working" is no claim about a process: the subject must be one.
    if (kind !== 'port-free' && kind !== 'copied' && !c.ports.length && !c.pids.length && !aboutProcess(kind, clause + m[0], sentence)) continue;
    out.push(c);
  }
  return out;
}

function candidate(kind: ClaimKind, sentence: string, start: number, m: RegExpExecArray, clause: string, own: string): ClaimCandidate {
  const ports = new Set<number>();
  if (m[1] && /^\d+$/.test(m[1])) ports.add(Number(m[1]));
  for (const x of own.matchAll(PORT)) ports.add(Number(x[1]));
  for (const x of own.matchAll(PORT_LIST)) for (const n of x[1].match(/\d+/g) ?? []) ports.add(Number(n));
  const pids = new Set<number>();
  for (const x of own.matchAll(PIDS)) for (const n of x[1].match(/\d+/g) ?? []) pids.add(Number(n));
  if (kind === 'killed') for (const n of /^(?:PIDs?\s+)?(\d{2,7}(?:\s*[/,]\s*\d{2,7})*)\s+(?:killed|terminated)/i.exec(m[0])?.[1].match(/\d+/g) ?? []) pids.add(Number(n));
  for (const p of pids) ports.delete(p);
  const paths = [...own.matchAll(PATH)].map((x) => x[1].replace(/[.,;:]+$/, '')).filter((p) => p.length > 1);
  const subjectText = clause + m[0];
  const subject: Subject = REPLICA.test(subjectText) ? 'replica' : MODEL_SERVER.test(subjectText) ? 'model-server' : AGENT.test(subjectText) ? 'agent' : 'generic';
  const words = (clause.match(/[A-Za-z][\w.-]{3,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOP_WORDS.has(w));
  return {
    kind,
    text: sentence.trim(),
    span: { start, end: start + sentence.trimEnd().length },
    ports: [...ports].filter((p) => p > 0 && p < 65536),
    pids: [...pids],
    paths,
    subject,
    words,
    other: /\b(?:something|someone|another|other|already|old|stale|previous|leftover|existing)\b/i.test(subjectText),
  };
}
