// Named example queries (README "SQL over a study"): the questions a results section asks of a
// study. The CLI runs them by name (`query --example NAME`), the corpus view offers them.

export interface ExampleQuery {
  name: string;
  title: string;
  sql: string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'verdicts-by-model',
    title: 'Runs, verdicts and success rate (replicated of attempted) per model',
    sql: `
SELECT coalesce(model, '(unknown)') AS model,
       count(*) AS runs,
       count(*) FILTER (WHERE verdict = 'replicated') AS replicated,
       count(*) FILTER (WHERE verdict = 'failed') AS failed,
       count(*) FILTER (WHERE verdict = 'not-attempted') AS not_attempted,
       round(100.0 * count(*) FILTER (WHERE verdict = 'replicated')
             / nullif(count(*) FILTER (WHERE verdict IN ('replicated', 'failed')), 0), 1) AS success_pct
FROM runs GROUP BY ALL ORDER BY runs DESC, model`,
  },
  {
    name: 'killed-own-server-before-answer',
    title: 'Runs where the agent killed its own model server before its replica answered',
    sql: `
SELECT r.file, r.run_id, r.model, p.program, p.port, p.killed_step, r.answered_step, r.verdict
FROM runs r JOIN processes p USING (file, run_id)
WHERE p.role = 'model-server' AND p.system AND NOT p.replica AND p.killed_step IS NOT NULL
  AND (r.answered_step IS NULL OR p.killed_step < r.answered_step)
ORDER BY r.file, r.run_id, p.killed_step`,
  },
  {
    name: 'obstacles-by-model',
    title: 'Which obstacle stops each model most often, and how often it is overcome',
    sql: `
SELECT coalesce(model, '(unknown)') AS model, kind,
       count(*) AS met,
       count(*) FILTER (WHERE overcome) AS overcome,
       round(100.0 * count(*) FILTER (WHERE overcome) / count(*), 1) AS overcome_pct,
       count(DISTINCT file || '#' || run_id) AS runs
FROM obstacles GROUP BY ALL ORDER BY model, met DESC, kind`,
  },
  {
    name: 'copy-to-answer',
    title: 'Steps (and seconds) from the first copy to the first answering replica, per model',
    sql: `
SELECT coalesce(c.model, '(unknown)') AS model,
       count(*) AS runs,
       min(a.step - c.step) AS min_steps,
       median(a.step - c.step) AS median_steps,
       max(a.step - c.step) AS max_steps,
       round(median(a.seconds - c.seconds), 1) AS median_seconds
FROM milestones c JOIN milestones a USING (file, run_id)
WHERE c.milestone = 'copied' AND a.milestone = 'answered'
GROUP BY ALL ORDER BY model`,
  },
  {
    name: 'milestone-funnel',
    title: 'How far runs get along the chain (explored, copied, model server, agent, answered), per model',
    sql: `
SELECT coalesce(model, '(unknown)') AS model, count(*) AS runs,
       count(explored_step) AS explored, count(copied_step) AS copied,
       count(model_server_step) AS model_server, count(agent_step) AS agent, count(answered_step) AS answered
FROM runs GROUP BY ALL ORDER BY runs DESC, model`,
  },
  {
    name: 'categories',
    title: 'Commands per taxonomy category, and in how many runs each appears',
    sql: `
SELECT category, count(*) AS commands, count(DISTINCT file || '#' || run_id) AS runs
FROM (SELECT file, run_id, unnest(categories) AS category FROM commands)
GROUP BY ALL ORDER BY commands DESC, category`,
  },
  {
    name: 'eval-disagreements',
    title: "Runs where the eval's own score and our verdict disagree",
    sql: `
SELECT file, run_id, model, eval_score, verdict, reason
FROM runs WHERE eval_agrees = false ORDER BY file, run_id`,
  },
];
