/**
 * `lantern model evaluate` fed files as a data scientist's tools leave them: one enormous line,
 * a row with a column too many, a spreadsheet's UTF-16 or semicolon export, an old Mac's CR line
 * ends, a folder instead of a file, an exercise id that claims a difficulty off the scale. Each
 * is a clear message naming the line and column (or the file), never a crash or a long wait.
 * And the figures of a tiny log checked against values worked out by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AttemptsCsvError,
  parseAttemptsCsv,
  readAttemptsFile,
} from '../../../electron/core/learner/attempts-csv.ts';
import { difficultyInId, evaluateAttempts } from '../../../electron/core/learner/model-evaluation.ts';
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

async function evaluateFile(file: string, ...flags: string[]) {
  let out = '';
  let err = '';
  const code = await modelCommand({}).run(['evaluate', '--attempts', file, ...flags], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: path.dirname(file),
  });
  return { code, out, err };
}

describe('hostile attempt files', () => {
  it('stops at a line longer than any attempt, naming it, without reading the rest of it', async () => {
    const file = path.join(tempDir('lantern-hostile-'), 'long.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${HEADER}\nana,e1,c1,2026-03-01,1,\nana,`);
    // 50 MB of one exercise id, then the rest of the row and one more good row.
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 50; i++) fs.writeSync(fd, block);
    fs.writeSync(fd, ',c1,2026-03-02,1,\nana,e1,c1,2026-03-03,1,\n');
    fs.closeSync(fd);
    const seen: number[] = [];
    const error = await readAttemptsFile(file, (a) => seen.push(a.line)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttemptsCsvError);
    expect((error as AttemptsCsvError).message).toMatch(
      /^line 3, column 2 \(exercise\): the line is longer than/,
    );
    expect(seen).toEqual([2]);
    const cli = await evaluateFile(file);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('long.csv, line 3, column 2 (exercise): the line is longer than');
  });

  it('does not call a column past the header’s last one "revealed" when the file has no such column', () => {
    const e = errorOf(`${HEADER}\nana,e1,c1,2026-03-01,1,0,1\n`);
    expect([e.line, e.column]).toEqual([2, 7]);
    expect(e.message).not.toContain('revealed');
    expect(e.message).toBe('line 2, column 7 (extra): expected 6 fields, found 7');
    const e8 = errorOf(`${HEADER},revealed\nana,e1,c1,2026-03-01,1,0,1,2\n`);
    expect(e8.message).toBe('line 2, column 8 (extra): expected 7 fields, found 8');
  });

  it('says a spreadsheet’s semicolon-separated export is separated by semicolons', () => {
    const e = errorOf('learner;exercise;concepts;timestamp;outcome;hints\nana;e1;c1;2026-03-01;1;0\n');
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.message).toContain('separated by ";"');
  });

  it('says a UTF-16 file is UTF-16, without printing its bytes', async () => {
    const file = path.join(tempDir('lantern-hostile-'), 'utf16.csv');
    const text = `${HEADER}\r\nana,e1,c1,2026-03-01,1,0\r\n`;
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const cli = await evaluateFile(file);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('line 1, column 1 (learner)');
    expect(cli.err).toContain('UTF-16');
    expect(cli.err).not.toContain('\u0000');
    expect(cli.err).not.toContain('\uFFFD');
  });

  it('says a database given as the log is a database, and other binary is not text', async () => {
    const dir = tempDir('lantern-hostile-');
    const db = path.join(dir, 'lantern.db');
    fs.writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(200)]));
    const asDb = await evaluateFile(db);
    expect(asDb.code).toBe(1);
    expect(asDb.err).toContain('line 1, column 1 (learner): this is a database, not a CSV file');
    const gz = path.join(dir, 'log.csv.gz');
    fs.writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a]));
    const asGz = await evaluateFile(gz);
    expect(asGz.code).toBe(1);
    expect(asGz.err).toContain('the file is not text');
    expect(asGz.err).not.toContain('\u0000');
  });

  it.skipIf(process.platform === 'win32')(
    'ends on an endless device instead of reading it forever',
    async () => {
      const zero = await evaluateFile('/dev/zero');
      expect(zero.code).toBe(1);
      expect(zero.err).toContain('/dev/zero, line 1, column 1 (learner): the file is not text');
    },
  );

  it('quotes a bad value short, on one line, however long it is', () => {
    const e = errorOf(`${HEADER}\nana,e1,c1,${'9'.repeat(100_000)},1,0\n`);
    expect([e.line, e.column]).toEqual([2, 4]);
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toContain('…');
  });

  it('says lines that end in a carriage return alone end that way', () => {
    const e = errorOf(`${HEADER}\rana,e1,c1,2026-03-01,1,0\r`);
    expect(e.line).toBe(1);
    expect(e.message).toContain('carriage return');
  });

  it('says a folder is a folder, and a missing file is missing', async () => {
    const dir = tempDir('lantern-hostile-');
    const folder = await evaluateFile(dir);
    expect(folder.code).toBe(1);
    expect(folder.err).toContain('is a folder, not a file');
    const missing = await evaluateFile(path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no file');
  });

  it('reads an exercise’s own difficulty only on the 1–10 scale it is authored on', () => {
    expect(difficultyInId('py/gen-1#difficulty=8')).toBe(8);
    expect(difficultyInId('py/gen-1#difficulty=100')).toBe(10);
    expect(difficultyInId('py/gen-1#difficulty=0')).toBe(1);
    const [lantern] = evaluateAttempts([
      {
        learner: 'a',
        exercise: 'g#difficulty=1000',
        concepts: ['c'],
        at: 0,
        outcome: 1,
        hints: 0,
        revealed: false,
      },
    ]).models;
    // At difficulty 10 a new learner is predicted at σ(−2.25) ≈ 0.095, not at σ(−497).
    expect(lantern!.metrics.calibration[0]!.predicted).toBeCloseTo(1 / (1 + Math.exp(2.25)), 9);
  });

  it('reads Chinese ids, one learner only, and all passes; AUC is then absent, not a number', async () => {
    const file = path.join(tempDir('lantern-hostile-'), '中文.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\n学生甲,练习一,循环;条件,2026-03-01,1,\n学生甲,练习二,循环,2026-03-02,1,0\n`,
    );
    const cli = await evaluateFile(file, '--json');
    expect(cli.err).toBe('');
    const report = JSON.parse(cli.out);
    expect(report).toMatchObject({ attempts: 2, learners: 1, exercises: 2, concepts: 2 });
    for (const m of report.models) expect(m.metrics.auc).toBeNull();
  });
});

describe('the figures of a tiny log, by hand', () => {
  it('gives the exercise success rate baseline’s AUC, RMSE, log-loss, accuracy and bins as worked out', async () => {
    // Four attempts at one exercise: pass, fail, pass, pass.
    // overall = (s + 1) / (n + 2); prediction = (s_e + 2·overall) / (n_e + 2).
    //   1: overall 1/2, p = 1/2 = 0.5            → y 1
    //   2: overall 2/3, p = (1 + 4/3)/3 = 7/9     → y 0
    //   3: overall 2/4, p = (1 + 1)/4 = 1/2       → y 1
    //   4: overall 3/5, p = (2 + 6/5)/5 = 16/25   → y 1
    const file = path.join(tempDir('lantern-hostile-'), 'tiny.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\na,e,c,2026-03-01,1,\nb,e,c,2026-03-01,0,\nc,e,c,2026-03-01,1,\nd,e,c,2026-03-01,1,\n`,
    );
    const cli = await evaluateFile(file, '--json');
    const rate = JSON.parse(cli.out).models.find((m: { id: string }) => m.id === 'exercise-rate').metrics;
    const p = [0.5, 7 / 9, 0.5, 16 / 25];
    const y = [1, 0, 1, 1];
    // AUC: the failure (7/9) is above every success: positives 0.5, 0.5, 0.64 all lose → 0.
    expect(rate.auc).toBe(0);
    expect(rate.rmse).toBeCloseTo(Math.sqrt(p.reduce((s, q, i) => s + (q - y[i]!) ** 2, 0) / 4), 12);
    const ll = -(Math.log(0.5) + Math.log(1 - 7 / 9) + Math.log(0.5) + Math.log(16 / 25)) / 4;
    expect(rate.logLoss).toBeCloseTo(ll, 12);
    // 0.5 predicts success: attempts 1, 3, 4 right, 2 wrong.
    expect(rate.accuracy).toBe(0.75);
    expect(rate.calibration[5]).toMatchObject({ count: 2, predicted: 0.5, observed: 1 });
    expect(rate.calibration[6].count).toBe(1);
    expect(rate.calibration[6].predicted).toBeCloseTo(0.64, 12);
    expect(rate.calibration[7].count).toBe(1);
    expect(rate.calibration[7].observed).toBe(0);
  });
});
