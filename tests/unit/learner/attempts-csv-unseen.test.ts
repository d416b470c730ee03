/**
 * Attempt logs as they arrive from elsewhere: two exports joined with `cat`, Windows line ends,
 * blank lines, offsets written without a colon, quoted names with commas, a quoted field broken
 * over two lines. Every bad row is named by line and column, and `--json` has one shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttemptsCsvError, parseAttemptsCsv } from '../../../electron/core/learner/attempts-csv.ts';
import { modelCommand } from '../../../electron/cli/commands/model.ts';
import { tempDir } from './fixtures.ts';

const HEADER = 'learner,exercise,concepts,timestamp,outcome,hints';

function errorOf(text: string): { line: number; column: number; message: string } {
  try {
    for (const _ of parseAttemptsCsv(text));
  } catch (error) {
    if (error instanceof AttemptsCsvError)
      return { line: error.line, column: error.column, message: error.message };
    throw error;
  }
  throw new Error('no error');
}

async function evaluate(csv: string, ...flags: string[]) {
  const dir = tempDir('lantern-attempts-unseen-');
  fs.writeFileSync(path.join(dir, 'log.csv'), csv);
  let out = '';
  let err = '';
  const code = await modelCommand({}).run(['evaluate', '--attempts', 'log.csv', ...flags], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: dir,
  });
  return { code, out, err };
}

describe('attempt logs from elsewhere', () => {
  it('names the second header of two joined files, byte-order mark and all, as a repeated header', () => {
    const one = `\uFEFF${HEADER}\r\nana,e1,c1,2026-03-01T09:30:00Z,1,\r\n`;
    const two = `\uFEFF${HEADER}\r\nbo,e1,c1,2026-03-02T09:30:00Z,0,\r\n`;
    const e = errorOf(one + two);
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.message).toContain('repeats the header');
  });

  it('still reads a learner whose id is "learner"', () => {
    const rows = [...parseAttemptsCsv(`${HEADER}\nlearner,e1,c1,2026-03-01,1,\n`)];
    expect(rows.map((r) => r.learner)).toEqual(['learner']);
  });

  it('counts blank lines and CRLF line ends in the line number, and shows the value without the CR', () => {
    const e = errorOf(`${HEADER}\r\n\r\nana,e1,c1,2026-03-01T09:30:00Z,1,x\r\n`);
    expect([e.line, e.column]).toEqual([3, 6]);
    expect(e.message).toContain('"x" is not a count of hints');
  });

  it('reads an offset written without a colon as that offset', () => {
    const [row] = [...parseAttemptsCsv(`${HEADER}\nli,e1,c1,2026-03-02T14:05:00+0800,0,2\n`)];
    expect(row!.at).toBe(Date.UTC(2026, 2, 2, 6, 5));
  });

  it('names the line and column of a quoted field broken over two lines', () => {
    const e = errorOf(`${HEADER}\nana,e1,c1,2026-03-01,1,\nbo,"fizz\nbuzz",c1,2026-03-01,1,\n`);
    expect([e.line, e.column]).toEqual([3, 2]);
  });

  it('evaluates quoted names with commas, several concepts and empty hints, and counts them right', async () => {
    const csv =
      `\uFEFF${HEADER}\r\n` +
      '"Li, Wei","loops, part 1","loops;variables",2026-03-01T09:30:00Z,0.5,\r\n' +
      '"Li, Wei","loops, part 1","loops;variables",2026-03-01T09:31:00Z,1,1\r\n' +
      'ana,"say ""hi""",output,2026-03-01T09:00:00Z,0,\r\n';
    const result = await evaluate(csv, '--json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ attempts: 3, learners: 2, exercises: 2, concepts: 3 });
    expect(report.models.map((m: { id: string }) => m.id)).toEqual(['lantern', 'exercise-rate', 'pfa']);
    for (const m of report.models) {
      expect(Object.keys(m.metrics).sort()).toEqual(
        ['accuracy', 'auc', 'calibration', 'count', 'logLoss', 'rmse'].sort(),
      );
      expect(m.metrics.count).toBe(3);
      expect(m.metrics.calibration).toHaveLength(10);
    }
  });

  it('prints the error alone under --json too, with the line and column, and exits 1', async () => {
    const result = await evaluate(`${HEADER}\nana,e1,c1,2026-03-01,1,\n${HEADER}\n`, '--json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('log.csv, line 3, column 1 (learner)');
  });
});
