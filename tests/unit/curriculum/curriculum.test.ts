import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { writePack } from '../../../electron/core/curriculum/packs.ts';
import { readPack } from '../../../electron/core/curriculum/pack-files.ts';
import { PACKS } from './fixtures.ts';
import { fakeRunner, honestRunner } from './fake-runner.ts';

let dir: string;
let builtinDir: string;
let packsDir: string;
let curriculum: Curriculum;
const printed = new Map([
  ['for i in range(3):\n    print(i)\n', '0\n1\n2\n'],
  ["console.log(1 + 2);\nconsole.log('1' + 2);\n", '3\n12\n'],
]);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-curriculum-'));
  builtinDir = join(dir, 'exercises');
  packsDir = join(dir, 'packs');
  await cp(PACKS + 'good-python', join(builtinDir, 'python'), { recursive: true });
  curriculum = new Curriculum({ builtinDir, packsDir, runner: honestRunner(printed).runner });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A zip of a fixture pack, as a teacher would make it: everything inside one top folder. */
async function zipOf(pack: string, extra: Record<string, Uint8Array> = {}): Promise<string> {
  const read = await readPack(PACKS + pack);
  if ('errors' in read) throw new Error('fixture');
  const entries = Object.fromEntries([...read.files].map(([path, bytes]) => [`${pack}/${path}`, bytes]));
  const file = join(dir, `${pack}.zip`);
  await writeFile(file, zipSync({ ...entries, ...extra }));
  return file;
}

describe('browsing the curriculum', () => {
  test('tracks() summarises each track', async () => {
    expect(await curriculum.tracks()).toEqual([
      {
        id: 'fixture-python',
        title: { en: 'Fixture Python', zh: '测试用 Python' },
        description: { en: 'A tiny track the content tests load.', zh: '内容测试加载的一个小课程。' },
        language: 'python',
        units: 2,
        lessons: 5,
        source: 'builtin',
      },
    ]);
  });

  test('the practice templates beside the built-in tracks are not a track', async () => {
    await mkdir(join(builtinDir, 'practice-templates', 'python'), { recursive: true });
    expect((await curriculum.tracks()).map((t) => t.id)).toEqual(['fixture-python']);
    expect(await curriculum.problems()).toEqual([]);
  });

  test('track(id) gives units with their lessons in order', async () => {
    const outline = await curriculum.track('fixture-python');
    expect(
      outline?.units.map((u) => [u.id, u.lessons.map((l) => `${l.id}:${l.type}:${l.difficulty}`)]),
    ).toEqual([
      ['start', ['intro:explanation:1', 'double:exercise:2', 'count-up:predict:2']],
      ['more', ['loop-quiz:quiz:1', 'leap:exercise:3']],
    ]);
    expect(outline?.concepts.map((c) => c.id)).toEqual(['basics', 'loops']);
    expect(await curriculum.track('nope')).toBeUndefined();
  });

  test('exercise() gives the full lesson with its neighbours across units', async () => {
    const view = await curriculum.exercise('fixture-python', 'loop-quiz');
    expect(view).toMatchObject({
      trackId: 'fixture-python',
      unitId: 'more',
      previous: 'count-up',
      next: 'leap',
    });
    expect(view?.exercise.choices?.[0]?.text.en).toBe('Three times');
    const leap = await curriculum.exercise('fixture-python', 'leap');
    expect(leap?.exercise.starter).toContain('def is_leap');
    expect(leap?.next).toBeUndefined();
  });

  test('a broken built-in lesson is left out and reported; the rest of the track still loads', async () => {
    await writeFile(join(builtinDir, 'python/lessons/intro.md'), '---\nid: intro\n---\n');
    const fresh = new Curriculum({ builtinDir, packsDir });
    expect((await fresh.track('fixture-python'))?.units[0]?.lessons.map((l) => l.id)).toEqual([
      'double',
      'count-up',
    ]);
    expect((await fresh.problems()).some((p) => p.file.endsWith('lessons/intro.md'))).toBe(true);
  });
});

describe('installing a pack', () => {
  test('a good folder is validated, installed and listed as a pack', async () => {
    const result = await curriculum.installPack(PACKS + 'good-javascript');
    expect(result).toMatchObject({
      ok: true,
      track: { id: 'fixture-javascript', source: 'pack', lessons: 3 },
    });
    expect((await curriculum.tracks()).map((t) => `${t.id}:${t.source}`)).toEqual([
      'fixture-python:builtin',
      'fixture-javascript:pack',
    ]);
    expect(existsSync(join(packsDir, 'fixture-javascript/lessons/pair-up/.meta/proof.js'))).toBe(true);
  });

  test('a good zip installs the same way', async () => {
    const result = await curriculum.installPack(await zipOf('good-javascript'));
    expect(result.ok).toBe(true);
    expect((await curriculum.exercise('fixture-javascript', 'pair-up'))?.exercise.module).toBe('pair-up');
  });

  test('a pack whose lesson uses what a later lesson teaches is added, with that warning', async () => {
    const starters = /^# Print|\bpass\b/;
    const lenient = new Curriculum({
      builtinDir,
      packsDir,
      runner: fakeRunner({ failing: (r) => (starters.test(r.code) ? ['test_one'] : []) }).runner,
    });
    const result = await lenient.installPack(PACKS + 'out-of-order-python');
    expect(result).toMatchObject({ ok: true, track: { id: 'fixture-order', source: 'pack' } });
    expect(
      result.ok && result.warnings.map((w) => `${w.file}:${w.line}: ${w.message.split(',')[0]}`),
    ).toEqual([
      'lessons/shout-twice.md:11: line 2 of the solution uses a function definition (`def`)',
      'lessons/shout-twice.md:13: line 4 of the solution uses a loop (`for`)',
    ]);
  });

  test('a broken pack is refused with its errors, and nothing is written', async () => {
    const result = await curriculum.installPack(PACKS + 'broken-python');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: 'lessons/too-hard.md',
          line: 6,
          field: 'difficulty',
          message: 'must be at most 10',
          code: 'at-most',
          params: { limit: 10 },
        },
        {
          file: 'track.yaml',
          line: 9,
          field: 'concepts[0].prerequisites[0]',
          message: 'no concept "variables" in this track',
          code: 'no-concept',
          params: { concept: 'variables' },
        },
      ],
    });
    expect(await readdir(packsDir).catch(() => [])).toEqual([]);
    expect((await curriculum.tracks()).map((t) => t.id)).toEqual(['fixture-python']);
  });

  test('a pack whose code fails its checks is refused', async () => {
    const failing = new Curriculum({
      builtinDir,
      packsDir,
      runner: async () => ({
        status: 'fail',
        stdout: '',
        stderr: '',
        truncated: false,
        durationMs: 1,
        tests: [{ name: 'x', status: 'fail' }],
      }),
    });
    const result = await failing.installPack(PACKS + 'good-javascript');
    expect(result.ok).toBe(false);
    expect(existsSync(join(packsDir, 'fixture-javascript'))).toBe(false);
  });

  test('a pack may not take a built-in track id', async () => {
    const result = await curriculum.installPack(PACKS + 'good-python');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: 'track.yaml',
          line: 2,
          field: 'id',
          message: 'a built-in track already has the id "fixture-python"; give the pack another id',
          code: 'builtin-id',
          params: { id: 'fixture-python' },
        },
      ],
    });
  });

  test('a zip with an entry that climbs out of the pack is refused whole', async () => {
    const zip = await zipOf('good-javascript', { 'good-javascript/../../evil.txt': new Uint8Array([1]) });
    const result = await curriculum.installPack(zip);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/outside the pack/);
    expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
  });

  test('a write that fails half-way leaves the installed version untouched and no leftovers', async () => {
    await curriculum.installPack(PACKS + 'good-javascript');
    // "track.yaml" as a file and as a folder cannot both be written: the second write fails.
    const clash = new Map([
      ['track.yaml', new Uint8Array([1])],
      ['track.yaml/inner', new Uint8Array([2])],
    ]);
    await expect(writePack(packsDir, 'fixture-javascript', clash)).rejects.toThrow();
    expect(await readdir(packsDir)).toEqual(['fixture-javascript']);
    expect(existsSync(join(packsDir, 'fixture-javascript/lessons/shout.md'))).toBe(true);
  });

  test('removePack removes an installed pack, never a built-in track', async () => {
    await curriculum.installPack(PACKS + 'good-javascript');
    expect(await curriculum.removePack('fixture-javascript')).toBe(true);
    expect(await readdir(packsDir)).toEqual([]);
    expect((await curriculum.tracks()).map((t) => t.id)).toEqual(['fixture-python']);
    expect(await curriculum.removePack('fixture-python')).toBe(false);
    expect(await curriculum.removePack('never-installed')).toBe(false);
  });
});
