/**
 * Small pieces ClaudeClient (client.ts) builds its calls from: the Vertex endpoint and a static
 * token for it, the SDK's logger routed to Lantern's log, and reading usage and text off a
 * Message.
 */
import type { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Logger } from '../logger.ts';
import type { TokenUsage } from './models.ts';

/** Same endpoints the Vertex SDK picks (client.ts), spelled out so it never reads process.env itself. */
export function vertexBaseURL(region: string): string {
  if (region === 'global') return 'https://aiplatform.googleapis.com/v1';
  if (region === 'us') return 'https://aiplatform.us.rep.googleapis.com/v1';
  if (region === 'eu') return 'https://aiplatform.eu.rep.googleapis.com/v1';
  return `https://${region}-aiplatform.googleapis.com/v1`;
}

/** The two members of google-auth-library's AuthClient the Vertex SDK uses. */
export function staticTokenAuthClient(token: string, projectId: string | undefined) {
  const client = {
    projectId: projectId ?? null,
    getRequestHeaders: async () => new Headers({ Authorization: `Bearer ${token}` }),
  };
  return client as unknown as NonNullable<ConstructorParameters<typeof AnthropicVertex>[0]>['authClient'];
}

/** SDK warnings go to Lantern's log, whose sink masks anything that looks like a key. */
export function sdkLogger(log: Logger) {
  const write =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, ...rest: unknown[]) =>
      log[level](
        {
          sdk: 'anthropic',
          detail: rest
            .map((r) => (r instanceof Error ? r.message : typeof r === 'string' ? r : ''))
            .filter(Boolean),
        },
        message,
      );
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}

export function tokenUsage(message: Pick<Message, 'usage'>): TokenUsage {
  const u = message.usage;
  return {
    inputTokens: u.input_tokens ?? 0,
    outputTokens: u.output_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
  };
}

export function textOf(message: Pick<Message, 'content'>): string {
  return message.content
    .filter((b): b is Extract<typeof b, { type: 'text' }> => b.type === 'text')
    .map((b) => b.text)
    .join('');
}
