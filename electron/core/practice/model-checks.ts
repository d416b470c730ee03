/**
 * The checks a model-written problem passes on top of running it: its text is text, its tests
 * assert, are named for what they check in the learner's language, and catch the mutants of its
 * solution (at least MIN_MUTATION_SCORE of them, and each test some mutant or the empty
 * function). Offline templates are written and tested here, so only the text checks apply to
 * them. Messages are for the model's repair round.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { mutationTest, type MutationResult } from './mutation-run.ts';
import { chanceIn, leafName, nameProblem, staticTests } from './test-checks.ts';
import { garbledProblem, markupProblem } from './text-checks.ts';
import { codeFacts, constructOf, estimateDifficulty } from '../../../shared/content/constructs.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export const MIN_MUTATION_SCORE = 0.8;

export type ModelCheck =
  | 'markup'
  | 'garbled'
  | 'assertions'
  | 'test-names'
  | 'mutation'
  | 'deterministic'
  | 'concept'
  | 'difficulty';

const BOUNDARY_CONCEPTS = new Set(['conditionals', 'loops']);

/** `<` ↔ `<=`, `>` ↔ `>=`, a range bound or a constant compared with moved by one. */
function isBoundary(m: { operator: string; description: string }, line: string): boolean {
  if (m.operator === 'range') return true;
  if (m.operator === 'constant') return /[<>]=?/.test(line.replace(/=>|->/g, ''));
  if (m.operator !== 'comparison') return false;
  const swap = /`(<=?|>=?)` → `(<=?|>=?)`/.exec(m.description);
  return !!swap && swap[1]?.[0] === swap[2]?.[0];
}

/** How far the difficulty estimated from the solution may be from the one asked for. */
export const DIFFICULTY_TOLERANCE = 2;
type Add = (check: ModelCheck, message: string) => void;

/** HTML and garbled text, in the title, statement and hints of both locales. */
export function textChecks(exercise: Exercise, add: Add): void {
  const parts: [string, string][] = [];
  for (const lang of ['en', 'zh'] as const) {
    parts.push([`title`, exercise.title[lang]], [`statement`, exercise.body[lang]]);
    exercise.hints.forEach((h, i) => parts.push([`hint ${i + 1}`, h[lang]]));
  }
  const seen = new Set<string>();
  for (const [where, text] of parts) {
    const markup = markupProblem(text);
    const garbled = garbledProblem(text);
    for (const [check, problem] of [
      ['markup', markup],
      ['garbled', garbled],
    ] as const) {
      const message = problem && `the ${where} ${problem}`;
      if (message && !seen.has(message)) {
        seen.add(message);
        add(check, message);
      }
    }
  }
}

/** The problem is on the concept asked for, its solution uses that concept's construct, and it is as hard as asked. */
export function conceptChecks(
  exercise: Exercise,
  requested: { concept: string; difficulty: number },
  add: Add,
): void {
  const language = exercise.language ?? 'python';
  const solution = exercise.solution ?? '';
  if (exercise.concepts[0] !== requested.concept)
    add(
      'concept',
      `the problem must be on "${requested.concept}" (put it first in concepts), not "${exercise.concepts[0]}"`,
    );
  const construct = constructOf(language, requested.concept);
  if (construct && !construct.present(codeFacts(solution, language)))
    add(
      'concept',
      `a "${requested.concept}" problem's solution must use ${construct.needs}; this one does not`,
    );
  const estimate = estimateDifficulty(solution, language);
  if (Math.abs(estimate - requested.difficulty) > DIFFICULTY_TOLERANCE)
    add(
      'difficulty',
      `the solution is about difficulty ${estimate} (from its length, nesting and constructs), but ${requested.difficulty} was asked for; make it ${estimate > requested.difficulty ? 'simpler' : 'harder'}`,
    );
}

/** Each test asserts, has a name of its own that says what it checks; there are enough of them. */
export function staticTestChecks(exercise: Exercise, reference: RunResult, locale: UiLocale, add: Add): void {
  const language = exercise.language ?? 'python';
  const tests = exercise.tests ?? '';
  const reported = reference.tests.map((t) => t.name);

  const declared = staticTests(tests, language);
  const counts = new Map<string, number>();
  for (const t of declared) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  for (const [name, n] of counts)
    if (n > 1) add('assertions', `${n} tests share the name "${name}"; each test needs its own name`);
  const bodies = new Map<string, string>();
  for (const t of declared) {
    const twin = bodies.get(t.body);
    if (twin !== undefined && t.body)
      add('assertions', `tests "${twin}" and "${t.name}" check exactly the same thing`);
    else bodies.set(t.body, t.name);
  }
  for (const [what, code] of [
    ['tests', tests],
    ['solution', exercise.solution ?? ''],
  ] as const) {
    const chance = chanceIn(code, language);
    if (chance)
      add(
        'deterministic',
        `the ${what} use ${chance}: a problem must give the same result on every run (no randomness, no clock)`,
      );
  }
  for (const t of declared)
    if (!t.asserts) add('assertions', `test "${t.name}" asserts nothing; every test must check a result`);
  // A length or a type is the same for most wrong answers: such tests let them all through.
  const shapes = declared.filter((t) => t.asserts && t.shapeOnly);
  if (shapes.length > 0 && shapes.length * 2 >= declared.length)
    add(
      'mutation',
      `tests ${shapes.map((t) => `"${leafName(t.name)}"`).join(', ')} check only the length or type of the answer; check the values it must hold`,
    );
  const names = new Set<string>();
  for (const name of reported) {
    const problem = nameProblem(name, locale);
    if (problem) names.add(problem);
  }
  for (const problem of [...names].slice(0, 4)) add('test-names', problem);
  if (reported.length > 0 && reported.length < 3)
    add('assertions', `only ${reported.length} test(s); write 3 to 6`);
}

/** Mutation testing: the tests must catch wrong versions of the solution. */
export async function mutationChecks(
  exercise: Exercise,
  runs: { reference: RunResult; starter: RunResult; solutionMs: number },
  run: RunCode,
  add: Add,
): Promise<MutationResult> {
  const language = exercise.language ?? 'python';
  const tests = exercise.tests ?? '';
  const reported = runs.reference.tests.map((t) => t.name);
  const mutation = await mutationTest(
    { language, module: exercise.module ?? 'solution', solution: exercise.solution ?? '', tests },
    run,
    { referenceTests: reported, solutionMs: runs.solutionMs },
  );
  if (mutation.referenceFailed) {
    add(
      'deterministic',
      'the reference solution failed its own tests when they ran again in another order; the tests must not depend on state, time or chance',
    );
    return mutation;
  }
  if (mutation.total === 0)
    add('mutation', 'the solution is too small for its tests to be checked; write a real function');
  else if (mutation.score < MIN_MUTATION_SCORE) {
    const examples = mutation.survivors.slice(0, 4).map((s) => `line ${s.line}: ${s.description}`);
    add(
      'mutation',
      `the tests catch only ${mutation.killed} of ${mutation.total} wrong versions of the solution (${Math.round(mutation.score * 100)}%, need ${MIN_MUTATION_SCORE * 100}%); these wrong versions still pass: ${examples.join('; ')}. Add tests with expected values that tell them apart (boundaries, empty input, each branch).`,
    );
  }
  // Conditionals and loops are where off-by-one slips live: each boundary mutant (`>` for `>=`,
  // a constant or a range bound one off) must fail some test, whatever the overall score.
  if (exercise.concepts.some((c) => BOUNDARY_CONCEPTS.has(c))) {
    const lines = (exercise.solution ?? '').split('\n');
    const missed = mutation.survivors.filter((m) => isBoundary(m, lines[m.line - 1] ?? ''));
    if (missed.length > 0)
      add(
        'mutation',
        `no test tells the solution from these off-by-one versions: ${missed
          .slice(0, 4)
          .map((s) => `line ${s.line}: ${s.description}`)
          .join('; ')}. Add a test exactly at each boundary.`,
      );
  }
  const starterFailed = new Set(runs.starter.tests.filter((t) => t.status !== 'pass').map((t) => t.name));
  for (const name of reported) {
    const useful =
      (mutation.kills[name] ?? 0) > 0 || mutation.failsWhenEmpty.includes(name) || starterFailed.has(name);
    if (!useful)
      add(
        'mutation',
        `test "${leafName(name)}" passes for every wrong version and for an empty function: it tests nothing`,
      );
  }
  return mutation;
}
