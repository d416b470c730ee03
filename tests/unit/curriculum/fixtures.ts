/** Loads a fixture pack into memory, so a test can break one line of it and load it again. */
import { fileURLToPath } from 'node:url';
import { readPack, textOf } from '../../../electron/core/curriculum/pack-files.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const PACKS = `${FIXTURES}packs/`;

export async function fixtureFiles(name: string): Promise<Map<string, string>> {
  const read = await readPack(PACKS + name);
  if ('errors' in read) throw new Error(`fixture ${name}: ${read.errors[0]?.message}`);
  return new Map(textOf(read.files));
}

/** A copy of `files` with `find` replaced by `replace` in one file (which must contain it). */
export function edit(
  files: Map<string, string>,
  path: string,
  find: string,
  replace: string,
): Map<string, string> {
  const text = files.get(path);
  if (text === undefined || !text.includes(find)) throw new Error(`fixture edit: "${find}" not in ${path}`);
  return new Map(files).set(path, text.replace(find, replace));
}
