import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { authorSchemas, schemaText } from '../../../shared/content/json-schema.ts';

const DOCS = fileURLToPath(new URL('../../../docs/schema/', import.meta.url));

describe('the JSON Schemas for authors in docs/schema/', () => {
  test.each(Object.entries(authorSchemas()))(
    '%s matches the zod schema (run `npm run schema`)',
    (file, schema) => {
      const committed = fs.readFileSync(DOCS + file, 'utf8');
      expect(committed, `docs/schema/${file} is stale: run npm run schema`).toBe(schemaText(schema));
    },
  );

  test('the exercise schema rejects a misspelt field and requires both languages', () => {
    const exercise = authorSchemas()['exercise.schema.json'] as {
      additionalProperties: boolean;
      required: string[];
      properties: { title: { required: string[] } };
    };
    expect(exercise.additionalProperties).toBe(false);
    expect(exercise.required).toEqual(
      expect.arrayContaining(['id', 'title', 'type', 'concepts', 'difficulty']),
    );
    expect(exercise.properties.title.required).toEqual(['en', 'zh']);
  });

  test('every top-level field has a description for the editor to show', () => {
    for (const [file, schema] of Object.entries(authorSchemas())) {
      const properties = (schema as { properties: Record<string, { description?: string }> }).properties;
      const bare = Object.entries(properties)
        .filter(([, p]) => !p.description)
        .map(([name]) => name);
      expect(bare, file).toEqual([]);
    }
  });
});
