/**
 * The JSON Schemas authors point their editor at (docs/schema/), generated from the zod schema so
 * the two never disagree. `npm run schema` writes them; a unit test fails when they are stale.
 */
import { z } from 'zod';
import { ExerciseFrontMatter, Track } from './schema.ts';
import { PracticeTemplateFile } from './practice-template.ts';

const BASE = 'https://lantern.invalid/schema/';

/** What an editor shows when hovering a field (the zod schema keeps its comments in code). */
const EXERCISE_FIELDS: Record<string, string> = {
  id: 'Unique in the track: lowercase letters, digits and dashes, e.g. "leap-year".',
  title: 'The title in English (en) and Simplified Chinese (zh).',
  type: 'explanation, exercise, predict (predict the output), quiz (multiple choice), trace (step through and predict a value) or parsons (put given lines in order).',
  concepts: 'Concept ids from track.yaml that this step practises.',
  difficulty: 'From 1 (first steps) to 10.',
  language: "The code's language; defaults to the track's.",
  module: 'The module name the tests import (`from leap import ...`, `./leap`). Default "solution".',
  starter: 'The code the learner starts from; for predict, the code to read.',
  starterComments:
    'Each comment of the starter as { en, zh }, en as the starter writes it: a learner reads the comments in the interface language.',
  solution:
    'The reference solution: it must pass every test. parsons: the lines in their right order (Python indented by 4 spaces a level).',
  tests: 'The test file: Python unittest or test_ functions, or Jest-style specs. The starter must fail one.',
  cases:
    'Program-output exercise, instead of tests: each case gives the lines typed in (stdin) and the output the program must print.',
  hints:
    'At least 3 for an exercise, from a nudge to the shape of the answer; none may contain a solution line.',
  expectedOutput: 'predict: exactly what the code prints (trailing whitespace ignored).',
  choices:
    'quiz: at least 2 choices, at least one with correct: true; each with an explanation { en, zh } of why it is right or wrong, shown after the learner picks it.',
  trace:
    'trace: { line, hit (default 1), variable, answer }: when `line` is about to run for the `hit`-th time, `variable` is `answer` (as the language prints it).',
  distractors:
    "parsons: lines shown with the solution's that the program does not need; each must differ from every solution line.",
  timeLimitMs: 'Time limit per run in milliseconds (100 to 60000, default 5000).',
  files: 'Folder exercises: the starter, solution and tests files, relative to the exercise folder.',
};
const TRACK_FIELDS: Record<string, string> = {
  id: 'Unique among tracks and packs: lowercase letters, digits and dashes.',
  title: 'The track title in English (en) and Simplified Chinese (zh).',
  description: 'One or two sentences about the track, in English (en) and Simplified Chinese (zh).',
  language: 'python, javascript or typescript.',
  concepts: 'The concepts, each with the concept ids it builds on (prerequisites; no cycles).',
  units: 'The units in order, each listing its lesson ids in the order a learner meets them.',
  source: 'Where imported content came from, for attribution.',
  untranslated:
    'The language the text is not written in: [zh] for an English-only pack, [en] for a Chinese-only one. Each text may then be written once.',
};

const TEMPLATE_FIELDS: Record<string, string> = {
  pools: 'Lists of plain values (names, words) every template of the file can use by name.',
  templates:
    'The templates: each with id, module, difficulty, let (named values worked out in order), themes, title, task, function or written, and four hints. Texts may hold ${expression} placeholders. See docs/content-format.md#practice-templates.',
};

function authorSchema(
  schema: z.ZodType,
  file: string,
  title: string,
  description: string,
  fields: Record<string, string>,
) {
  // `input`: what an author writes, so fields with defaults are optional.
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  const properties = Object.fromEntries(
    Object.entries(generated.properties ?? {}).map(([name, property]) => [
      name,
      fields[name] ? { description: fields[name], ...property } : property,
    ]),
  );
  return { ...generated, properties, $id: BASE + file, title, description };
}

/** File name in docs/schema/ → schema. */
export function authorSchemas(): Record<string, object> {
  return {
    'track.schema.json': authorSchema(
      Track,
      'track.schema.json',
      'Lantern track',
      'track.yaml at the top of a Lantern track or content pack. See docs/content-format.md.',
      TRACK_FIELDS,
    ),
    'exercise.schema.json': authorSchema(
      ExerciseFrontMatter,
      'exercise.schema.json',
      'Lantern exercise front matter',
      'The YAML front matter of a lesson file (lessons/<name>.md or lessons/<id>/exercise.md). See docs/content-format.md.',
      EXERCISE_FIELDS,
    ),
    'practice-templates.schema.json': authorSchema(
      PracticeTemplateFile,
      'practice-templates.schema.json',
      'Lantern practice templates',
      'A file of offline practice templates: exercises/practice-templates/<language>/<concept>.yaml. See docs/content-format.md#practice-templates.',
      TEMPLATE_FIELDS,
    ),
  };
}

/** The text written to a schema file: stable, so a diff shows a real change. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
