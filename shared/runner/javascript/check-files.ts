/**
 * The files of a Check, named and loaded in one place: the Check (index.ts) and "Visualise this
 * test" (trace/javascript.ts) must give the test file the same test API and the same imports, or
 * a test that passes in one fails in the other.
 */
import type { Language } from '../../content/schema.ts';
import { compile, fileName, resolveImport, type SourceFile } from './compile.ts';
import { bindTestApi } from './test-file.ts';

export interface CheckNames {
  /** `leap.js`: the learner's module. */
  learner: string;
  /** `leap.test.js`: the exercise's tests. */
  test: string;
}

export function checkNames(module: string, language: Language): CheckNames {
  return { learner: fileName(module, language), test: fileName(module, language, '.test') };
}

/** The exercise's test file, compiled, with its test API bound. Throws CompileError. */
export function loadTestFile(names: CheckNames, tests: string | undefined, language: Language): SourceFile {
  const compiled = compile(names.test, tests ?? '', language);
  return { ...compiled, code: bindTestApi(compiled.code) };
}

/** What an import resolves to: the test file may reach the test API, learner code may not. */
export function resolverFor(names: CheckNames): (specifier: string, importer: string) => string | null {
  return (specifier, importer) => resolveImport(specifier, names.learner, importer === names.test);
}
