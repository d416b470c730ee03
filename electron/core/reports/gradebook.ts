/**
 * The class gradebook as CSV for an LMS (Canvas, Moodle, Google Classroom all import this
 * shape): one row per learner, a name column first, an ID column, then plain numbers without
 * units so each imports as a score. UTF-8 with BOM and RFC 4180 quoting (csv.ts).
 */
import type { ClassOverview } from '../../../shared/api/calls/teacher.ts';
import { toCsv } from './csv.ts';

const percent = (x: number) => Math.round(x * 100);
const minutes = (ms: number) => Math.round(ms / 6000) / 10;

/** The ID column holds the fingerprint of a signed learner's key (blank for unsigned reports). */
export function gradebookCsv(overview: ClassOverview): string {
  const fields = [
    'Learner',
    'Learner ID',
    'Signature',
    'Exported at',
    'Last active',
    'Exercises completed',
    'Exercises total',
    'Completion (%)',
    'Average mastery (%)',
    'Concepts assessed',
    'Active minutes',
    'Hints shown',
    'Solutions revealed',
    ...overview.concepts.map((c) => `Mastery ${c.track}/${c.concept} (%)`),
  ];
  const rows = overview.learners.map((l) => {
    const known = l.mastery.filter((m): m is number => m !== null);
    const key = l.key;
    return [
      l.name,
      key.startsWith('key:') ? key.slice(4) : '',
      l.verification,
      l.exportedAt,
      l.lastActiveAt ?? '',
      l.exercisesCompleted,
      l.exercisesTotal,
      l.exercisesTotal ? percent(l.exercisesCompleted / l.exercisesTotal) : '',
      // Over the concepts with evidence only: one not yet assessed is not a zero.
      known.length ? percent(known.reduce((s, m) => s + m, 0) / known.length) : '',
      known.length,
      minutes(l.activeMs),
      l.hintsShown,
      l.solutionsRevealed,
      ...l.mastery.map((m) => (m === null ? '' : percent(m))),
    ];
  });
  return toCsv(fields, rows);
}

/** A file name that keeps letters of any script and drops what file systems refuse. */
export function safeFileName(name: string): string {
  // Control and format characters too: a right-to-left override would show
  // "report-\u202Egnp.exe" as "report-exe.png", and a zero-width space hides in a name.
  const kept = [...name].map((ch) =>
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch) || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  );
  return kept.join('').replace(/\s+/g, '-').slice(0, 80) || 'class';
}
