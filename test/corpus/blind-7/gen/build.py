"""python3 test/corpus/blind-7/gen/build.py  -- regenerates every blind-7 corpus file and its labels."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib
MODULES = [m for m in sys.argv[1:]] or ['runs_chatbot', 'runs_inspect', 'runs_swe', 'runs_openhands', 'runs_claude', 'runs_codex', 'runs_chat', 'runs_cast']
# sub-agent transcripts are named by a random id: clear old ones so a rebuild leaves no stale file
if 'runs_claude' in MODULES:
    import glob, shutil
    for d in glob.glob(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '*', 'subagents')):
        shutil.rmtree(d)
for m in MODULES:
    try:
        mod = importlib.import_module(m)
    except ModuleNotFoundError as e:
        if e.name == m:
            print('skip', m); continue
        raise
    mod.build()
from common import REGISTRY, cmds
for name, fmt, scen, runs in REGISTRY:
    print(f"{name:45s} {fmt:15s} runs={len(runs)} cmds={sum(len(cmds(r)) for r in runs)} {[r['outcome'] for r in runs]}")
