/**
 * One way to call Claude, whichever provider the learner set up: the Claude API
 * (@anthropic-ai/sdk), Amazon Bedrock (@anthropic-ai/bedrock-sdk) or Vertex AI
 * (@anthropic-ai/vertex-sdk). Every call goes through `ClaudeClient.call`, which
 * - refuses to call when the monthly budget is spent,
 * - streams text to `onText` and returns the final message,
 * - stops at a 30 s deadline or on the caller's AbortSignal (Cancel),
 * - leaves retries of 429/529/5xx to the SDK, then maps every failure to a ModelCallError,
 * - records the call (tokens, latency, outcome, cost) in the UsageStore.
 * What goes on the wire per provider is described in docs/decisions/0005-claude-providers.md.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';
import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
import type {
  Message,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolChoice,
  OutputConfig,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { SecretName } from '../../../shared/api/calls/tutor.ts';
import type { Logger } from '../logger.ts';
import { ModelCallError, toModelCallError } from './errors.ts';
import {
  DEFAULT_ESCALATION_MODEL,
  DEFAULT_MODEL,
  MODELS,
  costUsd,
  estimateTokens,
  providerModelId,
  type BedrockProfile,
  type ModelKey,
  type Provider,
  type TokenUsage,
} from './models.ts';
import { startOfLocalMonth, type CallPurpose, type UsageStore } from './usage.ts';
import { sdkLogger, staticTokenAuthClient, textOf, tokenUsage, vertexBaseURL } from './sdk-helpers.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

/** What the learner chose in Settings → Tutor. No secrets here: this shape may reach the renderer. */
export interface TutorSettings {
  provider: Provider;
  /** Bedrock: AWS region (e.g. us-east-1). Vertex: region (e.g. us-east5, global). */
  region?: string;
  /** Vertex: Google Cloud project id. */
  project?: string;
  /** Bedrock: base model in one region, or a global/us/eu cross-region inference profile. */
  bedrockProfile?: BedrockProfile;
  model: ModelKey;
  escalationModel: ModelKey;
  /** US dollars per calendar month; 0 means no model calls at all. */
  monthlyBudgetUsd: number;
  /** For proxies and tests; otherwise the provider's own endpoint (or its env variable). */
  baseURL?: string;
}

export const DEFAULT_TUTOR_SETTINGS: TutorSettings = {
  provider: 'anthropic',
  bedrockProfile: 'global',
  model: DEFAULT_MODEL,
  escalationModel: DEFAULT_ESCALATION_MODEL,
  monthlyBudgetUsd: 5,
};

/**
 * Secrets, passed separately from settings: the desktop app keeps them in Electron safeStorage and never
 * sends them to the renderer. Missing ones fall back to the standard environment variables.
 */
export type TutorSecrets = Partial<Record<SecretName, string>>;

export interface ClaudeClientOptions {
  settings: TutorSettings;
  secrets?: TutorSecrets;
  usage: UsageStore;
  log: Logger;
  /** Environment for the standard variables; default process.env. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  maxRetries?: number;
  now?: () => Date;
}

export interface ModelRequest {
  purpose: CallPurpose;
  /** Default: settings.model. */
  model?: ModelKey;
  system: string | TextBlockParam[];
  messages: MessageParam[];
  maxTokens: number;
  tools?: Tool[];
  toolChoice?: ToolChoice;
  outputConfig?: OutputConfig;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Called with each piece of text as it streams in. Without it the call is not streamed. */
  onText?: (delta: string) => void;
}

export interface ModelAnswer {
  message: Message;
  /** All text blocks joined. */
  text: string;
  modelKey: ModelKey;
  /** The id sent on the wire. */
  modelId: string;
  usage: TokenUsage;
  costUsd: number;
  latencyMs: number;
}

type AnyClient = Anthropic | AnthropicBedrock | AnthropicVertex;

export class ClaudeClient {
  readonly settings: TutorSettings;
  private readonly secrets: TutorSecrets;
  private readonly usage: UsageStore;
  private readonly log: Logger;
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly now: () => Date;
  private sdk: AnyClient | undefined;

  constructor(options: ClaudeClientOptions) {
    this.settings = options.settings;
    this.secrets = options.secrets ?? {};
    this.usage = options.usage;
    this.log = options.log;
    this.env = options.env ?? process.env;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.now = options.now ?? (() => new Date());
  }

  get provider(): Provider {
    return this.settings.provider;
  }

  modelId(key: ModelKey): string {
    return providerModelId(key, this.settings.provider, this.settings.bedrockProfile ?? 'global');
  }

  /** Why a call cannot be made before trying: a missing key or region, or a spent budget. */
  unavailableReason(): ModelCallError | undefined {
    if (!this.isConfigured()) return new ModelCallError('no-key');
    if (this.budgetSpent()) return new ModelCallError('budget');
    return undefined;
  }

  budgetSpent(): boolean {
    return this.usage.spendSince(startOfLocalMonth(this.now())) >= this.settings.monthlyBudgetUsd;
  }

  isConfigured(): boolean {
    const { provider } = this.settings;
    if (provider === 'anthropic') return Boolean(this.secrets.anthropicApiKey ?? this.env.ANTHROPIC_API_KEY);
    if (provider === 'bedrock') return Boolean(this.bedrockRegion());
    return Boolean(this.vertexRegion() && this.vertexProject());
  }

  /** Text blocks for a stable prompt prefix, marked for caching when long enough to be cached. */
  cachedPrefix(text: string, model: ModelKey = this.settings.model): TextBlockParam[] {
    const block: TextBlockParam = { type: 'text', text };
    if (estimateTokens(text) >= MODELS[model].minCacheableTokens) block.cache_control = { type: 'ephemeral' };
    return [block];
  }

  async call(request: ModelRequest, options: CallOptions = {}): Promise<ModelAnswer> {
    const modelKey = request.model ?? this.settings.model;
    const modelId = this.modelId(modelKey);
    const unavailable = this.unavailableReason();
    if (unavailable) throw unavailable;

    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    const started = performance.now();
    let partial: Message | undefined;

    const body = {
      model: modelId,
      max_tokens: request.maxTokens,
      system: request.system,
      messages: request.messages,
      ...(request.tools ? { tools: request.tools } : {}),
      ...(request.toolChoice ? { tool_choice: request.toolChoice } : {}),
      ...(request.outputConfig ? { output_config: request.outputConfig } : {}),
    };
    const requestOptions = { signal, headers: this.versionHeaders(modelKey) };

    try {
      if (options.signal?.aborted) throw new ModelCallError('cancelled');
      const sdk = this.client();
      let message: Message;
      if (options.onText) {
        const stream = sdk.messages.stream(body, requestOptions);
        const onText = options.onText;
        stream.on('text', (delta) => onText(delta));
        stream.on('streamEvent', () => (partial = stream.currentMessage as Message | undefined));
        message = (await stream.finalMessage()) as Message;
        // The SDK ends a stream quietly when its signal aborts: an unfinished message is an abort.
        if (signal.aborted) throw new Error('aborted');
      } else {
        message = (await sdk.messages.create({ ...body, stream: false }, requestOptions)) as Message;
      }
      // A refusal is not an answer: its text must not reach the learner as a hint or a problem.
      // Recorded below with the tokens it cost.
      if (message.stop_reason === 'refusal') {
        partial = message;
        throw new ModelCallError('refused');
      }
      const latencyMs = performance.now() - started;
      const usage = tokenUsage(message);
      const cost = costUsd(modelKey, usage);
      this.usage.record({
        provider: this.provider,
        model: modelId,
        purpose: request.purpose,
        ...usage,
        latencyMs,
        outcome: 'ok',
        costUsd: cost,
      });
      return { message, text: textOf(message), modelKey, modelId, usage, costUsd: cost, latencyMs };
    } catch (err) {
      const error = toModelCallError(err, {
        timedOut,
        cancelled: Boolean(options.signal?.aborted) && !timedOut,
      });
      const usage = partial
        ? tokenUsage(partial)
        : { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };
      this.usage.record({
        provider: this.provider,
        model: modelId,
        purpose: request.purpose,
        ...usage,
        latencyMs: performance.now() - started,
        outcome: error.kind,
        costUsd: costUsd(modelKey, usage),
      });
      this.log.warn(
        {
          provider: this.provider,
          model: modelId,
          purpose: request.purpose,
          kind: error.kind,
          status: error.status,
          requestId: error.requestId,
        },
        'model call failed',
      );
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A one-token call that proves the key, region and model work. */
  async testConnection(
    signal?: AbortSignal,
  ): Promise<{ ok: true; modelId: string; latencyMs: number } | { ok: false; error: ModelCallError }> {
    if (!this.isConfigured()) return { ok: false, error: new ModelCallError('no-key') };
    try {
      const answer = await this.call(
        {
          purpose: 'test-connection',
          system: 'Reply with OK.',
          messages: [{ role: 'user', content: 'ping' }],
          maxTokens: 1,
        },
        { signal },
      );
      return { ok: true, modelId: answer.modelId, latencyMs: answer.latencyMs };
    } catch (err) {
      return {
        ok: false,
        error:
          err instanceof ModelCallError ? err : toModelCallError(err, { timedOut: false, cancelled: false }),
      };
    }
  }

  /**
   * Bedrock and Vertex take the API version from the body (`anthropic_version`), copied from this
   * header by their SDKs. SDK 1.x sends `2026-10-21`, which older models there refuse, so those
   * models get their platform's dated version instead.
   */
  private versionHeaders(model: ModelKey): Record<string, string> | undefined {
    const pinned = MODELS[model].platformApiVersion;
    if (!pinned || this.provider === 'anthropic') return undefined;
    return { 'anthropic-version': this.provider === 'bedrock' ? pinned.bedrock : pinned.vertex };
  }

  private bedrockRegion(): string | undefined {
    return this.settings.region || this.env.AWS_REGION || this.env.AWS_DEFAULT_REGION || undefined;
  }

  private vertexRegion(): string | undefined {
    return this.settings.region || this.env.CLOUD_ML_REGION || undefined;
  }

  private vertexProject(): string | undefined {
    return this.settings.project || this.env.ANTHROPIC_VERTEX_PROJECT_ID || undefined;
  }

  private client(): AnyClient {
    if (this.sdk) return this.sdk;
    const common = {
      timeout: this.timeoutMs,
      maxRetries: this.maxRetries,
      logger: sdkLogger(this.log),
      logLevel: 'warn' as const,
      openTelemetry: false as const,
    };
    const { provider } = this.settings;
    if (provider === 'anthropic') {
      this.sdk = new Anthropic({
        ...common,
        apiKey: this.secrets.anthropicApiKey ?? this.env.ANTHROPIC_API_KEY ?? null,
        // Always a string: `undefined` would make the SDK read process.env itself.
        baseURL: this.settings.baseURL || this.env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com',
      });
    } else if (provider === 'bedrock') {
      const region = this.bedrockRegion() ?? 'us-east-1';
      const s = this.secrets;
      const base = {
        ...common,
        awsRegion: region,
        baseURL:
          this.settings.baseURL ||
          this.env.ANTHROPIC_BEDROCK_BASE_URL ||
          `https://bedrock-runtime.${region}.amazonaws.com`,
        // `null`, never `undefined`: the SDK would read the variable from process.env itself.
        apiKey: s.bedrockApiKey ?? this.env.AWS_BEARER_TOKEN_BEDROCK ?? null,
      };
      // Without static keys (and without an API key) the SDK signs with the AWS credential chain.
      this.sdk =
        s.awsAccessKeyId && s.awsSecretAccessKey
          ? new AnthropicBedrock({
              ...base,
              awsAccessKey: s.awsAccessKeyId,
              awsSecretKey: s.awsSecretAccessKey,
              awsSessionToken: s.awsSessionToken ?? null,
            })
          : new AnthropicBedrock(base);
    } else {
      const region = this.vertexRegion() ?? 'global';
      const token = this.secrets.googleAccessToken;
      this.sdk = new AnthropicVertex({
        ...common,
        region,
        projectId: this.vertexProject() ?? null,
        baseURL: this.settings.baseURL || this.env.ANTHROPIC_VERTEX_BASE_URL || vertexBaseURL(region),
        ...(token ? { authClient: staticTokenAuthClient(token, this.vertexProject()) } : {}),
      });
    }
    return this.sdk;
  }
}
