/**
 * The class gradebook in the shapes LMS gradebooks import (docs/gradebook.md):
 * - generic: one row per learner with ID, name, class and scores;
 * - canvas: Canvas's gradebook import (Student, ID, SIS User ID, SIS Login ID, Section, then one
 *   column per assignment, and a "Points Possible" row), matched by SIS user ID or login;
 * - moodle: Moodle's CSV grade import, mapped by "ID number" or "Email address", one column
 *   per grade item and a feedback column.
 * Scores are percentages (0–100) from evidence only (grades.ts); a blank cell is "no evidence",
 * which both LMSs read as "no grade", never as zero. What could not go into the file is said
 * in warnings, so no learner is dropped silently.
 */
import type { CourseMap } from '../learner/course-map.ts';
import type {
  GradebookFile,
  GradebookFormat,
  GradebookScores,
  GradebookWarning,
} from '../../../shared/api/calls/teacher.ts';
import type { ExerciseEvidence } from './grades.ts';
import { toCsv, type ReportLocale } from './csv.ts';
import { studentIdKey } from './student-id.ts';
import { safeFileName } from './gradebook.ts';

type Title = { en: string; zh: string };

export interface GradebookLearner {
  /** The class's key for the learner (signing key fingerprint, or name when unsigned). */
  key: string;
  name: string;
  studentId?: string;
  className?: string;
  verification: 'verified' | 'unsigned';
  exportedAt: string;
  /** Steps completed, explanations included (the report's summary). */
  exercisesCompleted: number;
  tracks: readonly {
    id: string;
    title?: Title;
    exercises: readonly { id: string; title?: Title; completedAt: string | null }[];
  }[];
  evidence: readonly ExerciseEvidence[];
}

export interface GradebookInput {
  className: string;
  learners: readonly GradebookLearner[];
  /** The installed course of a track (units, exercise types and titles), when there is one. */
  courseOf: (track: string) => CourseMap | undefined;
}

export interface GradebookOptions {
  format: GradebookFormat;
  scores: GradebookScores;
  locale?: ReportLocale;
}

/** A score column: one exercise, or one unit (its graded exercises). */
export interface GradeItem {
  id: string;
  track: string;
  header: string;
  exercises: readonly string[];
}

/** Out of 100: a score is a percentage, the same in every format. */
export const POINTS_POSSIBLE = 100;

/**
 * The checks a score may rest on: a signed report's. An unsigned file can be edited, attempts and
 * all, so it proves nothing about passes; its learner is listed, unscored, and named in a warning.
 */
export const scoredEvidence = (l: GradebookLearner): readonly ExerciseEvidence[] =>
  l.verification === 'verified' ? l.evidence : [];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (id: string) => EMAIL.test(id);

const pick = (t: Title | undefined, locale: ReportLocale, fallback: string) => (t ? t[locale] : fallback);
const evidenceKey = (track: string, exercise: string) => `${track}\u0000${exercise}`;

/**
 * The columns: per track any learner of the class has evidence in, its graded exercises (or
 * units holding them) that at least one learner checked, in course order. A track whose course
 * is not installed here lists its exercises by the reports' titles and has no units.
 */
export function gradeItems(
  input: GradebookInput,
  scores: GradebookScores,
  locale: ReportLocale,
  warnings: GradebookWarning[],
): GradeItem[] {
  const checked = new Set(
    input.learners.flatMap((l) => scoredEvidence(l).map((e) => evidenceKey(e.track, e.exercise))),
  );
  const trackIds = [...new Set(input.learners.flatMap((l) => scoredEvidence(l).map((e) => e.track)))].sort();
  const reportTitles = new Map<string, Title | undefined>();
  const trackTitles = new Map<string, Title | undefined>();
  for (const l of input.learners)
    for (const t of l.tracks) {
      if (t.title) trackTitles.set(t.id, t.title);
      for (const e of t.exercises) if (e.title) reportTitles.set(evidenceKey(t.id, e.id), e.title);
    }

  const items: GradeItem[] = [];
  for (const track of trackIds) {
    const course = input.courseOf(track);
    const trackTitle = pick(course?.track.title ?? trackTitles.get(track), locale, track);
    if (!course) {
      if (scores === 'units') {
        warnings.push({ code: 'course-missing', track });
        continue;
      }
      const ids = [...checked]
        .filter((k) => k.startsWith(`${track}\u0000`))
        .map((k) => k.slice(track.length + 1))
        .sort();
      for (const id of ids)
        items.push({
          id: `${track}/${id}`,
          track,
          header: `${trackTitle}: ${pick(reportTitles.get(evidenceKey(track, id)), locale, id)}`,
          exercises: [id],
        });
      continue;
    }
    const graded = new Set(course.exercises.filter((e) => e.type !== 'explanation').map((e) => e.id));
    if (scores === 'exercises') {
      for (const e of course.exercises)
        if (graded.has(e.id) && checked.has(evidenceKey(track, e.id)))
          items.push({
            id: `${track}/${e.id}`,
            track,
            header: `${trackTitle}: ${pick(e.title, locale, e.id)}`,
            exercises: [e.id],
          });
    } else {
      for (const unit of course.track.units) {
        const lessons = unit.lessons.filter((id) => graded.has(id));
        if (lessons.some((id) => checked.has(evidenceKey(track, id))))
          items.push({
            id: `${track}/${unit.id}`,
            track,
            header: `${trackTitle}: ${unit.title[locale]}`,
            exercises: lessons,
          });
      }
    }
  }
  // Two items of one name would be one assignment to an LMS: the id tells them apart.
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.header, (seen.get(item.header) ?? 0) + 1);
  return items.map((item) =>
    (seen.get(item.header) ?? 0) > 1 ? { ...item, header: `${item.header} [${item.id}]` } : item,
  );
}

/**
 * A learner's score on an item, 0–100 to one decimal, or null without evidence. A unit is the
 * mean of its graded exercises, an unchecked one counting 0, once the learner checked any of them.
 */
export function itemScore(learner: GradebookLearner, item: GradeItem): number | null {
  const credits = new Map(
    scoredEvidence(learner)
      .filter((e) => e.track === item.track)
      .map((e) => [e.exercise, e.credit]),
  );
  const known = item.exercises.filter((id) => credits.has(id));
  if (!known.length) return null;
  const sum = item.exercises.reduce((s, id) => s + (credits.get(id) ?? 0), 0);
  return Math.round((sum / item.exercises.length) * POINTS_POSSIBLE * 10) / 10;
}

/** The file name the page downloads and the CLI suggests. */
export function gradebookFileName(className: string, format: GradebookFormat, day: string): string {
  const ext = format === 'xapi' ? 'json' : 'csv';
  return `gradebook-${safeFileName(className)}-${format}-${day}.${ext}`;
}

interface Identified {
  learner: GradebookLearner;
  id: string;
}

/** Learners an LMS can match, the others named in warnings. */
function matchable(learners: readonly GradebookLearner[], warnings: GradebookWarning[]): Identified[] {
  const without = learners.filter((l) => !l.studentId);
  if (without.length)
    warnings.push({ code: 'no-student-id', names: without.map((l) => l.name), leftOut: true });
  const byId = new Map<string, GradebookLearner[]>();
  for (const l of learners)
    if (l.studentId) {
      // An LMS compares IDs exactly, but two learners typing one ID in another case, or in
      // look-alike letters, is one mistake (student-id.ts).
      const k = studentIdKey(l.studentId);
      byId.set(k, [...(byId.get(k) ?? []), l]);
    }
  const out: Identified[] = [];
  for (const group of byId.values()) {
    if (group.length > 1) {
      warnings.push({
        code: 'duplicate-student-id',
        studentId: group[0]!.studentId!,
        names: group.map((l) => l.name),
      });
      continue;
    }
    out.push({ learner: group[0]!, id: group[0]!.studentId! });
  }
  return out.sort((a, b) => a.learner.name.localeCompare(b.learner.name) || a.id.localeCompare(b.id));
}

function unsignedWarning(learners: readonly GradebookLearner[], warnings: GradebookWarning[]): void {
  const unsigned = learners.filter((l) => l.verification === 'unsigned');
  if (unsigned.length) warnings.push({ code: 'unsigned', names: unsigned.map((l) => l.name) });
}

const cell = (score: number | null) => (score === null ? '' : score);

export function genericCsv(
  input: GradebookInput,
  items: readonly GradeItem[],
  warnings: GradebookWarning[],
): string {
  const without = input.learners.filter((l) => !l.studentId);
  if (without.length)
    warnings.push({ code: 'no-student-id', names: without.map((l) => l.name), leftOut: false });
  unsignedWarning(input.learners, warnings);
  const learners = [...input.learners].sort(
    (a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key),
  );
  return toCsv(
    [
      'Student ID',
      'Learner',
      'Class',
      'Signature',
      'Exported at',
      'Exercises completed',
      'Exercises passed',
      'Exercises checked',
      ...items.map((i) => i.header),
    ],
    learners.map((l) => [
      l.studentId ?? '',
      l.name,
      l.className ?? input.className,
      l.verification,
      l.exportedAt,
      l.exercisesCompleted,
      scoredEvidence(l).filter((e) => e.passedAt).length,
      scoredEvidence(l).length,
      ...items.map((i) => cell(itemScore(l, i))),
    ]),
  );
}

/**
 * Canvas: the first five columns are the ones its own export writes; ID (Canvas's user id) is
 * unknown to Lantern and left blank, so Canvas matches on SIS User ID or SIS Login ID. The
 * "Points Possible" row sets each new assignment's points.
 */
export function canvasCsv(
  input: GradebookInput,
  items: readonly GradeItem[],
  warnings: GradebookWarning[],
): string {
  const rows = matchable(input.learners, warnings);
  unsignedWarning(
    rows.map((r) => r.learner),
    warnings,
  );
  return toCsv(
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...items.map((i) => i.header)],
    [
      ['Points Possible', '', '', '', '', ...items.map(() => POINTS_POSSIBLE)],
      ...rows.map(({ learner, id }) => [
        learner.name,
        '',
        isEmail(id) ? '' : id,
        isEmail(id) ? id : '',
        learner.className ?? input.className,
        ...items.map((i) => cell(itemScore(learner, i))),
      ]),
    ],
  );
}

const FEEDBACK = {
  en: (passed: number, checked: number, revealed: number, verification: string) =>
    `Lantern: ${passed} of ${checked} checked exercises passed` +
    (revealed ? `, ${revealed} after the solution was shown (half credit)` : '') +
    (verification === 'verified' ? '; signed report' : '; unsigned report'),
  zh: (passed: number, checked: number, revealed: number, verification: string) =>
    `Lantern：已检查的 ${checked} 道练习中通过 ${passed} 道` +
    (revealed ? `，其中 ${revealed} 道在查看答案后完成（计一半分）` : '') +
    (verification === 'verified' ? '；报告已签名' : '；报告未签名'),
};

/**
 * Moodle: its import aborts on a row whose user it cannot find, so each row must carry the
 * field the teacher maps by. Learners mostly gave an ID number or mostly an e-mail; the file
 * uses the one most gave, and names the others in a warning.
 */
export function moodleCsv(
  input: GradebookInput,
  items: readonly GradeItem[],
  warnings: GradebookWarning[],
  locale: ReportLocale,
): string {
  const all = matchable(input.learners, warnings);
  const emails = all.filter((r) => isEmail(r.id));
  const byEmail = emails.length > all.length - emails.length;
  const rows = all.filter((r) => isEmail(r.id) === byEmail);
  const other = all.filter((r) => isEmail(r.id) !== byEmail);
  if (other.length)
    warnings.push({
      code: 'moodle-other-identifier',
      matchBy: byEmail ? 'email' : 'idnumber',
      names: other.map((r) => r.learner.name),
    });
  unsignedWarning(
    rows.map((r) => r.learner),
    warnings,
  );
  return toCsv(
    ['ID number', 'Email address', 'Full name', ...items.map((i) => i.header), 'Feedback'],
    rows.map(({ learner, id }) => [
      byEmail ? '' : id,
      byEmail ? id : '',
      learner.name,
      ...items.map((i) => cell(itemScore(learner, i))),
      FEEDBACK[locale](
        scoredEvidence(learner).filter((e) => e.passedAt).length,
        scoredEvidence(learner).length,
        scoredEvidence(learner).filter((e) => e.revealed).length,
        learner.verification,
      ),
    ]),
  );
}

export function gradebookCsvFile(
  input: GradebookInput,
  options: GradebookOptions,
  day: string,
): GradebookFile {
  const locale = options.locale ?? 'en';
  const warnings: GradebookWarning[] = [];
  const items = gradeItems(input, options.scores, locale, warnings);
  const content =
    options.format === 'canvas'
      ? canvasCsv(input, items, warnings)
      : options.format === 'moodle'
        ? moodleCsv(input, items, warnings, locale)
        : genericCsv(input, items, warnings);
  return {
    name: gradebookFileName(input.className, options.format, day),
    mimeType: 'text/csv',
    content,
    warnings,
  };
}
