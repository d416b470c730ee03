/**
 * The class view (issue 15): a class of 300 learners opens in ≤ 200 ms. Measured as the backend
 * answers getClassView (read the track's rows, build summary and matrix) plus the JSON the answer
 * travels as, median of 10 opens; printed beside the anchor of reading every stored report back
 * (gunzip + JSON.parse), which is what the view cost before it had rows of its own. The backend
 * keeps a built view until the class's data changes: the opens are timed as built (the first
 * after a change) and as kept (opened again with nothing changed).
 * Registered like every bench: bench/run.ts runs each file in bench/.
 * Each learner: a Python track of 60 exercises and 12 concepts, half also JavaScript, 400 checks,
 * 20 examples of failed code. Run: node bench/class-view.ts   (or npm run bench class-view)
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openDatabase } from '../electron/core/store/database.ts';
import { SettingsStore } from '../electron/core/store/settings.ts';
import { Classes } from '../electron/core/reports/classes.ts';
import { teacherKey } from '../electron/core/reports/teacher-key.ts';
import { MemorySigningKeys } from '../electron/core/reports/signing-keys.ts';
import { keyFingerprint, signReport } from '../electron/core/reports/signing.ts';
import type { ProgressReport, ReportTrack } from '../electron/core/reports/report-schema.ts';
import { callApi, launchBrowser, openPage, ROOT, startApp } from '../tests/e2e/harness.ts';

const LEARNERS = 300;
const OPENS = 10;
const DAY = 86_400_000;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const title = (s: string) => ({ en: s, zh: s });

function track(id: string, l: number, exercises: number, concepts: number): ReportTrack {
  return {
    id,
    title: title(id),
    exercisesTotal: exercises,
    concepts: Array.from({ length: concepts }, (_, c) => ({
      id: `${id}-c${c}`,
      title: title(`Concept ${c}`),
      mastery: (l + c) % 3 ? ((l * 7 + c * 13) % 100) / 100 : null,
      evidence: (l + c) % 3 ? 3 : 0,
      lastSeen: (l + c) % 3 ? iso(now - DAY) : null,
      confidence: (l + c) % 3 ? 'medium' : 'none',
    })),
    exercises: Array.from({ length: Math.min(exercises, 20 + (l % 40)) }, (_, e) => ({
      id: `${id}-ex${e}`,
      title: title(`Exercise ${e}`),
      completedAt: (l + e) % 4 ? iso(now - 2 * DAY) : null,
      runs: 3,
      checks: 2 + ((l + e) % 5),
      passes: (l + e) % 4 ? 1 : 0,
      hintsShown: (l + e) % 3,
      solutionRevealed: (l + e) % 17 === 0,
      activeMs: 60_000 * (1 + ((l + e) % 9)),
    })),
  };
}

function report(l: number, cls: { id: string; name: string; teacherKey: string }): ProgressReport {
  const tracks = [track('python', l, 60, 12), ...(l % 2 ? [track('javascript', l, 50, 10)] : [])];
  const attempts = Array.from({ length: 400 }, (_, a) => ({
    at: iso(now - DAY * 20 + a * 60_000 * 60),
    track: a % 3 && l % 2 ? 'javascript' : 'python',
    exercise: `python-ex${a % 30}`,
    kind: 'check' as const,
    status: (['pass', 'fail', 'error', 'fail', 'timeout'] as const)[(a + l) % 5]!,
    testsPassed: 1,
    testsTotal: 3,
    timeTakenMs: 40,
    hintsShown: 0,
    solutionRevealed: false,
    generated: false,
  }));
  return {
    format: 'lantern-progress-report',
    schemaVersion: 3,
    exportedAt: iso(now - 60_000),
    app: { name: 'Lantern', version: 'bench' },
    learner: {
      name: `Learner ${l + 1}`,
      profileCreatedAt: iso(now - 90 * DAY),
      studentId: `S-${10_000 + l}`,
    },
    class: cls,
    summary: {
      exercisesCompleted: 30,
      attempts: attempts.length,
      checks: attempts.length,
      activeMs: 3_600_000,
      hintsShown: 12,
      solutionsRevealed: 2,
      streakDays: 3,
      firstActiveAt: attempts[0]!.at,
      lastActiveAt: attempts.at(-1)!.at,
    },
    tracks,
    activity: [],
    attempts,
    errorExamples: Array.from({ length: 20 }, (_, x) => ({
      at: iso(now - x * DAY),
      track: 'python',
      exercise: `python-ex${x}`,
      kind: (['fail', 'error', 'timeout'] as const)[x % 3]!,
      code: `def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total ${'#'.repeat(200)}\n`,
    })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const row = (label: string, value: number, target: string, anchor: string) =>
  console.log(
    `${label.padEnd(46)} ${`${value.toFixed(1)} ms`.padStart(10)}   target ${target.padEnd(9)} ${anchor}`,
  );

const { db } = openDatabase(':memory:');
const classes = new Classes(db, teacherKey(new SettingsStore(db), new MemorySigningKeys()));
const { id: classId } = classes.create('Bench class');
const e = classes.enrolment(classId);
const cls = {
  id: e.classCode,
  name: e.className,
  teacherKey: keyFingerprint(JSON.parse(e.file.content).teacher.publicKey),
};
const files = Array.from({ length: LEARNERS }, (_, l) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signed = signReport(report(l, cls), privateKey, publicKey.export({ format: 'der', type: 'spki' }));
  return { name: `learner-${l + 1}.json`, text: JSON.stringify(signed) };
});
const outcomes = classes.importReports(classId, files);
const merged = outcomes.filter((o) => o.result === 'imported').length;

const rows = db.prepare('SELECT report FROM class_learner WHERE class_id = ?').pluck();
const readBack: number[] = [];
const open: number[] = [];
const other: number[] = [];
const again: number[] = [];
let bytes = 0;
let shown = 0;
for (let i = 0; i < OPENS; i++) {
  readBack.push(
    time(() => (rows.all(classId) as Buffer[]).map((b) => JSON.parse(gunzipSync(b).toString('utf8')))),
  );
  // Built: a fresh Classes keeps no view yet, as after an import or at the app's start.
  const fresh = new Classes(db);
  open.push(
    time(() => {
      const view = fresh.view(classId, undefined, () => undefined);
      bytes = JSON.stringify(view).length;
      shown = view.learners.length;
    }),
  );
  other.push(
    time(() => {
      JSON.stringify(fresh.view(classId, 'javascript', () => undefined));
    }),
  );
  // Kept: opened again with nothing changed since.
  again.push(
    time(() => {
      JSON.stringify(fresh.view(classId, undefined, () => undefined));
    }),
  );
}
console.log(
  `${merged} of ${LEARNERS} reports imported; the view answers ${(bytes / 1024).toFixed(0)} KB of JSON`,
);
row(
  `class view built, ${shown} learners (median)`,
  median(open),
  '≤ 200 ms',
  `anchor: read the stored reports back ${median(readBack).toFixed(1)} ms`,
);
row('switch to another track tab (median)', median(other), '≤ 200 ms', '');
row('class view kept, opened again (median)', median(again), '≤ 200 ms', '(the view kept built)');
db.close();

await inTheBrowser();

/**
 * Click to screen: the Teacher page opened in Chromium against web mode, until the matrix shows
 * every learner of the track and a frame is painted. Needs a built renderer (`npm run build`).
 */
async function inTheBrowser(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
    console.log('(browser figures skipped: no built renderer; run npm run build)');
    return;
  }
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const { id } = await callApi<{ id: number }>(app, 'createClass', { name: 'Bench class' });
    const e = await callApi<{ classCode: string; className: string; file: { content: string } }>(
      app,
      'getEnrolment',
      { classId: id },
    );
    const theirs = {
      id: e.classCode,
      name: e.className,
      teacherKey: keyFingerprint(
        (JSON.parse(e.file.content) as { teacher: { publicKey: string } }).teacher.publicKey,
      ),
    };
    let batch: { name: string; text: string }[] = [];
    let size = 0;
    const send = async () => {
      if (batch.length) await callApi(app, 'importReports', { classId: id, files: batch });
      batch = [];
      size = 0;
    };
    for (let l = 0; l < LEARNERS; l++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const text = JSON.stringify(
        signReport(report(l, theirs), privateKey, publicKey.export({ format: 'der', type: 'spki' })),
      );
      if (size + text.length > 4_000_000) await send();
      batch.push({ name: `learner-${l + 1}.json`, text });
      size += text.length;
    }
    await send();
    const page = await openPage(browser, app.launchUrl);
    await page.setViewportSize({ width: 1920, height: 1080 });
    // From the teacher's action, done in the page as the clock starts (a click through the
    // driver would add its own checks and round trips), until the rows are painted. The matrix
    // draws the rows in view; it holds them all once it says how many there are. Each look is
    // made in a frame's animation callbacks, before that frame is drawn; a task queued there
    // runs once the frame has been painted, which is when the teacher sees the rows.
    const rowsShown = (n: number, action: 'open Teacher' | 'click JavaScript tab') =>
      page.evaluate(
        async ([want, act]) => {
          const t0 = performance.now();
          if (act === 'open Teacher') location.hash = '#/teacher';
          else document.querySelector<HTMLElement>('#track-tab-javascript')!.click();
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const painted = () => new Promise((r) => setTimeout(r, 0));
          for (;;) {
            const table = document.querySelector(`[data-testid="class-matrix"][aria-rowcount="${want + 1}"]`);
            if (table?.querySelector('tbody tr:not(.spacer)')) break;
            await frame();
          }
          await painted();
          return performance.now() - t0;
        },
        [n, action] as const,
      );
    // The anchor: a page with little on it, the Learn page to its track cards painted.
    const learnShown = () =>
      page.evaluate(async () => {
        const t0 = performance.now();
        location.hash = '#/learn';
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const painted = () => new Promise((r) => setTimeout(r, 0));
        while (!document.querySelector('.track-card')) await frame();
        await painted();
        return performance.now() - t0;
      });
    // Five rounds at once, while the app still loads its runners and editor in the background
    // (a teacher who opens the Teacher page just after launch), then five once the page has had
    // no long task for a second and a half (a teacher who comes to it later).
    const round = async () => {
      const learns: number[] = [];
      const opens: number[] = [];
      const tabs: number[] = [];
      for (let i = 0; i < 5; i++) {
        learns.push(await learnShown());
        opens.push(await rowsShown(LEARNERS, 'open Teacher'));
        tabs.push(await rowsShown(LEARNERS / 2, 'click JavaScript tab'));
      }
      return { learns, opens, tabs, load: os.loadavg()[0]! };
    };
    const settle = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let quiet: ReturnType<typeof setTimeout>;
            const again = () => {
              clearTimeout(quiet);
              quiet = setTimeout(() => {
                observer.disconnect();
                resolve(performance.now() - 1500);
              }, 1500);
            };
            const observer = new PerformanceObserver(again);
            observer.observe({ type: 'longtask', buffered: false });
            location.hash = '#/learn';
            again();
          }),
      );
    const warming = await round();
    const settledAt = await settle();
    console.log(`the page had its last long task ${(settledAt / 1000).toFixed(1)} s after it loaded`);
    const settled = await round();
    // On a machine shared with other work the browser gets a fraction of a core: say how busy it was.
    for (const [when, r] of [
      ['while the app warms up', warming],
      ['app settled', settled],
    ] as const) {
      const load = `median of 5; load average ${r.load.toFixed(1)} on ${os.cpus().length} cores`;
      const anchor = `anchor: Learn page to track cards painted ${median(r.learns).toFixed(1)} ms (${load})`;
      row(
        `browser, ${when}: open Teacher page to ${LEARNERS} rows painted`,
        median(r.opens),
        '≤ 200 ms',
        anchor,
      );
      row(`browser, ${when}: click another track tab to rows painted`, median(r.tabs), '≤ 200 ms', anchor);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}
