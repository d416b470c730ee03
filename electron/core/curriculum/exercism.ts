/**
 * Converts a local copy of an Exercism track (its `config.json` and `exercises/practice/<slug>/`
 * folders) into a Lantern pack: one folder exercise per practice exercise, with the stub as the
 * starter, the example or proof solution as the reference solution, and the test file as it is
 * (Python unittest and Jest specs run unchanged; only `xtest` becomes `test`, as Exercism's own
 * test runner does, so every test counts). Exercism has no Chinese text: the pack carries the
 * English in both fields and declares `untranslated: [zh]` (see docs/content-format.md).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ContentError } from '../../../shared/content/errors.ts';
import { problem } from '../../../shared/content/problems.ts';
import type { Concept, Language, Track, Unit } from '../../../shared/content/schema.ts';
import { prerequisiteCycles } from '../../../shared/content/structure.ts';
import { exerciseBody, ladderOfHints } from './exercism-text.ts';

interface TrackConfig {
  language?: string;
  slug?: string;
  concepts?: { slug: string; name?: string }[];
  exercises?: {
    concept?: { slug: string; concepts?: string[]; prerequisites?: string[]; status?: string }[];
    practice?: PracticeEntry[];
  };
}

interface PracticeEntry {
  slug: string;
  name?: string;
  difficulty?: number;
  practices?: string[];
  prerequisites?: string[];
  status?: string;
}

interface ExerciseConfig {
  files?: { solution?: string[]; test?: string[]; example?: string[] };
}

export interface ExercismImport {
  /** The pack: relative path → text. Empty when the track could not be read. */
  files: Map<string, string>;
  imported: string[];
  /** Practice exercises left out, and why. */
  skipped: { slug: string; reason: string }[];
  errors: ContentError[];
}

const LANGUAGES: Record<string, Language> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'typescript',
};
/** Concept for an exercise that names none. */
const GENERAL: Concept = { id: 'practice', title: { en: 'Practice', zh: '练习' }, prerequisites: [] };
const BANDS: { unit: Omit<Unit, 'lessons'>; upTo: number }[] = [
  { unit: { id: 'easy', title: { en: 'Easy', zh: '简单' } }, upTo: 3 },
  { unit: { id: 'medium', title: { en: 'Medium', zh: '中等' } }, upTo: 6 },
  { unit: { id: 'hard', title: { en: 'Hard', zh: '较难' } }, upTo: 10 },
];
const ID = /^[a-z0-9][a-z0-9-]*$/;

export async function importExercismTrack(folder: string): Promise<ExercismImport> {
  const result: ExercismImport = { files: new Map(), imported: [], skipped: [], errors: [] };
  const config = await readJson<TrackConfig>(join(folder, 'config.json'), 'config.json', result.errors);
  if (!config) return result;
  const language = LANGUAGES[(config.language ?? '').toLowerCase()];
  if (!language) {
    result.errors.push(
      problem({ file: 'config.json', field: 'language' }, 'exercism-language', {
        language: config.language ?? '(none)',
      }),
    );
    return result;
  }
  const slug = ID.test(config.slug ?? '') ? config.slug! : language;

  const entries = (config.exercises?.practice ?? []).filter((entry) => {
    if (entry.status === 'deprecated') result.skipped.push({ slug: entry.slug, reason: 'deprecated' });
    else if (!ID.test(entry.slug))
      result.skipped.push({ slug: entry.slug, reason: 'its slug is not a Lantern id' });
    else return true;
    return false;
  });

  const converted: PracticeEntry[] = [];
  for (const entry of entries) {
    const problem = await convertExercise(folder, entry, result.files);
    if (problem) result.skipped.push({ slug: entry.slug, reason: problem });
    else converted.push(entry);
  }
  result.imported = converted.map((e) => e.slug);
  if (!converted.length) {
    result.errors.push(
      problem({ file: 'config.json', field: 'exercises.practice' }, 'exercism-none-imported'),
    );
    return result;
  }

  const license = await readFile(join(folder, 'LICENSE'), 'utf8').catch(() => undefined);
  if (license !== undefined) result.files.set('LICENSE', license);
  const track = trackFor(config, slug, language, converted, license);
  result.files.set(
    'track.yaml',
    `# Imported from Exercism by "lantern import-exercism". The text is English only (untranslated: [zh]).\n${stringify(track, { lineWidth: 0 })}`,
  );
  return result;
}

/** Writes one exercise's files into `pack`; returns why it cannot be imported, if it cannot. */
async function convertExercise(
  folder: string,
  entry: PracticeEntry,
  pack: Map<string, string>,
): Promise<string | undefined> {
  const dir = join(folder, 'exercises', 'practice', entry.slug);
  const meta = await readJson<ExerciseConfig>(join(dir, '.meta', 'config.json'), '.meta/config.json', []);
  if (!meta) return 'no readable .meta/config.json';
  const one = (kind: 'solution' | 'test' | 'example'): string | undefined => {
    const list = meta.files?.[kind] ?? [];
    return list.length === 1 ? list[0] : undefined;
  };
  const stub = one('solution');
  const test = one('test');
  const example = one('example');
  if (!stub || !test || !example)
    return 'Lantern needs exactly one solution, one test and one example file in .meta/config.json';
  const read = (relative: string) => readFile(join(dir, relative), 'utf8').catch(() => undefined);
  const [starter, tests, solution] = await Promise.all([read(stub), read(test), read(example)]);
  const missing = [
    [stub, starter],
    [test, tests],
    [example, solution],
  ].find(([, text]) => text === undefined);
  if (missing) return `the file ${missing[0]} is missing`;
  const instructions = await read('.docs/instructions.md');
  if (instructions === undefined) return 'no .docs/instructions.md';

  const base = `lessons/${entry.slug}/`;
  const body = exerciseBody(
    instructions,
    await read('.docs/instructions.append.md'),
    await read('.docs/introduction.md'),
  );
  const name = entry.name ?? entry.slug;
  const front = {
    id: entry.slug,
    title: { en: name, zh: name },
    type: 'exercise',
    concepts: conceptsOf(entry),
    difficulty: Math.min(10, Math.max(1, Math.round(entry.difficulty ?? 1))),
    files: { starter: stub, solution: example, tests: test },
    hints: ladderOfHints(await read('.docs/hints.md'), solution!, starter!),
  };
  pack.set(
    `${base}exercise.md`,
    `---\n${stringify(front, { lineWidth: 0 })}---\n\n<!-- lang: en -->\n\n${body}\n\n<!-- lang: zh -->\n\n${body}\n`,
  );
  pack.set(base + stub, starter!);
  // Exercism's test runner turns `xtest` into `test` so that every test counts; so does Lantern.
  pack.set(base + test, tests!.replace(/\bxtest(?=\s*[(.])/g, 'test').replace(/\bxit(?=\s*\()/g, 'it'));
  pack.set(base + example, solution!);
  return undefined;
}

function conceptsOf(entry: PracticeEntry): string[] {
  const named = [...(entry.practices ?? []), ...(entry.practices?.length ? [] : (entry.prerequisites ?? []))];
  const ids = [...new Set(named.filter((c) => ID.test(c)))];
  return ids.length ? ids : [GENERAL.id];
}

function trackFor(
  config: TrackConfig,
  slug: string,
  language: Language,
  exercises: PracticeEntry[],
  license: string | undefined,
): Track {
  const languageName = config.language ?? language;
  const names = new Map((config.concepts ?? []).map((c) => [c.slug, c.name ?? c.slug]));
  // The concepts practised, and those the exercises build on (so the order is kept).
  const used = [
    ...new Set(
      exercises.flatMap((e) => [...conceptsOf(e), ...(e.prerequisites ?? []).filter((c) => ID.test(c))]),
    ),
  ];
  const concepts: Concept[] = used.map((id) =>
    id === GENERAL.id && !names.has(id)
      ? { ...GENERAL, prerequisites: [] }
      : { id, title: { en: names.get(id) ?? id, zh: names.get(id) ?? id }, prerequisites: [] },
  );
  // A concept requires what the exercises practising it list as prerequisites, and what
  // Exercism's concept exercises list, as far as those concepts are in the pack and add no cycle.
  const edges = [
    ...exercises.flatMap((e) =>
      conceptsOf(e).flatMap((c) => (e.prerequisites ?? []).map((p) => [c, p] as const)),
    ),
    ...(config.exercises?.concept ?? []).flatMap((e) =>
      (e.concepts ?? []).flatMap((c) => (e.prerequisites ?? []).map((p) => [c, p] as const)),
    ),
  ];
  for (const [concept, prerequisite] of edges) {
    const node = concepts.find((c) => c.id === concept);
    if (
      !node ||
      concept === prerequisite ||
      !used.includes(prerequisite) ||
      node.prerequisites.includes(prerequisite)
    )
      continue;
    node.prerequisites.push(prerequisite);
    if (prerequisiteCycles({ concepts }).length) node.prerequisites.pop();
  }

  const units = BANDS.map(({ unit, upTo }, i) => ({
    ...unit,
    lessons: exercises
      .filter((e) => {
        const d = Math.min(10, Math.max(1, Math.round(e.difficulty ?? 1)));
        return d <= upTo && d > (BANDS[i - 1]?.upTo ?? 0);
      })
      .map((e) => e.slug),
  })).filter((unit) => unit.lessons.length);

  return {
    id: `exercism-${slug}`,
    title: { en: `${languageName} (Exercism)`, zh: `${languageName}（Exercism）` },
    description: {
      en: `Practice exercises imported from the Exercism ${languageName} track. The text is in English.`,
      zh: `从 Exercism ${languageName} 课程导入的练习。说明文字为英文。`,
    },
    language,
    concepts,
    units,
    source: {
      name: `Exercism ${languageName} track`,
      url: `https://github.com/exercism/${slug}`,
      ...(license && /\bMIT License\b/i.test(license) ? { license: 'MIT' } : {}),
    },
    untranslated: ['zh'],
  };
}

async function readJson<T>(path: string, shown: string, errors: ContentError[]): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    errors.push(problem({ file: shown }, 'exercism-no-file', { file: shown }));
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    errors.push(problem({ file: shown }, 'not-json', { detail: (error as Error).message }));
    return undefined;
  }
}
