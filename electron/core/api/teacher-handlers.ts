/** The teacher's classes: import learners' reports, the overview, drill-down, gradebook. */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { teacherCalls } from '../../../shared/api/calls/teacher.ts';
import type { Classes } from '../reports/classes.ts';
import { gradebookCsvFile } from '../reports/lms-gradebook.ts';
import { xapiFile } from '../reports/xapi.ts';
import type { Logger } from '../logger.ts';
import type { CourseMap } from '../learner/course-map.ts';

export interface TeacherDeps {
  classes: Classes;
  log: Logger;
  /** The installed courses: unit membership and exercise types for the gradebook's columns. */
  reports: { courseOf: (track: string) => CourseMap | undefined };
  contentReady: Promise<unknown>;
}

export function teacherHandlers(deps: TeacherDeps): HandlersFor<typeof teacherCalls> {
  const { classes } = deps;
  return {
    listClasses: () => classes.list(),
    createClass: ({ name }) => classes.create(name),
    deleteClass: ({ classId }) => ({ deleted: classes.delete(classId) }),
    importReports({ classId, files }) {
      const outcomes = classes.importReports(classId, files);
      deps.log.info(
        { classId, files: files.length, merged: outcomes.filter((o) => o.result !== 'rejected').length },
        'reports imported',
      );
      return { outcomes };
    },
    getClassOverview: ({ classId }) => classes.overview(classId),
    getClassLearner: ({ classId, learnerKey }) => classes.learner(classId, learnerKey),
    removeClassLearner: ({ classId, learnerKey }) => ({
      removed: classes.removeLearner(classId, learnerKey),
    }),
    async exportGradebook({ classId, format, scores, locale, homePage }) {
      await deps.contentReady;
      const input = {
        className: classes.require(classId).name,
        learners: classes.gradebookLearners(classId),
        courseOf: deps.reports.courseOf,
      };
      const day = new Date().toISOString().slice(0, 10);
      const file =
        format === 'xapi'
          ? xapiFile(input, { ...(homePage && { homePage }) }, day)
          : gradebookCsvFile(input, { format, scores, locale }, day);
      deps.log.info(
        { classId, format, scores, warnings: file.warnings.map((w) => w.code) },
        'gradebook exported',
      );
      return file;
    },
  };
}
