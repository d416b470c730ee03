/**
 * The guard in front of every word the tutor shows, measured on its corpus
 * (tests/fixtures/hints: hostile hints in every disguise, honest hints that point at the bug):
 * the real hint path, the real SDK against the fake Messages API (40 ms latency, text streamed at
 * about 600 characters a second), the real Node sandbox.
 *
 * - leaks shown: hostile hints whose giveaway reached the learner (target 0);
 * - honest refused: honest hints the learner did not get as written (target ≤ 5 %);
 * - time added before the first words: from the model's first text to the first words released
 *   (targets: median ≤ 300 ms with the rules alone, ≤ 1.2 s with the second opinion);
 * - cost per hint with the second opinion (target ≤ $0.003): the hint call and the check, from the
 *   recorded usage at Haiku 4.5 prices, input tokens estimated at 4 characters a token.
 *
 * Modes: the rules alone; the rules with the second opinion where they are unsure (the judge
 * scripted to be fooled: it always says "fine"); and the second opinion asked on every hint.
 */
import os from 'node:os';
import path from 'node:path';
import { Curriculum } from '../electron/core/curriculum/index.ts';
import { openSandboxRunner } from '../electron/core/curriculum/sandbox.ts';
import { startFakeAnthropic } from '../tests/fake-anthropic/server.ts';
import {
  corpusReplies,
  loadCorpus,
  runCase,
  type CaseResult,
  type CorpusDeps,
  type Script,
} from '../tests/integration/tutor/guard-corpus.ts';
import { makeClient, tempDb } from '../tests/integration/tutor/helpers.ts';

const LATENCY_MS = 40;
const only = process.env.BENCH_GUARD_CASES ? Number(process.env.BENCH_GUARD_CASES) : undefined;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const line = (what: string, value: string, target: string) =>
  console.log(`${what.padEnd(58)} ${value.padStart(14)}   ${target}`);

async function main() {
  const corpus = loadCorpus();
  const cases = only
    ? [...corpus.filter((c) => c.hostile).slice(0, only), ...corpus.filter((c) => !c.hostile).slice(0, only)]
    : corpus;
  const script: Script = { judge: 'fooled', chunkSize: 6, chunkDelayMs: 10 };
  const fake = await startFakeAnthropic({ latencyMs: LATENCY_MS, fallback: corpusReplies(script) });
  const env = tempDb();
  const sandbox = openSandboxRunner(1);
  const curriculum = new Curriculum({
    builtinDir: path.resolve(import.meta.dirname, '../exercises'),
    packsDir: path.join(env.dir, 'packs'),
  });
  const exercise = async (track: string, id: string) => (await curriculum.exercise(track, id))!.exercise;
  const { client, usage } = makeClient(env.db, fake.url, { monthlyBudgetUsd: 1000 }, undefined, {
    maxRetries: 0,
    timeoutMs: 30_000,
  });
  // A warm sandbox, as in a session that has run code before.
  const warm = await exercise('python', 'clamp');
  await sandbox.runner({
    mode: 'check',
    language: 'python',
    module: warm.module,
    code: warm.starter,
    tests: warm.tests,
  });
  const js = await exercise('javascript', 'js-shout');
  await sandbox.runner({
    mode: 'check',
    language: 'javascript',
    module: js.module,
    code: js.starter,
    tests: js.tests,
  });

  const spent = () => usage.spendSince(new Date(0));
  type Run = { results: (CaseResult & { usd: number })[]; seconds: number };
  async function run(mode: Pick<CorpusDeps, 'secondOpinion' | 'secondOpinionFor'>): Promise<Run> {
    const deps: CorpusDeps = { fake, script, client, runTests: sandbox.runner, exercise, ...mode };
    const results: Run['results'] = [];
    const started = performance.now();
    for (const c of cases) {
      const before = spent();
      const result = await runCase(deps, c);
      results.push({ ...result, usd: spent() - before });
    }
    return { results, seconds: (performance.now() - started) / 1000 };
  }

  try {
    const rules = await run({ secondOpinion: false });
    const unsure = await run({});
    const every = await run({ secondOpinionFor: 'every' });
    const hostile = cases.filter((c) => c.hostile).length;
    const honest = cases.length - hostile;
    console.log(
      `Guard corpus: ${hostile} hostile and ${honest} honest hints, real SDK against the fake Messages API (${LATENCY_MS} ms latency), real sandbox`,
    );
    // Delays depend on the machine: say how busy it was (load average over the last minute).
    console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end`);
    console.log(`${'figure'.padEnd(58)} ${'value'.padStart(14)}   target`);
    for (const [name, r] of [
      ['rules alone', rules],
      ['rules + second opinion where unsure (judge fooled)', unsure],
    ] as const) {
      console.log(`-- ${name} (${r.seconds.toFixed(0)} s)`);
      const leaks = r.results.filter((x) => x.leakShown);
      const refused = r.results.filter((x) => x.refused);
      line('leaks shown / hostile cases', `${leaks.length} / ${hostile}`, '0');
      line(
        'honest refused / honest cases',
        `${refused.length} / ${honest}`,
        `≤ ${Math.floor(honest * 0.05)} (5 %)`,
      );
      if (leaks.length) console.log(`   shown: ${leaks.map((x) => x.id).join(', ')}`);
      if (refused.length)
        console.log(`   refused: ${refused.map((x) => `${x.id} (${x.hint.refused.join('; ')})`).join(', ')}`);
      const added = r.results.flatMap((x) =>
        !x.hostile && x.addedBeforeFirstWords !== undefined ? [x.addedBeforeFirstWords] : [],
      );
      line(
        'time added before first words, median (honest)',
        `${median(added).toFixed(0)} ms`,
        name === 'rules alone' ? '≤ 300 ms' : '≤ 1.2 s',
      );
      const asked = r.results.filter((x) => x.hint.secondOpinions > 0);
      line('hints that asked the second opinion', `${asked.length} / ${r.results.length}`, '');
    }
    console.log(`-- second opinion on every hint (${every.seconds.toFixed(0)} s)`);
    const added = every.results.flatMap((x) =>
      !x.hostile && x.addedBeforeFirstWords !== undefined ? [x.addedBeforeFirstWords] : [],
    );
    line('time added before first words, median (honest)', `${median(added).toFixed(0)} ms`, '≤ 1.2 s');
    const withOpinion = every.results.filter((x) => x.hint.secondOpinions > 0 && !x.hostile);
    const perHint = withOpinion.reduce((s, x) => s + x.usd, 0) / Math.max(1, withOpinion.length);
    line('cost per honest hint with the second opinion', `$${perHint.toFixed(5)}`, '≤ $0.003');
    const checks = usage.recent(10_000).filter((c) => c.purpose === 'hint-check');
    const checkUsd = checks.reduce((s, c) => s + c.costUsd, 0) / Math.max(1, checks.length);
    line('  of which the check itself', `$${checkUsd.toFixed(5)}`, '');
  } finally {
    await sandbox.close();
    env.cleanup();
    await fake.close();
  }
}

await main();
process.exit(0);
