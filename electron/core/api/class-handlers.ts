/**
 * A class a learner joins (decision 0040). Teacher: the enrolment file and code, assigned units,
 * reports held for another key, the class view per track. Learner: joining with an enrolment
 * file or code and a student ID, and the assigned units Learn shows first.
 */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { classCalls, MyClass } from '../../../shared/api/calls/classes.ts';
import type { Classes } from '../reports/classes.ts';
import type { Curriculum } from '../curriculum/index.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { CourseMap } from '../learner/course-map.ts';
import type { Logger } from '../logger.ts';
import { Memberships, type Membership } from '../reports/membership.ts';
import { parseEnrolmentCode, parseEnrolmentFile, StudentId, unitRef } from '../reports/enrolment.ts';
import { mixedScriptLetters } from '../reports/student-id.ts';
import type { Db } from '../store/database.ts';

export interface ClassDeps {
  db: Db;
  classes: Classes;
  curriculum: Curriculum;
  progress: ProgressStore;
  profileId: () => number;
  log: Logger;
  reports: { courseOf: (track: string) => CourseMap | undefined };
}

export function classHandlers(deps: ClassDeps): HandlersFor<typeof classCalls> {
  const { classes } = deps;
  const memberships = new Memberships(deps.db);

  /** Every installed unit, by the hash a code names it with. */
  async function unitsByRef() {
    const byRef = new Map<string, { track: string; unit: string }>();
    for (const t of await deps.curriculum.tracks()) {
      const outline = await deps.curriculum.track(t.id);
      for (const u of outline?.units ?? []) byRef.set(unitRef(t.id, u.id), { track: t.id, unit: u.id });
    }
    return byRef;
  }

  async function myClass(m: Membership): Promise<MyClass> {
    const units: MyClass['units'] = [];
    let missing = 0;
    const sorted = [...m.units].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    for (const a of sorted) {
      const outline = await deps.curriculum.track(a.track);
      const unit = outline?.units.find((u) => u.id === a.unit);
      if (!outline || !unit) {
        missing++;
        continue;
      }
      const done = new Set(deps.progress.completedExercises(deps.profileId(), a.track));
      const next = unit.lessons.find((l) => !done.has(l.id)) ?? unit.lessons[0];
      units.push({
        ...a,
        trackTitle: outline.title,
        title: unit.title,
        ...(next && { lesson: next.id }),
        done: unit.lessons.filter((l) => done.has(l.id)).length,
        lessons: unit.lessons.length,
      });
    }
    return {
      className: m.className,
      studentId: m.studentId,
      joinedAt: m.joinedAt,
      units,
      missingUnits: missing,
    };
  }

  return {
    getEnrolment: ({ classId }) => classes.enrolment(classId),
    setClassUnits: ({ classId, units }) => ({ units: classes.setUnits(classId, units) }),
    listHeldReports: ({ classId }) => classes.held(classId),
    resolveHeldReport({ classId, heldId, accept }) {
      const outcome = classes.resolveHeld(classId, heldId, accept);
      deps.log.info({ classId, heldId, accept }, 'held report resolved');
      return { outcome };
    },
    getClassView({ classId = classes.list()[0]?.id, track }) {
      if (classId === undefined) return null;
      return classes.view(classId, track, (t) => {
        const course = deps.reports.courseOf(t);
        return (
          course && {
            exercises: course.exercises.map((e) => e.id),
            concepts: course.track.concepts.map((c) => c.id),
          }
        );
      });
    },

    async getMyClass() {
      const m = memberships.get(deps.profileId());
      return m ? myClass(m) : null;
    },
    async joinClass({ source, studentId }) {
      const id = StudentId.safeParse(studentId);
      if (!id.success)
        return { ok: false, error: { code: 'student-id', detail: id.error.issues[0]?.message ?? '' } };
      const odd = mixedScriptLetters(id.data);
      if (odd.length) return { ok: false, error: { code: 'student-id-mixed-script', detail: odd.join(' ') } };
      let enrolment;
      if (source.kind === 'file') {
        const parsed = parseEnrolmentFile(source.text);
        if (!parsed.ok) return parsed;
        enrolment = parsed.value;
      } else {
        const parsed = parseEnrolmentCode(source.text);
        if (!parsed.ok) return parsed;
        const installed = await unitsByRef();
        const { units, ...rest } = parsed.value;
        enrolment = {
          ...rest,
          // A unit this install lacks is kept by its hash: it is counted as missing.
          units: units.map((u) => ({ ...(installed.get(u.ref) ?? { track: '~', unit: u.ref }), due: u.due })),
        };
      }
      const m = memberships.join(deps.profileId(), enrolment, id.data);
      deps.log.info({ classId: m.classId, units: m.units.length }, 'joined a class');
      return { ok: true, myClass: await myClass(m) };
    },
    leaveClass: () => ({ left: memberships.leave(deps.profileId()) }),
  };
}
