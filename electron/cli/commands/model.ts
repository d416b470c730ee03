/**
 * `lantern model evaluate --attempts <file.csv>`: replays a log of attempts through the app's
 * learner model and two baselines, each predicting every attempt before it sees the outcome, and
 * prints how well each predicted. `lantern model export-attempts --profile <name>`: a learner's
 * own attempts in the same CSV format (docs/attempts-csv.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileIn } from '../../core/store/database.ts';
import { SettingsStore } from '../../core/store/settings.ts';
import { resolveDataDir } from '../../core/data-dir.ts';
import { Curriculum } from '../../core/curriculum/index.ts';
import { Profiles } from '../../core/learner/profiles.ts';
import { learnerNameIn } from '../../../shared/api/learner-name.ts';
import type { CourseMap } from '../../core/learner/course-map.ts';
import { loadCourseMaps } from '../../core/app-services.ts';
import { AttemptsCsvError, readAttemptsFile } from '../../core/learner/attempts-csv.ts';
import { exportAttemptsCsv } from '../../core/learner/attempts-export.ts';
import { AttemptsEvaluation, type EvaluationReport } from '../../core/learner/model-evaluation.ts';
import { USAGE_ERROR, type CliIo, type Command } from '../command.ts';
import { parse } from '../options.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const usage = `Usage: lantern model evaluate --attempts <file.csv> [--track <id>] [--json]
       lantern model export-attempts --profile <name> [--out <file.csv>]

evaluate         replays the attempts in file order through Lantern's learner model and two
                 baselines (each exercise's success rate so far; PFA fitted online), each
                 predicting every attempt before seeing its outcome, and prints AUC, RMSE,
                 log-loss, accuracy and a 10-bin calibration table for each. A success is
                 outcome 1. Exercises start at the middle of the difficulty scale and are learned
                 from the log; with --track, those of that installed track (named <id> or
                 <track>/<id>) start at their authored difficulty.
export-attempts  writes the learner's checked attempts in the same format (to stdout without
                 --out). The data folder is LANTERN_DATA_DIR or the app's own.

The CSV format (docs/attempts-csv.md), with a header row:
  learner,exercise,concepts,timestamp,outcome,hints[,revealed]`;

export function modelCommand(env: NodeJS.ProcessEnv = process.env): Command {
  return {
    name: 'model',
    summary: "evaluate the learner model on a log of attempts, or export a learner's attempts",
    usage,
    async run(args, io) {
      const [sub, ...rest] = args;
      const parsed = parse(rest, {
        attempts: { type: 'string' },
        track: { type: 'string' },
        json: { type: 'boolean' },
        profile: { type: 'string' },
        out: { type: 'string' },
      });
      const fail = (message: string) => {
        io.err(`${message}\n\n${usage}\n`);
        return USAGE_ERROR;
      };
      if ('usageError' in parsed) return fail(parsed.usageError);
      const { values, positionals } = parsed;
      if (positionals.length) return fail(`unexpected argument "${positionals[0]}"`);
      if (sub === 'evaluate') {
        if (!values.attempts) return fail('--attempts is required: the CSV file of attempts');
        return evaluate(path.resolve(io.cwd, values.attempts), values.track, values.json ?? false, env, io);
      }
      if (sub === 'export-attempts') {
        if (!values.profile) return fail('--profile is required: the learner profile’s name');
        return exportAttempts(values.profile, values.out && path.resolve(io.cwd, values.out), env, io);
      }
      return fail(sub ? `unknown model command "${sub}"` : 'say "evaluate" or "export-attempts"');
    },
  };
}

async function courseMaps(env: NodeJS.ProcessEnv): Promise<Map<string, CourseMap>> {
  const maps = new Map<string, CourseMap>();
  const curriculum = new Curriculum({
    builtinDir: path.join(ROOT, 'exercises'),
    packsDir: path.join(resolveDataDir(env), 'packs'),
  });
  await loadCourseMaps(curriculum, maps);
  return maps;
}

async function evaluate(
  file: string,
  trackId: string | undefined,
  json: boolean,
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  if (!fs.existsSync(file)) {
    io.err(`There is no file ${file}.\n`);
    return 1;
  }
  if (fs.statSync(file).isDirectory()) {
    io.err(`${file} is a folder, not a file: give the attempts CSV inside it.\n`);
    return 1;
  }
  let authoredDifficulty: ((exercise: string) => number | undefined) | undefined;
  if (trackId !== undefined) {
    const maps = await courseMaps(env);
    const course = maps.get(trackId);
    if (!course) {
      io.err(`There is no track "${trackId}". Tracks: ${[...maps.keys()].join(', ') || '(none)'}\n`);
      return 1;
    }
    const prefix = `${trackId}/`;
    authoredDifficulty = (exercise) =>
      course.byId.get(exercise.startsWith(prefix) ? exercise.slice(prefix.length) : exercise)?.difficulty;
  }
  const started = performance.now();
  const evaluation = new AttemptsEvaluation({ authoredDifficulty });
  try {
    await readAttemptsFile(file, (a) => evaluation.add(a));
  } catch (error) {
    if (!(error instanceof AttemptsCsvError)) throw error;
    io.err(`${file}, ${error.message}\n`);
    return 1;
  }
  const report = evaluation.report();
  if (json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(formatReport(report, (performance.now() - started) / 1000));
  return 0;
}

const fixed = (v: number | null, digits = 3) => (v === null || Number.isNaN(v) ? '–' : v.toFixed(digits));
const count = (n: number) => n.toLocaleString('en');

export function formatReport(r: EvaluationReport, seconds?: number): string {
  const out: string[] = [];
  out.push(
    `Replayed ${count(r.attempts)} attempts of ${count(r.learners)} learners on ${count(r.exercises)} exercises ` +
      `(${count(r.concepts)} concepts)${seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`}.`,
  );
  out.push('Each attempt predicted before its outcome was seen; a success is outcome 1.', '');
  const width = Math.max(...r.models.map((m) => m.label.length)) + 2;
  out.push(
    `${''.padEnd(width)}${['AUC', 'RMSE', 'log-loss', 'accuracy'].map((h) => h.padStart(10)).join('')}`,
  );
  for (const m of r.models) {
    const x = m.metrics;
    out.push(
      `${m.label.padEnd(width)}${[fixed(x.auc), fixed(x.rmse), fixed(x.logLoss), fixed(x.accuracy)]
        .map((v) => v.padStart(10))
        .join('')}`,
    );
  }
  out.push('', 'Calibration: mean prediction → observed success rate (attempts) per bin of predictions');
  const columns = r.models.map((m) => m.label);
  const cell = 26;
  out.push(`${'bin'.padEnd(11)}${columns.map((c) => c.padEnd(cell)).join('')}`.trimEnd());
  const bins = r.models[0]?.metrics.calibration ?? [];
  bins.forEach((b, i) => {
    const cells = r.models.map((m) => {
      const c = m.metrics.calibration[i]!;
      return (
        c.count ? `${fixed(c.predicted, 2)} → ${fixed(c.observed, 2)} (${count(c.count)})` : '–'
      ).padEnd(cell);
    });
    out.push(`${`${b.from.toFixed(1)}–${b.to.toFixed(1)}`.padEnd(11)}${cells.join('')}`.trimEnd());
  });
  return `${out.join('\n')}\n`;
}

async function exportAttempts(
  profileName: string,
  outFile: string | undefined,
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const dataDir = resolveDataDir(env);
  const file = databaseFileIn(dataDir);
  if (!fs.existsSync(file)) {
    io.err(`There is no Lantern database at ${file}. Set LANTERN_DATA_DIR to the data folder.\n`);
    return 1;
  }
  const refused = outFile && refuseOut(outFile, file);
  if (refused) {
    io.err(`${refused}\n`);
    return 1;
  }
  // Read-only, without migrating: the export writes nothing, so it may run beside the app
  // (decision 0027's lock is for writers).
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const profiles = new Profiles(db, new SettingsStore(db));
    const profile = profiles.byName(profileName);
    if (!profile) {
      const names = profiles.list().map((p) => learnerNameIn(p.name, 'en'));
      io.err(
        `There is no profile called “${profileName}” in ${dataDir}. Profiles: ${names.join(', ') || '(none)'}\n`,
      );
      return 1;
    }
    const maps = await courseMaps(env);
    // The command line speaks English: a learner no one named is "Learner" in the file.
    const named = { id: profile.id, name: learnerNameIn(profile.name, 'en') };
    const result = exportAttemptsCsv(db, named, (t) => maps.get(t));
    if (outFile) {
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, result.csv);
      io.err(`${outFile}: ${count(result.written)} attempts\n`);
    } else io.out(result.csv);
    if (result.skipped)
      io.err(`${count(result.skipped)} attempts left out: their exercises are no longer installed.\n`);
    return 0;
  } finally {
    db.close();
  }
}

/**
 * Why the export must not be written to `outFile`, if it must not: a folder, or a database
 * (`--out lantern.db` run in the data folder replaced the learner's whole history with the CSV).
 */
function refuseOut(outFile: string, database: string): string | undefined {
  // By name too: the write-ahead log and journal may not exist while nothing has the database open.
  const where = (f: string) => {
    const dir = path.dirname(path.resolve(f));
    return path.join(fs.existsSync(dir) ? fs.realpathSync(dir) : dir, path.basename(f));
  };
  const target = where(outFile);
  const ownFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => where(`${database}${suffix}`));
  const exists = fs.existsSync(outFile);
  if (exists && fs.statSync(outFile).isDirectory())
    return `${outFile} is a folder: give the file to write, such as ${path.join(outFile, 'attempts.csv')}.`;
  if (ownFiles.includes(target) || (exists && startsWithSqliteHeader(outFile)))
    return `${outFile} is a database, not a CSV file; it was left as it was.`;
  return undefined;
}

function startsWithSqliteHeader(file: string): boolean {
  const header = Buffer.from('SQLite format 3\0', 'latin1');
  const head = Buffer.alloc(header.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(header);
  } finally {
    fs.closeSync(fd);
  }
}
