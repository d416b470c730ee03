/**
 * `lantern import-exercism` on two small tracks in Exercism's layout (our own fixtures), then the
 * real validator over what it wrote: Python unittest files and Jest specs run as they are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../../electron/cli/run.ts';
import { formatContentError } from '../../../shared/content/errors.ts';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { openSandboxRunner } from '../../../electron/core/curriculum/sandbox.ts';
import { validatePack } from '../../../electron/core/curriculum/validate.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/exercism/', import.meta.url));
const sandbox = openSandboxRunner(2);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-exercism-'));
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

async function lantern(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: temp });
  return { code, out, err };
}

async function imported(fixture: string) {
  const pack = path.join(fs.mkdtempSync(path.join(temp, 'out-')), fixture);
  const run = await lantern('import-exercism', FIXTURES + fixture, '--out', pack);
  const read = (file: string) => fs.readFileSync(path.join(pack, file), 'utf8');
  return { pack, run, read };
}

describe('importing an Exercism track', () => {
  test('a Python track becomes a pack that validates, unittest files running as they are', async () => {
    const { pack, run, read } = await imported('python-mini');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`✓ 2 exercises written to ${path.relative(temp, pack)}, 1 skipped`);
    expect(run.err).toBe('skipped old-greeting: deprecated\n');

    const track = parse(read('track.yaml'));
    expect(track).toMatchObject({ id: 'exercism-python', language: 'python', untranslated: ['zh'] });
    expect(track.source).toEqual({
      name: 'Exercism Python track',
      url: 'https://github.com/exercism/python',
      license: 'MIT',
    });
    // Ordered by difficulty: 2 is easy, 5 is medium; a prerequisite of the exercise carries over.
    expect(track.units.map((u: { id: string; lessons: string[] }) => [u.id, u.lessons])).toEqual([
      ['easy', ['vowel-counter']],
      ['medium', ['pocket-change']],
    ]);
    expect(track.concepts.find((c: { id: string }) => c.id === 'strings').prerequisites).toEqual(['loops']);
    expect(read('lessons/vowel-counter/vowel_counter_test.py')).toBe(
      fs.readFileSync(
        FIXTURES + 'python-mini/exercises/practice/vowel-counter/vowel_counter_test.py',
        'utf8',
      ),
    );

    const report = await validatePack(pack, { runner: sandbox.runner, concurrency: 2 });
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.runs).toBe(4);
  });

  test('the prose is the instructions and their appendix; the hints are a ladder without the answer', async () => {
    const { read } = await imported('python-mini');
    const vowels = read('lessons/vowel-counter/exercise.md');
    expect(vowels).toContain('Count the vowels in a piece of text.');
    expect(vowels).toContain('Other letters, digits, spaces and punctuation are not counted.');
    expect(vowels).not.toContain('# Instructions');

    const hints = parse(read('lessons/pocket-change/exercise.md').split('---')[1]!).hints;
    expect(hints.map((h: { en: string }) => h.en)).toEqual([
      'Read the instructions again, then run the tests: the first failing test shows where to start.',
      'Try the largest coin first, as many times as it fits.',
      'Integer division `//` and the remainder `%` do the counting for one coin at a time.',
    ]);
    // The hints.md point that spells out a line of the solution was left out.
    expect(JSON.stringify(hints)).not.toContain('remaining // coin');
  });

  test('a JavaScript track becomes a pack that validates, Jest specs running with every test counted', async () => {
    const { pack, run, read } = await imported('javascript-mini');
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      'skipped split-bill: Lantern needs exactly one solution, one test and one example file in .meta/config.json\n',
    );
    const track = parse(read('track.yaml'));
    expect(track.concepts.find((c: { id: string }) => c.id === 'for-loops').prerequisites).toEqual([
      'numbers',
    ]);
    expect(read('lessons/range-sum/exercise.md')).toContain('solution: .meta/proof.ci.js');

    const report = await validatePack(pack, { runner: sandbox.runner, concurrency: 2 });
    expect(report.errors.map(formatContentError)).toEqual([]);

    // Exercism marks all but the first test `xtest`; in Lantern every one of them runs.
    const result = await sandbox.runner({
      language: 'javascript',
      mode: 'check',
      module: 'range-sum',
      code: read('lessons/range-sum/.meta/proof.ci.js'),
      tests: read('lessons/range-sum/range-sum.spec.js'),
      timeLimitMs: 5000,
    });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['rangeSum > one number', 'pass'],
      ['rangeSum > one to ten', 'pass'],
      ['rangeSum > an empty range', 'pass'],
    ]);
  });

  test('the imported pack installs in the app, marked as English only', async () => {
    const { pack } = await imported('javascript-mini');
    const curriculum = new Curriculum({
      builtinDir: path.join(temp, 'no-builtins'),
      packsDir: path.join(temp, 'installed'),
      runner: sandbox.runner,
      concurrency: 2,
    });
    const result = await curriculum.installPack(pack);
    expect(result).toMatchObject({
      ok: true,
      track: { id: 'exercism-javascript', lessons: 2, source: 'pack', untranslated: ['zh'] },
    });
  });

  test('a folder that is not an Exercism track, a non-empty --out, and a missing --out', async () => {
    const notTrack = await lantern('import-exercism', temp, '--out', path.join(temp, 'nothing'));
    expect(notTrack.code).toBe(1);
    expect(notTrack.err).toContain('config.json: no config.json here; is this an Exercism track folder?');

    fs.mkdirSync(path.join(temp, 'full'), { recursive: true });
    fs.writeFileSync(path.join(temp, 'full', 'keep.txt'), 'mine');
    const full = await lantern('import-exercism', FIXTURES + 'python-mini', '--out', path.join(temp, 'full'));
    expect(full.code).toBe(1);
    expect(full.err).toBe('full already has files in it; choose an empty folder or pass --force\n');

    const noOut = await lantern('import-exercism', FIXTURES + 'python-mini');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('say where to write the pack with --out');
  });
});
