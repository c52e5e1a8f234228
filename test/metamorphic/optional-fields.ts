// Fields each format may leave out without changing what ran: times, ids the format does not
// link by, descriptions, token usage, bookkeeping metadata. A variant without them must read the
// same commands. What a format links or reads results by (tool call ids, `cause`, `action_id`,
// `message.id`, exit codes in `metadata`) is deliberately absent from these lists.
import type { FormatId } from '../../src/core/model';
import { field, type J, type Path } from './json-tree';

type Drop = (key: string, entries: [string, J][], path: Path) => boolean;

const anywhere = (...keys: string[]): Drop => {
  const set = new Set(keys);
  return (k) => set.has(k);
};

/** A message's own `id` (not a tool call's): OpenAI and Inspect link results by call ids only. */
const messageId: Drop = (k, e) => k === 'id' && typeof field(e, 'role') === 'string';

const either =
  (...ds: Drop[]): Drop =>
  (k, e, p) =>
    ds.some((d) => d(k, e, p));

export const OPTIONAL_FIELDS: Partial<Record<FormatId, Drop>> = {
  'inspect-json': either(
    anywhere('timestamp', 'working_start', 'working_time', 'total_time', 'usage', 'model_usage', 'uuid', 'created', 'completed', 'stats', 'revision', 'packages'),
    messageId,
    // `type: "function"` on a tool call, and the sample's free-form metadata.
    (k, e) => k === 'type' && field(e, 'type') === 'function',
    (k, _e, p) => k === 'metadata' && p.length <= 3,
  ),
  'swe-agent': either(
    anywhere('execution_time', 'extra_info', 'state', 'query', 'timestamp', 'model_stats', 'environment'),
    // The chat history beside a trajectory only repeats it (older files have none).
    (k, e, p) => k === 'history' && p.length === 0 && Array.isArray(field(e, 'trajectory')) && (field(e, 'trajectory') as J[]).length > 0,
  ),
  'mini-swe-agent': anywhere('timestamp', 'model_stats', 'usage', 'cost', 'mini_version', 'submission'),
  openhands: anywhere(
    'timestamp',
    'llm_metrics',
    'hidden',
    'security_risk',
    'confirmation_state',
    'image_urls',
    'wait_for_response',
    'blocking',
    'prefix',
    'suffix',
    'pid',
    'username',
    'hostname',
    'working_dir',
    'py_interpreter_path',
    'usage',
    'system_fingerprint',
    'created',
  ),
  'openhands-v1': either(
    anywhere(
      'timestamp',
      'security_risk',
      'activated_skills',
      'extended_content',
      'thinking_blocks',
      'sender',
      'cache_prompt',
      'prefix',
      'suffix',
      'pid',
      'username',
      'hostname',
      'working_dir',
      'py_interpreter_path',
      'critic_result',
      'full_output_save_dir',
      'responses_reasoning_item',
      'summary',
    ),
  ),
  'claude-code': either(
    anywhere(
      'timestamp',
      'userType',
      'cwd',
      'version',
      'gitBranch',
      'requestId',
      'usage',
      'stop_reason',
      'stop_sequence',
      'description',
      'slug',
      'permissionMode',
      'isImage',
      'stdoutLines',
      'stderrLines',
      'durationMs',
      'parentUuid',
      'toolUseResult',
    ),
    // Older sessions write no `isSidechain` for the main conversation.
    (k, e) => k === 'isSidechain' && field(e, k) === false,
  ),
  codex: either(
    // (an older rollout's header {id, timestamp, instructions} is what marks the format: kept)
    (k, e, p) => !(p.length === 0 && field(e, 'instructions') !== undefined) && ['timestamp', 'instructions'].includes(k),
    anywhere('cli_version', 'originator', 'git', 'effort', 'encrypted_content', 'approval_policy', 'sandbox_policy', 'rate_limits', 'model_provider', 'source'),
  ),
  'openai-chat': either(
    messageId,
    anywhere('refusal', 'annotations', 'audio', 'timestamp', 'usage', 'logprobs', 'finish_reason', 'created'),
    // A tool result is linked by its call id; its `name` only repeats the call's.
    (k, e) => k === 'name' && field(e, 'role') === 'tool' && typeof field(e, 'tool_call_id') === 'string',
    (k, e) => k === 'type' && field(e, 'type') === 'function',
  ),
};
OPTIONAL_FIELDS['inspect-eval'] = OPTIONAL_FIELDS['inspect-json'];
