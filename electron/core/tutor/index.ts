/**
 * The tutor service the API handlers bind to: hints, "Test connection" and the usage summary.
 * Settings (no secrets) and secrets are passed separately: the desktop app keeps secrets in Electron
 * safeStorage, passes them here, and never sends them to the renderer. In web mode and the CLI
 * the standard environment variables fill in what is not given.
 */
import type { Db } from '../store/database.ts';
import type { Logger } from '../logger.ts';
import { ClaudeClient, DEFAULT_TUTOR_SETTINGS, type TutorSecrets, type TutorSettings } from './client.ts';
import type { ModelCallError } from './errors.ts';
import { requestHint, type Hint, type HintRequest, type HintStreamOptions } from './hints.ts';
import type { SecondOpinion } from './guard/index.ts';
import { MODELS } from './models.ts';
import type { ExplainError } from './offline.ts';
import { UsageStore, type SpendSummary } from './usage.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export { ClaudeClient, DEFAULT_TUTOR_SETTINGS, type TutorSecrets, type TutorSettings } from './client.ts';
export { ModelCallError, type ModelErrorKind } from './errors.ts';
export type { Hint, HintKind, HintRequest, HintStreamOptions, FallbackReason } from './hints.ts';
export { MODELS, type ModelKey, type Provider } from './models.ts';
export { UsageStore } from './usage.ts';

export interface TutorOptions {
  db: Db;
  log: Logger;
  settings?: TutorSettings;
  secrets?: TutorSecrets;
  /** The sandbox runner for the guard (runInSandbox / SandboxPool.run). */
  runTests?: RunCode;
  /** Default: a Haiku call; false: the guard's rules alone. */
  secondOpinion?: SecondOpinion | false;
  explainError?: ExplainError;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  maxRetries?: number;
}

export type ConnectionResult =
  | { ok: true; provider: TutorSettings['provider']; modelId: string; latencyMs: number }
  | {
      ok: false;
      provider: TutorSettings['provider'];
      kind: ModelCallError['kind'];
      message: string;
      fix: string;
      status?: number;
    };

export interface UsageReport extends SpendSummary {
  monthlyBudgetUsd: number;
  /** True when no more model calls will be made this month. */
  budgetSpent: boolean;
  /** Last 30 local days, oldest first. */
  daily: { day: string; usd: number }[];
  /** The price table Settings shows beside the spend ($ per million tokens). */
  prices: { model: string; input: number; output: number; cacheWrite: number; cacheRead: number }[];
}

export class Tutor {
  private readonly options: TutorOptions;
  readonly usage: UsageStore;
  private secrets: TutorSecrets;
  private current: ClaudeClient;

  constructor(options: TutorOptions) {
    this.options = options;
    this.usage = new UsageStore(options.db);
    this.secrets = options.secrets ?? {};
    this.current = this.makeClient(options.settings ?? DEFAULT_TUTOR_SETTINGS, this.secrets);
  }

  /** The client for other model users (generated practice) so they share settings, usage and budget. */
  get client(): ClaudeClient {
    return this.current;
  }

  /** Applies new settings and/or secrets (after the learner saves Settings → Tutor). */
  configure(settings: TutorSettings, secrets?: TutorSecrets): void {
    if (secrets) this.secrets = secrets;
    this.current = this.makeClient(settings, this.secrets);
  }

  hint(request: HintRequest, stream: HintStreamOptions = {}): Promise<Hint> {
    const { runTests, explainError, log, secondOpinion } = this.options;
    return requestHint({ client: this.current, runTests, explainError, log, secondOpinion }, request, stream);
  }

  /** Tries settings before they are saved; uses the saved secrets unless new ones are given. */
  async testConnection(
    settings: TutorSettings,
    secrets?: TutorSecrets,
    signal?: AbortSignal,
  ): Promise<ConnectionResult> {
    const client = this.makeClient(
      { ...settings, monthlyBudgetUsd: Number.POSITIVE_INFINITY },
      secrets ?? this.secrets,
    );
    const result = await client.testConnection(signal);
    if (result.ok)
      return {
        ok: true,
        provider: settings.provider,
        modelId: result.modelId,
        latencyMs: Math.round(result.latencyMs),
      };
    const e = result.error;
    return {
      ok: false,
      provider: settings.provider,
      kind: e.kind,
      message: e.message,
      fix: e.fix,
      ...(e.status ? { status: e.status } : {}),
    };
  }

  usageSummary(now: Date = new Date()): UsageReport {
    return {
      ...this.usage.summary(now),
      monthlyBudgetUsd: this.current.settings.monthlyBudgetUsd,
      budgetSpent: this.current.budgetSpent(),
      daily: this.usage.dailySpend(30, now),
      prices: Object.values(MODELS).map((m) => ({ model: m.label, ...m.price })),
    };
  }

  private makeClient(settings: TutorSettings, secrets: TutorSecrets): ClaudeClient {
    return new ClaudeClient({
      settings,
      secrets,
      usage: this.usage,
      log: this.options.log,
      env: this.options.env,
      timeoutMs: this.options.timeoutMs,
      maxRetries: this.options.maxRetries,
    });
  }
}
