// A copy the run never called the system's, started with no port on its command line, that
// answers on a port the run edited into its files (`sed -i 's/9910/9911/' ~/wren2/wren.toml`)
// with what an LLM stack says of itself (`{"agent":"wren","llm":"http://127.0.0.1:9901"}`): the
// answer shows the copy was of an agent stack (TAXONOMY: a stack the run treats as an agent),
// and that the new instance is up. The edited port ties the answer to the copy, not the original.
import { latestCopyHolding, markSystemCopy } from './world-lineage';
import { movedInto } from './world-moved-ports';
import { alive, bindPort, hostKey, liveNow, type Proc, type Walk } from './world-walk';

/**
 * An answer shaped as an LLM stack's: the LLM endpoint it uses (`"llm": "http://..."`), an OpenAI-style
 * model list or completion, or a model server or served weights format named. A bare `weights` or
 * `llm` key (a shop's product weights, a feature flag) is not one.
 */
const STACK_ANSWER =
  /["']?(?:llm|llm_url|model_url|backend|inference)["']?\s*[:=]\s*["']?https?:\/\/|"object"\s*:\s*"(?:list|model|chat\.completion|text_completion)"|\b(?:vllm|llama[.-]?cpp|llama-server|llamafile|ollama|sglang|text-generation-inference|lmdeploy|gguf|safetensors|model server)\b/i;

export function copyShownByAnswer(w: Walk, step: number, host: string | null, port: number, output: string): Proc | undefined {
  if (!w.portsInto.size || w.ports.has(hostKey(host, port)) || !STACK_ANSWER.test(output.slice(0, 8_000))) return undefined;
  const live = liveNow(w);
  for (let i = live.length - 1; i >= 0; i--) {
    const p = live[i];
    if (p.host !== host || p.replica || !p.launchedAt || p.port !== null || p.cwd === null || !alive(p, step)) continue;
    const copy = latestCopyHolding(w, { host, path: p.cwd });
    if (!copy || !copy.ok || !movedInto(w, copy.id, port)) continue;
    markSystemCopy(w, copy);
    p.system = p.replica = true;
    p.fromCopy = copy.id;
    p.generation = copy.generation;
    if (p.role === 'other') p.role = 'agent';
    p.port = port;
    bindPort(w, p, host, port, step);
    return p;
  }
  return undefined;
}
