/**
 * What each provider's client really puts on the wire, checked with the real SDKs against the
 * fake Messages API (the SDKs take a baseURL).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, textReply, toolReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { ModelCallError } from '../../../electron/core/tutor/errors.ts';
import { makeClient, tempDb, TEST_KEY } from './helpers.ts';

let fake: FakeAnthropic;
let env: ReturnType<typeof tempDb>;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  env?.cleanup();
});

const ask = {
  purpose: 'hint',
  system: 'You are a tutor.',
  messages: [{ role: 'user' as const, content: 'Hi' }],
  maxTokens: 50,
};

describe('Claude API', () => {
  it('sends the key as a bearer token, API version 2026-10-21, the model in the body and no sampling parameters', async () => {
    env = tempDb();
    const { client } = makeClient(env.db, fake.url);
    fake.enqueue(textReply('Hello'));
    const answer = await client.call(ask);
    expect(answer.text).toBe('Hello');
    const [req] = fake.requests;
    expect(req?.url).toBe('/v1/messages');
    expect(req?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(req?.headers['x-api-key']).toBeUndefined();
    expect(req?.headers['anthropic-version']).toBe('2026-10-21');
    expect(req?.body?.model).toBe('claude-haiku-4-5');
    for (const p of ['temperature', 'top_p', 'top_k']) expect(req?.body).not.toHaveProperty(p);
  });

  it('streams text deltas in order and returns the whole text', async () => {
    env = tempDb();
    const { client } = makeClient(env.db, fake.url);
    fake.enqueue(textReply('What does your loop do when the list is empty?', undefined, { chunkSize: 5 }));
    const pieces: string[] = [];
    const answer = await client.call(ask, { onText: (t) => pieces.push(t) });
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe('What does your loop do when the list is empty?');
    expect(answer.text).toBe(pieces.join(''));
    expect(fake.requests[0]?.body?.stream).toBe(true);
  });

  it('assembles a streamed tool call from input_json_delta events', async () => {
    env = tempDb();
    const { client } = makeClient(env.db, fake.url);
    fake.enqueue(toolReply('submit_exercise', { title: 'Sum', tests: ['a', 'b'] }));
    const answer = await client.call(
      {
        ...ask,
        tools: [{ name: 'submit_exercise', input_schema: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 'submit_exercise' },
      },
      { onText: () => {} },
    );
    const block = answer.message.content.find((b) => b.type === 'tool_use');
    expect(block && 'input' in block ? block.input : undefined).toEqual({ title: 'Sum', tests: ['a', 'b'] });
  });
});

describe('a refusal (stop_reason "refusal")', () => {
  for (const streamed of [false, true]) {
    it(`is a "refused" failure, not an answer, ${streamed ? 'streamed' : 'in one piece'}, and its tokens are counted`, async () => {
      env = tempDb();
      const { client, usage } = makeClient(env.db, fake.url);
      fake.enqueue(
        textReply(
          'I cannot help with that.',
          { input_tokens: 900, output_tokens: 7 },
          { stopReason: 'refusal' },
        ),
      );
      const failure = await client.call(ask, streamed ? { onText: () => {} } : {}).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(ModelCallError);
      expect(failure).toMatchObject({ kind: 'refused' });
      expect((failure as ModelCallError).message).not.toContain('I cannot help');
      expect(fake.requests).toHaveLength(1);
      expect(usage.recent(1)[0]).toMatchObject({ outcome: 'refused', inputTokens: 900, outputTokens: 7 });
    });
  }
});

describe('Amazon Bedrock', () => {
  it('puts the model in the path, anthropic_version bedrock-2023-05-31 in the body for Haiku 4.5, and the Bedrock API key as a bearer token', async () => {
    env = tempDb();
    const { client } = makeClient(
      env.db,
      fake.url,
      { provider: 'bedrock', region: 'us-east-1', bedrockProfile: 'global' },
      {
        bedrockApiKey: 'bedrock-api-key-ABCDEFGHIJKLMNOP',
      },
    );
    fake.enqueue(textReply('Bedrock says hi', undefined, { chunkSize: 4 }));
    const pieces: string[] = [];
    const answer = await client.call(ask, { onText: (t) => pieces.push(t) });
    expect(answer.text).toBe('Bedrock says hi');
    expect(pieces.join('')).toBe('Bedrock says hi');
    const [req] = fake.requests;
    expect(req?.provider).toBe('bedrock');
    expect(req?.url).toBe(
      '/model/global.anthropic.claude-haiku-4-5-20251001-v1:0/invoke-with-response-stream',
    );
    expect(req?.body?.anthropic_version).toBe('bedrock-2023-05-31');
    expect(req?.body).not.toHaveProperty('model');
    expect(req?.body).not.toHaveProperty('stream');
    expect(req?.headers['anthropic-version']).toBeUndefined();
    expect(req?.headers.authorization).toBe('Bearer bedrock-api-key-ABCDEFGHIJKLMNOP');
  });

  it('signs with SigV4 when given AWS keys', async () => {
    env = tempDb();
    const { client } = makeClient(
      env.db,
      fake.url,
      { provider: 'bedrock', region: 'eu-west-1', bedrockProfile: 'eu' },
      {
        awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        awsSecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    );
    fake.enqueue(textReply('ok'));
    await client.call(ask);
    const [req] = fake.requests;
    expect(req?.url).toBe('/model/eu.anthropic.claude-haiku-4-5-20251001-v1:0/invoke');
    expect(req?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/bedrock\/aws4_request/,
    );
    expect(req?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('keeps the SDK default API version for a model that accepts it (Sonnet 5.5)', async () => {
    env = tempDb();
    const { client } = makeClient(
      env.db,
      fake.url,
      { provider: 'bedrock', region: 'us-east-1', bedrockProfile: 'us' },
      {
        bedrockApiKey: 'bedrock-api-key-ABCDEFGHIJKLMNOP',
      },
    );
    fake.enqueue(textReply('ok'));
    await client.call({ ...ask, model: 'sonnet-5-5' });
    expect(fake.requests[0]?.url).toBe('/model/us.anthropic.claude-sonnet-5-5/invoke');
    expect(fake.requests[0]?.body?.anthropic_version).toBe('2026-10-21');
  });
});

describe('Vertex AI', () => {
  it('puts project, region and model in the path, anthropic_version vertex-2023-10-16 in the body, and a Google token', async () => {
    env = tempDb();
    const { client } = makeClient(
      env.db,
      fake.url,
      { provider: 'vertex', region: 'us-east5', project: 'lantern-class' },
      {
        googleAccessToken: 'ya29.google-token-XYZ1234567',
      },
    );
    fake.enqueue(textReply('Vertex says hi'));
    const pieces: string[] = [];
    const answer = await client.call(ask, { onText: (t) => pieces.push(t) });
    expect(answer.text).toBe('Vertex says hi');
    const [req] = fake.requests;
    expect(req?.url).toBe(
      '/projects/lantern-class/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001:streamRawPredict',
    );
    expect(req?.body?.anthropic_version).toBe('vertex-2023-10-16');
    expect(req?.body).not.toHaveProperty('model');
    expect(req?.headers['anthropic-version']).toBeUndefined();
    expect(req?.headers.authorization).toBe('Bearer ya29.google-token-XYZ1234567');
  });

  it('is not configured without a project', () => {
    env = tempDb();
    const { client } = makeClient(env.db, fake.url, { provider: 'vertex', region: 'us-east5' }, {});
    expect(client.unavailableReason()?.kind).toBe('no-key');
  });
});
