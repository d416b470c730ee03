/**
 * The record of model calls (table `model_call`, migration 0003): one row per call with tokens,
 * latency, outcome and cost; spend per day and month; the budget check; the cache hit rate.
 * Days and months are the learner's local calendar days, stored as UTC instants.
 */
import type { Db } from '../store/database.ts';
import type { Provider, TokenUsage } from './models.ts';

export type CallPurpose =
  'hint' | 'follow-up' | 'practice' | 'practice-repair' | 'test-connection' | (string & {});

/** `ok`, or the ModelErrorKind the call failed with. */
export type CallOutcome = 'ok' | (string & {});

export interface ModelCallRecord extends TokenUsage {
  provider: Provider;
  /** The id sent on the wire. */
  model: string;
  purpose: CallPurpose;
  latencyMs: number;
  outcome: CallOutcome;
  costUsd: number;
  /** Defaults to now. */
  at?: Date;
}

export interface SpendSummary {
  todayUsd: number;
  monthUsd: number;
  calls: number;
  /** Share of input tokens this month read from the prompt cache (0 when nothing was sent). */
  cacheHitRate: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function startOfLocalMonth(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), 1);
}

export class UsageStore {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  record(call: ModelCallRecord): void {
    this.db
      .prepare(
        `INSERT INTO model_call (at, provider, model, purpose, input_tokens, output_tokens, cache_write_tokens,
           cache_read_tokens, latency_ms, outcome, cost_usd)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        (call.at ?? new Date()).toISOString(),
        call.provider,
        call.model,
        call.purpose,
        call.inputTokens,
        call.outputTokens,
        call.cacheWriteTokens,
        call.cacheReadTokens,
        Math.round(call.latencyMs),
        call.outcome,
        call.costUsd,
      );
  }

  /** Dollars spent on calls at or after `since`. */
  spendSince(since: Date): number {
    const row = this.db
      .prepare('SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM model_call WHERE at >= ?')
      .get(since.toISOString()) as {
      usd: number;
    };
    return row.usd;
  }

  summary(now: Date = new Date()): SpendSummary {
    const month = this.db
      .prepare(
        `SELECT COUNT(*) AS calls, COALESCE(SUM(cost_usd), 0) AS usd,
           COALESCE(SUM(input_tokens), 0) AS input, COALESCE(SUM(output_tokens), 0) AS output,
           COALESCE(SUM(cache_read_tokens), 0) AS cacheRead, COALESCE(SUM(cache_write_tokens), 0) AS cacheWrite
         FROM model_call WHERE at >= ?`,
      )
      .get(startOfLocalMonth(now).toISOString()) as {
      calls: number;
      usd: number;
      input: number;
      output: number;
      cacheRead: number;
      cacheWrite: number;
    };
    const sent = month.input + month.cacheRead + month.cacheWrite;
    return {
      todayUsd: this.spendSince(startOfLocalDay(now)),
      monthUsd: month.usd,
      calls: month.calls,
      cacheHitRate: sent === 0 ? 0 : month.cacheRead / sent,
      inputTokens: month.input,
      outputTokens: month.output,
      cacheReadTokens: month.cacheRead,
      cacheWriteTokens: month.cacheWrite,
    };
  }

  /** Spend per local day for the last `days` days, oldest first (for the Settings chart). */
  dailySpend(days: number, now: Date = new Date()): { day: string; usd: number }[] {
    const out: { day: string; usd: number }[] = [];
    const today = startOfLocalDay(now);
    const stmt = this.db.prepare(
      'SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM model_call WHERE at >= ? AND at < ?',
    );
    for (let i = days - 1; i >= 0; i--) {
      const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i);
      const to = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i + 1);
      const { usd } = stmt.get(from.toISOString(), to.toISOString()) as { usd: number };
      const day = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
      out.push({ day, usd });
    }
    return out;
  }

  /** The calls themselves, newest first (for tests, the bench and a usage table). */
  recent(limit = 100): Required<ModelCallRecord>[] {
    const rows = this.db
      .prepare(
        `SELECT at, provider, model, purpose, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens,
           latency_ms, outcome, cost_usd FROM model_call ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as Record<string, string | number>[];
    return rows.map((r) => ({
      at: new Date(String(r.at)),
      provider: r.provider as Provider,
      model: String(r.model),
      purpose: String(r.purpose),
      inputTokens: Number(r.input_tokens),
      outputTokens: Number(r.output_tokens),
      cacheWriteTokens: Number(r.cache_write_tokens),
      cacheReadTokens: Number(r.cache_read_tokens),
      latencyMs: Number(r.latency_ms),
      outcome: String(r.outcome),
      costUsd: Number(r.cost_usd),
    }));
  }
}
