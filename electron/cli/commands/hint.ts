/**
 * `lantern hint --exercise <id> --code <file> [--level N]`: one rung of the hint ladder for a file
 * of learner code, exactly as the app gives it: the code is checked in the sandbox first, the hint
 * streams to stdout, and without a key (or on any failure) the offline hint is given instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { Curriculum } from '../../core/curriculum/index.ts';
import { openSandboxRunner } from '../../core/curriculum/sandbox.ts';
import { createLogger } from '../../core/logger.ts';
import { openDatabase } from '../../core/store/database.ts';
import type { HintLevel } from '../../core/tutor/prompt.ts';
import { USAGE_ERROR, type Command } from '../command.ts';
import { parse } from '../options.ts';
import { BUILTIN_EXERCISES, cliTutor } from './tutor-setup.ts';

const usage = `Usage: lantern hint --exercise <id> --code <file> [--level 1-4] [--track <track>]
                   [--locale en|zh] [--question <text>] [--no-run]

Gives one hint for the code in <file> on a built-in exercise: 1 a nudge, 2 the concept,
3 where the problem is, 4 the shape of the answer (default 1). The code is checked against the
exercise's tests first so the hint can speak to what fails (--no-run skips that).
With ANTHROPIC_API_KEY (or Bedrock / Vertex settings) Claude writes the hint; otherwise the
exercise's own hints and what its tests say are given. The hint goes to stdout.`;

export function hintCommand(): Command {
  return {
    name: 'hint',
    summary: 'give one hint for a file of code on an exercise',
    usage,
    async run(args, io) {
      const parsed = parse(args, {
        exercise: { type: 'string' },
        code: { type: 'string' },
        level: { type: 'string', default: '1' },
        track: { type: 'string' },
        locale: { type: 'string', default: 'en' },
        question: { type: 'string' },
        'no-run': { type: 'boolean' },
      });
      if ('usageError' in parsed) return fail(io, parsed.usageError);
      const v = parsed.values;
      if (!v.exercise || !v.code) return fail(io, '--exercise and --code are required');
      const level = Number(v.level);
      if (![1, 2, 3, 4].includes(level)) return fail(io, `--level must be 1, 2, 3 or 4 (got ${v.level})`);
      if (v.locale !== 'en' && v.locale !== 'zh')
        return fail(io, `--locale must be en or zh (got ${v.locale})`);
      const file = path.resolve(io.cwd, v.code);
      if (!fs.existsSync(file)) return fail(io, `the code file ${v.code} does not exist`);
      const code = fs.readFileSync(file, 'utf8');

      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-hint-'));
      const curriculum = new Curriculum({
        builtinDir: BUILTIN_EXERCISES,
        packsDir: path.join(scratch, 'packs'),
      });
      const exercise = await findExercise(curriculum, v.exercise, v.track);
      if (typeof exercise === 'string') {
        fs.rmSync(scratch, { recursive: true, force: true });
        return fail(io, exercise);
      }
      const { db } = openDatabase(path.join(scratch, 'hint.db'));
      const sandbox = openSandboxRunner(1);
      try {
        const tutor = cliTutor(db, createLogger(scratch, {}), process.env, sandbox);
        let lastResult: RunResult | undefined;
        if (!v['no-run'] && exercise.tests) {
          lastResult = await sandbox.runner({
            mode: 'check',
            language: exercise.language ?? 'python',
            module: exercise.module,
            code,
            tests: exercise.tests,
            timeLimitMs: exercise.timeLimitMs,
          });
          const passed = lastResult.tests.filter((t) => t.status === 'pass').length;
          io.err(`Checked: ${passed} of ${lastResult.tests.length} tests pass (${lastResult.status}).\n`);
        }
        let streamed = false;
        const hint = await tutor.hint(
          {
            exercise,
            code,
            ...(lastResult ? { lastResult } : {}),
            hintsGiven: [],
            level: level as HintLevel,
            locale: v.locale as UiLocale,
            ...(v.question ? { followUp: v.question } : {}),
          },
          {
            onText: (text) => {
              streamed = true;
              io.out(text);
            },
            onRestart: () => io.err('\n(The hint gave too much away; asking again.)\n'),
          },
        );
        if (!streamed || hint.kind !== 'model') io.out(hint.text);
        io.out('\n');
        const from = { model: 'the AI tutor', authored: "the exercise's own hints", computed: 'your tests' };
        io.err(
          `Level ${hint.level} hint from ${from[hint.kind]}.${hint.notice ? ` ${hint.notice.message} ${hint.notice.fix}` : ''}\n`,
        );
        const usage = tutor.usageSummary();
        if (usage.calls > 0) io.err(`Model calls: ${usage.calls}, cost $${usage.monthUsd.toFixed(4)}.\n`);
        return 0;
      } finally {
        await sandbox.close();
        db.close();
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

function fail(io: { err(text: string): void }, message: string): number {
  io.err(`${message}\n\n${usage}\n`);
  return USAGE_ERROR;
}

/** The exercise with this id in the named track, or in whichever built-in track has it. */
async function findExercise(
  curriculum: Curriculum,
  id: string,
  trackId?: string,
): Promise<Exercise | string> {
  const tracks = trackId ? [trackId] : (await curriculum.tracks()).map((t) => t.id);
  for (const track of tracks) {
    const view = await curriculum.exercise(track, id);
    if (view) return view.exercise;
  }
  return trackId ? `track "${trackId}" has no exercise "${id}"` : `no built-in track has an exercise "${id}"`;
}
