/**
 * Killing Lantern at any moment loses no acknowledged attempt and leaves a sound database: a
 * writer process records attempts through the real store and learner model and is killed with
 * SIGKILL at random moments, again and again, on the same database.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const WRITER = path.join(import.meta.dirname, 'crash-writer.ts');
const KILLS = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-crash-'));
const file = path.join(dir, 'lantern.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until `killAfterMs` after it is ready, kills it, and answers what it acknowledged. */
function runAndKill(killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!; // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        if (line === 'ready' && !killed) {
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, killAfterMs);
        }
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the writer stopped by itself (exit ${code}):\n${stderr}`));
    });
  });
}

describe('crash safety', () => {
  test(`after ${KILLS} kills mid-write, every acknowledged attempt is stored and the database is sound`, async () => {
    const everAcked: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Kill anywhere from almost at once to a few hundred attempts in.
      const acked = await runAndKill(Math.floor(Math.random() * 120));
      everAcked.push(...acked);

      const db = new Database(file); // opening replays the WAL, as the next app start would
      try {
        expect(db.pragma('integrity_check', { simple: true }), `after kill ${i + 1}`).toBe('ok');
        expect(db.pragma('foreign_key_check'), `after kill ${i + 1}`).toEqual([]);
        const stored = new Set(db.prepare('SELECT id FROM attempt').pluck().all() as number[]);
        const lost = everAcked.filter((id) => !stored.has(id));
        expect(lost, `acknowledged attempts missing after kill ${i + 1}`).toEqual([]);
        // The summary the lesson view reads agrees with the attempts it summarises.
        const mismatched = db
          .prepare(
            `SELECT p.exercise FROM exercise_progress p
             WHERE p.runs + p.checks != (SELECT count(*) FROM attempt a
               WHERE a.profile_id = p.profile_id AND a.track = p.track AND a.exercise = p.exercise)`,
          )
          .all();
        expect(mismatched, `after kill ${i + 1}`).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(everAcked.length).toBeGreaterThan(KILLS);
  }, 60_000);
});
