/**
 * CSV for spreadsheets and LMS gradebooks: UTF-8 with a byte-order mark (so Excel reads Chinese
 * names correctly), RFC 4180 quoting and CRLF line ends, written by papaparse. Cells that a
 * spreadsheet would run as a formula (=, +, -, @) are escaped.
 */
import Papa from 'papaparse';
import type { ProgressReport } from './report-schema.ts';

export const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula, whatever follows on the next lines. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...fields], data: rows.map((r) => [...r]) },
      // Not papaparse's `escapeFormulae: true`: its pattern ends in `.*$` without the s flag, so a
      // cell with a newline after the formula ("=HYPERLINK(…)\nx") went out unescaped.
      { newline: '\r\n', escapeFormulae: FORMULA_START },
    )
  );
}

export type ReportLocale = 'en' | 'zh';

const minutes = (ms: number) => Math.round(ms / 6000) / 10;
const percent = (x: number) => Math.round(x * 100);
const localTitle = (t: { en: string; zh: string } | undefined, locale: ReportLocale, fallback: string) =>
  t ? t[locale] : fallback;

/** One row per exercise the learner has worked on. */
export function exercisesCsv(report: ProgressReport, locale: ReportLocale = 'en'): string {
  return toCsv(
    [
      'Track',
      'Exercise',
      'Title',
      'Completed',
      'Completed at',
      'Runs',
      'Checks',
      'Hints shown',
      'Solution revealed',
      'Active minutes',
    ],
    report.tracks.flatMap((t) =>
      t.exercises.map((e) => [
        t.id,
        e.id,
        localTitle(e.title, locale, e.id),
        e.completedAt ? 'yes' : 'no',
        e.completedAt ?? '',
        e.runs,
        e.checks,
        e.hintsShown,
        e.solutionRevealed ? 'yes' : 'no',
        minutes(e.activeMs),
      ]),
    ),
  );
}

const NOT_ASSESSED = { en: 'not yet assessed', zh: '尚未评估' } as const;

/**
 * One row per concept with its mastery, or "not yet assessed" where there is no evidence; the
 * confidence (none, low, medium, high) and the last checked attempt beside it.
 */
export function conceptsCsv(report: ProgressReport, locale: ReportLocale = 'en'): string {
  return toCsv(
    ['Track', 'Concept', 'Title', 'Mastery (%)', 'Confidence', 'Exercises checked', 'Last checked'],
    report.tracks.flatMap((t) =>
      t.concepts.map((c) => [
        t.id,
        c.id,
        localTitle(c.title, locale, c.id),
        c.mastery === null ? NOT_ASSESSED[locale] : percent(c.mastery),
        c.confidence,
        c.evidence,
        c.lastSeen ?? '',
      ]),
    ),
  );
}
