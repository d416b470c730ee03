/**
 * What `lantern hint` and `lantern generate` share: the built-in tracks, and a tutor set up from
 * the standard environment variables (the CLI has no Settings page and keeps no secrets).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../core/logger.ts';
import type { Db } from '../../core/store/database.ts';
import { DEFAULT_TUTOR_SETTINGS, Tutor, type TutorSettings } from '../../core/tutor/index.ts';
import { withEnvironment } from '../../core/tutor/secret-store.ts';
import { openSandboxRunner } from '../../core/curriculum/sandbox.ts';

export const BUILTIN_EXERCISES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../exercises',
);

/** The provider the environment sets up, if any: a Claude API key first, then Vertex, then Bedrock. */
export function providerFromEnv(env: NodeJS.ProcessEnv): TutorSettings['provider'] | undefined {
  if (env.ANTHROPIC_API_KEY) return 'anthropic';
  if (env.ANTHROPIC_VERTEX_PROJECT_ID && env.CLOUD_ML_REGION) return 'vertex';
  if (env.AWS_BEARER_TOKEN_BEDROCK || (env.AWS_ACCESS_KEY_ID && (env.AWS_REGION || env.AWS_DEFAULT_REGION)))
    return 'bedrock';
  return undefined;
}

/** A Tutor from the environment; without any provider set up it still gives offline hints. */
export function cliTutor(
  db: Db,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  sandbox?: ReturnType<typeof openSandboxRunner>,
): Tutor {
  const provider = providerFromEnv(env) ?? 'anthropic';
  return new Tutor({
    db,
    log,
    env,
    settings: { ...DEFAULT_TUTOR_SETTINGS, provider },
    secrets: withEnvironment({}, env),
    ...(sandbox ? { runTests: sandbox.runner } : {}),
  });
}
