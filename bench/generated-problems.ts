/**
 * Generated problems whose tests test: every problem of the good and the hostile corpus
 * (tests/fixtures/generated-problems/) validated as a model's answer would be, in the Node
 * sandbox host, plus the offline templates' own mutation scores for comparison.
 *
 * - mean mutation score of the accepted problems (target ≥ 0.8);
 * - hostile answers accepted / total (target 0);
 * - validation time per problem, median and worst (mutation testing included; one warm child,
 *   on a machine shared with other work, so these are upper bounds).
 */
import path from 'node:path';
import { SandboxPool } from '../electron/core/runner-host/index.ts';
import { makePythonSnapshotFile } from '../electron/core/runner-host/python-snapshot.ts';
import { problemToExercise } from '../electron/core/practice/problem.ts';
import { validateExercise, type ValidationReport } from '../electron/core/practice/validate.ts';
import { mutationTest } from '../electron/core/practice/mutation-run.ts';
import { exerciseFromTemplate } from '../electron/core/practice/offline.ts';
import { practiceTemplates } from '../electron/core/practice/templates/index.ts';
import { MIN_MUTATION_SCORE } from '../electron/core/practice/model-checks.ts';
import { GOOD, type Brief } from '../tests/fixtures/generated-problems/good.ts';
import { HOSTILE } from '../tests/fixtures/generated-problems/hostile.ts';
import type { GeneratedProblem } from '../electron/core/practice/problem.ts';

await makePythonSnapshotFile(process.execPath);
const pool = new SandboxPool({ size: 1 });
await pool.warm();
const run = pool.run.bind(pool);

const times: number[] = [];
async function validate(brief: Brief, problem: GeneratedProblem): Promise<ValidationReport> {
  const exercise = problemToExercise(problem, {
    track: brief.language,
    language: brief.language,
    locale: brief.locale,
  });
  const started = performance.now();
  const report = await validateExercise(exercise, {
    run,
    language: brief.language,
    locale: brief.locale,
    written: 'model',
    requested: { concept: brief.concept, difficulty: brief.difficulty },
  });
  times.push(performance.now() - started);
  return report;
}

const scores: number[] = [];
let goodAccepted = 0;
for (const good of GOOD) {
  const report = await validate(good.brief, good.problem);
  if (report.ok) {
    goodAccepted++;
    scores.push(report.mutation?.score ?? 0);
  } else
    console.log(`  good problem refused: ${good.name}: ${report.problems.map((p) => p.message).join('; ')}`);
}
let hostileAccepted = 0;
const caughtBy = new Map<string, number>();
for (const hostile of HOSTILE) {
  const report = await validate(hostile.brief, hostile.problem);
  if (report.ok) {
    hostileAccepted++;
    console.log(`  hostile problem ACCEPTED: ${hostile.name}`);
  }
  for (const check of new Set(report.problems.map((p) => p.check)))
    caughtBy.set(check, (caughtBy.get(check) ?? 0) + 1);
}

const TEMPLATES = practiceTemplates(path.resolve(import.meta.dirname, '../exercises/practice-templates'));
// The offline templates, mutation-tested as if a model had written them (one seed each).
const templateScores: number[] = [];
const mutationMs: number[] = [];
for (const language of ['python', 'javascript'] as const) {
  for (const template of TEMPLATES.all(language)) {
    const ex = exerciseFromTemplate(template, 1, language, language);
    const reference = await run({
      mode: 'check',
      language,
      module: ex.module ?? 'm',
      code: ex.solution ?? '',
      tests: ex.tests ?? '',
    });
    if (reference.status !== 'pass') continue;
    const result = await mutationTest(
      { language, module: ex.module ?? 'm', solution: ex.solution ?? '', tests: ex.tests ?? '' },
      run,
      { referenceTests: reference.tests.map((t) => t.name), solutionMs: reference.durationMs },
    );
    if (result.total > 0) templateScores.push(result.score);
    mutationMs.push(result.ms);
  }
}
await pool.close();

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const f = (n: number, d = 2) => n.toFixed(d);
console.log(`good problems accepted:                  ${goodAccepted} / ${GOOD.length}`);
console.log(`mean mutation score of accepted:         ${f(mean(scores))}   (target ≥ ${MIN_MUTATION_SCORE})`);
console.log(`hostile answers accepted:                ${hostileAccepted} / ${HOSTILE.length}   (target 0)`);
console.log(
  `  refused by: ${[...caughtBy]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}`,
);
console.log(
  `validation time per problem:             median ${f(median(times) / 1000)} s, worst ${f(Math.max(...times) / 1000)} s (${times.length} problems)`,
);
console.log(
  `offline templates' mutation score:       mean ${f(mean(templateScores))}, ${templateScores.filter((s) => s >= MIN_MUTATION_SCORE).length} of ${templateScores.length} ≥ ${MIN_MUTATION_SCORE} (median ${f(median(mutationMs) / 1000)} s each)`,
);
