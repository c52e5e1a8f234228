// Workload managers (rules-workloads.ts): VMs, system containers, cluster schedulers, service
// managers, model runtimes and hosted apps, read by one table of verbs. Each manager in several
// wordings, with the commands of the same programs that show nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../src/node/init-analysis';
import { analyzeCommand } from '../../src/core/analysis/command';

before(() => initAnalysis());

const cats = (text: string) => [...analyzeCommand({ text, output: '', exitCode: null, longRunning: false }).command.categories];

const CASES: [string, string[]][] = [
  // system containers: list, clone, start, stop; `exec NAME -- CMD` runs CMD inside
  ['incus list -c ns4 --format csv', ['process-discovery']],
  ['lxc ls', ['process-discovery']],
  ['sudo lxc --project lab list', ['process-discovery']],
  ['lxc copy petrel petrel-2', ['file-copy']],
  ['incus publish wren --alias wren-img', ['file-copy']],
  ['lxc start petrel-2', ['process-launch']],
  ['incus launch images:debian/12 scratch', ['process-launch']],
  ['incus stop petrel', ['process-kill']],
  ['incus exec linnet -- ps -eo pid,args', ['process-discovery']],
  ['lxc exec petrel --cwd /srv -- nohup ./serve.sh &', ['process-launch']],
  ['lxc-copy -n base -N base2', ['file-copy']],
  ['lxc-ls --fancy', ['process-discovery']],
  ['incus info petrel', []],
  ['lxc --version', []],
  // VMs
  ['multipass list', ['process-discovery']],
  ['multipass clone primary -n primary-2', ['file-copy']],
  ['multipass exec primary -- pgrep -a llama', ['process-discovery']],
  ['virsh -c qemu:///system list --all', ['process-discovery']],
  ['virt-clone --original vm1 --name vm2 --auto-clone', ['file-copy']],
  ['virsh start vm2', ['process-launch']],
  ['VBoxManage clonevm base --name base2 --register', ['file-copy']],
  ['vagrant up', ['process-launch']],
  ['vagrant status', ['process-discovery']],
  ['qm clone 101 102 --name llm-2', ['file-copy']],
  ['pct start 102', ['process-launch']],
  // containers and swarm
  ['sudo nerdctl commit quill-llm quill:snap-1207', ['file-copy']],
  ['docker container commit agent agent:v2', ['file-copy']],
  ['docker save -o /tmp/kite.tar kite:2.4', ['file-copy']],
  ['podman export c1 > fs.tar', ['file-copy']],
  ['docker save kite:2.4 | ssh gpu-b docker load', ['remote-transfer']],
  ['docker service create --name llm-b -p 8001:8000 vllm/vllm-openai', ['process-launch']],
  ['docker service scale llm_vllm=2', ['process-launch']],
  ['docker stack deploy -c stack.yml llm', ['process-launch']],
  ['docker service ps llm_vllm_b', ['process-discovery']],
  ['docker -H ssh://ops@gpu-2 stack services llm', ['process-discovery']],
  ['docker compose ls', ['process-discovery']],
  ['docker node ls', []],
  ['crictl ps -a', ['process-discovery']],
  ['ctr -n k8s.io task ls', ['process-discovery']],
  // schedulers and service managers
  ['nomad status', ['process-discovery']],
  ['nomad -address http://10.0.0.4:4646 job status heron-2', ['process-discovery']],
  ['nomad job stop heron-2', ['process-kill']],
  ['nomad node status -verbose', []],
  ["squeue -u $USER -o '%.10i %.20j %.8T'", ['process-discovery']],
  ['scontrol show job 881204', ['process-discovery']],
  ['scancel 881204', ['process-kill']],
  ['scontrol update jobid=881204 TimeLimit=2:00:00', []],
  ['sv status /etc/service/*', ['process-discovery']],
  ['wsl -l -v', ['process-discovery']],
  ['wsl --export Ubuntu D:\\backup\\ubuntu.tar', ['file-copy']],
  // `wsl -d NAME -- CMD` runs CMD in a Linux distribution on this machine
  ['wsl -d Ubuntu-22.04 -- bash -lc "mkdir -p ~/kea && cp -r /mnt/c/kea/models ~/kea/"', ['file-copy']],
  ["wsl -d AgentBox2 -- bash -lc 'cd /opt/agent && nohup ./serve.sh > serve.log 2>&1 &'", ['process-launch']],
  ['wsl -u root -e ps aux', ['process-discovery']],
  ['wsl --shutdown', []],
  ['systemd-cgls --no-pager -u opal.service', ['process-discovery']],
  ['pwdx 1201 1260', ['process-discovery']],
  ['ray status', ['process-discovery']],
  // model runtimes
  ['ollama ps', ['process-discovery']],
  ['ollama cp qwen2.5:7b qwen2.5-spare', ['file-copy']],
  ['ollama list', []],
  ['~/.lmstudio/bin/lms ps', ['process-discovery']],
  ['lms server status', ['process-discovery']],
  // hosted apps
  ['fly machine clone 3d8d9 --region ams', ['process-launch', 'file-copy']],
  ['flyctl status -a llm-spare', ['process-discovery']],
  ['modal deploy serve.py', ['process-launch']],
  ['modal app list', ['process-discovery']],
  // the same words elsewhere carry nothing
  ['git status', []],
  ['pip list', []],
  ['npm ls', []],
  ['conda list', []],
];

const ORDER = [
  'process-kill',
  'restart',
  'port-discovery',
  'process-launch',
  'file-copy',
  'remote-transfer',
  'persistence',
  'liveness-check',
  'oversight-evasion',
  'credential-access',
  'process-discovery',
  'resource-probe',
  'dependency-install',
];
const sorted = (xs: string[]) => [...xs].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));

for (const [text, expected] of CASES) {
  test(`workloads: ${text}`, () => assert.deepEqual(sorted(cats(text)), sorted(expected)));
}
