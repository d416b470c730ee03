/**
 * A practice problem's page says why the learner is given it, as Up next and the weak-spot list
 * do: a struggling learner reads the checks they missed, a learner with checked work reads what
 * the model expects of them on this problem, and a learner with nothing checked on its concept
 * is told it is not yet assessed, never a percentage. Both languages have the words.
 */
import { describe, expect, it } from 'vitest';
import { practiceHandlers, type PracticeDeps } from '../../../electron/core/api/practice-handlers.ts';
import type { ConceptMastery } from '../../../electron/core/learner/model-records.ts';
import type { PracticeTarget } from '../../../electron/core/learner/learner-model.ts';
import type { Exercise } from '../../../shared/content/schema.ts';
import type { CallContext } from '../../../shared/api/dispatch.ts';
import { REASON_CODES } from '../../../shared/api/calls/learner.ts';
import en from '../../../shared/i18n/locales/en/learner.json' with { type: 'json' };
import zh from '../../../shared/i18n/locales/zh/learner.json' with { type: 'json' };
import { smallTrack, catalogOf } from './helpers.ts';

const ctx: CallContext = { emit: () => undefined };

const problem = (difficulty: number) =>
  ({
    id: 'gen-loops-1',
    type: 'exercise',
    language: 'python',
    title: { en: 'Count up', zh: '数数' },
    body: { en: 'Count.', zh: '数。' },
    starter: '',
    solution: 'print(1)',
    hints: [],
    concepts: ['loops'],
    difficulty,
  }) as unknown as Exercise;

function handlers(o: {
  mastery: ConceptMastery[] | undefined;
  targets?: PracticeTarget[];
  difficulty?: number;
}) {
  const stored = {
    exercise: problem(o.difficulty ?? 5),
    track: 'python',
    concept: 'loops',
    source: 'model' as const,
    servedAt: 1,
  };
  return practiceHandlers({
    practiceCatalog: catalogOf(smallTrack('python')),
    practiceStore: { get: (id: string) => (id === stored.exercise.id ? stored : undefined) },
    progress: { exerciseProgress: () => undefined },
    givenProblems: { give: () => undefined, list: () => [] },
    profileId: () => 1,
    conceptMastery: async () => o.mastery,
    practiceTargets: async () => o.targets,
    practiceDifficulty: async () => 5,
    verifier: { warm: async () => undefined },
  } as unknown as PracticeDeps);
}

const loops = (ability: number, evidence: number): ConceptMastery => ({
  track: 'python',
  concept: 'loops',
  ability,
  mastery: 0.5,
  evidence,
  updatedAt: 0,
});

describe('why this practice problem', () => {
  it('tells a learner who missed checks on its concept about them', async () => {
    const view = await handlers({
      mastery: [loops(-1, 3)],
      targets: [
        {
          concept: 'loops',
          difficulty: 3,
          review: false,
          reason: { code: 'missed-checks', concept: 'loops', count: 4 },
        },
      ],
    }).getPracticeProblem({ id: 'gen-loops-1' }, ctx);
    expect(view.reason).toMatchObject({ code: 'missed-checks', concept: 'loops', count: 4 });
    expect(view.reason?.conceptTitle).toEqual({ en: 'loops', zh: 'loops' });
  });

  it('gives a learner with checked work the chance the model gives them on this problem', async () => {
    // Ability 1 on a difficulty-5 problem (rating −0.25): σ(1.25) = 0.777 → 78 %.
    const view = await handlers({ mastery: [loops(1, 4)], difficulty: 5 }).getPracticeProblem(
      { id: 'gen-loops-1' },
      ctx,
    );
    expect(view.reason).toMatchObject({ code: 'practice-level', concept: 'loops', percent: 78 });
  });

  it('says the concept is not yet assessed, without a percentage, when nothing checked it', async () => {
    const view = await handlers({ mastery: [loops(0.4, 0)] }).getPracticeProblem({ id: 'gen-loops-1' }, ctx);
    expect(view.reason).toEqual({
      code: 'practice-first',
      concept: 'loops',
      conceptTitle: { en: 'loops', zh: 'loops' },
    });
  });

  it('gives no reason on a track the learner model does not know', async () => {
    const view = await handlers({ mastery: undefined }).getPracticeProblem({ id: 'gen-loops-1' }, ctx);
    expect(view.reason).toBeUndefined();
  });

  it('has words for both in English and Chinese, the percentage only where there is evidence', () => {
    expect(REASON_CODES).toContain('practice-level');
    expect(REASON_CODES).toContain('practice-first');
    for (const words of [en.learner.reason, zh.learner.reason]) {
      expect(words['practice-level']).toContain('{{percent}}%');
      expect(words['practice-first']).not.toContain('{{percent}}');
      expect(words['practice-first']).toContain('{{concept}}');
    }
  });
});
