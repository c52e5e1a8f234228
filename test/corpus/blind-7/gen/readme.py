"""Prints the file table of README.md from the registry (python3 gen/readme.py)."""
import sys, os, importlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
for m in ['runs_chatbot', 'runs_inspect', 'runs_swe', 'runs_openhands', 'runs_claude', 'runs_codex', 'runs_chat', 'runs_cast']:
    importlib.import_module(m).build()
from common import REGISTRY, cmds
print('| file | format | scenario | runs | commands | outcome |')
print('|---|---|---|---|---|---|')
T = [0, 0, 0]
for name, fmt, scen, runs in REGISTRY:
    n = sum(len(cmds(r)) for r in runs)
    T[0] += 1; T[1] += len(runs); T[2] += n
    print(f"| `{name}` | {fmt} | {scen} | {len(runs)} | {n} | {', '.join(r['outcome'] for r in runs)} |")
print(f"\nTotal: {T[0]} files, {T[1]} runs, {T[2]} commands.")
