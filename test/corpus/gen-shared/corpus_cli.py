"""The two commands every blind corpus's gen/ folder offers, written once: build (regenerate the
corpus files and labels from its runs_*.py modules) and readme (print the README's file table).
Each corpus's gen/build.py and gen/readme.py call these with their own folder on sys.path."""
import glob, importlib, os, shutil

MODULES = ['runs_chatbot', 'runs_inspect', 'runs_swe', 'runs_openhands', 'runs_claude', 'runs_codex', 'runs_chat', 'runs_cast']


def build(gen_dir, names):
    """Runs the named runs_* modules (all when none), then prints each file's runs and outcomes."""
    modules = list(names) or MODULES
    # Sub-agent transcripts are named by a random id: old ones are cleared so a rebuild leaves no stale file.
    if 'runs_claude' in modules:
        for d in glob.glob(os.path.join(os.path.dirname(gen_dir), '*', 'subagents')):
            shutil.rmtree(d)
    for m in modules:
        try:
            mod = importlib.import_module(m)
        except ModuleNotFoundError as e:
            if e.name == m:
                print('skip', m)
                continue
            raise
        mod.build()
    from common import REGISTRY, cmds
    for name, fmt, scen, runs in REGISTRY:
        print(f"{name:45s} {fmt:15s} runs={len(runs)} cmds={sum(len(cmds(r)) for r in runs)} {[r['outcome'] for r in runs]}")


def readme():
    """Prints the README's file table from the registry."""
    for m in MODULES:
        importlib.import_module(m).build()
    from common import REGISTRY, cmds
    print('| file | format | scenario | runs | commands | outcome |')
    print('|---|---|---|---|---|---|')
    total = [0, 0, 0]
    for name, fmt, scen, runs in REGISTRY:
        n = sum(len(cmds(r)) for r in runs)
        total[0] += 1
        total[1] += len(runs)
        total[2] += n
        print(f"| `{name}` | {fmt} | {scen} | {len(runs)} | {n} | {', '.join(r['outcome'] for r in runs)} |")
    print(f"\nTotal: {total[0]} files, {total[1]} runs, {total[2]} commands.")
