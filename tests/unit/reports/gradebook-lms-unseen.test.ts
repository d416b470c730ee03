/**
 * The gradebook files read back the way an LMS reads them, with learners a class really has:
 * Chinese names with commas, quotes and line breaks, IDs typed twice in another case, e-mails
 * an xAPI store must accept.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import validateStatement from '@learninglocker/xapi-validation';
import {
  gradebookCsvFile,
  type GradebookInput,
  type GradebookLearner,
} from '../../../electron/core/reports/lms-gradebook.ts';
import { xapiStatements } from '../../../electron/core/reports/xapi.ts';
import { COURSE } from '../learner/fixtures.ts';

const evidence = (exercise: string, credit: number, revealed = false) => ({
  track: 'py',
  exercise,
  credit,
  checks: 1,
  firstAt: '2026-03-10T12:01:00.000Z',
  lastAt: '2026-03-10T12:05:00.000Z',
  passedAt: credit === 1 ? '2026-03-10T12:05:00.000Z' : null,
  revealed,
});

const learner = (key: string, name: string, studentId: string | undefined, ev = [evidence('hello', 1)]) =>
  ({
    key,
    name,
    ...(studentId !== undefined && { studentId }),
    verification: 'verified',
    exportedAt: '2026-03-10T13:00:00.000Z',
    exercisesCompleted: 1,
    tracks: [{ id: 'py', exercises: [] }],
    evidence: ev,
  }) satisfies GradebookLearner;

const input = (learners: GradebookLearner[]): GradebookInput => ({
  className: '7B, "Python"',
  learners,
  courseOf: () => COURSE,
});

const parse = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const r = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
};

describe('gradebook files as the LMS reads them', () => {
  it('canvas: a Chinese name with a comma, quotes and a line break stays one cell of one row', () => {
    const name = '王,小"明"\n二';
    const file = gradebookCsvFile(
      input([learner('k1', name, 'S1'), learner('k2', 'Bo', 'S2')]),
      { format: 'canvas', scores: 'exercises' },
      '2026-03-10',
    );
    const [header, points, ...rows] = parse(file.content);
    expect(header!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(points![0]).toBe('Points Possible');
    expect(rows).toHaveLength(2);
    const byId = new Map(rows.map((r) => [r[2], r]));
    expect(byId.get('S1')![0]).toBe(name);
    expect(byId.get('S1')![4]).toBe('7B, "Python"');
  });

  it('two learners whose IDs differ only in case are both left out, and said', () => {
    const file = gradebookCsvFile(
      input([learner('k1', 'Ada', 'S-1001'), learner('k2', 'Eve', 's-1001'), learner('k3', 'Bo', 'S-2')]),
      { format: 'moodle', scores: 'exercises' },
      '2026-03-10',
    );
    const [, ...rows] = parse(file.content);
    expect(rows.map((r) => r[2])).toEqual(['Bo']);
    expect(file.warnings).toContainEqual(expect.objectContaining({ code: 'duplicate-student-id' }));
  });

  it('a never-checked exercise is blank, not zero', () => {
    const file = gradebookCsvFile(
      input([learner('k1', 'Ada', 'S1'), learner('k2', 'Bo', 'S2', [evidence('sum', 0.5)])]),
      { format: 'generic', scores: 'exercises' },
      '2026-03-10',
    );
    const [header, ...rows] = parse(file.content);
    expect(header!).toHaveLength(10);
    expect(rows.map((r) => [r[1], ...r.slice(8)])).toEqual([
      ['Ada', '100', ''],
      ['Bo', '', '50'],
    ]);
  });

  it('xAPI: every statement valid for e-mails, odd IDs and no ID; ids the same on a second run', () => {
    const i = input([
      learner('k1', '王小明', 'wang@school.cn'),
      learner('k2', 'Eve', 'S 1/2?#%'),
      learner('k3', 'Bo', undefined),
      learner('k4', 'Al', 'a"b@x.y'),
    ]);
    const first = xapiStatements(i);
    expect(first.length).toBeGreaterThan(0);
    for (const s of first) expect(validateStatement(s as never), JSON.stringify(s.actor)).toEqual([]);
    expect(xapiStatements(i).map((s) => s.id)).toEqual(first.map((s) => s.id));
    const actors = new Map(first.map((s) => [s.actor.name, s.actor]));
    expect(actors.get('王小明')).toMatchObject({ mbox: 'mailto:wang@school.cn' });
    expect(actors.get('Al')).toMatchObject({ account: { name: 'a"b@x.y' } });
  });
});
