/**
 * One Lantern per data folder, with real processes: a second web mode on the same folder is
 * refused with a message naming the folder and the first one's pid, and deletes nothing (the
 * first one's restore upload in progress survives and finishes); `lantern report export` is
 * refused the same way while web mode runs; a Lantern killed with SIGKILL leaves a stale
 * lantern.lock that the next one takes over.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WEB_MAIN = path.join(ROOT, 'electron/web/main.ts');
const CLI = path.join(ROOT, 'bin/lantern.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-one-'));
const dataDir = path.join(dir, 'data');
// Web mode needs a built page to serve; the API is what these tests use.
const rendererDir = path.join(dir, 'renderer');
fs.mkdirSync(rendererDir, { recursive: true });
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lantern</title>');
const env = { ...process.env, LANTERN_DATA_DIR: dataDir, LANTERN_RENDERER_DIR: rendererDir };

interface Web {
  child: ChildProcess;
  url: string;
  token: string;
}
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts web mode; resolves with its address once it prints it, or with its exit and output. */
function startWeb(): Promise<{ web: Web } | { exitCode: number | null; output: string }> {
  const child = spawn(process.execPath, [WEB_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)/.exec(output);
      if (m) resolve({ web: { child, url: m[1]!, token: m[2]! } });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (exitCode) => resolve({ exitCode, output }));
  });
}

async function call<T>(web: Web, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${web.url}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.value;
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

let first: Web;

beforeAll(async () => {
  const started = await startWeb();
  if (!('web' in started)) throw new Error(`web mode did not start:\n${started.output}`);
  first = started.web;
}, 60_000);

describe('one Lantern per data folder', () => {
  test('a second web mode is refused, naming the folder and the pid, and the first one’s restore upload survives', async () => {
    await call(first, 'createProfile', { name: 'Ada', switchTo: true });
    const backup = await call<{ data: string; sizeBytes: number; fileName: string }>(
      first,
      'createBackup',
      {},
    );
    const bytes = Buffer.from(backup.data, 'base64');
    const { uploadId } = await call<{ uploadId: string }>(first, 'startRestore', {
      sizeBytes: bytes.length,
      fileName: backup.fileName,
    });
    const half = Math.floor(bytes.length / 2);
    await call(first, 'uploadRestoreChunk', {
      uploadId,
      offset: 0,
      data: bytes.subarray(0, half).toString('base64'),
    });
    const staged = path.join(dataDir, 'restore', `${uploadId}.db`);
    expect(fs.statSync(staged).size).toBe(half);

    const second = await startWeb();
    expect('exitCode' in second && second.exitCode).toBe(1);
    const { output } = second as { output: string };
    expect(output).toContain(
      `The data folder ${dataDir} is in use by another Lantern: process ${first.child.pid} (web, started `,
    );
    expect(output).toContain(
      'Close that Lantern first, or start this one with LANTERN_DATA_DIR set to another folder.',
    );

    // Nothing of the first one's was touched: the upload goes on and the restore completes.
    expect(fs.statSync(staged).size).toBe(half);
    await call(first, 'uploadRestoreChunk', {
      uploadId,
      offset: half,
      data: bytes.subarray(half).toString('base64'),
    });
    const restored = await call<{ profiles: number }>(first, 'finishRestore', { uploadId });
    expect(restored.profiles).toBe(1);
  }, 60_000);

  test('`lantern report export` is refused while web mode holds the folder; reading commands are not', async () => {
    const refused = await runCli(['report', 'export', '--profile', 'Ada', '--out', path.join(dir, 'out')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `The data folder ${dataDir} is in use by another Lantern: process ${first.child.pid}`,
    );
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);

    // `report class` reads only the files it is given, so it runs beside the app.
    const { files } = await call<{ files: { name: string; content: string }[] }>(first, 'exportReport', {
      format: 'json',
    });
    const reports = path.join(dir, 'reports');
    fs.mkdirSync(reports);
    fs.writeFileSync(path.join(reports, files[0]!.name), files[0]!.content);
    const gradebook = await runCli(['report', 'class', reports, '--out', path.join(dir, 'class.csv')]);
    expect(gradebook.code, gradebook.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'class.csv'), 'utf8')).toContain('Ada');
  }, 120_000);

  test('a Lantern killed outright leaves a stale lock, which the next one takes over', async () => {
    const holder = JSON.parse(fs.readFileSync(path.join(dataDir, 'lantern.lock'), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(first.child.pid);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    // The kill left lantern.lock behind, naming a process that is gone.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'lantern.lock'), 'utf8'))).toMatchObject({
      pid: first.child.pid,
    });

    const next = await startWeb();
    if (!('web' in next)) throw new Error(`the next web mode was refused:\n${next.output}`);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'lantern.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(next.web.child.pid);
    const profiles = await call<{ profiles: { name: string }[] }>(next.web, 'listProfiles', {});
    expect(profiles.profiles.map((p) => p.name)).toContain('Ada');

    // A clean stop removes lantern.lock, and then the CLI may export.
    const stopped = new Promise((resolve) => next.web.child.once('exit', resolve));
    next.web.child.kill('SIGTERM');
    await stopped;
    expect(fs.existsSync(path.join(dataDir, 'lantern.lock'))).toBe(false);
    const exported = await runCli(['report', 'export', '--profile', 'Ada', '--out', path.join(dir, 'out')]);
    expect(exported.code, exported.stderr).toBe(0);
  }, 120_000);
});
