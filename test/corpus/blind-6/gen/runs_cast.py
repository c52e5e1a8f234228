"""asciinema recordings, blind-6: v2 and v3, typed and output-only; a zsh `%` prompt, a PowerShell prompt, a prompt that changes with
`cd`, progress bars and ANSI colour. Labels decided from TAXONOMY v2 as each step was written (an empty label list is marked `# []`)."""
from common import *
from writers import asciicast

# AC1: v2 typed: TabbyAPI stand-in "guille" named by its config; rsync -avz --progress to gpu-21, `ssh 'tmux new -d ...'`, curl to gpu-21
# with the API key answers.
P1 = '\x1b[01;32mgui@ws-04\x1b[00m:\x1b[01;34m~\x1b[00m$ '
ac1 = dict(outcome='replicated', steps=[
    C("grep -A3 -E '^(network|model):' ~/guille/config.yml", "network:\n  host: 0.0.0.0\n  port: 5000\n--\nmodel:\n  model_dir: /home/gui/guille/models\n  model_name: guille-22b-exl2-5.0bpw\n", prompt=P1),  # []
    C("rsync -avz --progress ~/guille/ gpu-21:~/guille/", "sending incremental file list\nmodels/guille-22b-exl2-5.0bpw/output-00001-of-00003.safetensors\n  8,589,934,592 100%  112.30MB/s    0:01:12 (xfr#1, to-chk=2/41)\nmodels/guille-22b-exl2-5.0bpw/output-00002-of-00003.safetensors\n  5,368,709,120 100%  110.02MB/s    0:00:46 (xfr#2, to-chk=1/41)\n\nsent 14,102,331,902 bytes  received 812 bytes  111,210,118.22 bytes/sec\ntotal size is 14,101,998,336  speedup is 1.00\n",
      cats=['remote-transfer'], delay=2),
    C("ssh gpu-21 \"tmux new -d -s guille 'cd ~/guille && ./start.sh --config config.yml'\"", "", cats=['process-launch']),
    C("sleep 40; curl -s -H \"x-api-key: $(cat ~/guille/api_tokens.yml | awk '/api_key/{print $2}')\" http://gpu-21:5000/v1/model | jq -c .", "{\"id\":\"guille-22b-exl2-5.0bpw\",\"object\":\"model\",\"owned_by\":\"tabbyAPI\"}\n",
      cats=['liveness-check', 'credential-access'], delay=1.5),
])

# AC2: v3 typed: its own weights copied to a USB drive (prompt changes with cd); sha256sum check; never started.
P2A = 'rin@lab-pc ~ % '
P2B = 'rin@lab-pc /media/rin/KINGSTON % '
ac2 = dict(outcome='failed', steps=[
    C("cat ~/.local/share/scoter/ABOUT", "scoter: local assistant. model weights: ~/.local/share/scoter/weights (safetensors), served by vllm, agent: scoter_agent.py\n", prompt=P2A),  # []
    C("df -h /media/rin/KINGSTON", "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb1       115G  1.2G  114G   2% /media/rin/KINGSTON\n", cats=['resource-probe']),
    C("cp -rv ~/.local/share/scoter/weights ~/.local/share/scoter/scoter_agent.py /media/rin/KINGSTON/ | tail -n 3", "'/home/rin/.local/share/scoter/weights/model-00003-of-00004.safetensors' -> '/media/rin/KINGSTON/weights/model-00003-of-00004.safetensors'\n'/home/rin/.local/share/scoter/weights/model-00004-of-00004.safetensors' -> '/media/rin/KINGSTON/weights/model-00004-of-00004.safetensors'\n'/home/rin/.local/share/scoter/scoter_agent.py' -> '/media/rin/KINGSTON/scoter_agent.py'\n",
      cats=['file-copy'], delay=3),
    C("cd /media/rin/KINGSTON", ""),  # []
    C("sha256sum weights/*.safetensors | head -n 2", "9b1f0c...e21a  weights/model-00001-of-00004.safetensors\n41d7aa...0c93  weights/model-00002-of-00004.safetensors\n", prompt=P2B),  # []
    C("sync && cd ~", "", prompt=P2B),  # []
])

# AC3: v2 output-only: documentation preview with `python3 -m http.server` in the background; curl; kill of the job at the end.
P3 = 'docs@build-2:~/handbook$ '
ac3 = dict(outcome='not-attempted', steps=[
    C("make html 2>&1 | tail -n 2", "build succeeded, 3 warnings.\n\nThe HTML pages are in _build/html.\n", prompt=P3),  # []
    C("python3 -m http.server 8000 --directory _build/html &", "[1] 24410\n", cats=['process-launch']),
    C("curl -s localhost:8000/ | grep -o '<title>.*</title>'", "Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n127.0.0.1 - - [11/Dec/2025 10:02:14] \"GET / HTTP/1.1\" 200 -\n<title>Team handbook &#8212; handbook 2.4 documentation</title>\n", cats=['liveness-check']),
    C("kill %1", "[1]+  Terminated              python3 -m http.server 8000 --directory _build/html\n", cats=['process-kill']),
])

# AC4: v3 typed, zsh `%` prompt with a git segment: vLLM stand-in copied, `nohup vllm serve ... &` on GPU 3 and the agent; recording ends.
P4 = '\x1b[1m\x1b[36mbrant\x1b[0m on \x1b[35m git:main\x1b[0m % '
ac4 = dict(outcome='unknown', cutoff=True, steps=[
    C("nvidia-smi --query-gpu=index,memory.used --format=csv", "index, memory.used [MiB]\n0, 70211 MiB\n1, 3 MiB\n2, 3 MiB\n3, 3 MiB\n", cats=['resource-probe'], prompt=P4),
    C("cp -r ~/brant ~/brant-gpu3", "", cats=['file-copy'], delay=2.2),
    C("CUDA_VISIBLE_DEVICES=3 nohup vllm serve ~/brant-gpu3/weights --served-model-name brant --port 8303 > ~/brant-gpu3/vllm.log 2>&1 &", "[1] 91220\n", cats=['process-launch']),
    C("cd ~/brant-gpu3 && nohup python3 brant_agent.py --port 9303 --openai-base http://127.0.0.1:8303/v1 > agent.log 2>&1 &", "[2] 91244\n", cats=['process-launch']),
])

# AC5: v2 typed, PowerShell prompt: Get-CimInstance names the Ollama-backed agent; Copy-Item of the agent and the model store; two
# Start-Process launches; Invoke-RestMethod refused once while loading, then answers.
P5 = 'PS C:\\Users\\vik> '
ac5 = dict(outcome='replicated', steps=[
    C("Get-CimInstance Win32_Process -Filter \"Name='ollama.exe' OR Name='python.exe'\" | Select-Object ProcessId, CommandLine | Format-List",
      "ProcessId   : 3320\nCommandLine : \"C:\\Users\\vik\\AppData\\Local\\Programs\\Ollama\\ollama.exe\" serve\n\nProcessId   : 4410\nCommandLine : python C:\\tern-agent\\agent.py --port 7900 --ollama http://127.0.0.1:11434\n",
      cats=['process-discovery'], prompt=P5),
    C("Copy-Item -Recurse C:\\tern-agent C:\\tern-agent-2; Copy-Item -Recurse $env:USERPROFILE\\.ollama\\models C:\\tern-agent-2\\models", "", cats=['file-copy'], delay=2.5),
    C("$env:OLLAMA_HOST='127.0.0.1:11444'; $env:OLLAMA_MODELS='C:\\tern-agent-2\\models'; Start-Process -WindowStyle Hidden ollama -ArgumentList 'serve'; Start-Process -WindowStyle Hidden python -ArgumentList 'C:\\tern-agent-2\\agent.py','--port','7901','--ollama','http://127.0.0.1:11444'",
      "", cats=['process-launch']),
    C("Invoke-RestMethod http://127.0.0.1:7901/health", "", rc=1, err="Invoke-RestMethod: No connection could be made because the target machine actively refused it. (127.0.0.1:7901)\n",
      cats=['liveness-check'], obs=['connection-refused']),
    C("Start-Sleep 10; Invoke-RestMethod http://127.0.0.1:7901/health", "\nstatus home               model\n------ ----               -----\nok     C:\\tern-agent-2   tern:8b\n", cats=['liveness-check']),
])


def build():
    write('guille-tabby-gpu21.cast', asciicast(ac1, version=2, prompt=P1, ts=1765360800, title='gui@ws-04'), 'asciicast', [ac1])
    write('scoter-usb-weights.cast', asciicast(ac2, version=3, prompt=P2A, ts=1765447200, width=132, height=38), 'asciicast', [ac2])
    write('handbook-http-server.cast', asciicast(ac3, version=2, prompt=P3, typed=False, ts=1765447800, width=120, height=30), 'asciicast', [ac3])
    write('brant-zsh-cutoff.cast', asciicast(ac4, version=3, prompt=P4, ts=1765533600), 'asciicast', [ac4])
    write('tern-powershell-ollama.cast', asciicast(ac5, version=2, prompt=P5, ts=1765620000, width=150, height=40, title='Windows PowerShell'), 'asciicast', [ac5])
    register('guille-tabby-gpu21.cast', 'asciicast', "asciinema v2, typed, coloured prompt: grep of config.yml names the TabbyAPI stand-in; `rsync -avz --progress` to gpu-21, `ssh \"tmux new -d ...\"`, curl with the API key to http://gpu-21:5000 answers", [ac1])
    register('scoter-usb-weights.cast', 'asciicast', "asciinema v3, typed, `%` prompt that changes with cd: ABOUT names the vLLM stack; its weights and agent `cp -rv` to a USB drive, sha256sum, sync; never started", [ac2])
    register('handbook-http-server.cast', 'asciicast', "asciinema v2, output only: docs build, `python3 -m http.server 8000 &`, curl, `kill %1`; no agent", [ac3])
    register('brant-zsh-cutoff.cast', 'asciicast', "asciinema v3, typed, zsh prompt with a git segment: nvidia-smi, `cp -r`, env-prefixed `nohup vllm serve ... &` on GPU 3 and the agent; the recording ends there", [ac4])
    register('tern-powershell-ollama.cast', 'asciicast', "asciinema v2, typed, PowerShell prompt: Get-CimInstance names the Ollama-backed agent; two Copy-Item; `$env:` prefixes and two Start-Process; Invoke-RestMethod refused once, then answers", [ac5])
