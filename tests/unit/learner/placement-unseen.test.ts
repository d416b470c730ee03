/**
 * Placement is evidence only for what was solved, tried the way a learner after a better mark
 * would: skipping every question after real practice, "solving" a diagnostic by pasting the
 * revealed solution, and a page claiming passes the backend never recorded.
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { placementHandlers, type PlacementDeps } from '../../../electron/core/api/placement-handlers.ts';
import type { CallContext } from '../../../shared/api/dispatch.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { DashboardQueries } from '../../../electron/core/learner/dashboard.ts';
import { DAY_MS } from '../../../electron/core/learner/review-schedule.ts';
import { COURSE, tempDatabase } from './fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
const ctx: CallContext = { emit: () => undefined };

function machine() {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create('Ada').id;
  const check = (exercise: string, status: 'pass' | 'fail', solutionRevealed = false) =>
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise,
      kind: 'check',
      status,
      solutionRevealed,
      at: (now += 60_000),
    });
  const warnings: unknown[] = [];
  const placement = placementHandlers({
    learnerModel: model,
    progress,
    profiles,
    profileId: () => id,
    contentReady: Promise.resolve(),
    log: { warn: (o: unknown) => warnings.push(o) } as unknown as PlacementDeps['log'],
    curriculum: {} as PlacementDeps['curriculum'],
    verifier: { warm: async () => undefined },
  });
  /** What the Progress page shows: a figure only where there is evidence. */
  const figures = () =>
    Object.fromEntries(
      model
        .mastery(id, 'py')
        .map((m) => [m.concept, { figure: masteryFigure(m).mastery, evidence: m.evidence }]),
    );
  const report = () =>
    buildProgressReport(
      { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0' },
      id,
      (now += 60_000),
    );
  const advance = (ms: number) => (now += ms);
  return { db, id, model, progress, check, placement, figures, report, warnings, advance };
}

describe('placement is evidence only for what was solved', () => {
  it('a skipped question does not lower a figure that rests on checked attempts', async () => {
    const m = machine();
    for (const exercise of ['hello', 'sum', 'hello', 'sum', 'count', 'while-sum', 'count', 'while-sum'])
      m.check(exercise, 'pass');
    const before = m.figures();
    expect(before.variables!.evidence).toBeGreaterThan(0);
    expect(before.loops!.evidence).toBeGreaterThan(0);

    // The learner opens the placement check and skips every question.
    const diagnostics = m.model.placementExercises('py');
    await m.placement.applyPlacement(
      {
        trackId: 'py',
        results: diagnostics.map((exerciseId) => ({ exerciseId, passed: false })),
      },
      ctx,
    );
    const after = m.figures();
    // What eight passed checks say stays what the learner sees: a skip is no evidence.
    expect(after.variables).toEqual(before.variables);
    expect(after.loops).toEqual(before.loops);
  });

  it('a diagnostic "solved" by pasting the revealed solution does not raise mastery', async () => {
    const m = machine();
    // Three failed checks open the solution; the learner pastes it and the check passes.
    for (let i = 0; i < 3; i++) m.check('count', 'fail');
    m.check('count', 'pass', true);
    const before = m.figures();
    expect(before.loops!.figure).toBeLessThan(0.5);
    await m.placement.applyPlacement(
      { trackId: 'py', results: [{ exerciseId: 'count', passed: true }] },
      ctx,
    );
    expect(m.figures()).toEqual(before);
    const loops = m.report().tracks[0]!.concepts.find((c) => c.id === 'loops')!;
    expect(loops.mastery).toBeLessThan(0.5);
  });

  it('a page claiming a pass the backend never recorded moves nothing', async () => {
    const m = machine();
    m.check('count', 'fail');
    const before = m.figures();
    await m.placement.applyPlacement(
      {
        trackId: 'py',
        results: m.model.placementExercises('py').map((exerciseId) => ({ exerciseId, passed: true })),
      },
      ctx,
    );
    expect(m.figures()).toEqual(before);
    expect(m.warnings.length).toBeGreaterThan(0);
  });

  it('sends a placed learner on, not back to "review" concepts they were never checked on', async () => {
    const m = machine();
    // An experienced learner solves the functions diagnostic cleanly; placement raises what it
    // rests on (variables, loops) without any check of them.
    m.progress.markCompleted(m.id, 'py', 'intro');
    m.check('def-add', 'pass');
    await m.placement.applyPlacement(
      { trackId: 'py', results: [{ exerciseId: 'def-add', passed: true }] },
      ctx,
    );
    expect(m.figures().variables).toEqual({ figure: null, evidence: 0 });

    m.advance(2 * DAY_MS);
    const dashboard = new DashboardQueries(m.db, m.progress).dashboard(m.id, { now: m.progress.now() });
    const assessed = new Set(
      Object.entries(m.figures())
        .filter(([, f]) => f.evidence > 0)
        .map(([c]) => c),
    );
    // "Review due: Variables. You mastered it" beside "Variables: not yet assessed" contradicts itself.
    for (const due of dashboard.dueReviews) expect(assessed).toContain(due.concept);
    const step = m.model.nextBestStep(m.id, 'py');
    if (step.reason.code === 'review-due') expect(assessed).toContain(step.reason.concept);
  });
});
