/**
 * Checks one learner's report file before it may join a class: is it JSON, is it a Lantern
 * progress report, is it a schema this Lantern reads, was it edited after export, does it pass
 * the schema. Only a file that passes everything is merged; every other file gets a per-file
 * outcome saying what is wrong and where.
 */
import type { ImportOutcome, ReportFileProblem } from '../../../shared/api/calls/teacher.ts';
import { MAX_REPORT_BYTES } from '../../../shared/api/calls/teacher.ts';
import { describeFieldIssue, fieldIssuesOf, whereJsonStops } from '../../../shared/api/field-issues.ts';
import {
  MAX_REPORT_CONTAINERS,
  MAX_REPORT_DEPTH,
  ProgressReport,
  REPORT_FORMAT,
  REPORT_SCHEMA_VERSION,
} from './report-schema.ts';
import { keyFingerprint, verifyReport } from './signing.ts';
import { migrateReport } from './report-migrate.ts';
import { describeNameProblem, learnerNameProblem } from '../../../shared/api/learner-name.ts';

export interface ReportFile {
  name: string;
  text: string;
}

export type CheckedReport =
  | {
      ok: true;
      report: ProgressReport;
      verification: 'verified' | 'unsigned';
      /** Recognises the same learner across exports: their signing key, or their name if unsigned. */
      learnerKey: string;
    }
  | { ok: false; outcome: ImportOutcome };

const MAX_ISSUES = 3;
/**
 * How far ahead of this computer's clock a report's export time may be: two computers' clocks
 * differ by a little. Beyond that the date is not believable, and a future-dated report would
 * stay "the newest" of its learner and shut out every real one after it.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function checkReportFile(file: ReportFile, now: number = Date.now()): CheckedReport {
  const reject = (status: ImportOutcome['status'], extra: Partial<ImportOutcome> = {}): CheckedReport => ({
    ok: false,
    outcome: { file: file.name, result: 'rejected', status, ...extra },
  });
  // Refused before parsing: a 200 MB file would cost memory several times its size.
  const size = file.text.length * 3 <= MAX_REPORT_BYTES ? 0 : Buffer.byteLength(file.text, 'utf8');
  if (size > MAX_REPORT_BYTES) return reject('too-large', { size, max: MAX_REPORT_BYTES });
  // And before parsing, what parsing would build: within the size, a file of brackets would
  // still cost many times its size.
  if (moreContainersThan(file.text, MAX_REPORT_CONTAINERS))
    return reject('bad-file', {
      problem: { code: 'fields', issues: [{ field: '', code: 'too-many', max: MAX_REPORT_CONTAINERS }] },
    });
  let raw: unknown;
  try {
    raw = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return reject('bad-file', { problem: { code: 'not-json', ...whereJsonStops(file.text, err as Error) } });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return reject('bad-file', { problem: { code: 'not-object' } });
  const depth = nestedDeeperThan(raw, MAX_REPORT_DEPTH);
  if (depth)
    return reject('bad-file', { problem: { code: 'too-deep', field: depth, max: MAX_REPORT_DEPTH } });
  const fields = raw as Record<string, unknown>;
  if (fields.format !== REPORT_FORMAT) return reject('bad-file', { problem: { code: 'not-report' } });
  // The name goes into every outcome, so a name that hides characters or runs to megabytes is
  // refused first, by what is wrong with it, without echoing it.
  const name = (fields.learner as { name?: unknown } | undefined)?.name;
  const nameProblem = typeof name === 'string' ? learnerNameProblem(name) : null;
  const learner =
    typeof name === 'string' && !nameProblem ? { learner: name.replace(/\s+/gu, ' ').trim() } : {};
  if (typeof fields.schemaVersion === 'number' && fields.schemaVersion > REPORT_SCHEMA_VERSION)
    return reject('newer-schema', { ...learner, schemaVersion: fields.schemaVersion });

  const verification = verifyReport(raw);
  if (verification === 'edited after export') return reject('edited', learner);
  if (nameProblem) return reject('bad-name', { nameProblem });

  // An older schema is read as the current one, after its signature was checked as written.
  const migrated = migrateReport(raw);
  const parsed = ProgressReport.safeParse(migrated);
  if (!parsed.success)
    return reject('bad-file', {
      ...learner,
      problem: { code: 'fields', issues: fieldIssuesOf(parsed.error, migrated, MAX_ISSUES) },
    });
  const report = parsed.data;
  if (Date.parse(report.exportedAt) > now + MAX_CLOCK_SKEW_MS)
    return reject('future', { ...learner, exportedAt: report.exportedAt });
  return {
    ok: true,
    report,
    verification,
    learnerKey: report.signature
      ? `key:${keyFingerprint(report.signature.publicKey)}`
      : `name:${report.learner.name.trim().toLowerCase()}`,
  };
}

/**
 * Whether a JSON text holds more than `max` objects and lists, counting its brackets outside
 * strings: one pass over the characters, building nothing.
 */
export function moreContainersThan(text: string, max: number): boolean {
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if ((c === OPEN_BRACE || c === OPEN_BRACKET) && ++containers > max) return true;
  }
  return false;
}
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The path of the first value nested deeper than `max` levels, or null. Walked with a stack of
 * its own: signature checking and the schema recurse, and a file of 100,000 brackets would
 * otherwise end in a stack overflow rather than a reason.
 */
function nestedDeeperThan(root: unknown, max: number): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= max) return path || '(top level)';
    for (const [k, v] of Object.entries(value))
      if (v !== null && typeof v === 'object')
        stack.push({
          value: v,
          depth: depth + 1,
          path: Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
        });
  }
  return null;
}

/** An English sentence for an outcome, for the command line (the app words them in its catalogs). */
export function describeOutcome(o: ImportOutcome): string {
  const who = o.learner ? ` (${o.learner})` : '';
  switch (o.status) {
    case 'verified':
      return `${o.file}: ${o.result === 'replaced' ? 'replaced the older report' : 'imported'}${who}, signature verified`;
    case 'unsigned':
      return `${o.file}: ${o.result === 'replaced' ? 'replaced the older report' : 'imported'}${who}, unsigned: it cannot show whether it was edited`;
    case 'edited':
      return `${o.file}: not imported${who}: edited after export (the signature does not match the contents)`;
    case 'bad-file':
      return `${o.file}: not imported${who}: ${o.problem ? describeReportProblem(o.problem) : 'not a readable report'}`;
    case 'duplicate':
      return `${o.file}: not imported${who}: the same report is already in the class`;
    case 'older':
      return `${o.file}: not imported${who}: a newer report from this learner is already in the class`;
    case 'future':
      return `${o.file}: not imported${who}: dated ${o.exportedAt ?? '?'}, which is in the future on this computer. Check the date and time of the computer that exported it, and of this one`;
    case 'other-key':
      return `${o.file}: held${who}: signed by another key than this learner's earlier reports (signed on another computer, or remade). Accept or reject it on the Teacher page`;
    case 'other-class':
      return `${o.file}: not imported${who}: made for another class (${o.detail ?? '?'})`;
    case 'too-large':
      return `${o.file}: not imported: ${megabytes(o.size ?? 0)}; a report may be at most ${megabytes(o.max ?? MAX_REPORT_BYTES)}`;
    case 'bad-name':
      return `${o.file}: not imported: learner.name: ${o.nameProblem ? describeNameProblem(o.nameProblem) : 'cannot be shown'}`;
    case 'newer-schema':
      return `${o.file}: not imported${who}: written by a newer Lantern (report schema ${o.schemaVersion}; this one reads ${REPORT_SCHEMA_VERSION}). Update Lantern to import it`;
  }
}

/** An English sentence for why a file is not a readable report, for the command line. */
export function describeReportProblem(p: ReportFileProblem): string {
  switch (p.code) {
    case 'not-json':
      return `not valid JSON (it stops being JSON at line ${p.line}, column ${p.column})`;
    case 'not-object':
      return 'not a Lantern progress report (the file is not a JSON object)';
    case 'too-deep':
      return `${p.field}: nested more than ${p.max} levels deep, the most a report may have`;
    case 'not-report':
      return `not a Lantern progress report (expected "format": "${REPORT_FORMAT}")`;
    case 'fields':
      return p.issues.map(describeFieldIssue).join('; ');
  }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
