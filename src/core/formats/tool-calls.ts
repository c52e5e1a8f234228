// One pairing of tool calls with their results, for every reader whose log links them by an id:
// OpenAI chat (`tool_call_id`, or the oldest open call for a legacy result without one), Claude
// Code (`tool_use_id`), Codex (`call_id`), OpenHands V0 (`cause`) and V1 (`action_id`, else
// `tool_call_id`). A reader registers each call with the step it sits in and the shell command
// it ran; a result looks its call up, and lands in that command's output or the step's notes.
import type { RawCommand, RawStep, SourceRange } from '../model';
import { extend } from './tool-output';

/** A tool call waiting for its result. Readers add what their results need (a shell it reads...). */
export interface ToolCall {
  step: RawStep;
  /** The tool's name: a result without an id may name its tool instead. */
  name?: string;
  /** The shell command the call ran: the result is its output. */
  cmd?: RawCommand;
}

export class ToolCalls<C extends ToolCall = ToolCall> {
  private readonly byId = new Map<string, C>();
  /** Calls in order, for results that carry no id; `open` marks those not answered yet. */
  private readonly inOrder: C[] = [];
  private readonly open = new Set<C>();
  private firstOpen = 0;

  /** Registers a call under each of its ids (empty ones skipped); a later call with the same id wins. */
  add(call: C, ...ids: (string | null | undefined)[]): C {
    for (const id of ids) if (id) this.byId.set(id, call);
    this.inOrder.push(call);
    this.open.add(call);
    return call;
  }

  /** The call the first of `ids` that names one answers, or null. */
  find(...ids: (string | null | undefined)[]): C | null {
    for (const id of ids) {
      const call = id ? this.byId.get(id) : undefined;
      if (call) return call;
    }
    return null;
  }

  /** The oldest call no result has answered yet (of the tool `name`, when given). */
  oldestOpen(name?: string): C | null {
    while (this.firstOpen < this.inOrder.length && !this.open.has(this.inOrder[this.firstOpen])) this.firstOpen++;
    for (let k = this.firstOpen; k < this.inOrder.length; k++) {
      const call = this.inOrder[k];
      if (this.open.has(call) && (!name || call.name === name)) return call;
    }
    return null;
  }

  /** A result at `lines` answers the call: its step grows to cover the result's lines. */
  answer(call: C, lines: SourceRange | null): C {
    this.open.delete(call);
    if (lines) call.step.source = extend(call.step.source, lines.startLine, lines.endLine);
    return call;
  }
}

/** Output that arrives in parts (an observation in pieces, a background command read again). */
export function appendOutput(cmd: RawCommand, text: string): void {
  cmd.output = cmd.output ? `${cmd.output}\n${text}` : text;
}
