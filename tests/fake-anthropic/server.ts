/**
 * A local fake of the Claude Messages API for tests and benchmarks. It speaks the real wire format
 * (checked against @anthropic-ai/sdk 1.x: `core/streaming.ts`, `resources/messages`, `core/error.ts`)
 * so the real SDKs can be pointed at it with `baseURL`:
 *
 * - Claude API:  POST /v1/messages                                     (JSON or SSE)
 * - Bedrock:     POST /model/{model}/invoke[-with-response-stream]      (JSON or AWS EventStream)
 * - Vertex AI:   POST /projects/{p}/locations/{r}/publishers/anthropic/models/{model}:[stream]rawPredict
 *
 * Tests script it with a queue of replies and read back every request it received.
 * See README.md in this folder.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export type FakeBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id?: string; name: string; input: unknown }
  /** Sent as a raw `input_json_delta` string, even if it is not valid JSON (to test bad tool output). */
  | { type: 'tool_use_raw'; id?: string; name: string; json: string };

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type FakeReply =
  | {
      kind: 'message';
      content: FakeBlock[];
      usage?: Partial<FakeUsage>;
      stopReason?: 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';
      /** Characters per `text_delta` (and per `input_json_delta`) when streamed. Default 16. */
      chunkSize?: number;
      /** Pause between streamed deltas. Default 0. */
      chunkDelayMs?: number;
    }
  | {
      kind: 'error';
      status: number;
      type?: string;
      message?: string;
      /** Seconds, sent as `retry-after` (and `retry-after-ms`, so tests need not wait seconds). */
      retryAfterMs?: number;
      headers?: Record<string, string>;
    }
  /** Starts a stream, sends `text`, then an SSE `error` event (as the API does on overload mid-stream). */
  | { kind: 'stream-error'; text?: string; type?: string; message?: string }
  /** Accepts the request and never answers (for timeouts and cancel). */
  | { kind: 'hang' }
  /** Closes the connection without an answer (a network failure). */
  | { kind: 'drop' };

export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  provider: 'anthropic' | 'bedrock' | 'vertex' | 'unknown';
  /** Model from the body (Claude API) or the path (Bedrock, Vertex). */
  model: string | undefined;
  stream: boolean;
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined if it did not parse). */
  body: Record<string, unknown> | undefined;
  rawBody: string;
  /** `performance.now()` when the request line arrived. */
  receivedAt: number;
}

export interface SentDelta {
  requestId: string;
  text: string;
  sentAt: number;
}

export interface FakeAnthropicOptions {
  /** Added before every answer (and before the first streamed byte). Default 0. */
  latencyMs?: number;
  /** Reply used when the queue is empty. Default: a 500 api_error naming the empty queue. */
  fallback?: FakeReply | ((req: ReceivedRequest) => FakeReply);
}

export interface FakeAnthropic {
  /** e.g. http://127.0.0.1:53211 — pass as `baseURL`. */
  url: string;
  /** Replies are used in order, one per request (SDK retries consume one each). */
  enqueue(...replies: FakeReply[]): void;
  /** Every request received, oldest first. */
  requests: ReceivedRequest[];
  /** Every streamed text delta as it was written, oldest first (`sentAt`: performance.now()). */
  sentDeltas: SentDelta[];
  setLatency(ms: number): void;
  /** Empties the queue and the request record. */
  reset(): void;
  close(): Promise<void>;
}

/** A streamed or JSON text answer. */
export function textReply(
  text: string,
  usage?: Partial<FakeUsage>,
  extra: Partial<FakeReply & { kind: 'message' }> = {},
): FakeReply {
  return { kind: 'message', content: [{ type: 'text', text }], ...(usage ? { usage } : {}), ...extra };
}

/** A forced tool call answer. */
export function toolReply(name: string, input: unknown, usage?: Partial<FakeUsage>): FakeReply {
  return {
    kind: 'message',
    content: [{ type: 'tool_use', name, input }],
    stopReason: 'tool_use',
    ...(usage ? { usage } : {}),
  };
}

export function errorReply(status: number, extra: Partial<FakeReply & { kind: 'error' }> = {}): FakeReply {
  return { kind: 'error', status, ...extra };
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const ERROR_MESSAGES: Record<string, string> = {
  authentication_error: 'invalid x-api-key',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit',
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
};

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  let latencyMs = options.latencyMs ?? 0;
  const queue: FakeReply[] = [];
  const requests: ReceivedRequest[] = [];
  const sentDeltas: SentDelta[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let nextId = 1;

  const server = http.createServer((req, res) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const received = describe(req, rawBody, receivedAt);
      requests.push(received);
      const reply =
        queue.shift() ??
        (typeof options.fallback === 'function' ? options.fallback(received) : options.fallback) ??
        errorReply(500, { message: `fake-anthropic: no scripted reply for request #${requests.length}` });
      void answer(
        res,
        received,
        reply,
        latencyMs,
        () => `msg_fake_${String(nextId++).padStart(6, '0')}`,
        (d) => sentDeltas.push(d),
      );
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sentDeltas,
    enqueue: (...replies) => void queue.push(...replies),
    setLatency: (ms) => void (latencyMs = ms),
    reset() {
      queue.length = 0;
      requests.length = 0;
      sentDeltas.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function describe(req: http.IncomingMessage, rawBody: string, receivedAt: number): ReceivedRequest {
  const url = req.url ?? '/';
  const pathname = decodeURIComponent(url.split('?')[0] ?? '/');
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '');

  let provider: ReceivedRequest['provider'] = 'unknown';
  let model: string | undefined;
  let stream = body?.stream === true;
  const bedrock = /^(?:.*)\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/.exec(pathname);
  const vertex = /\/publishers\/anthropic\/models\/([^/:]+):(rawPredict|streamRawPredict)$/.exec(pathname);
  if (pathname.endsWith('/v1/messages')) {
    provider = 'anthropic';
    model = typeof body?.model === 'string' ? body.model : undefined;
  } else if (bedrock) {
    provider = 'bedrock';
    model = bedrock[1];
    stream = bedrock[2] === 'invoke-with-response-stream';
  } else if (vertex) {
    provider = 'vertex';
    model = vertex[1];
    stream = vertex[2] === 'streamRawPredict';
  }
  return { method: req.method ?? 'GET', url, provider, model, stream, headers, body, rawBody, receivedAt };
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());

async function answer(
  res: http.ServerResponse,
  req: ReceivedRequest,
  reply: FakeReply,
  latencyMs: number,
  newId: () => string,
  onDelta: (delta: SentDelta) => void,
): Promise<void> {
  if (reply.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (reply.kind === 'hang') return;
  await sleep(latencyMs);
  if (res.destroyed) return;
  const requestId = `req_fake_${Math.random().toString(36).slice(2, 12)}`;

  if (reply.kind === 'error') {
    const type = reply.type ?? ERROR_TYPES[reply.status] ?? 'api_error';
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': requestId,
      ...(reply.retryAfterMs !== undefined
        ? {
            'retry-after': String(Math.ceil(reply.retryAfterMs / 1000)),
            'retry-after-ms': String(reply.retryAfterMs),
          }
        : {}),
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(
      JSON.stringify({
        type: 'error',
        error: { type, message: reply.message ?? ERROR_MESSAGES[type] ?? type },
        request_id: requestId,
      }),
    );
    return;
  }

  const model = req.model ?? 'claude-haiku-4-5';
  const id = newId();
  if (reply.kind === 'stream-error') {
    const events = messageEvents(
      { kind: 'message', content: [{ type: 'text', text: reply.text ?? '' }] },
      model,
      id,
    );
    const type = reply.type ?? 'overloaded_error';
    // Everything up to the last delta: the stream breaks before content_block_stop.
    const head = events.slice(0, -3);
    const error = { type: 'error', error: { type, message: reply.message ?? ERROR_MESSAGES[type] ?? type } };
    await writeStream(res, req.provider, [...head, { event: 'error', data: error }], requestId, 0, onDelta);
    return;
  }

  if (!req.stream) {
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
    res.end(JSON.stringify(fullMessage(reply, model, id)));
    return;
  }
  await writeStream(
    res,
    req.provider,
    messageEvents(reply, model, id),
    requestId,
    reply.chunkDelayMs ?? 0,
    onDelta,
  );
}

interface WireEvent {
  event: string;
  data: unknown;
}

async function writeStream(
  res: http.ServerResponse,
  provider: ReceivedRequest['provider'],
  events: WireEvent[],
  requestId: string,
  delayMs: number,
  onDelta: (delta: SentDelta) => void,
): Promise<void> {
  const bedrock = provider === 'bedrock';
  res.writeHead(200, {
    'content-type': bedrock ? 'application/vnd.amazon.eventstream' : 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': requestId,
  });
  for (const [i, e] of events.entries()) {
    if (res.destroyed) return;
    if (bedrock) {
      // Bedrock has no ping frames, and sends errors as exception frames; keep to chunk frames.
      if (e.event === 'ping') continue;
      res.write(eventStreamChunk(e.data));
    } else {
      res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    }
    const delta = (e.data as { delta?: { type?: string; text?: string } }).delta;
    if (e.event === 'content_block_delta' && delta?.type === 'text_delta')
      onDelta({ requestId, text: delta.text ?? '', sentAt: performance.now() });
    if (delayMs > 0 && i < events.length - 1 && e.event === 'content_block_delta') await sleep(delayMs);
  }
  res.end();
}

function fullUsage(u: Partial<FakeUsage> | undefined) {
  return {
    input_tokens: u?.input_tokens ?? 100,
    output_tokens: u?.output_tokens ?? 20,
    cache_creation_input_tokens: u?.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: u?.cache_read_input_tokens ?? 0,
    cache_creation: {
      ephemeral_5m_input_tokens: u?.cache_creation_input_tokens ?? 0,
      ephemeral_1h_input_tokens: 0,
    },
    inference_geo: null,
    output_tokens_details: null,
    server_tool_use: null,
    service_tier: 'standard',
    speed: null,
  };
}

function blockId(b: { id?: string }, i: number): string {
  return b.id ?? `toolu_fake_${String(i).padStart(4, '0')}`;
}

function fullMessage(reply: FakeReply & { kind: 'message' }, model: string, id: string) {
  const hasTool = reply.content.some((b) => b.type !== 'text');
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    container: null,
    diagnostics: null,
    stop_details: null,
    content: reply.content.map((b, i) => {
      if (b.type === 'text') return { type: 'text', text: b.text, citations: null };
      const input = b.type === 'tool_use' ? b.input : safeParse(b.json);
      return { type: 'tool_use', id: blockId(b, i), name: b.name, input, caller: { type: 'direct' } };
    }),
    stop_reason: reply.stopReason ?? (hasTool ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    usage: fullUsage(reply.usage),
  };
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

function split(text: string, size: number): string[] {
  const out: string[] = [];
  const chars = Array.from(text); // never split a surrogate pair (Chinese text, emoji)
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/** The SSE events of one streamed message, in the order the API sends them. */
function messageEvents(reply: FakeReply & { kind: 'message' }, model: string, id: string): WireEvent[] {
  const size = Math.max(1, reply.chunkSize ?? 16);
  const usage = fullUsage(reply.usage);
  const full = fullMessage(reply, model, id);
  const events: WireEvent[] = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          ...full,
          content: [],
          stop_reason: null,
          usage: { ...usage, output_tokens: 1 },
        },
      },
    },
  ];
  reply.content.forEach((b, index) => {
    if (b.type === 'text') {
      events.push({
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index,
          content_block: { type: 'text', text: '', citations: null },
        },
      });
      if (index === 0) events.push({ event: 'ping', data: { type: 'ping' } });
      for (const text of split(b.text, size))
        events.push({
          event: 'content_block_delta',
          data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
        });
    } else {
      const json = b.type === 'tool_use' ? JSON.stringify(b.input) : b.json;
      events.push({
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index,
          content_block: {
            type: 'tool_use',
            id: blockId(b, index),
            name: b.name,
            input: {},
            caller: { type: 'direct' },
          },
        },
      });
      for (const partial_json of split(json, size))
        events.push({
          event: 'content_block_delta',
          data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } },
        });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  });
  events.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: full.stop_reason, stop_sequence: null, stop_details: null, container: null },
      usage: {
        input_tokens: usage.input_tokens,
        output_tokens: usage.output_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens_details: null,
        server_tool_use: null,
      },
    },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

/**
 * One AWS EventStream frame carrying a Bedrock `chunk` event: prelude (total length, headers
 * length, CRC32), string headers, payload `{"bytes": base64(event JSON)}`, message CRC32.
 */
function eventStreamChunk(event: unknown): Buffer {
  const payload = Buffer.from(
    JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64') }),
  );
  const headers = Buffer.concat(
    Object.entries({
      ':event-type': 'chunk',
      ':content-type': 'application/json',
      ':message-type': 'event',
    }).map(([name, value]) => {
      const n = Buffer.from(name);
      const v = Buffer.from(value);
      const h = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
      h.writeUInt8(n.length, 0);
      n.copy(h, 1);
      h.writeUInt8(7, 1 + n.length); // 7 = string
      h.writeUInt16BE(v.length, 2 + n.length);
      v.copy(h, 4 + n.length);
      return h;
    }),
  );
  const total = 12 + headers.length + payload.length + 4;
  const prelude = Buffer.alloc(12);
  prelude.writeUInt32BE(total, 0);
  prelude.writeUInt32BE(headers.length, 4);
  prelude.writeUInt32BE(zlib.crc32(prelude.subarray(0, 8)), 8);
  const body = Buffer.concat([prelude, headers, payload]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body), 0);
  return Buffer.concat([body, crc]);
}
