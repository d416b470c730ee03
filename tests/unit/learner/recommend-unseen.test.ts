/**
 * The recommender as different learners meet it: a beginner who skips the whole placement check
 * ("I don't know this yet"), one who has done the whole track, one who copied every solution,
 * and the words each reason is shown with, in English and Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import type { StepReason } from '../../../electron/core/learner/recommend.ts';
import { REASON_CODES } from '../../../shared/api/calls/learner.ts';
import { COURSE, addProfile, tempDatabase } from './fixtures.ts';

function setup() {
  const { db } = tempDatabase();
  let now = Date.UTC(2026, 0, 5, 9);
  const progress = new ProgressStore(db, { now: () => now });
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const learner = (name: string) => {
    const id = addProfile(db, name);
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
    const evidence = (concept: string) =>
      model.mastery(id, 'py').find((m) => m.concept === concept)?.evidence ?? 0;
    return { id, check, evidence };
  };
  return { model, progress, learner };
}

/** A reason may quote a mastery percentage only for a concept with checked attempts behind it. */
function expectNoFigureWithoutEvidence(reason: StepReason, evidence: (concept: string) => number) {
  if (reason.code === 'weakest') expect(evidence(reason.concept)).toBeGreaterThan(0);
}

describe('a beginner who skips the whole placement check', () => {
  it('starts at the track’s first exercise, with no percentage for what was never checked', () => {
    const m = setup();
    const bea = m.learner('Bea');
    m.model.applyPlacement(
      bea.id,
      'py',
      m.model.placementExercises('py').map((exercise) => ({ exercise, passed: false })),
    );
    m.progress.markCompleted(bea.id, 'py', 'intro');
    const step = m.model.nextBestStep(bea.id, 'py');
    expect(step).toMatchObject({
      kind: 'exercise',
      exercise: 'hello',
      reason: { code: 'next-in-track', concept: 'variables' },
    });
    const targets = m.model.practiceTargets(bea.id, 'py');
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expectNoFigureWithoutEvidence(t.reason, bea.evidence);
    // Skips are no evidence: practice is asked for at the level of a learner who never opened
    // the placement check.
    const fresh = m.learner('Fresh');
    expect(targets[0]).toMatchObject({
      concept: 'variables',
      difficulty: m.model.practiceTargets(fresh.id, 'py')[0]!.difficulty,
    });
  });
});

describe('learners at the ends of the track', () => {
  it('offers one who solved everything cleanly harder practice than one who copied every solution', () => {
    const m = setup();
    const ace = m.learner('Ace');
    const copier = m.learner('Copier');
    for (const e of COURSE.exercises) {
      if (e.type === 'explanation') {
        for (const who of [ace, copier]) m.progress.markCompleted(who.id, 'py', e.id);
        continue;
      }
      ace.check(e.id, 'pass');
      for (let i = 0; i < 3; i++) copier.check(e.id, 'fail');
      copier.check(e.id, 'pass', true);
    }
    const aceStep = m.model.nextBestStep(ace.id, 'py');
    const copierStep = m.model.nextBestStep(copier.id, 'py');
    // Everything authored is done: both get generated practice, never a finished exercise again.
    expect(aceStep.kind).toBe('practice');
    expect(copierStep.kind).toBe('practice');
    if (aceStep.kind !== 'practice' || copierStep.kind !== 'practice') return;
    expect(aceStep.difficulty).toBeGreaterThan(copierStep.difficulty);
    expect(copierStep.reason).toMatchObject({ code: 'missed-checks' });
    const [acePractice] = m.model.practiceTargets(ace.id, 'py');
    const [copierPractice] = m.model.practiceTargets(copier.id, 'py');
    expect(acePractice!.difficulty).toBeGreaterThan(copierPractice!.difficulty);
  });
});

describe('the words of every reason', () => {
  const catalog = (locale: string) =>
    JSON.parse(
      fs.readFileSync(path.resolve(__dirname, `../../../shared/i18n/locales/${locale}/learner.json`), 'utf8'),
    ) as { learner: { reason: Record<string, string> } };
  const PARAMS = new Set(['concept', 'count', 'percent', 'days']);

  it.each(['en', 'zh'])('%s has words for every reason code, using only the parameters sent', (locale) => {
    const words = catalog(locale).learner.reason;
    for (const code of REASON_CODES) {
      const forms = Object.entries(words).filter(([k]) => k === code || k.startsWith(`${code}_`));
      expect(forms.length, `${locale}: learner.reason.${code}`).toBeGreaterThan(0);
      for (const [, text] of forms) {
        expect(text.trim()).not.toBe('');
        for (const [, name] of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) expect(PARAMS).toContain(name);
      }
    }
  });
});
