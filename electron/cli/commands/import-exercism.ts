/** `lantern import-exercism <track-folder> --out <pack>`: an Exercism track as a Lantern pack. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { formatContentError } from '../../../shared/content/errors.ts';
import { loadTrack } from '../../../shared/content/load.ts';
import { importExercismTrack } from '../../core/curriculum/exercism.ts';
import { USAGE_ERROR, type Command } from '../command.ts';
import { parse } from '../options.ts';

const usage = `Usage: lantern import-exercism <track-folder> --out <pack> [--force]

Converts the practice exercises of a local copy of an Exercism track (the folder with its
config.json and exercises/practice/) into a Lantern pack folder. The stub becomes the starter,
.meta/example.* or .meta/proof.ci.* the reference solution, and the test file runs as it is.
Exercism has no Chinese text: the pack is marked "untranslated: [zh]".
Then check the pack with "lantern validate <pack>" and add it in Settings.

  --out DIR   the pack folder to write (must be empty or not exist)
  --force     write into a folder that already has files in it`;

export function importExercismCommand(): Command {
  return {
    name: 'import-exercism',
    summary: 'convert a local Exercism track into a content pack',
    usage,
    async run(args, io) {
      const parsed = parse(args, { out: { type: 'string' }, force: { type: 'boolean' } });
      if ('usageError' in parsed || parsed.positionals.length !== 1 || !parsed.values.out) {
        const why =
          'usageError' in parsed
            ? parsed.usageError
            : parsed.positionals.length !== 1
              ? 'name one Exercism track folder'
              : 'say where to write the pack with --out';
        io.err(`${why}\n\n${usage}\n`);
        return USAGE_ERROR;
      }
      const source = resolve(io.cwd, parsed.positionals[0]!);
      const out = resolve(io.cwd, parsed.values.out);
      const shownOut = relative(io.cwd, out) || '.';
      const existing = await readdir(out).catch(() => [] as string[]);
      if (existing.length && !parsed.values.force) {
        io.err(`${shownOut} already has files in it; choose an empty folder or pass --force\n`);
        return 1;
      }

      const result = await importExercismTrack(source);
      const shownSource = relative(io.cwd, source) || '.';
      for (const error of result.errors)
        io.err(`${formatContentError({ ...error, file: join(shownSource, error.file) })}\n`);
      for (const { slug, reason } of result.skipped) io.err(`skipped ${slug}: ${reason}\n`);
      if (result.errors.length) return 1;

      for (const [path, text] of result.files) {
        const target = join(out, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
      // The files were generated here, so a problem in them is the importer's: say so plainly.
      const problems = loadTrack(result.files).errors;
      for (const error of problems)
        io.err(`${formatContentError({ ...error, file: join(shownOut, error.file) })}\n`);
      io.out(
        `${problems.length ? '✗' : '✓'} ${result.imported.length} exercise${result.imported.length === 1 ? '' : 's'} written to ${shownOut}` +
          `${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}\n` +
          (problems.length ? '' : `Next: lantern validate ${shownOut}\n`),
      );
      return problems.length ? 1 : 0;
    },
  };
}
