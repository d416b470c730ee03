/** `lantern validate <folder|zip>...`: checks tracks or packs; exit 0 only when everything holds. */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { formatContentError } from '../../../shared/content/errors.ts';
import { validatePack, type ValidationReport } from '../../core/curriculum/validate.ts';
import { openSandboxRunner } from '../../core/curriculum/sandbox.ts';
import { USAGE_ERROR, type Command } from '../command.ts';
import { parse } from '../options.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';
import { PRACTICE_TEMPLATES_FOLDER } from '../../../shared/content/practice-template.ts';
import { loadPracticeTemplates, TEMPLATE_LANGUAGES } from '../../core/practice/templates/load.ts';

const usage = `Usage: lantern validate <folder|zip>... [--json] [--no-run] [--strict] [--jobs N]

Checks a track or pack: schema errors with file, line and field; ids, lessons, concepts and
prerequisites; then runs the code: every reference solution passes its tests, every starter
fails at least one, every predict step prints its expectedOutput.
Warns when a solution uses a construct (def, for, a list, …) whose concept the track teaches
only later; with --strict that is an error, as it is for the built-in tracks.
A folder without track.yaml is checked as a folder of tracks (e.g. "lantern validate exercises"),
and its practice-templates/ folder, if any, as offline practice templates (their files, every
expression, and the exercises each template makes from a few seeds).

  --json      one JSON report on stdout, for machines
  --no-run    check the files only; run no code
  --strict    lesson-order warnings are errors
  --jobs N    code runs at once (default: the number of CPU cores)`;

/** @param injected a runner for tests; by default a sandbox pool with one child per job */
export function validateCommand(injected?: RunCode): Command {
  return {
    name: 'validate',
    summary: 'check a track or content pack (folder or zip)',
    usage,
    async run(args, io) {
      const parsed = parse(args, {
        json: { type: 'boolean' },
        'no-run': { type: 'boolean' },
        strict: { type: 'boolean' },
        jobs: { type: 'string' },
      });
      if ('usageError' in parsed || !parsed.positionals.length) {
        io.err(
          `${'usageError' in parsed ? parsed.usageError : 'name a folder or zip to validate'}\n\n${usage}\n`,
        );
        return USAGE_ERROR;
      }
      const { values, positionals } = parsed;
      const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) {
        io.err(`--jobs must be a whole number of at least 1\n`);
        return USAGE_ERROR;
      }

      const sandbox = injected ? undefined : openSandboxRunner(jobs);
      const runner = injected ?? sandbox!.runner;
      const reports: (ValidationReport & { location: string })[] = [];
      try {
        for (const location of positionals.flatMap((p) => packsIn(resolve(io.cwd, p)))) {
          const shown = relative(io.cwd, location) || '.';
          const report = await validatePack(location, {
            runner,
            concurrency: jobs,
            noRun: values['no-run'],
            strict: values.strict,
          });
          const errors = report.errors.map((e) => ({ ...e, file: join(shown, e.file) }));
          const warnings = report.warnings.map((e) => ({ ...e, file: join(shown, e.file) }));
          reports.push({
            location: shown,
            ok: report.ok,
            track: report.track,
            exercises: report.exercises,
            runs: report.runs,
            errors,
            warnings,
            durationMs: Math.round(report.durationMs),
          });
          if (!values.json) io.out(humanReport(shown, { ...report, errors, warnings }));
        }
        for (const location of positionals.flatMap((p) => templateFoldersIn(resolve(io.cwd, p)))) {
          const shown = relative(io.cwd, location) || '.';
          const report = templatesReport(location, shown);
          reports.push(report);
          if (!values.json) io.out(humanReport(shown, report, 'practice templates'));
        }
      } finally {
        await sandbox?.close();
      }
      const ok = reports.every((r) => r.ok);
      if (values.json) io.out(`${JSON.stringify({ ok, packs: reports }, null, 2)}\n`);
      return ok ? 0 : 1;
    },
  };
}

/** The folder or zip itself, or, for a folder of tracks, each track in it. */
function packsIn(location: string): string[] {
  if (basename(location) === PRACTICE_TEMPLATES_FOLDER) return [];
  if (!existsSync(location) || location.endsWith('.zip') || existsSync(join(location, 'track.yaml')))
    return [location];
  const tracks = readdirSync(location, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(location, entry.name, 'track.yaml')))
    .map((entry) => join(location, entry.name));
  return tracks.length ? tracks.sort() : [location];
}

/** The practice templates of a folder of tracks, or the templates folder itself. */
function templateFoldersIn(location: string): string[] {
  if (basename(location) === PRACTICE_TEMPLATES_FOLDER && existsSync(location)) return [location];
  const inside = join(location, PRACTICE_TEMPLATES_FOLDER);
  return !existsSync(join(location, 'track.yaml')) && existsSync(inside) ? [inside] : [];
}

function templatesReport(location: string, shown: string): ValidationReport & { location: string } {
  const started = performance.now();
  const { templates, errors } = loadPracticeTemplates(location, { trial: true });
  return {
    location: shown,
    ok: errors.length === 0,
    exercises: TEMPLATE_LANGUAGES.reduce((n, language) => n + templates.all(language).length, 0),
    runs: 0,
    errors: errors.map((e) => ({ ...e, file: join(shown, e.file) })),
    warnings: [],
    durationMs: Math.round(performance.now() - started),
  };
}

function humanReport(shown: string, report: ValidationReport, kind?: 'practice templates'): string {
  const lines = [
    ...report.errors.map(formatContentError),
    ...report.warnings.map((w) => `warning: ${formatContentError(w)}`),
  ];
  const name = report.track ? `${report.track.id} (${shown})` : kind ? `${kind} (${shown})` : shown;
  const seconds = (report.durationMs / 1000).toFixed(1);
  if (kind) {
    const count = `${report.exercises} template${report.exercises === 1 ? '' : 's'}`;
    lines.push(
      report.ok
        ? `✓ ${name}: ${count}, all valid`
        : `✗ ${name}: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}; ${count} loaded`,
    );
    return `${lines.join('\n')}\n`;
  }
  const ran = `${report.runs} code run${report.runs === 1 ? '' : 's'}, ${seconds} s`;
  const count = `${report.exercises} exercise${report.exercises === 1 ? '' : 's'}`;
  const warned = report.warnings.length;
  lines.push(
    report.ok
      ? `✓ ${name}: ${count}, ${warned ? `valid with ${warned} warning${warned === 1 ? '' : 's'}` : 'all valid'} (${ran})`
      : `✗ ${name}: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}; ${count} loaded (${ran})`,
  );
  return `${lines.join('\n')}\n`;
}
