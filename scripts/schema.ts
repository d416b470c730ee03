/** `npm run schema`: writes docs/schema/*.schema.json from the zod content schema. */
import fs from 'node:fs';
import path from 'node:path';
import { authorSchemas, schemaText } from '../shared/content/json-schema.ts';

const dir = path.resolve(import.meta.dirname, '../docs/schema');
fs.mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(authorSchemas())) {
  fs.writeFileSync(path.join(dir, file), schemaText(schema));
  console.log(`wrote docs/schema/${file}`);
}
