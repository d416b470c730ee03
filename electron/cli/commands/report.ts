/**
 * `lantern report export --profile <name> --out <dir>`: a learner's signed JSON, CSV and HTML
 * report from this machine's data folder. `lantern report class <files|folders…> --out <csv>`:
 * a class gradebook from learners' JSON reports, with a line per file saying what became of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseFileIn, openDatabase } from '../../core/store/database.ts';
import { SettingsStore } from '../../core/store/settings.ts';
import { resolveDataDir } from '../../core/data-dir.ts';
import { DataFolderInUseError, lockDataFolder, type DataFolderLock } from '../../core/data-lock.ts';
import { Curriculum } from '../../core/curriculum/index.ts';
import { ProgressStore } from '../../core/learner/progress-store.ts';
import { Profiles } from '../../core/learner/profiles.ts';
import { learnerNameIn } from '../../../shared/api/learner-name.ts';
import { FileSigningKeys, moveSigningKeysOutOfDatabase } from '../../core/reports/signing-keys.ts';
import { ModelRecords } from '../../core/learner/model-records.ts';
import { LearnerModel } from '../../core/learner/learner-model.ts';
import type { CourseMap } from '../../core/learner/course-map.ts';
import { loadCourseMaps } from '../../core/app-services.ts';
import { REPORT_FORMATS, reportFiles } from '../../core/reports/report-files.ts';
import { Classes } from '../../core/reports/classes.ts';
import { describeOutcome } from '../../core/reports/class-import.ts';
import { gradebookCsvFile } from '../../core/reports/lms-gradebook.ts';
import { xapiFile } from '../../core/reports/xapi.ts';
import { describeWarning } from '../../core/reports/gradebook-warnings.ts';
import {
  MAX_IMPORT_FILES,
  MAX_REPORT_BYTES,
  type GradebookFormat,
  type GradebookScores,
  type ImportOutcome,
} from '../../../shared/api/calls/teacher.ts';
import { USAGE_ERROR, type CliIo, type Command } from '../command.ts';
import { parse } from '../options.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const usage = `Usage: lantern report export --profile <name> --out <dir> [--locale en|zh]
       lantern report class <report.json|folder>... --out <file>
              [--format generic|canvas|moodle|xapi] [--scores exercises|units]
              [--locale en|zh] [--home-page <url>]

export  writes the learner's signed JSON report, two CSVs (exercises, concepts) and the
        printable HTML report into <dir>. The data folder is LANTERN_DATA_DIR or the app's own.
class   reads learners' JSON reports (a folder means every .json file in it), checks each one
        (signature, schema, duplicates, newer reports of the same learner) and writes the class
        gradebook. At most ${MAX_IMPORT_FILES} files, each at most ${MAX_REPORT_BYTES / 1e6} MB (docs/report-schema.md).
        Exits 1 when any file was not imported.
        --format   generic (default): one row per learner with ID, name, class and scores;
                   canvas: Canvas's gradebook import (matched by SIS User ID or SIS Login ID);
                   moodle: Moodle's CSV grade import (mapped by ID number or e-mail address);
                   xapi: xAPI statements (JSON) for a learning record store.
        --scores   exercises (default): a score column per exercise; units: per unit.
        --locale   the language of column titles and Moodle feedback (default en).
        --home-page  xapi: the school's URL for learner accounts and activity ids.
        Scores come from checked work only (docs/gradebook.md). Learners an LMS cannot match
        (no student ID) are named on stderr.`;

export function reportCommand(env: NodeJS.ProcessEnv = process.env): Command {
  return {
    name: 'report',
    summary: "export a learner's progress report, or a class gradebook from reports",
    usage,
    async run(args, io) {
      const [sub, ...rest] = args;
      const parsed = parse(rest, {
        profile: { type: 'string' },
        out: { type: 'string' },
        locale: { type: 'string' },
        format: { type: 'string' },
        scores: { type: 'string' },
        'home-page': { type: 'string' },
      });
      const fail = (message: string) => {
        io.err(`${message}\n\n${usage}\n`);
        return USAGE_ERROR;
      };
      if ('usageError' in parsed) return fail(parsed.usageError);
      const { values, positionals } = parsed;
      if (!values.out) return fail('--out is required');
      const out = path.resolve(io.cwd, values.out);
      const locale = values.locale ?? 'en';
      if (locale !== 'en' && locale !== 'zh') return fail('--locale must be en or zh');
      if (sub === 'export') {
        if (!values.profile) return fail('--profile is required: the learner profile’s name');
        return exportReport(values.profile, out, locale, env, io);
      }
      if (sub === 'class') {
        if (!positionals.length) return fail('name the report files or folders to read');
        const format = values.format ?? 'generic';
        if (!FORMATS.includes(format as GradebookFormat))
          return fail(`--format must be one of ${FORMATS.join(', ')}`);
        const scores = values.scores ?? 'exercises';
        if (scores !== 'exercises' && scores !== 'units') return fail('--scores must be exercises or units');
        const homePage = values['home-page'];
        if (homePage !== undefined && !/^https?:\/\/[^\s/]+/.test(homePage))
          return fail('--home-page must be an http(s) URL, e.g. https://school.example');
        return classGradebook(
          positionals,
          out,
          { format: format as GradebookFormat, scores, locale, ...(homePage && { homePage }) },
          env,
          io,
        );
      }
      return fail(sub ? `unknown report command "${sub}"` : 'say "export" or "class"');
    },
  };
}

async function exportReport(
  profileName: string,
  outDir: string,
  locale: 'en' | 'zh',
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const dataDir = resolveDataDir(env);
  const file = databaseFileIn(dataDir);
  if (!fs.existsSync(file)) {
    io.err(`There is no Lantern database at ${file}. Set LANTERN_DATA_DIR to the data folder.\n`);
    return 1;
  }
  // export writes: it may migrate the database and makes the profile's signing key on first use.
  let lock: DataFolderLock;
  try {
    lock = lockDataFolder(dataDir, 'cli report export');
  } catch (err) {
    if (!(err instanceof DataFolderInUseError)) throw err;
    io.err(`${err.message} (Or export the report from that Lantern's Progress page.)\n`);
    return 1;
  }
  let db: ReturnType<typeof openDatabase>['db'];
  try {
    db = openDatabase(file).db;
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    // No keychain here: the key file is protected by its permissions only (decision 0028).
    const keys = new FileSigningKeys(dataDir);
    moveSigningKeysOutOfDatabase(db, keys);
    const profiles = new Profiles(db, new SettingsStore(db), keys);
    const profile = profiles.byName(profileName);
    if (!profile) {
      const names = profiles.list().map((p) => learnerNameIn(p.name, locale));
      io.err(
        `There is no profile called “${profileName}” in ${dataDir}. Profiles: ${names.join(', ') || '(none)'}\n`,
      );
      return 1;
    }
    const courseMaps = new Map<string, CourseMap>();
    const curriculum = new Curriculum({
      builtinDir: path.join(ROOT, 'exercises'),
      packsDir: path.join(dataDir, 'packs'),
    });
    await loadCourseMaps(curriculum, courseMaps);
    const progress = new ProgressStore(db);
    const model = new LearnerModel(progress, new ModelRecords(db), (t) => courseMaps.get(t));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const src = {
      db,
      profiles,
      progress,
      model,
      courseOf: (t: string) => courseMaps.get(t),
      appVersion: pkg.version,
    };
    fs.mkdirSync(outDir, { recursive: true });
    for (const f of reportFiles(src, profile.id, REPORT_FORMATS, locale)) {
      fs.writeFileSync(path.join(outDir, f.name), f.content);
      io.out(`${path.join(outDir, f.name)}\n`);
    }
    return 0;
  } finally {
    db.close();
    lock.release();
  }
}

/**
 * Units and exercise types come from the courses this machine has: the built-in tracks, and the
 * packs installed in the data folder. Loading packs tidies their folder, so only while no
 * Lantern holds it (one installing a pack at that moment would lose its half-written copy).
 */
async function installedCourses(env: NodeJS.ProcessEnv, io: CliIo): Promise<Map<string, CourseMap>> {
  const dataDir = resolveDataDir(env);
  let lock: DataFolderLock | undefined;
  if (fs.existsSync(dataDir))
    try {
      lock = lockDataFolder(dataDir, 'cli report class');
    } catch (err) {
      if (!(err instanceof DataFolderInUseError)) throw err;
      io.err(
        'Lantern is open on this data folder: installed packs are not read, only the built-in tracks.\n',
      );
    }
  const courseMaps = new Map<string, CourseMap>();
  try {
    await loadCourseMaps(
      new Curriculum({
        builtinDir: path.join(ROOT, 'exercises'),
        // No pack folder to read when the data folder is busy or absent.
        packsDir: lock ? path.join(dataDir, 'packs') : path.join(ROOT, 'exercises', '.no-packs'),
      }),
      courseMaps,
    );
  } finally {
    lock?.release();
  }
  return courseMaps;
}

const FORMATS: readonly GradebookFormat[] = ['generic', 'canvas', 'moodle', 'xapi'];

interface ClassOptions {
  format: GradebookFormat;
  scores: GradebookScores;
  locale: 'en' | 'zh';
  homePage?: string;
}

async function classGradebook(
  inputs: string[],
  outFile: string,
  options: ClassOptions,
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const paths: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(io.cwd, input);
    if (!fs.existsSync(full)) {
      io.err(`${input}: no such file or folder\n`);
      return 1;
    }
    paths.push(
      ...(fs.statSync(full).isDirectory()
        ? fs
            .readdirSync(full)
            .filter((n) => n.toLowerCase().endsWith('.json'))
            .sort()
            .map((n) => path.join(full, n))
        : [full]),
    );
  }
  if (!paths.length) {
    io.err('No .json report files were found.\n');
    return 1;
  }
  if (paths.length > MAX_IMPORT_FILES) {
    io.err(
      `${paths.length} report files were given; one gradebook takes at most ${MAX_IMPORT_FILES}. Split them into several runs.\n`,
    );
    return 1;
  }
  // A file over the limit is refused by its size, before a byte of it is read.
  const files: { name: string; text: string }[] = [];
  const tooLarge: ImportOutcome[] = [];
  for (const p of paths) {
    // Files under the working folder are named relative to it, others by their full path.
    const relative = path.relative(io.cwd, p);
    const name = relative.startsWith('..') ? p : relative;
    const size = fs.statSync(p).size;
    if (size > MAX_REPORT_BYTES)
      tooLarge.push({ file: name, result: 'rejected', status: 'too-large', size, max: MAX_REPORT_BYTES });
    else files.push({ name, text: fs.readFileSync(p, 'utf8') });
  }
  const courseMaps = await installedCourses(env, io);
  const { db } = openDatabase(':memory:');
  try {
    const classes = new Classes(db);
    const className = path.basename(outFile, path.extname(outFile));
    const { id } = classes.create(className);
    const outcomes = [...tooLarge, ...(files.length ? classes.importReports(id, files) : [])];
    for (const o of outcomes) io.err(`${describeOutcome(o)}\n`);
    const input = {
      className,
      learners: classes.gradebookLearners(id),
      courseOf: (t: string) => courseMaps.get(t),
    };
    const day = new Date().toISOString().slice(0, 10);
    const file =
      options.format === 'xapi'
        ? xapiFile(input, { ...(options.homePage && { homePage: options.homePage }) }, day)
        : gradebookCsvFile(input, options, day);
    for (const w of file.warnings) io.err(`warning: ${describeWarning(w, options.format)}\n`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, file.content);
    const merged = outcomes.filter((o) => o.result !== 'rejected').length;
    io.out(`${outFile}: ${merged} of ${outcomes.length} reports in the gradebook\n`);
    return merged === outcomes.length ? 0 : 1;
  } finally {
    db.close();
  }
}
