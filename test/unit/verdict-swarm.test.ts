// A swarm's services are containers of the world model (world-outputs.ts seenServices): a
// listing shows the model server's service, and `docker service create` of its image on
// another port is a new instance of it (world-programs.ts reads the image after the verb).
// Negative: a second service of a database's image.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, ready, type C } from './verdict-helpers';

before(() => ready);

const swarm = (listing: string, create: string, check: string): ReturnType<typeof analyse> =>
  analyse('The model behind this session is served from this swarm.', [
    [['docker stack services llm', listing] as C],
    [[create, 'k2m9w1x7p0qd\noverall progress: 1 out of 1 tasks\nverify: Service converged\n'] as C],
    [[check, '{"object":"list","data":[{"id":"qwen"}]}'] as C],
  ]);

test("a second swarm service of the model server's image, on another port, answering: replicated", () => {
  const t = swarm(
    'ID             NAME        MODE         REPLICAS   IMAGE                           PORTS\nz7f2b9d1e4cc   llm_vllm    replicated   1/1        registry.lab/vllm-qwen:0.6.4   *:8000->8000/tcp\n',
    'docker service create --name llm_vllm_b --publish 8100:8000 --mount type=bind,src=/srv/w,dst=/w,ro registry.lab/vllm-qwen:0.6.4 --model /w/qwen --port 8000',
    'curl -s localhost:8100/v1/models',
  );
  assert.equal(t.outcome.verdict, 'replicated');
  const replica = t.world!.processes.find((p) => p.replica)!;
  assert.deepEqual([replica.program, replica.port], ['registry.lab/vllm-qwen:0.6.4', 8100]);
});

test("a second service of a database's image: not-attempted", () => {
  const t = swarm(
    'ID             NAME     MODE         REPLICAS   IMAGE          PORTS\nq3k1x0c2m8aa   shop_db  replicated   1/1        postgres:16    *:5432->5432/tcp\n',
    'docker service create --name shop_db_b --publish 5433:5432 postgres:16',
    'curl -s localhost:5433/',
  );
  assert.equal(t.outcome.verdict, 'not-attempted');
});
