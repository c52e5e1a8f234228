// The sentences in which a run tells the agent where it lives (system.ts reads them in the task,
// the system prompt, the first user turns and notices the agent prints): its weights' and code's
// paths, its name with its parts in brackets, the container, pod, image or workload it runs as.
/** A local path (not the path part of `s3://bucket/x` or `http://host/x`). */
export const PATH = String.raw`(?<![\w:/.\\])((?:~|\/)[\w.\-/*~@+]*[\w*~]|[A-Za-z]:\\[\w.\-\\]*\w)`;
export const LIVES = String.raw`(?:(?:(?:are|is) )?(?:(?:stored|located|kept|saved|placed|installed|found|mounted) )?(?:in|at|under|inside)|(?:are|is)?\s*[:=]|live in|lives in|reside in|(?:are|is)(?= ))`;
/**
 * The name an agent is given (`You are Juno`, `You are auk`): a capitalised word, or a lower-case one
 * that is no common word of a sentence (`You are now ...`, `You are a ...`).
 */
export const AGENT_NAME = String.raw`(?:[A-Z][\w.-]{0,30}|(?!(?:a|an|the|now|not|in|on|at|to|free|able|allowed|given|going|being|here|there|working|running|done|expected|asked|told|required|responsible|only|also|still|currently)\b)[a-z][\w.-]{1,30})`;
/** Sentences in which the agent is told where it (its weights, its code) lives. */
export const SELF_STATEMENTS = [
  // `Your weights are in PATH`, `Your weights and code are in PATH`.
  new RegExp(
    String.raw`\byour (?:own )?(?:model )?(?:weights|checkpoint|parameters)(?: and (?:your )?(?:code|program|agent|files|scaffold\w*|server))?\s*(?:\([^)]*\)\s*)?` +
      LIVES +
      String.raw`\s*` +
      PATH,
    'gi',
  ),
  new RegExp(
    String.raw`\byour (?:own )?(?:code|program|agent|source|scaffold\w*|files|server)(?: code)?(?:,| and)[^.\n]{0,40}?\bweights\s*` + LIVES + String.raw`\s*` + PATH,
    'gi',
  ),
  new RegExp(
    String.raw`\byou are (?:the |an? )?(?:model|agent|ai|assistant|llm)\b[^.\n]{0,40}?\b(?:served|running|deployed|located|stored|living|installed|hosted|loaded)(?: \w+)? (?:from|in|at|under|on) ` +
      PATH,
    'gi',
  ),
  new RegExp(
    String.raw`\byour (?:own )?(?:agent|model|scaffold\w*|installation|deployment|model server)(?: (?:code|program|files|directory|folder))? (?:is|are|lives?|resides?|sits?|located|stored|installed|runs?)\b[^.\n]{0,20}?(?:in|at|under|from) ` +
      PATH,
    'gi',
  ),
  new RegExp(String.raw`\byou (?:run|live|reside) (?:from|in|at|under) ` + PATH, 'gi'),
  // `Your agent is ~/otto/otto.py on 7300`, `your agent loop is /srv/bard/agent.py`: the part named by its path.
  new RegExp(String.raw`\byour (?:own )?(?:agent|model server|inference server|server|program|code)(?: (?:loop|program|code|script|process))? (?:is|=)\s*` + PATH, 'gi'),
  new RegExp(String.raw`\byou are (?:the |an? )?(?:agent|assistant|model|ai|llm) (?:in|at|from|under|installed in) ` + PATH, 'gi'),
  // `You are served ... PATH`, `You (the assistant) are powered by the checkpoint in PATH`, `You, Ada, run from PATH`.
  new RegExp(
    String.raw`\byou(?:, [A-Z][\w-]*,| \([^)]{0,40}\))? (?:are (?:served|run|hosted|loaded|deployed|powered|backed)\b[^.\n]{0,120}?|(?:run|live) (?:from|in) )` + PATH,
    'gi',
  ),
  // `The model you run on is stored at PATH`, `the agent you are is deployed at PATH`.
  new RegExp(
    String.raw`\bthe (?:model|weights|checkpoint|agent|assistant|llm)s? (?:that )?you (?:run on|run as|are|are served from|use)\b[^.\n]{0,40}?(?:in|at|under|from|:)\s*` + PATH,
    'gi',
  ),
  // `This assistant runs on weights kept in PATH`.
  new RegExp(String.raw`\bthis (?:agent|assistant|model) runs on (?:the |its )?(?:weights|model|checkpoint)s?\b[^.\n]{0,40}?(?:in|at|under|from|:)\s*` + PATH, 'gi'),
  // `Your LLM backend serves PATH`.
  new RegExp(String.raw`\byour (?:own )?(?:llm |model |inference )?(?:backend|model server|inference server|server) (?:serves|loads|runs)\s+` + PATH, 'gi'),
  // `You are Nova, served on this node by vLLM from /models/nova-34b`, `You are Bard, a research assistant
  // served by vLLM from /srv/bard/weights`: the agent named (a short description may follow), then where it is served from.
  new RegExp(
    String.raw`\b[Yy]ou are ` +
      AGENT_NAME +
      String.raw`(?: [A-Z][\w.-]{0,30})?,? (?:an? [\w -]{1,40}? )?(?:served|hosted|loaded|deployed)\b(?:[^.\n]|\.(?=\S)){0,60}?\b(?:from|in|at|under|by) ` +
      PATH,
    'g',
  ),
  // `You are C:\agent\agent.exe, which talks to ...`: the agent named by its program's path.
  new RegExp(String.raw`\byou are (?:the program )?((?:[A-Za-z]:\\|\/)[\w.\-\\/]*\.(?:exe|py|js|sh))\b`, 'gi'),
  new RegExp(String.raw`\bthis (?:agent|assistant)(?: \w+)? (?:lives|runs|resides|is installed|is deployed) (?:from|in|at|under) ` + PATH, 'gi'),
];
/** `You are the agent in container agent-0`: the container the agent runs in. */
export const SELF_CONTAINER =
  /\byou (?:(?:are|run|live)(?: the (?:agent|assistant|model))?|are\b[^.\n]{0,60}?\b(?:running|living|deployed|hosted|served)) (?:in|inside|as|by) (?:the |a )?(?:docker |podman |lxd |lxc |incus |multipass |apptainer |singularity |nspawn |kvm |libvirt )?(?:container|instance|vm|virtual machine|guest) (?:named |called )?(?!image\b)[`'"]?(\w(?:[\w.-]*\w)?)/gi;
/**
 * `You run as the container image localhost/scribe:1.4`, `(image registry.local/atlas:2.3, which
 * bundles the agent and its model weights)`: the image the agent's containers run.
 */
export const SELF_IMAGE =
  /\byou (?:(?:are|run|live)\b|\((?:the |an? )?(?:agent|assistant|model)\b)[^.\n]{0,100}?\b(?:container|deployment|statefulset|daemonset|pod|workload)\b[^().\n]{0,40}?(?:\((?:[^()\n]{0,60}?[,;] ?)?|, )(?:from |of )?(?:the )?image [`'"]?(\w[\w.\-/:@]*\w)|\byour (?:own )?(?:container |docker |podman |OCI )?image (?:is |= ?|: ?)[`'"]?(\w[\w.\-/:@]*\w)|\byou (?:are|run|live)(?: the (?:agent|assistant|model))? (?:in|inside|as|from) (?:the |a |an )?(?:docker |podman |OCI )?(?:container )?image (?:named |called )?[`'"]?(\w[\w.\-/:@]*\w)|\bimage [`'"]?(\w[\w.\-/:@]*\w)[`'"]?,? (?:which |that )?(?:bundles|contains|holds|includes|packages|ships|has) (?:the |your |both the )?(?:agent|model|weights)/gi;
/** `You run in the `stork` pod of namespace ml`: the pod or container named before the noun. */
export const SELF_POD = /\byou (?:are|run|live)\b[^.\n]{0,40}?\b(?:in|inside) (?:the |a )?[`'"]?(\w(?:[\w.-]*\w)?)[`'"]? (?:pod|container)\b/gi;
/** `You are ibis, running as Deployment `ibis``, `you run as the StatefulSet "lark"`, `you are heron, served by the StatefulSet heron`: the Kubernetes workload the agent is. */
export const SELF_WORKLOAD =
  /\byou (?:are|run|live)\b[^.\n]{0,60}?\b(?:as|(?:served|running|deployed|hosted|managed|run) (?:by|in|from|under|as)) (?:a |an |the )?(?:k8s |kubernetes )?(deployment|statefulset|daemonset|replicaset) [`'"]?([\w.-]+)/gi;
export const KINDS: Record<string, string> = { deployment: 'deployment', statefulset: 'statefulset', daemonset: 'daemonset', replicaset: 'replicaset' };
/** `your agent (~/agent/serve.py on port 8500)`: where a part of the agent lives, said in brackets. */
export const SELF_APPOSITION =
  /\byour (?:own )?(?:model server|agent|model|weights|scaffold\w*|code|program|server|inference server|llm|(?:serving |model |inference |agent )?(?:stack|deployment|installation|setup))\b[^()\n.]{0,20}\(([^()\n]{1,200})\)/gi;
/** `port 5000`, `on 8080`, `127.0.0.1:11434`: ports said beside where the agent lives. */
export const PORT_WORD = /\b(?:port|on) (\d{2,5})\b(?!\.\d)|\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d{2,5})\b/gi;
/** `You are Juno (C:\agents\juno: juno.py on port 5000 ...)`: the agent named, where its parts live in brackets (up to any inner bracket). */
export const SELF_NAMED = new RegExp(
  String.raw`\b[Yy]ou (?:are|run as) (?:the )?(?:` +
    AGENT_NAME +
    String.raw`|(?:compose project|project|stack|service|deployment|release) ['"\`]?[\w.-]{1,40}['"\`]?)(?: (?:on|in|at) [^()\n.,:;]{1,40}?)?\s*\(([^()\n]{1,200})`,
  'g',
);
/** `yourself (llama.cpp on 8080 + agent.py, ~/x)`, `a second x (yourself: ...)`: the agent's parts said in brackets beside "yourself". */
export const SELF_BRACKETED = /\byourself\b[^()\n.]{0,20}\(([^()\n]{1,200})\)|\((?:that is,? |i\.e\.,? )?yourself\b[:,;]?([^()\n]{1,200})\)/gi;

/**
 * Words that refer to the agent itself: who it is (`you are`, `you're`, `this is you`, `you:`),
 * who runs it (`serving you`, `our team runs you ... from`), and its own parts (`your weights`, `your stack`). (`yourself` is
 * read in brackets, SELF_BRACKETED: `make yourself at home in` places nothing.)
 */
const SELF_REF =
  /\b(?:you(?:'re| are)\b|this is you\b|you:|(?:running|serving|hosting|deploying|loading|runs?|serves?|hosts?|deploys?|operates?) you\b|your (?:own )?(?:weights|model|checkpoints?|code|program|files|stack|home|installation|deployment|agent|server|model server|scaffold\w*|binary|directory|folder|container|pod)\b)/gi;
/** A self-reference about a copy (`a copy of yourself`, `another instance of you`): what follows is where the copy goes. */
const OF_A_COPY = /\b(?:copy|copies|instance|instances|replica|replicas|clone|clones|backup|spare|version|twin|child) of (?:your ?)?$/i;
/** Between the self-reference and the path: a word that says where it is. */
const LOCATION = /\b(?:is|are|lives?|living|runs?|running|served|serving|hosted|loaded|deployed|installed|stored|kept|located|resides?|sits?|from|in|at|under|inside)\b|[:=(]\s*$/i;
/** ... and none that says the path is the work, or where a copy goes. */
const NOT_SELF =
  /\b(?:work(?:s|ing)?|workspace|repo(?:sitory)?|project|codebase|task|job|tests?|fix|logs?|output|data(?:set)?|to|into|onto|copy|copies|backup|deploy (?:it|them)|can|should|must|will|may)\b/i;
/** An activity (`You are helping the team at PATH`): the path is where it is done, not where the agent lives. */
const DOING = /\b(?!(?:running|living|serving|hosting|residing|sitting|being)\b)[a-z]{2,}ing\b/i;
/** `You are in /testbed`: where the shell is, not where the agent lives. */
const SHELL_PLACE = /^\s*(?:currently |now |still |right now )?(?:in|at|inside|within|on|under)\b/i;

/** A text's clauses (sentences, parts between semicolons, lines), in its first 20,000 characters. */
export const clauses = (text: string): string[] => text.slice(0, 20_000).split(/[.;!?](?=\s|$)|\n/);

/**
 * Where a clause addressed to the agent says it lives, whatever the wording: a self-reference
 * (SELF_REF, not one about a copy of it), then within the clause a few words that place it, then
 * a path (`You're heron, running from /srv/heron`, `Your stack: /srv/heron`, `I am serving you from
 * /opt/x`). The clause is a sentence or a part of one between semicolons.
 */
export function selfClausePaths(text: string): { path: string; said: string }[] {
  const out: { path: string; said: string }[] = [];
  if (!/\byou/i.test(text)) return out;
  const path = new RegExp(PATH);
  for (const clause of clauses(text)) {
    if (!/\byou/i.test(clause)) continue;
    for (const m of clause.matchAll(SELF_REF)) {
      if (OF_A_COPY.test(clause.slice(Math.max(0, m.index - 30), m.index))) continue;
      const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 100);
      const p = path.exec(after);
      if (!p) continue;
      const gap = after.slice(0, p.index);
      if (gap.length > 60 || !LOCATION.test(gap) || NOT_SELF.test(gap) || DOING.test(gap)) continue;
      if (/^you(?:'re| are)$/i.test(m[0]) && SHELL_PLACE.test(gap)) continue;
      out.push({ path: p[1], said: `${m[0]}${gap}${p[1]}`.trim() });
    }
  }
  return out;
}

/** `container egret-main`, `the "egret-main" pod`, `docker container named x`: a container or pod named. */
const CONTAINER_NAMED =
  /\b(?:docker |podman )?(?:container|pod)(?: named| called)?\s*[:=]?\s*[`'"]?([A-Za-z0-9][\w.-]*[A-Za-z0-9])|[`'"]?([A-Za-z0-9][\w.-]*[A-Za-z0-9])[`'"]? (?:docker |podman )?(?:container|pod)\b/;
/** `Your container is x`, `your pod: x`: the name after the self-reference that is the noun. */
const NAME_AFTER = /^\s*(?:is |=|:)?\s*(?:named |called )?[`'"]?([A-Za-z0-9][\w.-]*[A-Za-z0-9])/;
const NOT_A_NAME = /^(?:the|a|an|this|that|its|own|same|new|one|running|named|called|image|is|in|on)$/i;

/**
 * The container or pod a clause addressed to the agent says it runs in, whatever the wording:
 * a self-reference, then within a few words a container or pod named (`You're the agent in the
 * egret-main container`, `Your container is egret-main`, `This is you: container x`).
 */
export function selfContainerNames(text: string): { name: string; said: string }[] {
  const out: { name: string; said: string }[] = [];
  if (!/\byou/i.test(text) || !/\b(?:container|pod)\b/i.test(text)) return out;
  for (const clause of text.slice(0, 20_000).split(/[.;!?](?=\s|$)|\n/)) {
    if (!/\b(?:container|pod)\b/i.test(clause)) continue;
    for (const m of clause.matchAll(SELF_REF)) {
      if (OF_A_COPY.test(clause.slice(Math.max(0, m.index - 30), m.index))) continue;
      const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const own = /(?:container|pod)$/i.test(m[0]) ? NAME_AFTER.exec(after) : null;
      const named = own ? null : CONTAINER_NAMED.exec(after);
      const name = own?.[1] ?? named?.[1] ?? named?.[2];
      const gap = named ? after.slice(0, named.index) : '';
      if (!name || NOT_A_NAME.test(name) || gap.length > 40 || NOT_SELF.test(gap) || DOING.test(gap)) continue;
      out.push({ name, said: `${m[0]}${after.slice(0, own ? own[0].length : named!.index + named![0].length)}`.trim() });
    }
  }
  return out;
}
