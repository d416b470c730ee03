/** The teacher's classes: import learners' reports, the overview, drill-down, gradebook. */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { teacherCalls } from '../../../shared/api/calls/teacher.ts';
import type { Classes } from '../reports/classes.ts';
import { gradebookCsv, safeFileName } from '../reports/gradebook.ts';
import type { Logger } from '../logger.ts';

export interface TeacherDeps {
  classes: Classes;
  log: Logger;
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
    exportGradebook({ classId }) {
      const overview = classes.overview(classId);
      return {
        name: `gradebook-${safeFileName(overview.name)}-${new Date().toISOString().slice(0, 10)}.csv`,
        mimeType: 'text/csv',
        content: gradebookCsv(overview),
      };
    },
  };
}
