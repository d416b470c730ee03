/**
 * Makes a Python start-up snapshot (shared/runner/python/boot.ts) and writes it to the path given
 * as its argument, through a temporary file and a rename, so a runner never reads half a file.
 * Runs only Lantern's own code; started by python-snapshot.ts.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePythonSnapshot } from '../../../shared/runner/python/boot.ts';
import { answerConstantsBinding } from './permission-glue.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-snapshot.ts <output file>');
answerConstantsBinding(process);
const { loadPyodide } = await import('pyodide');
const indexURL = path.dirname(fileURLToPath(import.meta.resolve('pyodide'))) + path.sep;
const snapshot = await makePythonSnapshot(loadPyodide, indexURL);
const temporary = `${out}.${process.pid}.tmp`;
try {
  writeFileSync(temporary, snapshot);
  renameSync(temporary, out);
} finally {
  rmSync(temporary, { force: true });
}
