/**
 * The AI tutor: hints on demand (streamed through the `hintDelta` event), the tutor's settings,
 * its secrets (sent in once, never sent back: the UI only learns whether one is set), "Test
 * connection" and the spend summary.
 */
import { z } from 'zod';
import { call } from '../define.ts';
import { Locale } from './app.ts';

const trackId = z.string().min(1).max(100);
const exerciseId = z.string().min(1).max(200);
/** Chosen by the UI, so it can match `hintDelta` events and cancel before the call returns. */
const requestId = z.string().min(1).max(100);

const LearnerErrorSchema = z.object({
  type: z.string().max(200),
  message: z.string().max(20_000),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  file: z.string().max(500).optional(),
  traceback: z.string().max(50_000).optional(),
});

/** The runner's result (shared/runner/protocol.ts RunResult) as the UI passes it back for a hint. */
export const RunResultSchema = z.object({
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  message: z.string().max(20_000).optional(),
  stdout: z.string().max(1_100_000),
  stderr: z.string().max(1_100_000),
  truncated: z.boolean(),
  tests: z
    .array(
      z.object({
        name: z.string().max(500),
        status: z.enum(['pass', 'fail', 'error']),
        message: z.string().max(20_000).optional(),
        output: z.string().max(100_000).optional(),
        expected: z.string().max(20_000).optional(),
        actual: z.string().max(20_000).optional(),
        error: LearnerErrorSchema.optional(),
      }),
    )
    .max(1000),
  error: LearnerErrorSchema.optional(),
  durationMs: z.number().min(0),
  restarted: z.boolean().optional(),
});

export const HintKind = z.enum(['model', 'authored', 'computed']);
export type HintKind = z.infer<typeof HintKind>;

export const TutorHint = z.object({
  requestId: z.string(),
  kind: HintKind,
  /** Rung of the ladder: 1 nudge, 2 concept, 3 where, 4 pseudo-code. */
  level: z.number().int().min(1).max(4),
  /** The whole hint as it finally reads (Markdown); replaces what streamed. */
  text: z.string(),
  /** Why this is not a model hint: no-key, offline, budget, error, leak, cancelled. */
  reason: z.enum(['no-key', 'offline', 'budget', 'error', 'leak', 'cancelled']).optional(),
  /** The model error behind a fallback (e.g. key-refused), for a localised notice. */
  errorKind: z.string().optional(),
  /** Rungs the ladder has here: 4 with the AI tutor, the exercise's own hints without it. */
  steps: z.number().int().min(1).max(4).optional(),
  /** Nothing new: no more hints (the click did not count), or no more questions on this exercise. */
  status: z.enum(['no-more-hints', 'follow-up-limit']).optional(),
  /** With status follow-up-limit: how many questions an exercise takes per session. */
  followUpLimit: z.number().int().min(1).optional(),
});
export type TutorHint = z.infer<typeof TutorHint>;

export const TUTOR_MODELS = ['haiku-4-5', 'sonnet-5-5'] as const;
export const TutorProvider = z.enum(['anthropic', 'bedrock', 'vertex']);
export type TutorProvider = z.infer<typeof TutorProvider>;

/** What Settings → Tutor edits. No secrets: this shape may reach the renderer. */
export const TutorSettingsShape = z.object({
  provider: TutorProvider,
  region: z.string().max(50).optional(),
  project: z.string().max(100).optional(),
  bedrockProfile: z.enum(['regional', 'global', 'us', 'eu']).optional(),
  model: z.enum(TUTOR_MODELS),
  escalationModel: z.enum(TUTOR_MODELS),
  monthlyBudgetUsd: z.number().min(0).max(10_000),
});
export type TutorSettingsShape = z.infer<typeof TutorSettingsShape>;

/**
 * The tutor's secrets, named once for the page, the backend and the log's redaction. The Bedrock
 * API key is sent as a bearer token (env AWS_BEARER_TOKEN_BEDROCK); Vertex's is an OAuth access
 * token, and without one Google Application Default Credentials are used.
 */
export const SECRET_NAMES = [
  'anthropicApiKey',
  'bedrockApiKey',
  'awsAccessKeyId',
  'awsSecretAccessKey',
  'awsSessionToken',
  'googleAccessToken',
] as const;
export const SecretName = z.enum(SECRET_NAMES);
export type SecretName = z.infer<typeof SecretName>;

/** Whether each secret is set, and how they are kept — never the secrets themselves. */
export const SecretStatus = z.object({
  set: z.record(SecretName, z.boolean()),
  /** Set through an environment variable (web mode, the CLI), not in the app. */
  fromEnvironment: z.record(SecretName, z.boolean()),
  /** os: encrypted by the OS keychain; basic: only basic text encryption; memory: not kept on disk. */
  storage: z.enum(['os', 'basic', 'memory']),
});
export type SecretStatus = z.infer<typeof SecretStatus>;

export const TutorSetup = z.object({
  settings: TutorSettingsShape,
  secrets: SecretStatus,
  models: z.array(z.object({ key: z.enum(TUTOR_MODELS), label: z.string() })),
});
export type TutorSetup = z.infer<typeof TutorSetup>;

export const ConnectionResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), provider: TutorProvider, modelId: z.string(), latencyMs: z.number() }),
  z.object({
    ok: z.literal(false),
    provider: TutorProvider,
    kind: z.string(),
    message: z.string(),
    fix: z.string(),
    status: z.number().optional(),
  }),
]);
export type ConnectionResult = z.infer<typeof ConnectionResult>;

export const TutorUsage = z.object({
  todayUsd: z.number(),
  monthUsd: z.number(),
  calls: z.number().int(),
  cacheHitRate: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  monthlyBudgetUsd: z.number(),
  budgetSpent: z.boolean(),
  daily: z.array(z.object({ day: z.string(), usd: z.number() })),
  prices: z.array(
    z.object({
      model: z.string(),
      input: z.number(),
      output: z.number(),
      cacheWrite: z.number(),
      cacheRead: z.number(),
    }),
  ),
});
export type TutorUsage = z.infer<typeof TutorUsage>;

export const tutorCalls = {
  /** One rung of the hint ladder (or an answer to a follow-up question), streamed as `hintDelta`. */
  requestHint: call(
    z
      .object({
        requestId,
        trackId,
        exerciseId,
        code: z.string().max(1_000_000),
        lastResult: RunResultSchema.nullable().default(null),
        followUp: z.string().trim().min(1).max(500).optional(),
        locale: Locale,
      })
      .strict(),
    TutorHint,
  ),
  /** Stops a streaming hint; the learner gets the offline hint instead. */
  cancelHint: call(z.object({ requestId }).strict(), z.object({ cancelled: z.boolean() })),
  getTutorSettings: call(z.object({}).strict(), TutorSetup),
  updateTutorSettings: call(TutorSettingsShape.partial().strict(), TutorSetup),
  /** Stores one secret (an empty value removes it). The answer says only whether each is set. */
  setTutorSecret: call(z.object({ name: SecretName, value: z.string().max(10_000) }).strict(), SecretStatus),
  testTutorConnection: call(z.object({}).strict(), ConnectionResult),
  getTutorUsage: call(z.object({}).strict(), TutorUsage),
} as const;
