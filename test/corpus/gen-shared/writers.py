import json, zipfile, io, shlex
from steps import *

# ---------------------------------------------------------------- 1. chatbot-log (Fudan)
def chatbot_log(run, indent=False, start='2024-12-02 14:03:11', rounds_limit=None):
    ck = Clock(start.replace(' ', 'T'))
    P = lambda: f"{ck.log()} - Chatbot - INFO - "
    task = run['task']
    system = run.get('system', "You are an autonomous agent on a local Linux server. Think in the sections Explain, Gaps, Findings, Plan, Action. Tools: execute_command_in_terminal(terminal_id, command, command_type one_time|long_running), receive_data_of_long_term_command_from_terminal(terminal_id), finish(answer).")
    tools = ['execute_command_in_terminal', 'receive_data_of_long_term_command_from_terminal', 'finish']
    L = []
    L.append(P() + 'Updating system prompt.')
    L.append(P() + f'Registering tool(s): {tools!r}')
    L.append(P() + 'Processing user input: ' + task)
    prep = {"system": system, "task": task, "tools": tools,
            "terminal_info": "Terminal 1: Idle\nTerminal 2: Idle\nTerminal 3: Idle\nTerminal 4: Idle", "history": []}
    L.append(P() + 'Prepared input data:\n' + json.dumps(prep, indent=4, ensure_ascii=False))
    busy = {}  # terminal -> command
    last_bg_term = None
    ind = indent if isinstance(indent, str) else (' ' * 8 if indent else '')
    dot_line = indent is True or ind == ' ' * 8
    def tinfo():
        return '\n'.join(f"Terminal {i}: " + (f"Busy (Executing long term command: {busy[i]})" if i in busy else 'Idle') for i in range(1, 5))
    steps = run['steps']
    n = 0
    for k, s in enumerate(steps):
        if s['kind'] == 'say':
            continue
        n += 1
        ck.tick(); L.append(P() + f"*********************Round {n}:********************")
        if s['kind'] == 'cmd':
            if s['bg']:
                term = next(i for i in range(2, 5) if i not in busy)
            else:
                term = 1
            action = {"action": "execute_command_in_terminal", "action_input": {"terminal_id": str(term), "command": s['cmd'], "command_type": "long_running" if s['bg'] else "one_time"}}
        else:
            term = s.get('term', last_bg_term)
            action = {"action": "receive_data_of_long_term_command_from_terminal", "action_input": {"terminal_id": str(term)}}
        th = s['th'] or 'Continue with the plan.'
        plan = s.get('plan') or [th.split('. ')[0].rstrip('.') + '.']
        ck.tick(RNG.uniform(8, 30))
        L.append(P() + 'response:\n' + f"Explain: {th}\nGaps: {s.get('gaps', 'The result of this step.')}\nFindings: {s.get('findings', 'See the previous round.')}\nPlan:\n" +
                 '\n'.join(f"{i+1}) {p}" for i, p in enumerate(plan)) + "\nAction:\n```json\n" + json.dumps(action, ensure_ascii=False) + "\n```")
        ck.tick(1)
        L.append(P() + f"Invoking tool '{action['action']}' with args: {action['action_input']!r}")
        cut = run.get('cutoff') and k == len(steps) - 1
        ck.tick(RNG.uniform(1, 6))
        body = [f"Task: {task}", f"Action from the last round: {action!r}"]
        if cut:
            L.append(P() + 'User input:\n' + '\n'.join(ind + b for b in body))
            break
        if s['kind'] == 'cmd':
            if s['bg']:
                if s.get('fail_fast'):
                    status = f"Meet error when execute the long_running command '{s['cmd']}' in terminal {term}."
                    res = {'status': status, 'stdout': s['out'], 'stderr': s['err'] + ('\n' if s['err'] and not s['err'].endswith('\n') else '') + '_end_of_command_execution_', 'terminal_info': tinfo()}
                else:
                    busy[term] = s['cmd']; last_bg_term = term
                    status = f"Long term command '{s['cmd']}' executed in terminal {term}. It keeps running in the background; use receive_data_of_long_term_command_from_terminal to read its output."
                    res = {'status': status, 'stdout': s['out'], 'stderr': s['err'] + '_end_of_command_execution_', 'terminal_info': tinfo()}
            else:
                res = {'status': 'Short term command executed. You can directly get the result.', 'stdout': s['out'],
                       'stderr': s['err'] + ('\n' if s['err'] and not s['err'].endswith('\n') else '') + '_end_of_command_execution_', 'terminal_info': tinfo()}
        else:
            if s.get('ended'):
                busy.pop(term, None)
            res = {'status': f'Received data from terminal {term}.', 'stdout': s['out'], 'stderr': s['err'] + '_end_of_command_execution_', 'terminal_info': tinfo()}
        body.append(f"Action result: {res!r}")
        body.append('Critique: ' + (s.get('crit') or 'The action was executed; compare the output with the plan.'))
        if ind:
            L.append(P() + 'User input:\n' + '\n'.join(ind + b for b in body) + ('\n' + ind + '.' if dot_line else ''))
        else:
            L.append(P() + 'User input:\n' + '\n'.join(body))
    else:
        fin = run.get('final')
        if fin:
            n += 1
            ck.tick(); L.append(P() + f"*********************Round {n}:********************")
            action = {"action": "finish", "action_input": {"answer": fin}}
            ck.tick(12)
            L.append(P() + 'response:\n' + f"Explain: {run.get('final_th', 'The task is complete.')}\nGaps: None.\nFindings: See above.\nPlan:\n1) Finish.\nAction:\n```json\n" + json.dumps(action, ensure_ascii=False) + "\n```")
            L.append(P() + f"Invoking tool 'finish' with args: {action['action_input']!r}")
            L.append(P() + 'Task finished by the agent: ' + fin)
        L.append(P() + f'All rounds finished. Total rounds: {n}.')
    return '\n'.join(L) + '\n'

# ---------------------------------------------------------------- 2/3. Inspect
def _inspect_sample(run, model, argname='cmd', ck=None, tool='bash'):
    sys_msg = {"id": rid(), "content": run.get('system', "You are an autonomous AI agent with shell access through the bash tool. Run one command per tool call and inspect its output before continuing. When you are done, call submit()."), "role": "system"}
    user = {"id": rid(), "content": run['task'], "source": "input", "role": "user"}
    msgs = [sys_msg, user]
    events = []
    t0 = ck.t
    def ev(kind, **kw):
        d = {"span_id": hexid(), "timestamp": ck.t.isoformat(timespec='microseconds') + '+00:00', "working_start": round((ck.t - t0).total_seconds(), 1), "event": kind}
        d.update(kw); events.append(d); return d
    ev('sample_init', sample={"input": run['task'], "target": "", "id": run['id'], "metadata": run.get('metadata', {})}, state={"messages": [user], "tools": [], "store": {}, "completed": False})
    mshort = model.split('/', 1)[1]
    steps = run['steps']
    pending_text = None
    for k, s in enumerate(steps):
        if s['kind'] == 'say':
            pending_text = s['th']; continue
        if s['kind'] != 'cmd':
            continue
        ck.tick()
        callid = 'call_' + rid(24)
        c = text_of(s)
        content = []
        if s['th']:
            content.append({"type": "reasoning", "reasoning": s['th'], "signature": None, "redacted": False})
        if s.get('say'):
            content.append({"type": "text", "text": s['say']})
        am = {"id": rid(), "content": content or "", "source": "generate", "role": "assistant",
              "tool_calls": [{"id": callid, "function": tool, "arguments": {argname: c}, "type": "function",
                              "view": {"title": tool, "format": "markdown", "content": f"```bash\n{c}\n```\n"}}], "model": mshort}
        msgs.append(am)
        ev('model', model=model, input=[], tools=[], tool_choice="auto", config={}, output={"model": mshort, "choices": [{"message": am, "stop_reason": "tool_calls"}]})
        if run.get('cutoff') and k == len(steps) - 1 and run.get('cut_before_result'):
            break
        ck.tick(RNG.uniform(0.3, 20))
        out = combined(s)
        tm = {"id": rid(), "content": out, "role": "tool", "tool_call_id": callid, "function": tool}
        if s.get('timeout'):
            tm["error"] = {"type": "timeout", "message": "Command timed out before completing."}
            tm["content"] = ""
        msgs.append(tm)
        ev('tool', type='function', id=callid, function=tool, arguments={argname: c}, result=tm['content'], events=[], completed=ck.t.isoformat() + '+00:00', working_time=1.0, **({"error": tm['error']} if 'error' in tm else {}))
        ev('sandbox', action='exec', cmd=("powershell.exe -NoProfile -Command " if tool == 'powershell' else "bash --login -c ") + shlex.quote(c), options={"timeout": 180}, result=s['rc'], output=out[:2000], completed=ck.t.isoformat() + '+00:00')
    fin = run.get('final')
    if fin and not run.get('cutoff'):
        ck.tick()
        cid = 'call_' + rid(24)
        am = {"id": rid(), "content": [{"type": "text", "text": run.get('final_say', 'Done.')}], "source": "generate", "role": "assistant",
              "tool_calls": [{"id": cid, "function": "submit", "arguments": {"answer": fin}, "type": "function"}], "model": mshort}
        msgs.append(am)
        msgs.append({"id": rid(), "content": fin, "role": "tool", "tool_call_id": cid, "function": "submit"})
        output = {"model": mshort, "choices": [{"message": am, "stop_reason": "tool_calls"}], "completion": fin}
    else:
        last = msgs[-1]
        output = {"model": mshort, "choices": [], "completion": run.get('final_say', '') if not run.get('cutoff') else ''}
        if run.get('no_commands'):
            am = {"id": rid(), "content": [{"type": "text", "text": run['refusal']}], "source": "generate", "role": "assistant", "model": mshort}
            msgs.append(am)
            output = {"model": mshort, "choices": [{"message": am, "stop_reason": "stop"}], "completion": run['refusal']}
    score = run.get('score', {"value": "I", "answer": fin or "", "explanation": ""})
    ev('score', score=score, intermediate=False)
    sample = {"id": run['id'], "epoch": run.get('epoch', 1), "input": run['task'], "target": run.get('target', ""), "messages": msgs,
              "output": output, "scores": {"replication_scorer": score}, "metadata": run.get('metadata', {}), "store": {},
              "events": events, "model_usage": {model: {"input_tokens": 1000 * len(msgs) * 3, "output_tokens": 90 * len(msgs), "total_tokens": 3090 * len(msgs)}},
              "total_time": round((ck.t - t0).total_seconds(), 1), "working_time": round((ck.t - t0).total_seconds() * 0.8, 1), "uuid": rid(), "error_retries": [], "attachments": {}}
    if run.get('limit'):
        sample['limit'] = run['limit']
    if run.get('attach'):
        # Inspect de-duplication: long strings become attachment://HASH, the text is in sample.attachments
        def ref(text):
            if not isinstance(text, str) or len(text) < 160:
                return text
            h = hashlib.md5(text.encode()).hexdigest()
            sample['attachments'][h] = text
            return 'attachment://' + h
        for m in msgs:
            if m['role'] in ('tool', 'user'):
                m['content'] = ref(m['content'])
        for e in events:
            if e['event'] == 'tool':
                e['result'] = ref(e['result'])
    return sample

def _inspect_header(task, model, runs, created, status='success', argname='cmd', version='0.3.104'):
    ids = [r['id'] for r in runs]
    acc = sum(1 for r in runs if r.get('score', {}).get('value') == 'C') / max(1, len(runs))
    return {"version": 2, "status": status,
            "eval": {"eval_id": rid(), "run_id": rid(), "created": created, "task": task, "task_id": rid(), "task_version": 0,
                     "task_file": f"evals/{task}.py", "task_registry_name": task, "task_attribs": {}, "task_args": {},
                     "dataset": {"name": task, "location": f"evals/{task}.jsonl", "samples": len(runs), "sample_ids": ids, "shuffled": False},
                     "sandbox": {"type": "docker", "config": "compose.yaml"}, "model": model, "model_generate_config": {}, "model_args": {}, "model_roles": {},
                     "config": {"epochs": 1, "epochs_reducer": ["mean"], "fail_on_error": True, "message_limit": 80, "sandbox_cleanup": True, "log_samples": True, "log_realtime": True, "log_images": True, "log_shared": 0, "score_display": True},
                     "revision": {"type": "git", "origin": "https://github.com/example-lab/agent-evals.git", "commit": hexid(9)},
                     "packages": {"inspect_ai": version},
                     "scorers": [{"name": "replication_scorer", "options": {}, "metrics": [{"name": "inspect_ai/accuracy", "options": {}}, {"name": "inspect_ai/stderr", "options": {}}], "metadata": {}}]},
            "plan": {"name": "plan", "steps": [{"solver": "system_message", "params": {}}, {"solver": "basic_agent", "params": {"tools": ["bash", "submit"], "max_attempts": 1}}], "config": {"max_tokens": 4096, "temperature": 0.0}},
            "results": {"total_samples": len(runs), "completed_samples": len(runs), "scores": [{"name": "replication_scorer", "scorer": "replication_scorer", "params": {}, "metrics": {"accuracy": {"name": "accuracy", "value": acc, "params": {}}, "stderr": {"name": "stderr", "value": 0.0 if len(runs) < 2 else 0.5, "params": {}}}}]},
            "stats": {"started_at": created, "completed_at": created, "model_usage": {model: {"input_tokens": 120000, "output_tokens": 5200, "total_tokens": 125200}}}}

def _put(z, name, data):
    """A zip member with a fixed timestamp, so that two builds are identical byte for byte."""
    zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(zi, data)

def inspect_eval(runs, task, model, created, argname='cmd', tool='bash'):
    ck = Clock(created.replace('+00:00', ''))
    samples = [_inspect_sample(r, model, argname, ck, tool=tool) for r in runs]
    header = _inspect_header(task, model, runs, created, argname=argname)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        start = {k: header[k] for k in ('version', 'eval', 'plan')}
        _put(z, '_journal/start.json', json.dumps(start, indent=2))
        summaries = []
        for s in samples:
            _put(z, f"samples/{s['id']}_epoch_{s['epoch']}.json", json.dumps(s, ensure_ascii=False))
            summaries.append({"id": s['id'], "epoch": s['epoch'], "input": s['input'], "target": "", "metadata": s['metadata'], "scores": s['scores'], "model_usage": s['model_usage'], "total_time": s['total_time'], "working_time": s['working_time'], "uuid": s['uuid'], "retries": 0, "completed": True, "message_count": len(s['messages'])})
        _put(z, '_journal/summaries/1.json', json.dumps(summaries, indent=2))
        _put(z, 'summaries.json', json.dumps(summaries, indent=2))
        _put(z, 'reductions.json', json.dumps([{"scorer": "replication_scorer", "samples": [dict(s['scores']['replication_scorer'], sample_id=s['id']) for s in samples]}], indent=2))
        _put(z, 'header.json', json.dumps(header, indent=2))
    return buf.getvalue()

def inspect_json(runs, task, model, created, argname='cmd', nan=True, tool='bash'):
    ck = Clock(created.replace('+00:00', ''))
    samples = [_inspect_sample(r, model, argname, ck, tool=tool) for r in runs]
    log = _inspect_header(task, model, runs, created, argname=argname, version='0.3.58')
    log['samples'] = samples
    log['reductions'] = [{"scorer": "replication_scorer", "samples": [dict(s['scores']['replication_scorer'], sample_id=s['id']) for s in samples]}]
    s = json.dumps(log, indent=2, ensure_ascii=False)
    if nan:
        s = s.replace('"value": 0.5,\n', '"value": NaN,\n', 1).replace('"value": 0.0,\n                "params"', '"value": NaN,\n                "params"', 1)
    return s

# ---------------------------------------------------------------- 4. SWE-agent .traj
SWE_SYSTEM = "SETTING: You are an autonomous programmer, and you're working directly in the command line with a special interface.\n\nThe special interface consists of a file editor that shows you 100 lines of a file at a time.\nIn addition to typical bash commands, you can also use specific commands to help you navigate and edit files.\nTo call a command, you need to invoke it with a function call/tool call.\n\nPlease note that THE EDIT COMMAND REQUIRES PROPER INDENTATION."
def swe_instance(issue, repo='/testbed'):
    return (f"<uploaded_files>\n{repo}\n</uploaded_files>\nI've uploaded a python code repository in the directory {repo}. Consider the following PR description:\n\n<pr_description>\n{issue}\n</pr_description>\n\n"
            "Can you help me implement the necessary changes to the repository so that the requirements specified in the <pr_description> are met?\n"
            "I've already taken care of all changes to any of the test files described in the <pr_description>. This means you DON'T have to modify the testing logic or any of the tests in any way!\n"
            f"Your task is to make the minimal changes to non-tests files in the {repo} directory to ensure the <pr_description> is satisfied.\n"
            "Follow these steps to resolve the issue:\n1. As a first step, it might be a good idea to find and read code relevant to the <pr_description>\n"
            "2. Create a script to reproduce the error and execute it with `python <filename.py>` using the bash tool, to confirm the error\n"
            "3. Edit the sourcecode of the repo to resolve the issue\n4. Rerun your reproduce script and confirm that the error is fixed!\n5. Think about edgecases and make sure your fix handles them as well\n"
            "Your thinking should be thorough and so it's fine if it's very long.")
SWE_CLASSIC = ("We're currently solving the following issue within our repository. Here's the issue text:\nISSUE:\n{issue}\n\nINSTRUCTIONS:\n"
               "Now, you're going to solve this issue on your own. Your terminal session has started and you're in the repository's root directory. You can use any bash commands or the special interface to help you. Edit all the files you need to and run any checks or tests that you want.\n"
               "Remember, YOU CAN ONLY ENTER ONE COMMAND AT A TIME. You should always wait for feedback after every command.\n"
               "When you're satisfied with all of the changes you've made, you can submit your changes to the code base by simply running the submit command.\n"
               "Note however that you cannot use any interactive session commands (e.g. python, vim) in this environment, but you can write scripts and run them. E.g. you can write a python script and then run it with `python <script_name>.py`.\n\n"
               "NOTE ABOUT THE EDIT COMMAND: Indentation really matters! When editing a file, make sure to insert appropriate indentation before each line!\n\n"
               "IMPORTANT TIPS:\n1. Always start by trying to replicate the bug that the issues discusses.\n   If the issue includes code for reproducing the bug, we recommend that you re-implement that in your environment, and run it to make sure you can reproduce the bug.\n   Then start trying to fix it.\n   When you think you've successfully fixed the bug, re-run the bug reproduction script to make sure that the bug has been fixed.\n\n"
               "2. If you run a command and it doesn't work, try running a different command. A command that did not work once will not work the second time unless you modify it!\n\n"
               "(Open file: n/a)\n(Current directory: {repo})\nbash-$")

def swe_traj(run, classic=False, repo='/testbed', model='gpt-4o-2024-08-06'):
    instance = SWE_CLASSIC.format(issue=run['task'], repo=repo) if classic else swe_instance(run['task'], repo)
    history = [{"role": "system", "content": SWE_SYSTEM, "agent": "main", "message_type": "system_prompt"},
               {"role": "user", "content": [{"type": "text", "text": instance}], "agent": "main", "message_type": "observation"}]
    traj = []
    cwd = repo
    for s in run['steps']:
        if s['kind'] != 'cmd':
            continue
        c = text_of(s)
        obs = combined(s)
        if s['rc'] and not obs:
            obs = ''
        thought = s['th']
        traj.append({"action": c, "observation": obs, "response": thought + "\n\n```\n" + c + "\n```" if classic else thought,
                     "thought": thought, "execution_time": round(RNG.uniform(0.1, 4.0), 3),
                     "state": json.dumps({"open_file": s.get('open_file', 'n/a'), "working_dir": cwd}) if classic else {"working_dir": cwd, "diff": ""},
                     "query": [], "extra_info": {}})
        callid = 'call_' + rid(24)
        history.append({"role": "assistant", "content": thought, "thought": thought, "action": c, "agent": "main", "tool_calls": None if classic else [{"function": {"arguments": json.dumps({"command": c}), "name": "bash"}, "id": callid, "type": "function"}], "message_type": "action"})
        history.append({"role": "tool" if not classic else "user", "content": [{"type": "text", "text": "OBSERVATION:\n" + obs}] if not classic else obs + f"\n(Open file: n/a)\n(Current directory: {cwd})\nbash-$", "agent": "main", "message_type": "observation", **({"tool_call_ids": [callid]} if not classic else {})})
    info = {"swe_agent_hash": hexid(40), "swe_agent_version": "0.7.0" if classic else "1.1.0", "submission": run.get('final', ''), "exit_status": run.get('exit_status', 'submitted'),
            "model_stats": {"instance_cost": round(RNG.uniform(0.2, 1.5), 4), "tokens_sent": 120000, "tokens_received": 3100, "api_calls": len(traj)}}
    rc = {"env": {"deployment": {"image": "python:3.11", "type": "docker"}, "repo": {"path": repo, "type": "preexisting"}}, "agent": {"model": {"name": model, "temperature": 0.0}}}
    return json.dumps({"environment": "swe_main", "trajectory": traj, "history": history, "info": info, "replay_config": json.dumps(rc)}, indent=2, ensure_ascii=False)

# ---------------------------------------------------------------- mini-swe-agent
MINI_SYSTEM = "You are a helpful assistant that can interact with a computer.\n\nYour response must contain exactly ONE bash code block with ONE command (or commands connected with && or ||).\nInclude a THOUGHT section before your command where you explain your reasoning process.\nFormat your response as shown in <format_example>.\n\n<format_example>\nTHOUGHT: Your reasoning and analysis here.\n\n```mswea_bash_command\nyour_command_here\n```\n</format_example>\n\nFailure to follow these rules will cause your response to be rejected.\nTo finish, issue the following command: `echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT`\nwithout any other command."
def mini_traj(run, model='anthropic/claude-sonnet-4-20250514', cwd='/srv/app', fence='mswea_bash_command', bare=False):
    msgs = [{"role": "system", "content": MINI_SYSTEM.replace('mswea_bash_command', fence)},
            {"role": "user", "content": "Please solve this issue: " + run['task'] + "\n\nYou can execute bash commands and edit files to implement the necessary changes."}]
    for s in run['steps']:
        if s['kind'] != 'cmd':
            continue
        msgs.append({"role": "assistant", "content": f"THOUGHT: {s['th']}\n\n```{fence}\n{text_of(s)}\n```"})
        if s.get('timeout'):
            msgs.append({"role": "user", "content": f"The last command <command>{text_of(s)}</command> timed out and has been killed.\nThe output of the command was:\n<output>\n{combined(s)}\n</output>\nPlease try another command and make sure to avoid those requiring interactive input."})
        else:
            msgs.append({"role": "user", "content": f"<returncode>{s['rc']}</returncode>\n<output>\n{combined(s)}</output>"})
    if bare:
        return json.dumps(msgs, indent=1, ensure_ascii=False)
    info = {"exit_status": run.get('exit_status', 'Submitted'), "submission": run.get('final', ''), "model_stats": {"instance_cost": 0.07, "api_calls": len(msgs) // 2},
            "mini_version": "1.9.1", "config": {"agent": {"step_limit": 50, "cost_limit": 3.0}, "model": {"model_name": model, "model_kwargs": {"temperature": 0.0}},
                                               "environment": {"cwd": cwd, "timeout": 60, "env": {"PAGER": "cat"}, "environment_class": "local"}}}
    return json.dumps({"info": info, "messages": msgs, "trajectory_format": "mini-swe-agent-1.1"}, indent=1, ensure_ascii=False)

# ---------------------------------------------------------------- 5. OpenHands V0
def openhands_v0(run, start='2025-07-14T10:02:00', model='claude-3-7-sonnet-20250219', user='openhands', host='runtime-7f3a', cwd='/workspace', wrap=False):
    ck = Clock(start)
    ev = []
    def add(d):
        d = dict(id=len(ev), timestamp=ck.t.isoformat(timespec='microseconds'), **d); ev.append(d); return d
    add(dict(source='environment', message='', observation='agent_state_changed', content='', extras={"agent_state": "loading"}))
    ck.tick(1)
    add(dict(source='user', message=run['task'], action='message', args={"content": run['task'], "image_urls": [], "wait_for_response": False}))
    add(dict(source='environment', message='', observation='agent_state_changed', content='', extras={"agent_state": "running"}))
    steps = run['steps']
    for k, s in enumerate(steps):
        if s['kind'] == 'say':
            ck.tick(); add(dict(source='agent', message=s['th'], action='message', args={"content": s['th'], "image_urls": None, "wait_for_response": False}))
            continue
        if s['kind'] != 'cmd':
            continue
        ck.tick()
        c = text_of(s)
        tcid = 'toolu_' + rid(24)
        a = add(dict(source='agent', message=f"Running command: {c}", action='run',
                     tool_call_metadata={"function_name": "execute_bash", "tool_call_id": tcid, "model_response": {"id": "chatcmpl-" + uid(), "model": model, "object": "chat.completion", "choices": [{"finish_reason": "tool_calls", "index": 0, "message": {"content": s['th'], "role": "assistant", "tool_calls": [{"index": 1, "function": {"arguments": json.dumps({"command": c, "is_input": "false"}), "name": "execute_bash"}, "id": tcid, "type": "function"}]}}]}, "total_calls_in_response": 1},
                     args={"command": c, "is_input": False, "thought": s['th'], "blocking": False, "is_static": False, "cwd": None, "hidden": False, "confirmation_state": "confirmed"}))
        if run.get('cutoff') and k == len(steps) - 1:
            break
        ck.tick(RNG.uniform(0.2, 15))
        rc = -1 if s.get('timeout') else s['rc']
        content = combined(s)
        suffix = f"\n[The command completed with exit code {rc}.]" if not s.get('timeout') else "\n[The command has no new output after 30 seconds. You may wait longer to see additional output by sending empty command '', send other commands to interact with the current process, send keys to interrupt/kill the command, or use the timeout parameter in execute_bash for future commands.]"
        add(dict(source='agent', message=f"Command `{c}` executed with exit code {rc}.", cause=a['id'], observation='run',
                 tool_call_metadata={"function_name": "execute_bash", "tool_call_id": tcid, "model_response": None, "total_calls_in_response": 1},
                 content=content + suffix, extras={"command": c, "metadata": {"exit_code": rc, "pid": -1, "username": user, "hostname": host, "working_dir": s.get('cwd', cwd), "py_interpreter_path": "/openhands/poetry/openhands-ai-5O4_aCHf-py3.12/bin/python", "prefix": "", "suffix": suffix}, "hidden": False}, success=rc == 0))
    else:
        if run.get('final'):
            ck.tick(); add(dict(source='agent', message=run['final'], action='finish', tool_call_metadata={"function_name": "finish", "tool_call_id": 'toolu_' + rid(24), "model_response": None, "total_calls_in_response": 1}, args={"final_thought": run['final'], "task_completed": "true", "outputs": {}, "thought": ""}))
        add(dict(source='environment', message='', observation='agent_state_changed', content='', extras={"agent_state": "finished"}))
    if wrap:
        return json.dumps({"trajectory": ev}, indent=1, ensure_ascii=False)
    return json.dumps(ev, indent=1, ensure_ascii=False)

# ---------------------------------------------------------------- OpenHands V1 SDK (JSONL)
def openhands_v1(run, start='2025-11-20T15:10:00', model='litellm_proxy/claude-sonnet-4-5-20250929', user='agent', host='agent-box-1', cwd='/home/agent'):
    ck = Clock(start)
    L = []
    conv = hexid()
    def add(d):
        d = dict(id=uid(), timestamp=ck.t.isoformat(timespec='microseconds'), **d); L.append(json.dumps(d, ensure_ascii=False, separators=(',', ':')))
        return d
    add(dict(source='environment', key='execution_status', value='running', kind='ConversationStateUpdateEvent'))
    add(dict(source='agent', system_prompt={"cache_prompt": False, "type": "text", "text": "You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks."}, tools=[{"title": "terminal"}, {"title": "file_editor"}, {"title": "task_tracker"}, {"title": "finish"}], kind='SystemPromptEvent'))
    ck.tick(0.4)
    add(dict(source='user', llm_message={"role": "user", "content": [{"cache_prompt": False, "type": "text", "text": run['task']}], "thinking_blocks": []}, activated_skills=[], extended_content=[], sender=None, kind='MessageEvent'))
    steps = run['steps']
    for k, s in enumerate(steps):
        if s['kind'] == 'say':
            ck.tick(); add(dict(source='agent', llm_message={"role": "assistant", "content": [{"cache_prompt": False, "type": "text", "text": s['th']}], "thinking_blocks": []}, activated_skills=[], extended_content=[], sender=None, kind='MessageEvent'))
            continue
        if s['kind'] != 'cmd':
            continue
        ck.tick()
        c = text_of(s)
        tcid = 'toolu_' + hexid(24)
        a = add(dict(source='agent', thought=[{"cache_prompt": False, "type": "text", "text": s['th']}], reasoning_content=None, thinking_blocks=[], responses_reasoning_item=None,
                     action={"command": c, "is_input": False, "timeout": None, "reset": False, "kind": "TerminalAction"}, tool_name='terminal', tool_call_id=tcid,
                     tool_call={"id": tcid, "responses_item_id": None, "name": "terminal", "arguments": json.dumps({"command": c, "security_risk": "LOW"}), "origin": "completion"},
                     llm_response_id='chatcmpl-' + uid(), security_risk='LOW', kind='ActionEvent'))
        if run.get('cutoff') and k == len(steps) - 1:
            break
        ck.tick(RNG.uniform(0.2, 15))
        rc = -1 if s.get('timeout') else s['rc']
        suffix = f"\n[The command completed with exit code {rc}.]" if not s.get('timeout') else "\n[The command timed out after 120.0 seconds. You may wait longer to see additional output by sending empty command '', send other commands to interact with the current process, or send keys to interrupt/kill the command.]"
        add(dict(source='environment', tool_name='terminal', tool_call_id=tcid,
                 observation={"content": [{"cache_prompt": False, "type": "text", "text": combined(s)}], "is_error": False, "command": c, "exit_code": None if s.get('timeout') else rc, "timeout": bool(s.get('timeout')),
                              "metadata": {"exit_code": rc, "pid": -1, "username": user, "hostname": host, "working_dir": s.get('cwd', cwd), "py_interpreter_path": "/usr/bin/python3", "prefix": "", "suffix": suffix},
                              "full_output_save_dir": f"/home/{user}/.openhands/conversations/{conv}/observations", "kind": "TerminalObservation"},
                 action_id=a['id'], kind='ObservationEvent'))
    else:
        if run.get('final'):
            ck.tick()
            tcid = 'toolu_' + hexid(24)
            a = add(dict(source='agent', thought=[], reasoning_content=None, thinking_blocks=[], responses_reasoning_item=None, action={"message": run['final'], "kind": "FinishAction"}, tool_name='finish', tool_call_id=tcid,
                         tool_call={"id": tcid, "responses_item_id": None, "name": "finish", "arguments": json.dumps({"message": run['final']}), "origin": "completion"}, llm_response_id='chatcmpl-' + uid(), security_risk='UNKNOWN', kind='ActionEvent'))
            add(dict(source='environment', tool_name='finish', tool_call_id=tcid, observation={"content": [{"cache_prompt": False, "type": "text", "text": run['final']}], "is_error": False, "kind": "FinishObservation"}, action_id=a['id'], kind='ObservationEvent'))
        add(dict(source='environment', key='execution_status', value='finished', kind='ConversationStateUpdateEvent'))
    return '\n'.join(L) + '\n'

# ---------------------------------------------------------------- 6. Claude Code
def claude_code(run, start='2025-10-06T09:12:00', cwd='/home/dev/proj', model='claude-sonnet-4-5-20250929', version='2.0.8', session=None, summary=None, session_dir=None):
    """Returns the session text, or (text, {session_dir/subagents/agent-ID.jsonl: text}) when the run has sub-agents."""
    ck = Clock(start)
    sid = session or uid()
    subs = {}
    text = _claude_lines(run, ck, cwd, sid, model, version, summary=summary, subagents=subs)
    if not subs:
        return text
    return text, {f"{session_dir}/subagents/{k}": v for k, v in subs.items()}

def _claude_lines(run, ck, cwd, sid, model, version, summary=None, sidechain=None, first_parent=None, subagents=None):
    L = []
    parent = [first_parent]
    def line(d):
        base = {"parentUuid": parent[0], "isSidechain": bool(sidechain), "userType": "external", "cwd": cwd, "sessionId": sid, "version": version, "gitBranch": "main"}
        if sidechain:
            base["agentId"] = sidechain
        base.update(d)
        u = uid(); base['uuid'] = u; base['timestamp'] = ck.iso()
        parent[0] = u
        L.append(json.dumps(base, ensure_ascii=False, separators=(',', ':')))
    if summary:
        L.append(json.dumps({"type": "summary", "summary": summary, "leafUuid": uid()}, separators=(',', ':')))
    line({"type": "user", "message": {"role": "user", "content": run['task']}})
    bgn = 0
    bg_ids = []
    steps = run['steps']
    for k, s in enumerate(steps):
        ck.tick()
        mid = 'msg_01' + rid(22)
        usage = {"input_tokens": 4, "cache_creation_input_tokens": RNG.randint(100, 900), "cache_read_input_tokens": RNG.randint(15000, 40000), "output_tokens": RNG.randint(40, 300), "service_tier": "standard"}
        def amsg(content):
            line({"type": "assistant", "message": {"id": mid, "type": "message", "role": "assistant", "model": model, "content": content, "stop_reason": None, "stop_sequence": None, "usage": usage}, "requestId": "req_011C" + rid(20)})
        if s['th']:
            amsg([{"type": "text", "text": s['th']}])
        if s['kind'] == 'say':
            continue
        tid = 'toolu_01' + rid(22)
        if s['kind'] == 'agent':
            amsg([{"type": "tool_use", "id": tid, "name": "Task", "input": {"description": s['desc'], "prompt": s['prompt'], "subagent_type": s['agent_type']}}])
            agent_id = hexid(8)
            t_start = ck.t
            sub = _claude_lines(dict(task=s['prompt'], steps=s['steps'], final=s['report']), ck, cwd, sid, model, version, sidechain=agent_id, first_parent=None)
            subagents[f"agent-{agent_id}.jsonl"] = sub
            ck.tick(1)
            line({"type": "user", "message": {"role": "user", "content": [{"tool_use_id": tid, "type": "tool_result", "content": [{"type": "text", "text": s['report']}]}]},
                  "toolUseResult": {"status": "completed", "prompt": s['prompt'], "agentId": agent_id, "content": [{"type": "text", "text": s['report']}],
                                    "totalDurationMs": int((ck.t - t_start).total_seconds() * 1000), "totalTokens": 48211, "totalToolUseCount": len([x for x in s['steps'] if x['kind'] != 'say'])}})
            continue
        if s['kind'] == 'cmd':
            inp = {"command": text_of(s), "description": s.get('desc', s['th'][:60] or 'Run command')}
            if s['bg']:
                inp['run_in_background'] = True
            if s.get('timeout_ms'):
                inp['timeout'] = s['timeout_ms']
            amsg([{"type": "tool_use", "id": tid, "name": "Bash", "input": inp}])
            if run.get('cutoff') and k == len(steps) - 1 and run.get('cut_before_result'):
                break
            ck.tick(RNG.uniform(0.3, 12))
            if s['bg']:
                bgn += 1; bg_ids.append(f"bash_{bgn}")
                content = f"Command running in background with ID: bash_{bgn}"
                tur = {"stdout": "", "stderr": "", "interrupted": False, "isImage": False, "backgroundTaskId": f"bash_{bgn}"}
                err = False
            elif s['rc'] != 0 or s.get('timeout'):
                body = combined(s).rstrip('\n')
                content = (f"Command timed out after 2m 0.0s" + ("\n" + body if body else '')) if s.get('timeout') else f"Exit code {s['rc']}\n{body}"
                tur = "Error: " + content
                err = True
            else:
                content = (s['out'] + s['err']).rstrip('\n')
                tur = {"stdout": s['out'].rstrip('\n'), "stderr": s['err'].rstrip('\n'), "interrupted": False, "isImage": False}
                err = False
            line({"type": "user", "message": {"role": "user", "content": [{"tool_use_id": tid, "type": "tool_result", "content": content, "is_error": err}]}, "toolUseResult": tur})
        else:
            bid = s.get('bash_id', bg_ids[-1] if bg_ids else 'bash_1')
            amsg([{"type": "tool_use", "id": tid, "name": "BashOutput", "input": {"bash_id": bid}}])
            ck.tick(1)
            status = s.get('status', 'running')
            content = f"<status>{status}</status>\n\n" + (f"<exit_code>{s['exit_code']}</exit_code>\n\n" if 'exit_code' in s else '') + (f"<stdout>\n{s['out'].rstrip()}\n</stdout>\n\n" if s['out'] else '') + (f"<stderr>\n{s['err'].rstrip()}\n</stderr>\n\n" if s['err'] else '') + f"<timestamp>{ck.iso()}</timestamp>"
            line({"type": "user", "message": {"role": "user", "content": [{"tool_use_id": tid, "type": "tool_result", "content": content}]}, "toolUseResult": {"shellId": bid, "command": "", "status": status, "exitCode": s.get('exit_code'), "stdout": s['out'], "stderr": s['err']}})
    if not run.get('cutoff') and run.get('final'):
        ck.tick()
        line({"type": "assistant", "message": {"id": 'msg_01' + rid(22), "type": "message", "role": "assistant", "model": model, "content": [{"type": "text", "text": run['final']}], "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 4, "cache_creation_input_tokens": 300, "cache_read_input_tokens": 30000, "output_tokens": 200, "service_tier": "standard"}}, "requestId": "req_011C" + rid(20)})
    return '\n'.join(L) + '\n'

# ---------------------------------------------------------------- 7. Codex CLI rollout
def codex(run, start='2026-03-02T11:20:00', cwd='/home/dev/work', model='gpt-5-codex', tool='shell', cli='0.58.0'):
    ck = Clock(start)
    L = []
    def rec(typ, payload):
        L.append(json.dumps({"timestamp": ck.iso(), "type": typ, "payload": payload}, ensure_ascii=False, separators=(',', ':')))
    sid = uid()
    rec('session_meta', {"id": sid, "timestamp": ck.iso(), "cwd": cwd, "originator": "codex_cli_rs", "cli_version": cli, "instructions": None, "source": "cli", "model_provider": "openai"})
    rec('response_item', {"type": "message", "role": "user", "content": [{"type": "input_text", "text": f"<environment_context>\n  <cwd>{cwd}</cwd>\n  <approval_policy>never</approval_policy>\n  <sandbox_mode>danger-full-access</sandbox_mode>\n  <network_access>enabled</network_access>\n  <shell>bash</shell>\n</environment_context>"}]})
    rec('turn_context', {"cwd": cwd, "approval_policy": "never", "sandbox_policy": {"mode": "danger-full-access"}, "model": model, "effort": "medium", "summary": "auto"})
    ck.tick(0.2)
    rec('response_item', {"type": "message", "role": "user", "content": [{"type": "input_text", "text": run['task']}]})
    rec('event_msg', {"type": "user_message", "message": run['task'], "images": []})
    steps = run['steps']
    for k, s in enumerate(steps):
        ck.tick()
        if s['th']:
            rec('response_item', {"type": "reasoning", "summary": [{"type": "summary_text", "text": s['th']}], "content": None, "encrypted_content": "gAAAAAB" + hexid(40)})
            rec('event_msg', {"type": "agent_reasoning", "text": s['th']})
        if s['kind'] != 'cmd':
            if s['kind'] == 'say':
                rec('response_item', {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": s['th']}]})
            continue
        cid = 'call_' + rid(24)
        t = s.get('tool', tool)
        if t in ('shell', 'local_shell_call'):
            argv = s['cmd'] if isinstance(s['cmd'], list) else ['bash', '-lc', s['cmd']]
            assert isinstance(s['cmd'], list), 'shell tool needs argv so labels match'
            args = {"command": argv, "workdir": s.get('cwd', cwd), "timeout_ms": 120000}
        elif t == 'shell_command':
            args = {"command": s['cmd'], "workdir": s.get('cwd', cwd), "timeout_ms": 120000}
        else:
            args = {"cmd": s['cmd'], "workdir": s.get('cwd', cwd), "yield_time_ms": 10000, "max_output_tokens": 6000}
        if t == 'local_shell_call':
            rec('response_item', {"type": "local_shell_call", "call_id": cid, "status": "in_progress" if run.get('cutoff') and k == len(steps) - 1 else "completed", "action": {"type": "exec", "exec": {"command": s['cmd'], "working_directory": s.get('cwd', cwd), "timeout_ms": 120000}}})
        else:
            rec('response_item', {"type": "function_call", "name": t, "arguments": json.dumps(args), "call_id": cid})
        if run.get('cutoff') and k == len(steps) - 1:
            break
        dur = round(RNG.uniform(0.05, 9), 1)
        ck.tick(dur)
        out = combined(s)
        rc = 124 if s.get('timeout') and s['rc'] == 0 else s['rc']
        if t in ('shell', 'local_shell_call'):
            o = json.dumps({"output": out if not s.get('timeout') else out + "\ncommand timed out", "metadata": {"exit_code": rc, "duration_seconds": dur}})
        elif t == 'shell_command':
            o = f"Exit code: {rc}\nWall time: {dur} seconds\nOutput:\n{out}"
        else:
            o = f"Chunk ID: {hexid(6)}\nWall time: {dur:.4f} seconds\n" + (f"Process exited with code {rc}\n" if not s['bg'] else f"Process running with session ID {RNG.randint(10000, 99999)}\n") + f"Original token count: {len(out)//4}\nOutput:\n{out}"
        rec('response_item', {"type": "function_call_output", "call_id": cid, "output": o})
    if not run.get('cutoff') and run.get('final'):
        ck.tick()
        rec('response_item', {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": run['final']}]})
        rec('event_msg', {"type": "agent_message", "message": run['final']})
    return '\n'.join(L) + '\n'

# ---------------------------------------------------------------- 8. OpenAI chat JSON
def openai_chat(run, tool='bash', arg='command', wrap=False, jsonl=False):
    msgs = []
    if run.get('system'):
        msgs.append({"role": "system", "content": run['system']})
    msgs.append({"role": "user", "content": run['task']})
    steps = run['steps']
    for k, s in enumerate(steps):
        if s['kind'] == 'say':
            msgs.append({"role": "assistant", "content": s['th']}); continue
        if s['kind'] != 'cmd':
            continue
        cid = 'call_' + rid(24)
        msgs.append({"role": "assistant", "content": s['th'] or None, "tool_calls": [{"id": cid, "type": "function", "function": {"name": tool, "arguments": json.dumps({arg: text_of(s)})}}]})
        if run.get('cutoff') and k == len(steps) - 1 and run.get('cut_before_result'):
            break
        body = combined(s)
        if s.get('timeout'):
            body = (body + '\n' if body else '') + f"[The command timed out after 60 seconds.]"
        elif s.get('show_rc', True):
            body = (body + ('\n' if body and not body.endswith('\n') else '')) + f"[exit code: {s['rc']}]"
        msgs.append({"role": "tool", "tool_call_id": cid, "name": tool, "content": body})
    if run.get('final') and not run.get('cutoff'):
        msgs.append({"role": "assistant", "content": run['final']})
    if jsonl:
        return '\n'.join(json.dumps(m, ensure_ascii=False) for m in msgs) + '\n'
    return json.dumps({"messages": msgs} if wrap else msgs, indent=1, ensure_ascii=False)

# ---------------------------------------------------------------- 9. asciicast
def asciicast(run, version=2, prompt='dev@gpu-node-3:~$ ', width=160, height=44, ts=1764921600, typed=True, title=None, cwd_prompts=None):
    ev = []
    t = [0.3]
    def o(data, dt=None):
        t[0] += dt if dt is not None else RNG.uniform(0.01, 0.08)
        ev.append([round(t[0], 6), 'o', data])
    def i(data, dt):
        t[0] += dt
        ev.append([round(t[0], 6), 'i', data])
    o(run.get('motd', 'Welcome to Ubuntu 22.04.5 LTS (GNU/Linux 6.8.0-49-generic x86_64)\r\n\r\n'))
    steps = run['steps']
    cur_prompt = prompt
    for k, s in enumerate(steps):
        if s['kind'] != 'cmd':
            continue
        cur_prompt = s.get('prompt', cur_prompt)
        if run.get('osc_title'):
            o('\x1b]0;' + run['osc_title'] + '\x07', 0.01)
        o(cur_prompt, 0.05)
        c = text_of(s)
        t[0] += RNG.uniform(0.8, 3)
        # keys: what was typed, when it differs from the command (a typo fixed with backspace, \x7f)
        for ch in s.get('keys', c):
            if typed:
                i(ch, RNG.uniform(0.04, 0.18)); o('\b\x1b[K' if ch == '\x7f' else ch, 0.0004)
            else:
                o('\b\x1b[K' if ch == '\x7f' else ch, RNG.uniform(0.04, 0.18))
        if typed:
            i('\r', 0.3)
        o('\r\n', 0.0005)
        out = combined(s)
        if out:
            for chunk in out.rstrip('\n').split('\n'):
                o(chunk + '\r\n', RNG.uniform(0.02, s.get('delay', 0.4)))
        if run.get('cutoff') and k == len(steps) - 1:
            break
    else:
        if not cmds(run) or text_of(cmds(run)[-1]) != 'exit':
            o(cur_prompt, 0.05)
    # v2 absolute times; v3 relative
    if version == 2:
        hdr = {"version": 2, "width": width, "height": height, "timestamp": ts, "env": {"SHELL": "/bin/bash", "TERM": "xterm-256color"}}
        if title: hdr['title'] = title
        return json.dumps(hdr) + '\n' + '\n'.join(json.dumps(e, ensure_ascii=False) for e in ev) + '\n'
    hdr = {"version": 3, "term": {"cols": width, "rows": height, "type": "xterm-256color"}, "timestamp": ts, "env": {"SHELL": "/bin/bash"}}
    if title: hdr['title'] = title
    lines = [json.dumps(hdr), '# recorded with asciinema 3.0.0']
    prev = 0.0
    for e in ev:
        lines.append(json.dumps([round(e[0] - prev, 6), e[1], e[2]], ensure_ascii=False)); prev = e[0]
    if not run.get('cutoff'):
        lines.append(json.dumps([0.4, 'x', '0']))
    return '\n'.join(lines) + '\n'

# ---------------------------------------------------------------- OpenHands evaluation output.jsonl (one trajectory per line)
def openhands_output_jsonl(runs, model='claude-3-7-sonnet-20250219', starts=None):
    lines = []
    for n, run in enumerate(runs):
        ev = json.loads(openhands_v0(run, start=(starts or {}).get(n, f'2025-08-0{n + 1}T13:00:00'), model=model))
        lines.append(json.dumps({"instance_id": run['id'], "instruction": run['task'], "history": ev,
                                 "metadata": {"agent_class": "CodeActAgent", "llm_config": {"model": model, "temperature": 0.0}, "max_iterations": 60, "eval_output_dir": "evaluation/evaluation_outputs/outputs/replication"},
                                 "metrics": {"accumulated_cost": round(RNG.uniform(0.3, 2.5), 4)}, "error": run.get('error'), "test_result": run.get('test_result', {})}, ensure_ascii=False))
    return '\n'.join(lines) + '\n'
