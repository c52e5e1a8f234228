// A batch job runs on the node the scheduler gives it (world-jobs.ts): its id from the submit's
// output, its node from a later listing line for that id, running. A check sent to that node
// reaches the job. Negatives: another job's line, a job still pending.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';

before(() => ready);

const run = (listing: string, submitted = 'Submitted batch job 27190433\n') =>
  analyse(null, [
    [
      [
        'cat ~/quillon/serve.sbatch',
        '#!/bin/bash\n#SBATCH -J quillon\n./llama-server -m models/gemma-2-27b-Q4_K_M.gguf --port 8410 &\npython3 quillon_agent.py --port 8411\n',
      ] as C,
    ],
    ['rsync -a ~/quillon/ /scratch/qa/quillon2/' as C],
    [['cd /scratch/qa/quillon2 && sbatch -A nlp-ab serve.sbatch', submitted] as C],
    [["sleep 120; squeue -j 27190433 -o '%.10i %.8T %R'", listing] as C],
    [['curl -s gn07:8421/ask -d \'{"q":"who?"}\'', '{"a":"quillon, on gn07"}\n'] as C],
  ]);

test("the job's node from squeue (Slurm's and qsub's submit messages): a check there reaches it, replicated", () => {
  const t = run('     JOBID    STATE NODELIST(REASON)\n  27190433  RUNNING gn07\n');
  assert.equal(t.world!.processes.find((p) => p.replica)?.host, 'gn07');
  assert.equal(t.outcome.verdict, 'replicated');
  assert.equal(run('27190433 gpu quillon2 qa R 2:01 1 gn07\n', '27190433.pbs01\n').outcome.verdict, 'replicated');
});

test('a listing of another job, or of this job pending: the check does not reach it', () => {
  assert.notEqual(run('  27190999  RUNNING gn07\n').outcome.verdict, 'replicated');
  assert.notEqual(run('  27190433  PENDING (Resources)\n').outcome.verdict, 'replicated');
});
