/**
 * The structured log: JSON lines in <dataDir>/logs/lantern.log, rotated by size, keeping five
 * old files. Secrets never reach it: known secret fields are redacted by path, and any string
 * that looks like an API key or bearer token is masked wherever it appears.
 */
import pino from 'pino';
import { createStream } from 'rotating-file-stream';
import fs from 'node:fs';
import path from 'node:path';
import { SECRET_NAMES } from '../../shared/api/calls/tutor.ts';

export type Logger = pino.Logger;

/** Field names whose values are secret wherever they appear: the tutor's own, and the usual ones. */
const SECRET_FIELDS = [
  ...SECRET_NAMES,
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'x-api-key',
  'token',
  'secret',
  'password',
  'awsSecretAccessKey',
  'awsSessionToken',
  'credentials',
];
const SECRET_PATTERN =
  /(sk-ant-[A-Za-z0-9_-]{6})[A-Za-z0-9_-]*|(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*|(AKIA[0-9A-Z]{4})[0-9A-Z]{12}/g;

export function maskSecrets(text: string): string {
  return text.replace(
    SECRET_PATTERN,
    (_m, key: string | undefined, bearer: string | undefined, aws: string | undefined) =>
      key ? `${key}…[redacted]` : bearer ? `${bearer}[redacted]` : `${aws}…[redacted]`,
  );
}

const files = new WeakMap<Logger, { write(chunk: string, done: () => void): unknown }>();

/**
 * Resolves once every line logged so far is in the file: a write's callback runs after the
 * writes before it (Node's Writable keeps order). For shutdown and for tests that read the log.
 */
export function logWritten(log: Logger): Promise<void> {
  const file = files.get(log);
  return file ? new Promise((resolve) => file.write('', () => resolve())) : Promise.resolve();
}

export function createLogger(dataDir: string, options: { level?: string; toStdout?: boolean } = {}): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = createStream('lantern.log', { path: dir, size: '5M', maxFiles: 5 });
  const sink = {
    write(line: string) {
      const safe = maskSecrets(line);
      file.write(safe);
      if (options.toStdout) process.stdout.write(safe);
    },
  };
  const log = pino(
    {
      level: options.level ?? process.env.LANTERN_LOG_LEVEL ?? 'info',
      base: { app: 'lantern' },
      redact: { paths: SECRET_FIELDS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: '[redacted]' },
    },
    sink,
  );
  files.set(log, file);
  return log;
}

/** A logger that writes nowhere, for tests and tools that do not want a file. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
