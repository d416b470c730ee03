/**
 * `lantern hint --exercise <id> --code <file> [--level N]`: one rung of the hint ladder for a file
 * of learner code, exactly as the app gives it: the code is checked in the sandbox first, the hint
 * streams to stdout through the same guard, and without a key (or on any failure) the offline hint
 * is given instead. The exercise comes from the built-in tracks, the installed packs, or a pack
 * folder (or zip) given with --pack.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTrack } from '../../../shared/content/load.ts';
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { Curriculum } from '../../core/curriculum/index.ts';
import { readPack, textOf } from '../../core/curriculum/pack-files.ts';
import { resolveDataDir } from '../../core/data-dir.ts';
import { openSandboxRunner } from '../../core/curriculum/sandbox.ts';
import { createLogger } from '../../core/logger.ts';
import { openDatabase } from '../../core/store/database.ts';
import type { HintLevel } from '../../core/tutor/prompt.ts';
import { USAGE_ERROR, type Command } from '../command.ts';
import { parse } from '../options.ts';
import { BUILTIN_EXERCISES, cliTutor } from './tutor-setup.ts';

const usage = `Usage: lantern hint --exercise <id> --code <file> [--level 1-4] [--track <track>]
                   [--pack <folder or zip>] [--locale en|zh] [--question <text>] [--no-run]

Gives one hint for the code in <file> on an exercise of a built-in track, of an installed pack
(in Lantern's data folder, or LANTERN_DATA_DIR), or of the pack given with --pack: 1 a nudge, 2 the concept,
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
        pack: { type: 'string' },
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
      const exercise = v.pack
        ? await packExercise(path.resolve(io.cwd, v.pack), v.exercise)
        : await findExercise(
            curriculum,
            v.exercise,
            v.track,
            path.join(resolveDataDir(process.env), 'packs'),
          );
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
        let checking = false;
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
              checking = false;
              io.out(text);
            },
            onChecking: () => {
              if (!checking && !streamed) io.err('(Checking this hint…)\n');
              checking = true;
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

/**
 * The exercise with this id in the named track, or in whichever track has it: the built-in tracks
 * first, then the installed packs (read only, so a running app's installs are left alone).
 */
async function findExercise(
  curriculum: Curriculum,
  id: string,
  trackId: string | undefined,
  packsDir: string,
): Promise<Exercise | string> {
  const tracks = trackId ? [trackId] : (await curriculum.tracks()).map((t) => t.id);
  for (const track of tracks) {
    const view = await curriculum.exercise(track, id);
    if (view) return view.exercise;
  }
  const folders = fs.existsSync(packsDir)
    ? fs
        .readdirSync(packsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => path.join(packsDir, e.name))
    : [];
  for (const folder of folders) {
    const found = await packExercise(folder, id, trackId);
    if (typeof found !== 'string') return found;
  }
  return trackId
    ? `track "${trackId}" has no exercise "${id}" (built-in or installed in ${packsDir})`
    : `no built-in track or installed pack (in ${packsDir}) has an exercise "${id}"; give a pack folder with --pack`;
}

/** An exercise of a pack folder or zip, as the app would load it. */
async function packExercise(location: string, id: string, trackId?: string): Promise<Exercise | string> {
  if (!fs.existsSync(location)) return `there is no pack at ${location}`;
  const read = await readPack(location);
  if ('errors' in read) return `the pack at ${location} could not be read: ${read.errors[0]?.message ?? ''}`;
  const loaded = loadTrack(textOf(read.files));
  if (!loaded.track) return `the pack at ${location} has no valid track.yaml`;
  if (trackId && loaded.track.id !== trackId)
    return `the pack at ${location} is the track "${loaded.track.id}"`;
  const exercise = loaded.exercises.get(id)?.exercise;
  if (exercise) return exercise;
  const ids = [...loaded.exercises.keys()].join(', ');
  return `the pack "${loaded.track.id}" at ${location} has no exercise "${id}" (it has: ${ids})`;
}
