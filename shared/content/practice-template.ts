/**
 * The format of a practice template file (exercises/practice-templates/<language>/<concept>.yaml):
 * parameterised exercises the offline generator turns into fresh practice problems from a seed.
 * See docs/content-format.md ("Practice templates") and decision 0050.
 *
 * Every text may hold `${expression}` placeholders; a text that is one placeholder alone gives the
 * expression's value as it is (a number, a list, a function), not as text. The expressions are a
 * small part of JavaScript, checked and evaluated by electron/core/practice/templates/.
 */
import { z } from 'zod';

/** The folder of the built-in exercises/ that holds the template files, not a track. */
export const PRACTICE_TEMPLATES_FOLDER = 'practice-templates';

const Text = z.string();
const Bilingual = z.strictObject({
  en: z.string().min(1, 'English text is empty'),
  zh: z.string().min(1, 'Chinese text is empty'),
});

/** A list item written `...${expression}` stands for every item of the list the expression gives. */
const PythonTest = Text;
const JavaScriptTest = z.union([z.strictObject({ name: Text, body: Text }), Text]);

const FunctionShape = z.strictObject({
  name: Text,
  params: Text,
  /** The body, without its indentation (the generator indents it). */
  body: Text,
  /** An expression giving the cases: a list of { args: [...], expected }. The first is the example. */
  cases: Text,
});

const WrittenShape = z.strictObject({
  /** Code shown under the task. */
  example: Text,
  starter: Text,
  solution: Text,
  /** The whole test file, or what it imports and its tests (the generator writes the rest). */
  tests: z.union([
    Text,
    z.strictObject({
      /** The name the tests import from the module. */
      import: Text,
      /** Python: one test method body each; JavaScript: { name, body } each. Bodies unindented. */
      cases: z.array(z.union([PythonTest, JavaScriptTest])).min(1, 'write at least one test'),
    }),
  ]),
});

export const PracticeTemplate = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^(py|js)-[a-z0-9]+(-[a-z0-9]+)*$/,
        'must start with py- or js- and use lowercase letters, digits and dashes',
      ),
    module: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a module name: letters, digits, _'),
    difficulty: z.number().int().min(1).max(10),
    /** Named values, worked out in order: each an expression; random draws happen in this order. */
    let: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'must be a name'), Text).optional(),
    /** Variants a template picks from with `pick(themes)`; their texts are filled in when first used. */
    themes: z.array(z.record(z.string(), z.unknown())).min(1).optional(),
    title: Bilingual,
    task: Bilingual,
    function: FunctionShape.optional(),
    written: WrittenShape.optional(),
    hints: z.array(Bilingual).length(4, 'write exactly four hints, from a nudge to the shape of the answer'),
  })
  .superRefine((template, ctx) => {
    if (!template.function === !template.written)
      ctx.addIssue({
        code: 'custom',
        path: ['function'],
        message: 'give either `function` (one function checked on cases) or `written` (tests written out)',
      });
  });
export type PracticeTemplate = z.infer<typeof PracticeTemplate>;

export const PracticeTemplateFile = z.strictObject({
  /** Lists of plain values every template of the file can use by name. */
  pools: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'must be a name'), z.array(z.unknown())).optional(),
  templates: z.array(PracticeTemplate).min(1, 'write at least one template'),
});
export type PracticeTemplateFile = z.infer<typeof PracticeTemplateFile>;
