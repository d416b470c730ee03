/**
 * xAPI statements for a learning record store, checked with Learning Locker's xAPI validation
 * library (decision 0041): every statement must be one an LRS accepts.
 */
import { describe, expect, it } from 'vitest';
import validateStatement from '@learninglocker/xapi-validation';
import { REVEALED_FACTOR } from '../../../electron/core/reports/grades.ts';
import type { GradebookInput, GradebookLearner } from '../../../electron/core/reports/lms-gradebook.ts';
import {
  DEFAULT_HOME_PAGE,
  VERBS,
  xapiFile,
  xapiStatements,
  type XapiStatement,
} from '../../../electron/core/reports/xapi.ts';
import { COURSE } from '../learner/fixtures.ts';

const learner = (over: Partial<GradebookLearner>): GradebookLearner => ({
  key: 'key:0123456789abcdef',
  name: '王小明',
  verification: 'verified',
  exportedAt: '2026-03-10T13:00:00.000Z',
  exercisesCompleted: 1,
  tracks: [
    {
      id: 'py',
      exercises: [
        { id: 'hello', completedAt: '2026-03-10T12:05:00.000Z' },
        { id: 'sum', completedAt: null },
      ],
    },
  ],
  evidence: [
    {
      track: 'py',
      exercise: 'hello',
      credit: 1,
      checks: 2,
      firstAt: '2026-03-10T12:01:00.000Z',
      lastAt: '2026-03-10T12:05:00.000Z',
      passedAt: '2026-03-10T12:05:00.000Z',
      revealed: false,
    },
    {
      track: 'py',
      exercise: 'sum',
      credit: 0.5,
      checks: 1,
      firstAt: '2026-03-10T12:07:00.000Z',
      lastAt: '2026-03-10T12:07:00.000Z',
      passedAt: null,
      revealed: false,
    },
  ],
  ...over,
});

const input = (learners: GradebookLearner[]): GradebookInput => ({
  className: '7B',
  learners,
  courseOf: (t) => (t === 'py' ? COURSE : undefined),
});

const problems = (s: XapiStatement) =>
  validateStatement(JSON.parse(JSON.stringify(s))).map((w) => `${w.path.join('.')}: ${w.constructor.name}`);

describe('xAPI statements', () => {
  it('says attempted, passed and completed per exercise, each a statement an LRS accepts', () => {
    const statements = xapiStatements(input([learner({ studentId: 'S1001' })]), {
      homePage: 'https://school.example',
    });
    for (const s of statements) expect(problems(s)).toEqual([]);
    expect(statements.map((s) => [s.verb.id, s.object.id, s.timestamp])).toEqual([
      [
        VERBS.attempted,
        'https://school.example/lantern/tracks/py/exercises/hello',
        '2026-03-10T12:01:00.000Z',
      ],
      [VERBS.passed, 'https://school.example/lantern/tracks/py/exercises/hello', '2026-03-10T12:05:00.000Z'],
      [
        VERBS.completed,
        'https://school.example/lantern/tracks/py/exercises/hello',
        '2026-03-10T12:05:00.000Z',
      ],
      [VERBS.attempted, 'https://school.example/lantern/tracks/py/exercises/sum', '2026-03-10T12:07:00.000Z'],
    ]);
    expect(statements[0]!.actor).toEqual({
      objectType: 'Agent',
      name: '王小明',
      account: { homePage: 'https://school.example', name: 'S1001' },
    });
    expect(statements[1]!.result).toEqual({
      success: true,
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
    });
    expect(statements[3]!.result).toEqual({
      success: false,
      score: { scaled: 0.5, raw: 50, min: 0, max: 100 },
    });
    expect(statements[0]!.context.contextActivities.parent[0]!.id).toBe(
      'https://school.example/lantern/tracks/py',
    );
  });

  it('names a learner who gave an e-mail by mbox, and one without an ID by their key, with a warning', () => {
    const file = xapiFile(
      input([
        learner({ name: 'Ada', studentId: 'ada@school.example' }),
        learner({ name: 'Bo', key: 'key:fedcba9876543210' }),
      ]),
      {},
      '2026-03-10',
    );
    const statements = JSON.parse(file.content) as XapiStatement[];
    for (const s of statements) expect(problems(s)).toEqual([]);
    expect(statements.find((s) => s.actor.name === 'Ada')!.actor).toEqual({
      objectType: 'Agent',
      name: 'Ada',
      mbox: 'mailto:ada@school.example',
    });
    expect(statements.find((s) => s.actor.name === 'Bo')!.actor.account).toEqual({
      homePage: DEFAULT_HOME_PAGE,
      name: 'key:fedcba9876543210',
    });
    expect(file.name).toBe('gradebook-7B-xapi-2026-03-10.json');
    expect(file.warnings).toEqual([
      { code: 'no-student-id', names: ['Bo'], leftOut: false },
      { code: 'default-home-page', homePage: DEFAULT_HOME_PAGE },
    ]);
  });

  it('sends nothing for a learner whose report is unsigned: it may have been edited', () => {
    const file = xapiFile(
      input([
        learner({ studentId: 'S1' }),
        learner({ name: 'Bo', studentId: 'S2', verification: 'unsigned' }),
      ]),
      { homePage: 'https://school.example' },
      '2026-03-10',
    );
    const statements = JSON.parse(file.content) as XapiStatement[];
    expect(new Set(statements.map((s) => s.actor.name))).toEqual(new Set(['王小明']));
    expect(file.warnings).toEqual([{ code: 'unsigned', names: ['Bo'] }]);
  });

  it('gives the same statement the same id on every export, and different statements different ids', () => {
    const a = xapiStatements(input([learner({ studentId: 'S1' })]));
    const b = xapiStatements(input([learner({ studentId: 'S1' })]));
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id));
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
  });

  it('is checked by a validator that does refuse a bad statement', () => {
    const [s] = xapiStatements(input([learner({ studentId: 'S1' })]));
    const bad = { ...s!, result: { score: { scaled: 1 / REVEALED_FACTOR } }, verb: { id: 'passed' } };
    expect(validateStatement(bad).map((w) => w.path.join('.'))).toEqual(
      expect.arrayContaining(['statement.verb.id', 'statement.result.score.scaled']),
    );
  });
});
