/**
 * Tutor figures from a simulated session through the real handler map, with the fake Messages API
 * adding a fixed latency. The learner opens a lesson (the lesson page asks for practice to be
 * prefetched, as it does in the app: one like the lesson, and the weak spots once a session), asks for 20 hints with a pause between them, then makes 10
 * "Practise my weak spots" requests, answered by model tool calls (built from the offline
 * templates, so they run and pass validation like a good model answer), working on each one for
 * a while before the next.
 *
 * - dispatch → request at the fake: the app's own share of "Hint click to request leaving" (the
 *   browser's click-to-fetch share is not in this figure).
 * - input tokens per hint: estimated from the request text (about 4 characters a token), since the
 *   fake does not tokenize; cost from the recorded usage at Haiku 4.5 prices.
 * - share of practice requests served from a ready, validated problem.
 *
 * The stand-in model draws on a couple of templates per concept, so its problems are often
 * near-duplicates of each other and get rejected (then repaired, escalated, or replaced offline):
 * a real model varies more. The rejections are counted in the cost per validated exercise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../electron/core/app-services.ts';
import { practiceTemplates, Rng } from '../electron/core/practice/templates/index.ts';
import { GENERATED_PROBLEM_TOOL } from '../electron/core/practice/problem.ts';
import { dispatch } from '../shared/api/dispatch.ts';
import {
  startFakeAnthropic,
  textReply,
  toolReply,
  type ReceivedRequest,
} from '../tests/fake-anthropic/server.ts';

const LATENCY_MS = 40;
const HINTS = 20;
const PRACTICE = 10;
/** Working on a practice problem before asking for the next one (a learner takes minutes). */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 4000);
/** Between hints (a learner reads the hint and edits code: tens of seconds). */
const HINT_PAUSE_MS = Number(process.env.BENCH_HINT_PAUSE_MS ?? 500);

const tokens = (text: string) => Math.ceil(text.length / 4);
const promptText = (req: ReceivedRequest) => {
  const body = req.body ?? {};
  const system = JSON.stringify(body.system ?? '');
  const messages = JSON.stringify(body.messages ?? []);
  return `${system}${messages}`;
};

const TEMPLATES = practiceTemplates(path.resolve(import.meta.dirname, '../exercises/practice-templates'));
let seed = 1;
/** A model's answer to "write a practice problem": a template's problem, as the tool's input. */
function problemFor(req: ReceivedRequest) {
  const text = promptText(req);
  const concept = /Concept: ([\w-]+)/.exec(text)?.[1] ?? 'loops';
  const templates = TEMPLATES.for('python', concept).length
    ? TEMPLATES.for('python', concept)
    : TEMPLATES.for('python', 'loops');
  const template = templates[seed % templates.length]!;
  const made = template.make(new Rng(seed++));
  return {
    title: made.title.en,
    statement: made.body.en,
    module: made.module,
    starter: made.starter,
    solution: made.solution,
    tests: made.tests,
    hints: made.hints.map((h) => h.en).slice(0, 4),
    concepts: [template.concept],
    difficulty: made.difficulty,
  };
}

const fake = await startFakeAnthropic({
  latencyMs: LATENCY_MS,
  fallback: (req) => {
    const input = tokens(promptText(req));
    if (req.body?.tools) {
      const problem = problemFor(req);
      return toolReply(GENERATED_PROBLEM_TOOL, problem, {
        input_tokens: input,
        output_tokens: tokens(JSON.stringify(problem)),
      });
    }
    const hint = 'Look at what happens when the value is above `high`: which line handles that case?';
    return textReply(hint, { input_tokens: input, output_tokens: tokens(hint) });
  },
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-tutor-'));
const backend = createBackend({
  dataDir: dir,
  exercisesDir: path.resolve(import.meta.dirname, '../exercises'),
  mode: 'web',
  version: 'bench',
  env: { ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: fake.url },
});
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => {} });
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as T;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const HINT_PURPOSES = "'hint', 'follow-up'";
const PRACTICE_PURPOSES = "'practice', 'practice-repair'";

try {
  const exercises = ['clamp', 'count-vowels', 'countdown', 'factorial', 'flatten'];
  // The learner opens a lesson: once its runner is up, the page asks for a problem like it and,
  // the first time in a session, one per weak spot.
  await call('openLesson', { trackId: 'python', exerciseId: exercises[0] });
  await call('prefetchPractice', {
    trackId: 'python',
    locale: 'en',
    exerciseId: exercises[0],
    weakSpots: true,
  });
  const toRequest: number[] = [];
  const inputTokens: number[] = [];
  for (let i = 0; i < HINTS; i++) {
    const exerciseId = exercises[i % exercises.length]!;
    const before = fake.requests.length;
    const started = performance.now();
    await call('requestHint', {
      requestId: `bench-${i}`,
      trackId: 'python',
      exerciseId,
      code: 'def f():\n    pass\n',
      locale: i % 2 ? 'zh' : 'en',
    });
    const req = fake.requests[before];
    if (req) {
      toRequest.push(req.receivedAt - started);
      inputTokens.push(tokens(promptText(req)));
    }
    await new Promise((r) => setTimeout(r, HINT_PAUSE_MS));
  }

  let fromReady = 0;
  let fromModel = 0;
  for (let i = 0; i < PRACTICE; i++) {
    const problem = await call<{ fromReady: boolean; source: string }>('nextPractice', {
      trackId: 'python',
      locale: 'en',
    });
    if (problem.fromReady) fromReady++;
    if (problem.source === 'model') fromModel++;
    // The learner works on it; prefetch refills meanwhile.
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  // Spend by purpose from the recorded calls: prefetching runs while the learner asks for hints.
  const spend = (purposes: string) =>
    (
      backend.db
        .prepare(`SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM model_call WHERE purpose IN (${purposes})`)
        .get() as { usd: number }
    ).usd;
  const hintSpend = spend(HINT_PURPOSES);
  const practiceSpend = spend(PRACTICE_PURPOSES);
  const practiceCalls = fake.requests.filter((r) => r.body?.tools).length;
  const { n: validated } = backend.db
    .prepare("SELECT COUNT(*) AS n FROM generated_exercise WHERE source = 'model'")
    .get() as { n: number };

  console.log(
    `fake latency                         ${LATENCY_MS} ms; pauses: ${HINT_PAUSE_MS} ms between hints, ${PAUSE_MS} ms on each practice problem`,
  );
  console.log(
    `dispatch → request at the fake       median ${median(toRequest).toFixed(1)} ms (target ≤ 30 ms from the click)`,
  );
  console.log(
    `input tokens per hint (estimated)    median ${median(inputTokens)}, max ${Math.max(...inputTokens)} (target ≤ 2000)`,
  );
  console.log(`cost per hint                        $${(hintSpend / HINTS).toFixed(5)} (target ≤ $0.003)`);
  console.log(
    `generated exercises from the model   ${fromModel} of ${PRACTICE} served; ${validated} validated from ${practiceCalls} model calls (prefetch included)`,
  );
  console.log(
    `cost per validated model exercise    $${(practiceSpend / Math.max(1, validated)).toFixed(5)} (target ≤ $0.01)`,
  );
  console.log(
    `served from a ready problem          ${fromReady} of ${PRACTICE} (${Math.round((fromReady / PRACTICE) * 100)}%; target ≥ 95%)`,
  );
} finally {
  if (process.env.BENCH_KEEP) console.log('data', dir);
  backend.close();
  await fake.close();
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
}
