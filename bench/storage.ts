/**
 * Storage figures (issue 6, Performance), each printed beside its target and the anchor measured
 * with bare better-sqlite3 on this machine (WAL, synchronous=NORMAL):
 *   - recording an attempt with its mastery update (median; target ≤ 1 ms)
 *   - the dashboard's queries for a learner with 100,000 attempts (together; target ≤ 50 ms)
 *   - database size per attempt, code snapshots included (target ≤ 2 KB)
 *   - importing 300 learners' reports of 1,000 attempts each and the class overview (≤ 5 s)
 * Run: node bench/storage.ts   (or npm run bench storage)
 */
import fs from 'node:fs';
import { DashboardQueries } from '../electron/core/learner/dashboard.ts';
import { masteryFigure } from '../shared/api/calls/learner.ts';
import {
  COURSE,
  attemptOf,
  benchStore,
  median,
  percentile,
  timeMs,
  type BenchStore,
} from './_storage-fixtures.ts';

const ms = (v: number) => `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`;
const row = (label: string, value: string, target: string, anchor: string) =>
  console.log(`${label.padEnd(44)} ${value.padStart(12)}   target ${target.padEnd(9)} anchor ${anchor}`);

/** The anchors, re-measured here so the figures compare like with like. */
function anchors(): { insertMs: number; aggregateMs: number } {
  const s = benchStore('anchor');
  try {
    s.db.exec(
      'CREATE TABLE a (id INTEGER PRIMARY KEY, p INTEGER, ex TEXT, status TEXT, code BLOB, at INTEGER)',
    );
    const insert = s.db.prepare('INSERT INTO a (p, ex, status, code, at) VALUES (?, ?, ?, ?, ?)');
    const code = Buffer.alloc(300, 7);
    const times: number[] = [];
    for (let i = 0; i < 3000; i++) times.push(timeMs(() => insert.run(1, `ex${i % 60}`, 'fail', code, i)));
    s.db.transaction(() => {
      for (let i = 0; i < 300_000; i++) insert.run(i % 30, `ex${i % 60}`, i % 5 ? 'fail' : 'pass', null, i);
    })();
    const group = s.db.prepare("SELECT ex, count(*), sum(status = 'pass'), max(at) FROM a GROUP BY ex");
    const agg = [0, 1, 2].map(() => timeMs(() => group.all()));
    return { insertMs: median(times.slice(500)), aggregateMs: median(agg) };
  } finally {
    s.close();
  }
}

function recordingAnAttempt(anchor: number): void {
  const s = benchStore('record');
  try {
    const learner = s.profiles.create('Ana').id;
    const start = Date.now() - 30 * 86_400_000;
    const times: number[] = [];
    for (let n = 0; n < 3000; n++) {
      const input = attemptOf(learner, n, start);
      times.push(timeMs(() => s.model.recordAttempt(input)));
    }
    const steady = times.slice(500);
    row(
      'record an attempt + mastery update (median)',
      ms(median(steady)),
      '≤ 1 ms',
      `${ms(anchor)} bare insert (issue: 44 µs)`,
    );
    row('  … 95th percentile', ms(percentile(steady, 95)), '', '');
  } finally {
    s.close();
  }
}

/** Fills one learner with `n` attempts as the app records them (batched only to save setup time). */
function fill(s: BenchStore, learner: number, n: number, start: number): void {
  const batch = s.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) s.model.recordAttempt(attemptOf(learner, i, start));
  });
  for (let i = 0; i < n; i += 1000) batch(i, Math.min(n, i + 1000));
}

async function dashboardAndSize(anchor: number): Promise<void> {
  const s = benchStore('dashboard');
  try {
    const learner = s.profiles.create('Ana').id;
    const other = s.profiles.create('Ben').id;
    const N = 100_000;
    const start = Date.now() - N * 180_000;
    fill(s, learner, N, start);
    fill(s, other, 5_000, start); // someone else's rows in the same tables
    for (let i = 0; i < 2000; i++) s.progress.heartbeat(learner, { at: Date.now() - (2000 - i) * 60_000 });

    const dashboard = await dashboardCall(s, learner);
    await dashboard(); // first run prepares the statements
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = process.hrtime.bigint();
      await dashboard();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    row(
      `dashboard, all queries, ${N.toLocaleString('en')} attempts`,
      ms(median(times)),
      '≤ 50 ms',
      `${ms(anchor)} grouped aggregate over 300,000 rows (issue: 270 ms)`,
    );

    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const attempts = s.db.prepare('SELECT count(*) FROM attempt').pluck().get() as number;
    const bytes = fs.statSync(s.file).size;
    const code = s.db.prepare('SELECT avg(length(code)) FROM attempt').pluck().get() as number;
    row(
      'database size per attempt (all tables)',
      `${(bytes / attempts / 1024).toFixed(2)} KB`,
      '≤ 2 KB',
      `${(bytes / 1048576).toFixed(1)} MB for ${attempts.toLocaleString('en')} attempts`,
    );
    row(
      '  … stored code snapshot (deflated), mean',
      `${Math.round(code)} B`,
      '',
      `raw snapshot ~${Math.round(avgRawCode())} B`,
    );
  } finally {
    s.close();
  }
}

function avgRawCode(): number {
  let total = 0;
  for (let i = 0; i < 1000; i++) total += Buffer.byteLength(attemptOf(1, i, 0).code ?? '');
  return total / 1000;
}

/** The Progress page's getDashboard handler when it exists; otherwise its queries directly. */
async function dashboardCall(s: BenchStore, learner: number): Promise<() => Promise<unknown>> {
  try {
    const { progressHandlers } = await import('../electron/core/api/progress-handlers.ts');
    const handlers = progressHandlers({
      reports: {
        db: s.db,
        profiles: s.profiles,
        progress: s.progress,
        model: s.model,
        courseOf: () => COURSE,
        appVersion: 'bench',
      },
      contentReady: Promise.resolve(),
      profileId: () => learner,
    });
    return async () => handlers.getDashboard({}, { emit: () => undefined });
  } catch (err) {
    console.log(
      `(getDashboard handler not available: ${(err as Error).message}; timing its queries directly)`,
    );
    const queries = new DashboardQueries(s.db, s.progress);
    return async () =>
      queries.dashboard(learner, {
        mastery: s.model.mastery(learner, 'python').map((m) => ({ ...m, ...masteryFigure(m) })),
      });
  }
}

async function classImport(): Promise<void> {
  let reports: typeof import('../electron/core/reports/build-report.ts');
  let classes: typeof import('../electron/core/reports/classes.ts');
  try {
    reports = await import('../electron/core/reports/build-report.ts');
    classes = await import('../electron/core/reports/classes.ts');
  } catch (err) {
    console.log(`(class import not measured: ${(err as Error).message})`);
    return;
  }
  const LEARNERS = 300;
  const PER_LEARNER = 1000;
  const source = benchStore('reports');
  const files: { name: string; text: string }[] = [];
  try {
    const start = Date.now() - PER_LEARNER * 180_000;
    const src = {
      db: source.db,
      profiles: source.profiles,
      progress: source.progress,
      model: source.model,
      courseOf: () => COURSE,
      appVersion: 'bench',
    };
    for (let l = 0; l < LEARNERS; l++) {
      const id = source.profiles.create(`Learner ${l + 1}`).id;
      fill(source, id, PER_LEARNER, start + l * 1000);
      const report = reports.buildSignedReport(src, id);
      files.push({ name: `learner-${l + 1}.json`, text: JSON.stringify(report) });
    }
  } finally {
    source.close();
  }
  const teacher = benchStore('class');
  try {
    const c = new classes.Classes(teacher.db);
    const t = process.hrtime.bigint();
    const cls = c.create('Bench class');
    const outcomes = c.importReports(cls.id, files);
    const overview = c.overview(cls.id);
    const total = Number(process.hrtime.bigint() - t) / 1e6;
    const imported = outcomes.filter((o) => o.result === 'imported').length;
    const mb = files.reduce((n, f) => n + f.text.length, 0) / 1048576;
    row(
      `import ${LEARNERS} reports × ${PER_LEARNER} attempts + overview`,
      ms(total),
      '≤ 5000 ms',
      `${imported} imported, ${overview.learners.length} in overview, ${mb.toFixed(0)} MB of JSON`,
    );
  } finally {
    teacher.close();
  }
}

const a = anchors();
recordingAnAttempt(a.insertMs);
await dashboardAndSize(a.aggregateMs);
await classImport();
