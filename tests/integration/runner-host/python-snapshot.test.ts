/**
 * The Python start-up snapshot (shared/runner/python/boot.ts), made and restored with the real
 * Pyodide as the build and the browser worker do: a restored runner judges code like a fresh one,
 * draws its own random numbers, carries nothing of the machine that made it, and a snapshot that
 * is broken or cannot be read falls back to a normal start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootPython, makePythonSnapshot } from '../../../shared/runner/python/boot.ts';
import { createPythonRunner } from '../../../shared/runner/python/index.ts';
import type { RunnerIO } from '../../../shared/runner/io.ts';
import {
  makePythonSnapshotFile,
  makerArguments,
  SNAPSHOT_DIR,
} from '../../../electron/core/runner-host/python-snapshot.ts';
import {
  childArguments,
  DEFAULT_LIMITS,
  SandboxChild,
} from '../../../electron/core/runner-host/sandbox-child.ts';

const indexURL = path.dirname(fileURLToPath(import.meta.resolve('pyodide'))) + path.sep;

function io(): RunnerIO & { text: () => string } {
  let out = '';
  return { write: (_stream, text) => void (out += text), readLine: () => null, text: () => out };
}

const LEAP_TESTS = `import unittest
from leap import leap_year

class LeapTest(unittest.TestCase):
    def test_2000(self):
        self.assertEqual(leap_year(2000), True)

    def test_1900(self):
        self.assertEqual(leap_year(1900), False)
`;

describe('the Python start-up snapshot', () => {
  let snapshot: Uint8Array;
  beforeAll(async () => {
    snapshot = await makePythonSnapshot(loadPyodide, indexURL);
  }, 60_000);

  it('restores a runner that checks code like a freshly started one', async () => {
    const boot = await bootPython(loadPyodide, indexURL, snapshot);
    expect(boot.from).toBe('snapshot');
    const runner = createPythonRunner(boot.pyodide);
    const failing = runner.run(
      {
        mode: 'check',
        language: 'python',
        module: 'leap',
        code: 'def leap_year(y):\n    return y % 4 == 0\n',
        tests: LEAP_TESTS,
      },
      io(),
    );
    expect(failing.status).toBe('fail');
    const failed = failing.tests?.find((t) => t.status === 'fail');
    expect(failed?.name).toContain('1900');
    expect(failed?.expected).toBe('False');
    expect(failed?.actual).toBe('True');

    const solution = 'def leap_year(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)\n';
    const passing = runner.run(
      { mode: 'check', language: 'python', module: 'leap', code: solution, tests: LEAP_TESTS },
      io(),
    );
    expect(passing.status).toBe('pass');
  }, 60_000);

  it('gives each restored runner its own random numbers and none of the build machine', async () => {
    const draws: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { pyodide } = await bootPython(loadPyodide, indexURL, snapshot);
      const out = io();
      createPythonRunner(pyodide).run(
        {
          mode: 'run',
          language: 'python',
          module: 'main',
          code: 'import os, random, sys\nprint(random.random(), "_" in os.environ, sys.executable, os.getcwd())\n',
        },
        out,
      );
      draws.push(out.text().trim());
    }
    const [first, second] = draws.map((d) => d.split(' '));
    // No `_` variable and no sys.executable naming the file that made the snapshot.
    expect(first?.[1]).toBe('False');
    expect(first?.[2]).not.toMatch(/[/\\]/);
    expect(first?.[3]).toBe('/lantern');
    expect(first?.[0]).not.toBe(second?.[0]);
  }, 60_000);

  it('takes the time zone and language of the machine it runs on, not of the one that made it', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const { pyodide } = await bootPython(loadPyodide, indexURL, snapshot);
      const out = io();
      createPythonRunner(pyodide).run(
        {
          mode: 'run',
          language: 'python',
          module: 'main',
          code: 'import os, time\nprint(time.timezone, time.daylight, time.tzname[0], os.environ["LANG"])\n',
        },
        out,
      );
      const lang = `${navigator.language.replace('-', '_')}.UTF-8`;
      expect(out.text()).toBe(`-32400 0 UTC+0900 ${lang}\n`);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  }, 60_000);

  it('starts normally, and says why, when the snapshot is broken or cannot be read', async () => {
    const broken = snapshot.slice(0, 4096);
    broken.fill(7, 0, 64);
    const fromBroken = await bootPython(loadPyodide, indexURL, broken);
    expect(fromBroken.from).toBe('start');
    expect(fromBroken.snapshotError).toMatch(/could not be restored/);
    const out = io();
    createPythonRunner(fromBroken.pyodide).run(
      { mode: 'run', language: 'python', module: 'main', code: 'print(6 * 7)' },
      out,
    );
    expect(out.text()).toBe('42\n');

    const unreadable = await bootPython(loadPyodide, indexURL, Promise.reject(new Error('404')));
    expect(unreadable.from).toBe('start');
    expect(unreadable.snapshotError).toMatch(/could not read the snapshot: Error: 404/);
  }, 60_000);
});

describe('the Node host’s snapshot', () => {
  it('is made by a process under the sandbox’s permission flags that may write only to its folder', async () => {
    const target = path.join(SNAPSHOT_DIR, `test-${process.pid}.snapshot`);
    const args = makerArguments(target);
    expect(args).toContain('--permission');
    expect(args.filter((a) => a.startsWith('--allow-fs-write'))).toEqual([
      `--allow-fs-write=${SNAPSHOT_DIR}${path.sep}*`,
    ]);
    expect(args).not.toContain('--allow-child-process');
    // Also where nothing else may be read (the build writes into out/renderer/runtimes).
    const elsewhere = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-snapshot-')),
      'python.snapshot',
    );
    try {
      expect(await makePythonSnapshotFile(process.execPath, elsewhere)).toBe(elsewhere);
      expect(fs.readdirSync(path.dirname(elsewhere))).toEqual(['python.snapshot']);
      expect(await makePythonSnapshotFile(process.execPath, target)).toBe(target);
      expect(fs.statSync(target).size).toBeGreaterThan(1_000_000);
      // Written through a temporary file that is gone afterwards.
      expect(fs.readdirSync(SNAPSHOT_DIR).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.rmSync(target, { force: true });
      fs.rmSync(path.dirname(elsewhere), { recursive: true, force: true });
    }
  }, 60_000);

  it('is restored by a sandbox child, which then checks code', async () => {
    const file = await makePythonSnapshotFile(process.execPath);
    expect(file).toBeDefined();
    expect(childArguments(DEFAULT_LIMITS, file).at(-1)).toBe(file);
    const child = new SandboxChild(DEFAULT_LIMITS);
    try {
      await child.ready;
      expect(child.python).toBe('snapshot');
      const solution = 'def leap_year(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)\n';
      const result = await child.run({
        mode: 'check',
        language: 'python',
        module: 'leap',
        code: solution,
        tests: LEAP_TESTS,
      });
      expect(result.status).toBe('pass');
    } finally {
      child.kill();
    }
  }, 60_000);
});
