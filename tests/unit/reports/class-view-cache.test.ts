/**
 * The class view is kept built between opens (issue 15): a teacher never sees it stale. After
 * each kind of change, the next view shows it: an import, a held report accepted or dropped, a
 * learner or the class removed, a write through another connection (a restore, the command
 * line), a course whose order changed.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ViewOrder } from '../../../electron/core/reports/class-view.ts';
import { readCell } from '../../../shared/api/calls/classes.ts';
import { classOfTwo, file, install, T0 } from './class-fixture.ts';

const noOrder = () => undefined;

/** A class with Ada (one exercise passed) and Bo (none), and the view a teacher opened. */
function openedClass() {
  const t = classOfTwo();
  expect(t.names()).toEqual(['Ada', 'Bo']);
  return t;
}

const keyOf = (t: ReturnType<typeof classOfTwo>, name: string) =>
  t.classes.view(t.classId, undefined, noOrder).learners.find((l) => l.name === name)!.key;

describe('the class view kept between opens', () => {
  it('is the same view while nothing changed', () => {
    const t = openedClass();
    const first = t.classes.view(t.classId, undefined, noOrder);
    expect(t.classes.view(t.classId, undefined, noOrder)).toBe(first);
  });

  it('shows a newly imported learner, and a learner’s newer report', () => {
    const t = openedClass();
    const cy = install('Cy');
    cy.join(t.enrolment, 'S-1003');
    cy.check('hello', 'pass');
    t.classes.importReports(t.classId, [file('cy.json', cy.export())]);
    expect(t.names()).toEqual(['Ada', 'Bo', 'Cy']);

    const done = () =>
      t.classes
        .view(t.classId, undefined, noOrder)
        .learners.find((l) => l.name === 'Bo')!
        .cells.filter((c) => c && readCell(c).done).length;
    expect(done()).toBe(0);
    t.bo.check('hello', 'pass');
    t.classes.importReports(t.classId, [file('bo2.json', t.bo.export())]);
    expect(done()).toBe(1);
  });

  it('shows a held report, then the learner’s figures once it is accepted, or none once dropped', () => {
    const t = openedClass();
    const view = () => t.classes.view(t.classId, undefined, noOrder);
    const other = install('Ada', T0 + 3_600_000);
    other.join(t.enrolment, 'S-1001');
    other.check('hello', 'pass');
    other.check('sum', 'pass');
    t.classes.importReports(t.classId, [file('other.json', other.export())]);
    expect(view().held).toBe(1);
    const completed = () => view().learners.find((l) => l.name === 'Ada')!.completed;
    expect(completed()).toBe(1);
    t.classes.resolveHeld(t.classId, t.classes.held(t.classId)[0]!.id, true);
    expect(view().held).toBe(0);
    expect(completed()).toBe(2);

    other.check('count', 'pass');
    const again = install('Ada', T0 + 7_200_000);
    again.join(t.enrolment, 'S-1001');
    t.classes.importReports(t.classId, [file('again.json', again.export())]);
    expect(view().held).toBe(1);
    t.classes.resolveHeld(t.classId, t.classes.held(t.classId)[0]!.id, false);
    expect(view().held).toBe(0);
    expect(completed()).toBe(2);
  });

  it('leaves out a removed learner, and refuses the view of a deleted class', () => {
    const t = openedClass();
    t.classes.removeLearner(t.classId, keyOf(t, 'Bo'));
    expect(t.names()).toEqual(['Ada']);
    t.classes.delete(t.classId);
    expect(() => t.classes.view(t.classId, undefined, noOrder)).toThrow();
  });

  it('shows what another connection wrote to the same file (a restore, the command line)', () => {
    const t = openedClass();
    const other = new Database(t.db.name);
    try {
      other.prepare('DELETE FROM class_learner WHERE class_id = ? AND name = ?').run(t.classId, 'Bo');
    } finally {
      other.close();
    }
    expect(t.names()).toEqual(['Ada']);
  });

  it('follows the course’s order when it changes (a pack installed or removed)', () => {
    const t = openedClass();
    const exercises = (order: ViewOrder | undefined) =>
      t.classes.view(t.classId, undefined, () => order).exercises.map((e) => e.id);
    const before = exercises(undefined);
    expect(before.length).toBeGreaterThan(0);
    const reversed = [...before].reverse();
    expect(exercises({ exercises: reversed })).toEqual(reversed);
    expect(exercises(undefined)).toEqual(before);
  });
});
