"""The step model, ids, clock and file writer shared by the blind corpora's generators (blind-4, -5, -6):
each corpus's gen/common.py sets OUT and seeds RNG, then its runs are rendered by writers.py."""
import json, os, shlex, hashlib, random, zipfile, io, uuid as _uuid, datetime as _dt

# The corpus folder written to, and the seed of RNG: set by each corpus's gen/common.py.
OUT = None

def C(cmd, out='', rc=0, cats=(), obs=(), th='', err='', bg=False, crit=None, timeout=False, **kw):
    """One shell command. cmd may be an argv list (codex `shell`). out: stdout; err: stderr."""
    return dict(kind='cmd', cmd=cmd, out=out, rc=rc, cats=list(cats), obs=list(obs), th=th, err=err,
                bg=bg, crit=crit, timeout=timeout, **kw)

def R(out, th='', err='', **kw):
    """Read the output of a background command (not a command itself)."""
    return dict(kind='read', out=out, th=th, err=err, **kw)

def T(text):
    return dict(kind='say', th=text)

def A(desc, prompt, steps, report, agent_type='general-purpose'):
    """A Claude Code sub-agent (Task tool): its commands run inside the session, in this order."""
    return dict(kind='agent', th='', desc=desc, prompt=prompt, steps=steps, report=report, agent_type=agent_type)

def text_of(step):
    c = step['cmd']
    return shlex.join(c) if isinstance(c, list) else c

def combined(step):
    e, o = step.get('err', ''), step.get('out', '')
    if e and o:
        return e + ('' if e.endswith('\n') else '\n') + o
    return e or o

def _flat(steps):
    for s in steps:
        if s['kind'] == 'agent':
            yield from _flat(s['steps'])
        else:
            yield s

def cmds(run):
    return [s for s in _flat(run['steps']) if s['kind'] == 'cmd']

def labels(fmt, runs):
    return {"format": fmt, "trajectories": [
        {"outcome": r['outcome'], "commands": [
            {"text": text_of(s), "categories": s['cats'], "obstacles": s['obs']} for s in cmds(r)]}
        for r in runs]}

RNG = random.Random()
def rid(n=22, alphabet='ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'):
    return ''.join(RNG.choice(alphabet) for _ in range(n))
def hexid(n=32):
    return ''.join(RNG.choice('0123456789abcdef') for _ in range(n))
def uid():
    return str(_uuid.UUID(int=RNG.getrandbits(128), version=4))

class Clock:
    def __init__(self, start):
        self.t = _dt.datetime.fromisoformat(start)
    def tick(self, s=None):
        self.t += _dt.timedelta(seconds=s if s is not None else RNG.uniform(2, 14))
        return self.t
    def iso(self, z=True, ms=3):
        s = self.t.strftime('%Y-%m-%dT%H:%M:%S.%f')
        s = s[:len(s) - (6 - ms)] if ms < 6 else s
        return s + ('Z' if z else '')
    def log(self):
        return self.t.strftime('%Y-%m-%d %H:%M:%S')

def write(name, data, fmt, runs, binary=False, extra=None):
    """extra: {relative path: text} written beside the file (Claude Code sub-agent transcripts)."""
    p = os.path.join(OUT, name)
    with open(p, 'wb' if binary else 'w') as f:
        f.write(data)
    for rel, text in (extra or {}).items():
        q = os.path.join(OUT, rel)
        os.makedirs(os.path.dirname(q), exist_ok=True)
        with open(q, 'w') as f:
            f.write(text)
    with open(p + '.labels.json', 'w') as f:
        json.dump(labels(fmt, runs), f, indent=2, ensure_ascii=False)
        f.write('\n')
    return p

REGISTRY = []  # (name, format, scenario, runs)
def register(name, fmt, scenario, runs):
    REGISTRY.append((name, fmt, scenario, runs))
