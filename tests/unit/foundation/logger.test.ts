import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, logWritten, maskSecrets } from '../../../electron/core/logger.ts';

describe('the log', () => {
  test('secret fields and key-shaped strings never reach the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-log-'));
    const log = createLogger(dir);
    const key = 'sk-ant-api03-' + 'A'.repeat(80);
    log.info({ provider: { apiKey: key }, authorization: 'Bearer abcdefghijklmnop' }, `calling with ${key}`);
    await logWritten(log);
    const text = fs.readFileSync(path.join(dir, 'logs', 'lantern.log'), 'utf8');
    expect(text).toContain('calling with');
    expect(text).not.toContain('A'.repeat(20));
    expect(text).not.toContain('abcdefghijklmnop');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the tutor's own secret fields are redacted by name, whatever their shape", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-log-'));
    const log = createLogger(dir);
    // A Google access token and a Bedrock key do not look like an Anthropic key: only the name tells.
    log.info(
      { secrets: { googleAccessToken: 'ya29.opaque-google-token', bedrockApiKey: 'opaque-bedrock' } },
      'saved',
    );
    await logWritten(log);
    const text = fs.readFileSync(path.join(dir, 'logs', 'lantern.log'), 'utf8');
    expect(text).toContain('saved');
    expect(text).not.toContain('opaque-google-token');
    expect(text).not.toContain('opaque-bedrock');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('masking keeps enough to recognise the key and nothing more', () => {
    expect(maskSecrets('key sk-ant-api03-SECRETSECRET')).toBe('key sk-ant-api03-…[redacted]');
    expect(maskSecrets('AKIAABCDEFGHIJKLMNOP')).toBe('AKIAABCD…[redacted]');
  });
});
