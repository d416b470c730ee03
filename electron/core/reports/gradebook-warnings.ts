/** English sentences for gradebook warnings, for the command line (the app words them in its catalogs). */
import type { GradebookFormat, GradebookWarning } from '../../../shared/api/calls/teacher.ts';

const list = (names: readonly string[]) => names.join(', ');

export function describeWarning(w: GradebookWarning, format: GradebookFormat): string {
  switch (w.code) {
    case 'no-student-id':
      return w.leftOut
        ? `left out of the ${format} file, no student ID to match them by: ${list(w.names)}. They join a class (with their ID or school e-mail) and export again`
        : `no student ID (the ID column is blank): ${list(w.names)}`;
    case 'duplicate-student-id':
      return `left out: ${list(w.names)} gave the same student ID "${w.studentId}"`;
    case 'moodle-other-identifier':
      return `left out: ${list(w.names)} gave ${w.matchBy === 'email' ? 'an ID number' : 'an e-mail address'}, but most of the class gave ${w.matchBy === 'email' ? 'e-mail addresses' : 'ID numbers'} and Moodle maps by one column (import them separately)`;
    case 'unsigned':
      return `not scored, their reports are unsigned (an unsigned file can be edited, its checks included): ${list(w.names)}`;
    case 'course-missing':
      return `track "${w.track}" is not installed here, so its units are unknown: it has no unit columns (use --scores exercises, or install the pack)`;
    case 'default-home-page':
      return `learner accounts and activity ids use ${w.homePage}: pass --home-page with your school's URL`;
  }
}
