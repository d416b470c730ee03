/**
 * The writer the crash-safety test kills: records attempts through the real ProgressStore and
 * learner model, as the app does, and prints `ack <attemptId>` on stdout after each commit.
 * Run: node crash-writer.ts <database file>
 */
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { COURSE, EXERCISES } from '../../unit/learner/fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node crash-writer.ts <database file>');
const { db } = openDatabase(file);
const profiles = new Profiles(db, new SettingsStore(db));
const profileId = (profiles.byName('Crash Test') ?? profiles.create('Crash Test')).id;
const progress = new ProgressStore(db);
const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
const graded = EXERCISES.filter((e) => e.type !== 'explanation');
// A realistic code snapshot, a little different each time so compression cannot fold them.
const code = (n: number) =>
  `def total(items):\n    s = 0\n    for x in items:\n        s += x * ${n}\n    return s\n`;

process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const exercise = graded[n % graded.length]!;
  if (n % 7 === 3) progress.recordHint(profileId, 'py', exercise.id, { level: 1, source: 'authored' });
  const { attemptId } = model.recordAttempt({
    profileId,
    track: 'py',
    exercise: exercise.id,
    kind: n % 3 === 0 ? 'run' : 'check',
    status: n % 2 === 0 ? 'pass' : 'fail',
    code: code(n),
    testsPassed: n % 2 === 0 ? 3 : 1,
    testsTotal: 3,
  });
  // Acknowledged only after the transaction committed: this is the promise the test checks.
  process.stdout.write(`ack ${attemptId}\n`);
  // Yield now and then so the pipe drains and the kill lands at varied points.
  if (n % 50 === 49) await new Promise((r) => setImmediate(r));
}
