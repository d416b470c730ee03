/** Keys never reach the log file, nor anything the tutor hands back for the renderer. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  errorReply,
  startFakeAnthropic,
  textReply,
  type FakeAnthropic,
} from '../../fake-anthropic/server.ts';
import { createLogger, logWritten } from '../../../electron/core/logger.ts';
import { requestHint } from '../../../electron/core/tutor/hints.ts';
import { makeClient, tempDb, TEST_KEY } from './helpers.ts';
import { clamp, failingRun, STARTER } from './fixtures.ts';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

it('a refused key, a failed and a successful hint leave no key in the log or in the hint', async () => {
  const env = tempDb();
  const log = createLogger(env.dir, { level: 'debug' });
  const { client } = makeClient(env.db, fake.url, {}, { anthropicApiKey: TEST_KEY }, { log, maxRetries: 0 });
  const request = {
    exercise: clamp,
    code: STARTER,
    lastResult: failingRun,
    hintsGiven: [],
    locale: 'en' as const,
  };
  fake.enqueue(
    errorReply(401, { message: `invalid x-api-key ${TEST_KEY}` }),
    errorReply(500),
    textReply('Fine.'),
  );
  const hints = [
    await requestHint({ client, log }, request),
    await requestHint({ client, log }, request),
    await requestHint({ client, log }, request),
  ];
  log.info({ settings: client.settings }, 'tutor settings');
  await logWritten(log);
  const text = fs.readFileSync(path.join(env.dir, 'logs', 'lantern.log'), 'utf8');
  expect(text).toContain('model call failed');
  expect(text).toContain('key-refused');
  expect(text).not.toContain(TEST_KEY.slice(12));
  expect(JSON.stringify(hints)).not.toContain(TEST_KEY.slice(12));
  expect(hints.map((h) => h.kind)).toEqual(['computed', 'computed', 'model']);
  env.cleanup();
});
