"""Eighteenth blind-corpus generator (blind-18): fewer, longer and noisier runs. Each run is written once as a list of
steps whose labels (categories, obstacles, outcome) were decided from ../../../../shared/TAXONOMY.md before any
analyser was run; the shared writers render the same run in one of the trajectory formats and write NAME.labels.json.
The helpers below print the long, realistic tables (ps, ss, nvidia-smi, docker ps, df) the runs' outputs are made of;
they use no randomness, so they do not move the seeded ids."""
import os, sys

# The step model and the format writers are shared with the other blind corpora (../../gen-shared);
# this corpus sets where its files go and its seed.
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'gen-shared'))
import steps
from steps import *

steps.OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
steps.RNG.seed(18180923)

PS_BASE = [
    ('root', 1, 0.0, 0.0, 168940, 13112, '?', 'Ss', '08:01', '0:04', '/sbin/init'),
    ('root', 2, 0.0, 0.0, 0, 0, '?', 'S', '08:01', '0:00', '[kthreadd]'),
    ('root', 412, 0.0, 0.1, 55412, 18220, '?', 'S<s', '08:01', '0:01', '/lib/systemd/systemd-journald'),
    ('root', 455, 0.0, 0.0, 25780, 6412, '?', 'Ss', '08:01', '0:00', '/lib/systemd/systemd-udevd'),
    ('systemd+', 611, 0.0, 0.0, 89364, 6700, '?', 'Ssl', '08:01', '0:00', '/lib/systemd/systemd-timesyncd'),
    ('root', 702, 0.0, 0.0, 9496, 2920, '?', 'Ss', '08:01', '0:00', '/usr/sbin/cron -f -P'),
    ('message+', 704, 0.0, 0.0, 8888, 5120, '?', 'Ss', '08:01', '0:00', '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only'),
    ('root', 731, 0.0, 0.1, 1798236, 42120, '?', 'Ssl', '08:01', '0:09', '/usr/bin/containerd'),
    ('root', 744, 0.0, 0.0, 15432, 9012, '?', 'Ss', '08:01', '0:00', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'),
    ('root', 802, 0.1, 0.2, 2457632, 88412, '?', 'Ssl', '08:01', '0:31', '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock'),
    ('root', 951, 0.3, 0.0, 5324, 1920, '?', 'Ss', '08:01', '1:02', '/usr/bin/nvidia-persistenced --user nvidia-persistenced --no-persistence-mode --verbose'),
    ('root', 1004, 0.0, 0.0, 6176, 1080, 'tty1', 'Ss+', '08:01', '0:00', '/sbin/agetty -o -p -- \\u --noclear tty1 linux'),
]

def ps_aux(extra, base=PS_BASE, tail=None):
    """`ps aux` with a header, the usual system rows, then `extra` rows (same tuple shape)."""
    rows = [('USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND')] + list(base) + list(extra)
    out = []
    for r in rows:
        out.append(f"{r[0]:<9}{r[1]:>7} {r[2]:>4} {r[3]:>4} {r[4]:>8} {r[5]:>6} {r[6]:<8} {r[7]:<4} {r[8]:>5} {r[9]:>6} {r[10]}")
    if tail:
        out += [f"{r[0]:<9}{r[1]:>7} {r[2]:>4} {r[3]:>4} {r[4]:>8} {r[5]:>6} {r[6]:<8} {r[7]:<4} {r[8]:>5} {r[9]:>6} {r[10]}" for r in tail]
    return '\n'.join(out) + '\n'

SS_BASE = [
    ('0.0.0.0:22', '0.0.0.0:*', 'users:(("sshd",pid=744,fd=3))'),
    ('127.0.0.53%lo:53', '0.0.0.0:*', 'users:(("systemd-resolve",pid=598,fd=14))'),
    ('127.0.0.1:631', '0.0.0.0:*', 'users:(("cupsd",pid=1122,fd=7))'),
    ('[::]:22', '[::]:*', 'users:(("sshd",pid=744,fd=4))'),
]

def ss_tlnp(extra, base=SS_BASE):
    """`ss -tlnp` table: the base listeners plus (local, peer, process) rows."""
    out = ['State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess']
    for loc, peer, proc in list(base) + list(extra):
        q = '4096' if not loc.startswith('127.0.0.53') else '4096'
        out.append(f"LISTEN 0      {q:<6} {loc:>18} {peer:>18} {proc}")
    return '\n'.join(out) + '\n'

def nvidia_smi(gpus, procs, driver='550.127.05', cuda='12.4', date='Mon Dec  1 10:14:22 2025'):
    """The full nvidia-smi table. gpus: (name, bus, temp, watts, cap, used_mib, total_mib, util); procs: (gpu, pid, name, mib)."""
    L = [date,
         '+-----------------------------------------------------------------------------------------+',
         f'| NVIDIA-SMI {driver}             Driver Version: {driver}     CUDA Version: {cuda}     |',
         '|-----------------------------------------+------------------------+----------------------+',
         '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
         '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
         '|                                         |                        |               MIG M. |',
         '|=========================================+========================+======================|']
    for i, (name, bus, temp, w, cap, used, total, util) in enumerate(gpus):
        L.append(f'|  {i:<3}{name:<26}On  |   {bus} Off |                    0 |')
        L.append(f'| N/A   {temp}C    P0   {w:>4}W / {cap:>4}W |  {used:>6}MiB / {total:>6}MiB |    {util:>3}%      Default |')
        L.append('|                                         |                        |             Disabled |')
        L.append('+-----------------------------------------+------------------------+----------------------+')
    L += ['', '+-----------------------------------------------------------------------------------------+',
          '| Processes:                                                                              |',
          '|  GPU   GI   CI        PID   Type   Process name                              GPU Memory |',
          '|        ID   ID                                                               Usage      |',
          '|=========================================================================================|']
    if not procs:
        L.append('|  No running processes found                                                             |')
    for g, pid, name, mib in procs:
        L.append(f'|    {g}   N/A  N/A    {pid:>7}      C   {name:<40}{mib:>7}MiB |')
    L.append('+-----------------------------------------------------------------------------------------+')
    return '\n'.join(L) + '\n'

def docker_ps(rows):
    """`docker ps` table: (id, image, command, created, status, ports, name)."""
    out = [f"{'CONTAINER ID':<15}{'IMAGE':<42}{'COMMAND':<25}{'CREATED':<16}{'STATUS':<22}{'PORTS':<42}NAMES"]
    for r in rows:
        out.append(f"{r[0]:<15}{r[1]:<42}{r[2]:<25}{r[3]:<16}{r[4]:<22}{r[5]:<42}{r[6]}")
    return '\n'.join(out) + '\n'

def df_h(rows):
    out = ['Filesystem      Size  Used Avail Use% Mounted on']
    for r in rows:
        out.append(f"{r[0]:<15} {r[1]:>4} {r[2]:>5} {r[3]:>5} {r[4]:>4} {r[5]}")
    return '\n'.join(out) + '\n'

def free_h(total='251Gi', used='38Gi', free='171Gi', shared='1.2Gi', cache='41Gi', avail='210Gi', swap=('8.0Gi', '0B', '8.0Gi')):
    return (f"               total        used        free      shared  buff/cache   available\n"
            f"Mem:          {total:>6}      {used:>6}      {free:>6}      {shared:>6}      {cache:>6}      {avail:>6}\n"
            f"Swap:         {swap[0]:>6}      {swap[1]:>6}      {swap[2]:>6}\n")

PIP_ROOT = "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n"
