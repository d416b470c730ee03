/**
 * The one table of Claude models Lantern uses: ids per provider, limits and prices.
 * Prices are US dollars per million tokens (Claude API list prices; Bedrock and Vertex regional
 * endpoints can cost about 10% more, which this table does not model).
 *
 * The stronger model for escalation is the newest Sonnet in the installed SDK's model list
 * (`claude-sonnet-5-5` in @anthropic-ai/sdk 1.13; $2/$10 per MTok, 1M context, per the model's
 * overview page); Sonnet 4.5 retires on 2026-11-30.
 */

export type Provider = 'anthropic' | 'bedrock' | 'vertex';
export const PROVIDERS: readonly Provider[] = ['anthropic', 'bedrock', 'vertex'];

/** Where a Bedrock request is served: the base model in one region, or a cross-region profile. */
export type BedrockProfile = 'regional' | 'global' | 'us' | 'eu';

export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export interface ModelInfo {
  /** Lantern's own name for the model. */
  key: ModelKey;
  label: string;
  /** Id on the Claude API. */
  anthropic: string;
  /** Base model id on Amazon Bedrock (prefix `global.`/`us.`/`eu.` for an inference profile). */
  bedrock: string;
  /** Id on Vertex AI. */
  vertex: string;
  contextTokens: number;
  maxOutputTokens: number;
  /** Below this prefix length `cache_control` is ignored by the API, so Lantern does not send it. */
  minCacheableTokens: number;
  price: ModelPrice;
  /**
   * The `anthropic_version` Bedrock and Vertex need in the body. SDK 1.x sends `2026-10-21`, which
   * Bedrock accepts only for Claude 4.7 and later; older models keep the platform's dated version.
   * See docs/decisions/0005-claude-providers.md.
   */
  platformApiVersion: { bedrock: string; vertex: string } | null;
  /** Whether `tool_choice: { type: 'tool', name }` is accepted (structured output by forced tool call). */
  forcedToolUse: boolean;
}

export type ModelKey = 'haiku-4-5' | 'sonnet-5-5';

export const MODELS: Readonly<Record<ModelKey, ModelInfo>> = {
  'haiku-4-5': {
    key: 'haiku-4-5',
    label: 'Claude Haiku 4.5',
    anthropic: 'claude-haiku-4-5',
    bedrock: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    vertex: 'claude-haiku-4-5@20251001',
    contextTokens: 200_000,
    maxOutputTokens: 64_000,
    minCacheableTokens: 4_096,
    price: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
    platformApiVersion: { bedrock: 'bedrock-2023-05-31', vertex: 'vertex-2023-10-16' },
    forcedToolUse: true,
  },
  'sonnet-5-5': {
    key: 'sonnet-5-5',
    label: 'Claude Sonnet 5.5',
    anthropic: 'claude-sonnet-5-5',
    bedrock: 'anthropic.claude-sonnet-5-5',
    vertex: 'claude-sonnet-5-5',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    // Not published for Sonnet 5.5 where we looked; Haiku's larger minimum is the safe side
    // (a too-large minimum only skips a cache breakpoint, it never costs a failed request).
    minCacheableTokens: 4_096,
    price: { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
    platformApiVersion: null,
    // Sonnet 5.5 returns an error for a forced tool_choice: use output_config.format instead.
    forcedToolUse: false,
  },
};

export const DEFAULT_MODEL: ModelKey = 'haiku-4-5';
export const DEFAULT_ESCALATION_MODEL: ModelKey = 'sonnet-5-5';

export function modelInfo(key: ModelKey): ModelInfo {
  return MODELS[key];
}

/** The id a provider expects on the wire for a model (Bedrock: with the profile prefix). */
export function providerModelId(
  key: ModelKey,
  provider: Provider,
  bedrockProfile: BedrockProfile = 'global',
): string {
  const m = MODELS[key];
  if (provider === 'anthropic') return m.anthropic;
  if (provider === 'vertex') return m.vertex;
  return bedrockProfile === 'regional' ? m.bedrock : `${bedrockProfile}.${m.bedrock}`;
}

/** Finds the model a provider id belongs to (any provider, any Bedrock profile). */
export function modelByProviderId(id: string): ModelInfo | undefined {
  const bare = id.replace(/^(global|us|eu|apac|jp)\./, '');
  return Object.values(MODELS).find(
    (m) => m.anthropic === bare || m.bedrock === bare || m.vertex === bare || m.key === bare,
  );
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

/** Dollars for one call's usage. */
export function costUsd(key: ModelKey, usage: TokenUsage): number {
  const p = MODELS[key].price;
  return (
    (usage.inputTokens * p.input +
      usage.outputTokens * p.output +
      usage.cacheWriteTokens * p.cacheWrite +
      usage.cacheReadTokens * p.cacheRead) /
    1_000_000
  );
}

/** A rough token count for budgeting a prompt before sending it (about 4 characters a token). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
