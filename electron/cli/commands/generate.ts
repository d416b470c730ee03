/**
 * `lantern generate --track <t> --concept <c> --difficulty <d> --count <n> --out <pack>`: a teacher
 * pre-generates a validated practice set. Each problem is made exactly as the app makes one
 * (Claude when a key is set, else the offline templates), run and checked, then written as a pack
 * that `lantern validate` accepts and the app installs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Exercise, Track } from '../../../shared/content/schema.ts';
import { Curriculum } from '../../core/curriculum/index.ts';
import { openSandboxRunner } from '../../core/curriculum/sandbox.ts';
import { createLogger } from '../../core/logger.ts';
import { curriculumCatalog, GeneratedExerciseStore } from '../../core/practice/index.ts';
import { produceExercise } from '../../core/practice/producer.ts';
import { practiceTemplates } from '../../core/practice/templates/index.ts';
import { PRACTICE_TEMPLATES_FOLDER } from '../../../shared/content/practice-template.ts';
import { openDatabase } from '../../core/store/database.ts';
import { USAGE_ERROR, type Command } from '../command.ts';
import { parse } from '../options.ts';
import { BUILTIN_EXERCISES, cliTutor } from './tutor-setup.ts';

const usage = `Usage: lantern generate --track <track> --concept <concept> --out <folder>
                       [--difficulty 1-10] [--count N] [--locale en|zh] [--offline]

Makes N practice problems on one concept of a built-in track, runs and checks each one
(solution passes every test twice, starter fails one), and writes them as a content pack.
With ANTHROPIC_API_KEY (or Bedrock / Vertex settings) Claude writes them; otherwise, or with
--offline, the offline templates do.

  --track       a built-in track id (python, javascript)
  --concept     a concept id of that track
  --difficulty  target difficulty, 1 (easiest) to 10 (default 3)
  --count       how many problems (default 5, at most 50)
  --locale      language of the problems' text (default en)
  --out         the pack folder to write (must not exist yet, or be empty)`;

export function generateCommand(): Command {
  return {
    name: 'generate',
    summary: 'pre-generate a validated practice pack for one concept',
    usage,
    async run(args, io) {
      const parsed = parse(args, {
        track: { type: 'string' },
        concept: { type: 'string' },
        difficulty: { type: 'string', default: '3' },
        count: { type: 'string', default: '5' },
        locale: { type: 'string', default: 'en' },
        out: { type: 'string' },
        offline: { type: 'boolean' },
      });
      if ('usageError' in parsed) return fail(io, parsed.usageError);
      const v = parsed.values;
      const difficulty = Number(v.difficulty);
      const count = Number(v.count);
      if (!v.track || !v.concept || !v.out) return fail(io, '--track, --concept and --out are required');
      if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 10)
        return fail(io, `--difficulty must be a whole number from 1 to 10 (got ${v.difficulty})`);
      if (!Number.isInteger(count) || count < 1 || count > 50)
        return fail(io, `--count must be a whole number from 1 to 50 (got ${v.count})`);
      if (v.locale !== 'en' && v.locale !== 'zh')
        return fail(io, `--locale must be en or zh (got ${v.locale})`);
      const out = path.resolve(io.cwd, v.out);
      if (fs.existsSync(out) && fs.readdirSync(out).length > 0)
        return fail(io, `${v.out} already exists and is not empty; name a new folder`);

      // A scratch folder and database: the near-duplicate check sees the problems made in this run.
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-generate-'));
      const catalog = curriculumCatalog(
        new Curriculum({ builtinDir: BUILTIN_EXERCISES, packsDir: path.join(scratch, 'packs') }),
      );
      const track = await catalog.track(v.track);
      const concept = track?.concepts.find((c) => c.id === v.concept);
      if (!track || !concept) {
        fs.rmSync(scratch, { recursive: true, force: true });
        return fail(
          io,
          track
            ? `track "${track.id}" has no concept "${v.concept}"; it has: ${track.concepts.map((c) => c.id).join(', ')}`
            : `there is no built-in track "${v.track}"`,
        );
      }
      const { db } = openDatabase(path.join(scratch, 'generate.db'));
      const sandbox = openSandboxRunner(1);
      const log = createLogger(scratch, {});
      const tutor = v.offline ? undefined : cliTutor(db, log);
      const store = new GeneratedExerciseStore(db);
      const templates = practiceTemplates(path.join(BUILTIN_EXERCISES, PRACTICE_TEMPLATES_FOLDER));
      const made: Exercise[] = [];
      try {
        let seed = Date.now() % 1_000_000;
        // A made problem whose hint gives a solution line away is one `lantern validate` refuses:
        // set it aside and make another, a few tries per problem asked for.
        for (let tries = 0; made.length < count && tries < count * 4; tries++) {
          io.err(`Making problem ${made.length + 1} of ${count}…\n`);
          const produced = await produceExercise(
            { track, concept: concept.id, difficulty, locale: v.locale },
            { store, run: sandbox.runner, client: tutor?.client, templates, seed: () => seed++ },
          );
          const { exercise, source, servedAt } = produced.stored;
          if (servedAt) break; // A repeat: every variant has been made.
          store.markServed(exercise.id);
          made.push(exercise);
          io.err(`  ✓ ${exercise.title[v.locale]} (${source})\n`);
        }
        if (made.length < count)
          io.err(`Only ${made.length} different problems could be made for "${concept.id}".\n`);
      } finally {
        await sandbox.close();
        db.close();
        fs.rmSync(scratch, { recursive: true, force: true });
      }
      if (made.length === 0) {
        io.err(`No problem could be made for "${concept.id}".\n`);
        return 1;
      }
      writePack(out, { track, concept, exercises: made });
      io.out(`Wrote ${made.length} checked problem${made.length === 1 ? '' : 's'} to ${v.out}\n`);
      return 0;
    },
  };
}

function fail(io: { err(text: string): void }, message: string): number {
  io.err(`${message}\n\n${usage}\n`);
  return USAGE_ERROR;
}

const CHINESE = /\p{Script=Han}/u;

function writePack(
  out: string,
  set: {
    track: { id: string; language: Track['language'] };
    concept: { id: string; title: { en: string; zh: string } };
    exercises: Exercise[];
  },
): void {
  const { track, concept, exercises } = set;
  // A model writes in one language and both fields carry it: say so rather than pass it off as a translation.
  const untranslated = exercises.some((e) => !CHINESE.test(`${e.title.zh}${e.body.zh}`));
  const pack: Track = {
    id: `${track.id}-practice-${concept.id}`,
    title: { en: `Practice: ${concept.title.en}`, zh: `练习：${concept.title.zh}` },
    description: {
      en: `Generated practice problems on ${concept.title.en}, each run and checked.`,
      zh: `关于“${concept.title.zh}”的生成练习题，每道都已运行并验证。`,
    },
    language: track.language,
    concepts: [{ id: concept.id, title: concept.title, prerequisites: [] }],
    units: [{ id: 'practice', title: { en: 'Practice', zh: '练习' }, lessons: exercises.map((e) => e.id) }],
    ...(untranslated ? { untranslated: ['zh' as const] } : {}),
  };
  fs.mkdirSync(path.join(out, 'lessons'), { recursive: true });
  fs.writeFileSync(
    path.join(out, 'track.yaml'),
    `# Made by "lantern generate"; every problem was run and checked.\n${stringify(pack, { lineWidth: 0 })}`,
  );
  for (const e of exercises) {
    const { body, ...front } = e;
    // Only the pack's one concept: the validator checks concepts against the pack's track file.
    const fields = { ...front, concepts: [concept.id] };
    fs.writeFileSync(
      path.join(out, 'lessons', `${e.id}.md`),
      `---\n${stringify(fields, { lineWidth: 0 })}---\n\n<!-- lang: en -->\n\n${body.en}\n\n<!-- lang: zh -->\n\n${body.zh}\n`,
    );
  }
}
