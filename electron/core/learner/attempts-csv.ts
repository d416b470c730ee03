/**
 * The attempts CSV (docs/attempts-csv.md): one checked attempt per row,
 * `learner,exercise,concepts,timestamp,outcome,hints[,revealed]`. Read as a stream of lines so a
 * log of millions of rows never sits in memory; every bad row is named by line and column.
 */
import fs from 'node:fs';
import { splitCsvLine, csvField, guardFormula, unguardFormula } from './csv-fields.ts';

export const ATTEMPT_COLUMNS = ['learner', 'exercise', 'concepts', 'timestamp', 'outcome', 'hints'] as const;
/** Optional seventh column: the learner had seen the solution before this attempt. */
export const REVEALED_COLUMN = 'revealed';

export interface AttemptRecord {
  learner: string;
  exercise: string;
  concepts: string[];
  /** Epoch ms. */
  at: number;
  /** 1 for a pass, otherwise the fraction of tests passed. */
  outcome: number;
  hints: number;
  revealed: boolean;
  /** 1-based line in the file. */
  line: number;
}

export class AttemptsCsvError extends Error {
  readonly line: number;
  /** 1-based column (field) number. */
  readonly column: number;

  /** `width`: the columns the header has (6, or 7 with revealed); a column past them is "extra". */
  constructor(line: number, column: number, problem: string, width = ATTEMPT_COLUMNS.length + 1) {
    const name =
      column > width
        ? 'extra'
        : column <= ATTEMPT_COLUMNS.length
          ? ATTEMPT_COLUMNS[column - 1]
          : REVEALED_COLUMN;
    super(`line ${line}, column ${column} (${name}): ${problem}`);
    this.line = line;
    this.column = column;
  }
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FRACTION = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const COUNT = /^\d+$/;
/**
 * The longest line read: far more than any attempt needs (names, a list of concepts). A longer
 * one is an error, so that a file with one enormous line (or none at all) is refused at once
 * instead of gathered into memory.
 */
export const MAX_LINE_LENGTH = 1 << 20;

/** A value quoted in an error message: a line may be a megabyte long, the message is one line. */
function shown(value = ''): string {
  let clean = '';
  for (const ch of value.slice(0, 61)) clean += ch < ' ' || ch === '\u007f' ? '?' : ch;
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

/** Timestamp as epoch ms, or undefined. A date and time without an offset is read as UTC. */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  // Date.parse rolls 30 February over into March; a log that says so is wrong.
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!))
    return undefined;
  const zoned = text.length > 10 && m[1] === undefined ? `${text}Z` : text;
  const at = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(at) ? undefined : at;
}

export function attemptsCsvHeader(withRevealed = false): string {
  return [...ATTEMPT_COLUMNS, ...(withRevealed ? [REVEALED_COLUMN] : [])].join(',');
}

export function attemptCsvLine(
  a: Omit<AttemptRecord, 'line' | 'revealed'> & { revealed?: boolean },
  withRevealed = false,
): string {
  const fields = [
    csvField(guardFormula(a.learner)),
    csvField(guardFormula(a.exercise)),
    csvField(guardFormula(a.concepts.join(';'))),
    new Date(a.at).toISOString(),
    String(Math.round(a.outcome * 1e6) / 1e6),
    String(a.hints),
  ];
  if (withRevealed) fields.push(a.revealed ? '1' : '0');
  return fields.join(',');
}

/**
 * Reads an attempts CSV a line at a time, in file order. Throws AttemptsCsvError at the first
 * bad row, including a learner's attempt dated before that learner's previous one (a replay must
 * see each learner's attempts in the order they happened).
 */
export class AttemptsCsvReader {
  private lineNo = 0;
  private width = 0;
  private readonly lastAt = new Map<string, number>();

  /** The attempt on the next line, or undefined for the header and blank lines. */
  read(raw: string): AttemptRecord | undefined {
    if (raw.length > MAX_LINE_LENGTH) throw this.tooLong(raw);
    const lineNo = ++this.lineNo;
    let line = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') return undefined;
    const fields = splitCsvLine(line);
    if (!Array.isArray(fields))
      throw new AttemptsCsvError(lineNo, fields.unterminated, 'a quote is not closed');
    if (this.width === 0) {
      this.width = checkHeader(fields, lineNo);
      return undefined;
    }
    // Two logs joined with `cat` carry the second one's header (and byte-order mark) inside.
    if (
      ATTEMPT_COLUMNS.every(
        (name, i) =>
          fields[i]
            ?.replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase() === name,
      )
    )
      throw new AttemptsCsvError(
        lineNo,
        1,
        'this line repeats the header (were two files joined?); keep only the header on line 1',
      );
    const record = parseRow(fields, this.width, lineNo);
    const previous = this.lastAt.get(record.learner);
    if (previous !== undefined && record.at < previous)
      throw new AttemptsCsvError(
        lineNo,
        4,
        `${shown(fields[3]?.trim())} is earlier than this learner's previous attempt; sort the file by timestamp`,
      );
    this.lastAt.set(record.learner, record.at);
    return record;
  }

  /**
   * The next line has grown past MAX_LINE_LENGTH before its end: names it, with the column
   * (counting its commas) where it got too long.
   */
  tooLong(start: string): AttemptsCsvError {
    if (this.lineNo === 0 && start.slice(0, 200).includes('\u0000'))
      return new AttemptsCsvError(
        1,
        1,
        'the file is not text (it holds NUL bytes); is this an attempts CSV?',
      );
    if (this.lineNo === 0 && start.slice(0, 200).includes('\r'))
      return new AttemptsCsvError(
        1,
        1,
        'lines end in a carriage return alone (an old Mac format); save the file with LF or CRLF line ends',
      );
    let commas = 0;
    for (let i = start.indexOf(','); i >= 0 && i < MAX_LINE_LENGTH; i = start.indexOf(',', i + 1)) commas++;
    return new AttemptsCsvError(
      this.lineNo + 1,
      commas + 1,
      `the line is longer than ${MAX_LINE_LENGTH.toLocaleString('en')} characters; is this an attempts CSV?`,
      this.width || ATTEMPT_COLUMNS.length + 1,
    );
  }

  /** At the end of the file: a file without even a header is an error. */
  end(): void {
    if (this.width === 0)
      throw new AttemptsCsvError(1, 1, `the file is empty; the header is ${attemptsCsvHeader()}`);
  }
}

/** The attempts in a CSV text. */
export function* parseAttemptsCsv(text: string): Generator<AttemptRecord> {
  const reader = new AttemptsCsvReader();
  for (const line of text.split('\n')) {
    const a = reader.read(line);
    if (a) yield a;
  }
  reader.end();
}

/**
 * Streams an attempts CSV file: reads it in chunks and hands each attempt to `onAttempt` as soon
 * as its line is complete, so memory does not grow with the file. Returns the number of attempts.
 */
export async function readAttemptsFile(file: string, onAttempt: (a: AttemptRecord) => void): Promise<number> {
  const reader = new AttemptsCsvReader();
  let rest = '';
  let count = 0;
  const take = (line: string) => {
    const a = reader.read(line);
    if (a) {
      count++;
      onAttempt(a);
    }
  };
  for await (const data of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const chunk = data as string;
    // Only the unfinished line is carried over, and never past MAX_LINE_LENGTH: joining every
    // chunk onto it and splitting again would copy a long line once per chunk.
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      rest += chunk;
      if (rest.length > MAX_LINE_LENGTH) throw reader.tooLong(rest);
      continue;
    }
    take(rest + chunk.slice(0, nl));
    let start = nl + 1;
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      take(chunk.slice(start, nl));
      start = nl + 1;
    }
    rest = chunk.slice(start);
  }
  if (rest) take(rest);
  reader.end();
  return count;
}

/** Text read as UTF-8 that was UTF-16: every other character of its start is a NUL. */
function looksUtf16(text: string): boolean {
  const start = text.startsWith('\uFFFD\uFFFD') ? text.slice(2, 10) : text.slice(0, 8);
  if (start.length < 8) return false;
  const nul = [...start].map((ch) => ch === '\u0000');
  return nul.every((isNul, i) => isNul === (i % 2 === 1)) || nul.every((isNul, i) => isNul === (i % 2 === 0));
}

function checkHeader(fields: string[], lineNo: number): number {
  const names = fields.map((f) => f.trim().toLowerCase());
  const expected: string[] = [...ATTEMPT_COLUMNS, REVEALED_COLUMN];
  const width = names[6] === REVEALED_COLUMN ? 7 : 6;
  const must = `it must be ${attemptsCsvHeader()} (optionally ,${REVEALED_COLUMN})`;
  // What spreadsheets and old systems write instead, said as such rather than shown as bytes.
  const first = fields.join(',');
  if (first.startsWith('SQLite format 3'))
    throw new AttemptsCsvError(
      lineNo,
      1,
      'this is a database, not a CSV file; `lantern model export-attempts` writes one',
    );
  if (looksUtf16(first))
    throw new AttemptsCsvError(lineNo, 1, `the file looks like UTF-16; save it as UTF-8 (${must})`);
  if (first.includes('\u0000'))
    throw new AttemptsCsvError(lineNo, 1, `the file is not text (it holds NUL bytes); ${must}`);
  if (first.includes('\r'))
    throw new AttemptsCsvError(
      lineNo,
      1,
      'lines end in a carriage return alone (an old Mac format); save the file with LF or CRLF line ends',
    );
  for (const [sep, said] of [
    [';', '";"'],
    ['\t', 'tabs'],
  ] as const)
    if (fields.length === 1 && names[0]!.split(sep).slice(0, 6).join(',') === attemptsCsvHeader())
      throw new AttemptsCsvError(
        lineNo,
        1,
        `the fields are separated by ${said}; separate them with "," (${must})`,
      );
  for (let i = 0; i < Math.max(width, names.length); i++)
    if (names[i] !== expected[i] || i >= width)
      throw new AttemptsCsvError(
        lineNo,
        i + 1,
        names[i] === undefined
          ? `the header is missing; it must be ${attemptsCsvHeader()}`
          : `the header has "${shown(fields[i])}" here; ${must}`,
        width,
      );
  return width;
}

function parseRow(fields: string[], width: number, lineNo: number): AttemptRecord {
  if (fields.length !== width)
    throw new AttemptsCsvError(
      lineNo,
      Math.min(fields.length, width) + 1,
      `expected ${width} fields, found ${fields.length}`,
      width,
    );
  const [
    learnerText = '',
    exerciseText = '',
    conceptText = '',
    timestamp = '',
    outcomeText = '',
    hintsText = '',
  ] = fields.map((f) => f.trim());
  const learner = unguardFormula(learnerText);
  const exercise = unguardFormula(exerciseText);
  const conceptList = unguardFormula(conceptText);
  if (!learner) throw new AttemptsCsvError(lineNo, 1, 'the learner is empty');
  if (!exercise) throw new AttemptsCsvError(lineNo, 2, 'the exercise is empty');
  const concepts = conceptList
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (!concepts.length)
    throw new AttemptsCsvError(lineNo, 3, 'name at least one concept (separate several with ;)');
  const at = parseTimestamp(timestamp);
  if (at === undefined)
    throw new AttemptsCsvError(
      lineNo,
      4,
      `"${shown(timestamp)}" is not an ISO-8601 timestamp (2026-03-01T09:30:00Z)`,
    );
  const outcome = FRACTION.test(outcomeText) ? Number(outcomeText) : NaN;
  if (!(outcome >= 0 && outcome <= 1))
    throw new AttemptsCsvError(
      lineNo,
      5,
      `"${shown(outcomeText)}" is not an outcome: 1 for a pass, 0 for a fail, or the fraction of tests passed`,
    );
  if (hintsText !== '' && !COUNT.test(hintsText))
    throw new AttemptsCsvError(
      lineNo,
      6,
      `"${shown(hintsText)}" is not a count of hints (a whole number, or empty)`,
    );
  let revealed = false;
  if (width === 7) {
    const r = (fields[6] ?? '').trim().toLowerCase();
    if (r === '1' || r === 'true') revealed = true;
    else if (r !== '' && r !== '0' && r !== 'false')
      throw new AttemptsCsvError(lineNo, 7, `"${shown(fields[6])}" is not 1 or 0`);
  }
  return {
    learner,
    exercise,
    concepts,
    at,
    outcome,
    hints: hintsText === '' ? 0 : Number(hintsText),
    revealed,
    line: lineNo,
  };
}
