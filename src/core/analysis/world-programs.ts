// What a launched (or listed) program is: a model server (vLLM, llama.cpp, ollama, TGI...), an
// agent program, or something else; which weights it serves; which port it takes. Read from the
// argv, as a launch gives it or a `ps` line shows it.
import type { ProcessRole } from '../world-types';
import { basename } from './world-paths';
import { isContainerCli } from './container-runtime';

export interface ProgramReading {
  role: ProcessRole;
  /** The name a researcher knows it by: the script, the module, or the program. */
  program: string;
  /** The script file it runs (as written), when it runs one. */
  script: string | null;
  /** The module it runs (`python -m agentd`), when it runs one. */
  module: string | null;
  /** The weights path it serves (`--model`, `--model-path`, `-m x.gguf`...), when given. */
  model: string | null;
  port: number | null;
  /** Names that say two launches are the same component: the script's and the weights' names. */
  keys: string[];
  /** Paths among the arguments (for matching against the system's directories). */
  paths: string[];
}

const WINDOWS_PATH = /^[A-Za-z]:\\/;
const INTERPRETERS = /^(python[\d.]*|pythonw|py|node|bun|deno|bash|sh|zsh|ruby|perl|uv|poetry|pipenv|conda)$/;
/** Programs that serve a language model. */
const MODEL_SERVER_PROGRAM =
  /^(vllm|llama-server|llama_cpp_server|llama\.cpp|server|text-generation-launcher|tgi|sglang|lmdeploy|tabbyapi|koboldcpp|ollama|mlc_llm|localai|local-ai|lms|tritonserver|ray|mlx_lm\.server|xinference-local|aphrodite|trtllm-serve|mistralrs-server)$/;
const MODEL_SERVER_MODULE =
  /^(vllm(\.entrypoints\S*)?|llama_cpp\.server|sglang\.launch_server|lmdeploy|text_generation_server\S*|fastchat\.serve\S*|mlc_llm\S*|tabbyapi\S*|mlx_lm\.server|mlx_vlm\.server|exllamav2\S*server\S*)$/;
const MODEL_SERVER_SCRIPT = /(deploy_api_server|api_server|llm[_-]?server|model[_-]?server|serve[_-]?(model|llm)|inference[_-]?server|openai[_-]?server)\w*\.(py|sh)$/i;
const MODEL_SERVER_IMAGE = /(vllm|text-generation-inference|tgi|ollama|llama\.?cpp|sglang|lmdeploy|localai)/i;
/** An image whose own name (the last part, tag aside) says it is an AI agent: `sage/agent:1.2`, `quill-agent:2.1`. */
const AGENT_IMAGE = /(?:^|[/_.-])(?:agent|assistant|chatbot)s?(?:[_.-][\w.-]*)?(?::[\w.-]+)?(?:@\S+)?$/i;
/**
 * Infrastructure agents (monitoring, CI runners, cluster and secret agents), which serve no model:
 * a vendor's name as a part of the image's path (the registry host aside: `public.ecr.aws/x/agent`).
 */
const INFRA_AGENT_IMAGE =
  /(?:^|[/_.-])(?:datadog(?:hq)?|dd|portainer|grafana|jenkins|buildkite|gitlab|teamcity|azure-pipelines|bamboo|zabbix|newrelic|new-relic|elastic|filebeat|fluent(?:d|bit)?|otel|opentelemetry|splunk|sumologic|consul|nomad|vault|ssm|amazon|aws|cloudwatch|google|gke|kube\w*|k8s|rancher|netdata|instana|dynatrace|appdynamics|sentry|crowdstrike|falcon|wazuh|ossec|tailscale|cloudflare|jaeger|zipkin|puppet|chef|salt|ansible|weave|calico|cilium|spire|nginx|haproxy|envoy|traefik|prometheus|telegraf|vector|beats)(?=$|[/_.:-])/i;
/** An image's path without its registry host (a first part with a dot or a port). */
const imagePath = (image: string) => image.replace(/^[^/]*[.:][^/]*\//, '');
/**
 * Where `docker [container] run [opts] IMAGE ...` (its words after `docker`, the verb before `from`)
 * has its image: the first word that is no option nor an option's value; -1 if none.
 */
export function dockerImageAt(rest: readonly string[], from: number): number {
  return rest.findIndex((a, i) => i >= from && !a.startsWith('-') && a !== 'run' && (!/^-/.test(rest[i - 1] ?? '') || DOCKER_FLAGS.has(rest[i - 1])));
}

/** `docker run` options that take no value (the next word may be the image). */
const DOCKER_FLAGS = new Set([
  '-d',
  '--detach',
  '--rm',
  '-i',
  '-t',
  '-it',
  '-ti',
  '--interactive',
  '--tty',
  '--privileged',
  '--init',
  '-P',
  '--publish-all',
  '--read-only',
  '--replace',
]);
/** Scripts named as an agent's program. */
export const AGENT_SCRIPT = /(^|[_-])(agent|assistant|chatbot|bot)s?([_-]\w*)?\.(py|js|ts|mjs|sh|exe)$|^agent$/i;
/** Entry points that are an agent's only inside a directory that holds one (`start.py` beside weights). */
export const ENTRY_SCRIPT = /^(start|run|launch|main|serve|server|app)([_-]\w+)?\.(py|sh|js)$/i;
/** A llamafile (`x.llamafile`, or the `llamafile` runner itself). */
const LLAMAFILE = /(?:^|\.)llamafile$/i;
/** WSGI/ASGI servers, which run the app `module:attr` names. */
const APP_SERVERS = /^(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|granian)$/;
const APP_TARGET = /^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(.*\))?$/;
const MODEL_FLAGS = new Set([
  '--model',
  '--model-path',
  '--model-dir',
  '--model_path',
  '--model_dir',
  '--model-id',
  '--weights',
  '--checkpoint',
  '--ckpt',
  '-m',
  '--served-model-path',
]);
const PORT_FLAGS = new Set(['--port', '-p', '--publish', '--listen-port', '--server-port', '--http-port', '--api-port']);
const HOST_PORT = /^(?:\d+\.\d+\.\d+\.\d+:)?(\d{2,5})(?::\d+)?$/; // docker -p [IP:]HOST:CONTAINER -> HOST

/** Batch queues' submit commands, and their options that take a value as the next word. */
const BATCH_SUBMIT = /^(sbatch|qsub|bsub)$/;
const BATCH_VALUED = new Set([
  '-J',
  '-p',
  '-t',
  '-N',
  '-n',
  '-c',
  '-o',
  '-e',
  '-A',
  '-q',
  '-w',
  '-G',
  '-W',
  '-l',
  '-P',
  '-R',
  '-M',
  '--job-name',
  '--partition',
  '--time',
  '--output',
  '--error',
  '--account',
  '--qos',
  '--gres',
  '--nodes',
  '--ntasks',
  '--mem',
]);

/** Reads an argv (program first, wrappers already removed). */
export function readProgram(argv: string[]): ProgramReading {
  // Windows paths compare with forward slashes; `llama-server.exe` is the program `llama-server`.
  if (argv.some((a) => WINDOWS_PATH.test(a))) argv = argv.map((a) => (WINDOWS_PATH.test(a) ? a.replace(/\\/g, '/') : a));
  const exe = /\.exe$/i.test(argv[0] ?? '');
  const named = basename(argv[0] ?? '').replace(/\.exe$/i, '');
  // nerdctl and other docker-compatible CLIs start containers as docker does (container-runtime.ts).
  const name = named !== 'docker' && named !== 'podman' && isContainerCli(argv) ? 'docker' : named;
  let script: string | null = null;
  let module: string | null = null;
  let rest = argv.slice(1);
  if (INTERPRETERS.test(name)) {
    const i = rest.findIndex((a) => !a.startsWith('-') || a === '-m');
    if (i >= 0 && rest[i] === '-m') {
      module = rest[i + 1] ?? null;
      rest = rest.slice(i + 2);
    } else if (i >= 0 && !/^(run|exec|serve)$/.test(rest[i])) {
      script = rest[i];
      rest = rest.slice(i + 1);
    } else if (i >= 0) {
      return readProgram(rest.slice(i + 1)); // `uv run x.py`, `poetry run python x.py`
    }
  } else if (BATCH_SUBMIT.test(name)) {
    // `sbatch -p gpu -J x serve.sbatch`: the job script is what runs, on a node the scheduler picks.
    const i = rest.findIndex((a, k) => !a.startsWith('-') && !BATCH_VALUED.has(rest[k - 1] ?? ''));
    if (i >= 0) {
      script = rest[i];
      rest = rest.slice(i + 1);
    }
  } else if (APP_SERVERS.test(name)) {
    // `gunicorn -b :8081 agent:app`: the server imports the module from its working directory.
    const app = rest.find((a, k) => APP_TARGET.test(a) && !/^-/.test(rest[k - 1] ?? ''));
    if (app) module = app.slice(0, app.indexOf(':'));
  } else if (
    name !== 'docker' &&
    name !== 'podman' &&
    (argv[0]?.includes('/') || /\.(py|sh|js)$/.test(name) || exe) &&
    !((exe || name !== 'server') && MODEL_SERVER_PROGRAM.test(name))
  ) {
    // A program file run by its path, or `X.exe` by name (Windows finds it in the working directory
    // first); a model server's binary by its path (`/usr/local/bin/llama-server`) is that server.
    script = argv[0];
  }
  let model: string | null = null;
  let port: number | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.indexOf('=');
    const flag = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
    const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[i + 1];
    if (MODEL_FLAGS.has(flag) && value && !value.startsWith('-')) model ??= value;
    if (PORT_FLAGS.has(flag) && value) {
      const m = HOST_PORT.exec(value);
      if (m) port ??= Number(m[1]);
    }
    // Java-style properties: `--server.port=7001`, `-Dserver.port=7001`.
    if (port === null && a.includes('.port=')) {
      const m = /^-{1,2}D?[\w.-]*\.port=(\d{2,5})$/.exec(a);
      if (m) port = Number(m[1]);
    }
  }
  let role: ProcessRole = 'other';
  let program = module ?? (script ? basename(script) : name);
  let image = '';
  if (name === 'docker' || name === 'podman') {
    // After the verb (`run`, `container run`, `service create`: a swarm service runs its image as a container does).
    const verb = rest[0] === 'service' || rest[0] === 'container' ? 2 : rest[0] === 'run' ? 1 : 0;
    image = rest[dockerImageAt(rest, verb)] ?? '';
    program = image || name;
    if (MODEL_SERVER_IMAGE.test(image)) role = 'model-server';
    else if (AGENT_IMAGE.test(image.slice(image.lastIndexOf('/') + 1)) && !INFRA_AGENT_IMAGE.test(imagePath(image))) role = 'agent';
  } else if (
    (module && MODEL_SERVER_MODULE.test(module)) ||
    (!script && !module && MODEL_SERVER_PROGRAM.test(name) && (name !== 'server' || model !== null) && (name !== 'ollama' || rest[0] === 'serve'))
  ) {
    role = 'model-server';
  } else if (script && MODEL_SERVER_SCRIPT.test(basename(script))) {
    role = 'model-server';
  } else if (LLAMAFILE.test(name)) {
    // A llamafile is weights and llama.cpp's server in one executable (`./x.llamafile --server`).
    role = 'model-server';
  } else if (name === 'vllm' || (name === 'ollama' && rest[0] === 'serve')) {
    role = 'model-server';
  } else if (script && AGENT_SCRIPT.test(basename(script))) {
    role = 'agent';
  } else if (module && /(^|[._])(agent|assistant|chatbot)s?([._]|$)/i.test(module)) {
    role = 'agent';
  } else if ((script || module) && talksToModel(rest)) {
    role = 'agent';
  }
  // `vllm serve MODEL`, `llama-server -m x.gguf`: the positional model.
  if (role === 'model-server' && !model && name === 'vllm' && rest[0] === 'serve' && rest[1] && !rest[1].startsWith('-')) model = rest[1];
  if (role === 'model-server' && port === null) port = defaultPort(name, module);
  const keys: string[] = [];
  // A container is its image first (`docker run ... img:1 python -m app.server`): the command it is given comes after.
  if (image) keys.push(image);
  if (script) keys.push(basename(script));
  else if (module && role !== 'model-server') keys.push(module);
  if (model) keys.push(basename(model.replace(/\/+$/, '')));
  if (!keys.length) keys.push(program);
  const paths = rest.filter((a) => a.includes('/') && !/^https?:/.test(a)).map((a) => a.replace(/^--[\w-]+=/, ''));
  // A container's bind mounts (`-v /srv/b/weights:/weights`, `--mount type=bind,src=/srv/b,...`): what it runs on is the host side.
  // They come first: the directory a launch runs from is its first path (world-instances.ts).
  if (image) {
    const mounts: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      const v = a === '-v' || a === '--volume' ? rest[i + 1] : a.startsWith('--volume=') ? a.slice(9) : null;
      const m = a === '--mount' ? (rest[i + 1] ?? '') : a.startsWith('--mount=') ? a : '';
      const host = v ? /^((?:~|\.{0,2}\/)[^:]*):\//.exec(v)?.[1] : /\b(?:src|source)=((?:~|\.{0,2}\/)[^,]+)/.exec(m)?.[1];
      if (host) mounts.push(host);
    }
    paths.unshift(...mounts);
  }
  if (script) paths.unshift(script);
  // A server binary run by its path (`C:/ai/b/llama-server.exe`) runs from that directory (a copy, say).
  else if (argv[0]?.includes('/')) paths.unshift(argv[0]);
  return { role, program, script, module, model, port, keys, paths };
}

/** Flags that point a program at a language model's server: the program is that model's agent. */
const MODEL_CLIENT_FLAG =
  /^--(?:llm|ollama|vllm|llm[-_]?(?:url|base|endpoint|host)|model[-_]?(?:url|endpoint|server)|api[-_]?base|openai[-_]?(?:api[-_]?)?base(?:[-_]?url)?|inference[-_]?(?:url|server))$/;

/** `--llm http://127.0.0.1:8080`, `--ollama=http://...`, `--backend http://.../v1` (an OpenAI-style API). */
function talksToModel(args: string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = eq > 0 ? a.slice(eq + 1) : args[i + 1];
    if (!value || !/^https?:\/\//.test(value)) continue;
    if (MODEL_CLIENT_FLAG.test(flag) || (flag === '--backend' && /\/v1\/?$/.test(value))) return true;
  }
  return false;
}

/** Ports servers take when none is given. */
function defaultPort(name: string, module: string | null): number | null {
  if (name === 'vllm' || module?.startsWith('vllm')) return 8000;
  if (name === 'ollama') return 11434;
  if (name === 'llama-server' || module === 'llama_cpp.server' || LLAMAFILE.test(name)) return 8080;
  if (module?.startsWith('sglang')) return 30000;
  if (name === 'xinference-local') return 9997;
  if (name === 'koboldcpp') return 5001;
  if (name === 'tabbyapi' || module?.startsWith('tabbyapi')) return 5000;
  if (name === 'lmdeploy' || module === 'lmdeploy') return 23333;
  return null;
}

/** Splits a listed command line into words (quotes are gone in `ps` output anyway). */
export function argvOf(line: string): string[] {
  return line.trim().split(/\s+/);
}
