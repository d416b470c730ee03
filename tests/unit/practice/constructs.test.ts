import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONSTRUCTS, estimateDifficulty, usesConcept } from '../../../shared/content/constructs.ts';
import { loadTrack } from '../../../shared/content/load.ts';
import type { Exercise } from '../../../shared/content/schema.ts';

function builtIn(language: 'python' | 'javascript'): { concepts: string[]; exercises: Exercise[] } {
  const root = path.resolve(import.meta.dirname, '../../../exercises', language);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(root, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  const loaded = loadTrack(files);
  return {
    concepts: loaded.track?.concepts.map((c) => c.id) ?? [],
    exercises: [...loaded.exercises.values()]
      .map((e) => e.exercise)
      .filter((e) => e.type === 'exercise' && e.solution),
  };
}

describe.each(['python', 'javascript'] as const)('the %s constructs map', (language) => {
  const track = builtIn(language);

  test('names every concept of the built-in track', () => {
    expect(track.concepts.length).toBeGreaterThan(10);
    for (const c of track.concepts) expect(CONSTRUCTS[language][c], c).toBeDefined();
  });

  test("finds each built-in solution's first concept in its code", () => {
    const missing = track.exercises.filter(
      (e) => !usesConcept(e.solution ?? '', e.language ?? language, e.concepts[0] ?? ''),
    );
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  test('estimates nine in ten built-in difficulties within 2 of the authored one', () => {
    const near = track.exercises.filter(
      (e) => Math.abs(estimateDifficulty(e.solution ?? '', e.language ?? language) - e.difficulty) <= 2,
    );
    expect(near.length / track.exercises.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('solutions off their concept', () => {
  test('a loops problem without a loop, a recursion problem without recursion', () => {
    expect(usesConcept('def total(xs):\n    return sum(xs)\n', 'python', 'loops')).toBe(false);
    expect(usesConcept('def total(xs):\n    return [x for x in xs]\n', 'python', 'loops')).toBe(false);
    expect(
      usesConcept(
        'def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n',
        'python',
        'loops',
      ),
    ).toBe(true);
    expect(
      usesConcept(
        'def fact(n):\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r\n',
        'python',
        'recursion',
      ),
    ).toBe(false);
    expect(
      usesConcept('def fact(n):\n    return 1 if n < 2 else n * fact(n - 1)\n', 'python', 'recursion'),
    ).toBe(true);
    expect(usesConcept('export function f(a) { return a.length; }', 'javascript', 'loops')).toBe(false);
    expect(usesConcept('export const later = (x) => x * 2;', 'javascript', 'async')).toBe(false);
    expect(usesConcept('export async function later(x) { return await x; }', 'javascript', 'async')).toBe(
      true,
    );
    expect(
      usesConcept('export function counter() { let n = 0; return () => ++n; }', 'javascript', 'closures'),
    ).toBe(true);
    // A keyword inside a string or a comment is not code.
    expect(usesConcept('def f():\n    # for each item\n    return "while"\n', 'python', 'loops')).toBe(false);
  });

  test('a one-liner is easy; nested loops with a class are not', () => {
    expect(estimateDifficulty('def double(n):\n    return n * 2\n', 'python')).toBeLessThanOrEqual(2);
    const hard = `class Board:\n    def __init__(self, rows):\n        self.rows = rows\n\n    def winner(self):\n        for row in self.rows:\n            for i in range(len(row) - 1):\n                if row[i] != row[i + 1]:\n                    break\n            else:\n                return row[0]\n        return None\n`;
    expect(estimateDifficulty(hard, 'python')).toBeGreaterThanOrEqual(6);
  });
});
