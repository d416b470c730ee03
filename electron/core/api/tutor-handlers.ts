/**
 * The AI tutor over the API: hints streamed as `hintDelta` events (cancellable), Settings →
 * Tutor, secrets and spend. A secret goes in through setTutorSecret and never comes back out:
 * answers say only whether each one is set.
 */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import {
  SECRET_NAMES,
  type SecretStatus,
  type TutorSettingsShape,
  type tutorCalls,
} from '../../../shared/api/calls/tutor.ts';
import type { Exercise } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { Logger } from '../logger.ts';
import type { SettingsStore } from '../store/settings.ts';
import { DEFAULT_TUTOR_SETTINGS, MODELS, type Tutor, type TutorSettings } from '../tutor/index.ts';
import type { HintLevel } from '../tutor/prompt.ts';
import { SECRET_ENV, withEnvironment, type SecretStore } from '../tutor/secret-store.ts';

export interface TutorDeps {
  tutor: Tutor;
  secretStore: SecretStore;
  /** Where the standard variables (ANTHROPIC_API_KEY, AWS_*, …) are read from. */
  env: NodeJS.ProcessEnv;
  settings: SettingsStore;
  progress: ProgressStore;
  profileId: () => number;
  /** A built-in lesson, or a generated practice problem of the track. */
  findExercise: (trackId: string, exerciseId: string) => Promise<Exercise | undefined>;
  /** True for a generated practice problem: its hints were written by a model, so they are guarded. */
  isGenerated?: (trackId: string, exerciseId: string) => Promise<boolean>;
  /** Concept id → mastery 0..1 for the learner, when the learner model knows the track. */
  mastery?: (trackId: string) => Record<string, number> | undefined;
  /** Says when a learner is deleted, so what is kept for them in memory goes too. */
  profiles?: Pick<Profiles, 'onDeleted'>;
  log: Logger;
}

const SETTINGS_KEY = 'tutor.settings';
/**
 * Follow-up questions answered per exercise and session (decision 0019): a brake on drilling the
 * tutor in one sitting, kept in memory, so it is gone with the learner and starts again with the
 * app; the guard, not this count, is what keeps the answer out of every reply.
 */
export const FOLLOW_UP_LIMIT = 5;

/** The saved tutor settings over the defaults; a stored field that no longer fits is dropped. */
export function readTutorSettings(store: SettingsStore): TutorSettings {
  const stored = store.get<Partial<TutorSettings>>(SETTINGS_KEY) ?? {};
  const merged: TutorSettings = { ...DEFAULT_TUTOR_SETTINGS };
  if (['anthropic', 'bedrock', 'vertex'].includes(String(stored.provider)))
    merged.provider = stored.provider!;
  if (stored.model && stored.model in MODELS) merged.model = stored.model;
  if (stored.escalationModel && stored.escalationModel in MODELS)
    merged.escalationModel = stored.escalationModel;
  if (typeof stored.monthlyBudgetUsd === 'number' && stored.monthlyBudgetUsd >= 0)
    merged.monthlyBudgetUsd = stored.monthlyBudgetUsd;
  if (typeof stored.region === 'string' && stored.region) merged.region = stored.region;
  if (typeof stored.project === 'string' && stored.project) merged.project = stored.project;
  if (stored.bedrockProfile) merged.bedrockProfile = stored.bedrockProfile;
  return merged;
}

/** What the renderer may see of the settings (never baseURL overrides or secrets). */
function visible(s: TutorSettings): TutorSettingsShape {
  return {
    provider: s.provider,
    model: s.model,
    escalationModel: s.escalationModel,
    monthlyBudgetUsd: s.monthlyBudgetUsd,
    ...(s.region ? { region: s.region } : {}),
    ...(s.project ? { project: s.project } : {}),
    ...(s.bedrockProfile ? { bedrockProfile: s.bedrockProfile } : {}),
  };
}

export function tutorHandlers(deps: TutorDeps): HandlersFor<typeof tutorCalls> {
  // Keyed by the page's request id, never by learner: nothing here outlives a request. The
  // learner's hint history is read from the database, so it goes when they are deleted.
  const running = new Map<string, AbortController>();
  /** Follow-up questions answered this session, per learner, then per exercise; dropped with the learner. */
  const asked = new Map<number, Map<string, number>>();
  deps.profiles?.onDeleted((id) => asked.delete(id));
  const askedOf = (profile: number) => {
    let mine = asked.get(profile);
    if (!mine) asked.set(profile, (mine = new Map()));
    return mine;
  };

  const secretStatus = (): SecretStatus => {
    const stored = deps.secretStore.load();
    const set = {} as SecretStatus['set'];
    const fromEnvironment = {} as SecretStatus['fromEnvironment'];
    for (const key of SECRET_NAMES) {
      const envName = SECRET_ENV[key];
      const inEnv = Boolean(envName && deps.env[envName]);
      set[key] = Boolean(stored[key]) || inEnv;
      fromEnvironment[key] = !stored[key] && inEnv;
    }
    return { set, fromEnvironment, storage: deps.secretStore.storage };
  };

  const setup = () => ({
    settings: visible(readTutorSettings(deps.settings)),
    secrets: secretStatus(),
    models: Object.values(MODELS).map((m) => ({ key: m.key, label: m.label })),
  });

  const reconfigure = () =>
    deps.tutor.configure(
      readTutorSettings(deps.settings),
      withEnvironment(deps.secretStore.load(), deps.env),
    );

  return {
    async requestHint({ requestId, trackId, exerciseId, code, lastResult, followUp, locale }, ctx) {
      const exercise = await deps.findExercise(trackId, exerciseId);
      if (!exercise)
        throw new ReasonedError(`There is no exercise "${exerciseId}" in the track "${trackId}".`, {
          code: 'no-lesson',
          params: { track: trackId, lesson: exerciseId },
        });
      const profile = deps.profileId();
      const key = `${trackId}\u0000${exerciseId}`;
      // The ladder has four rungs: the prompt needs the latest hints, not every one ever given.
      const texts = deps.progress.hintTexts(profile, trackId, exerciseId).slice(-4);
      const seen = deps.progress.exerciseProgress(profile, trackId, exerciseId)?.hintsShown ?? 0;
      // A follow-up question stays on the rung already reached; a new hint climbs one.
      const level = Math.min(4, Math.max(1, followUp ? seen : seen + 1)) as HintLevel;
      if (followUp && (askedOf(profile).get(key) ?? 0) >= FOLLOW_UP_LIMIT) {
        deps.log.info({ exercise: exerciseId }, 'follow-up limit reached');
        return {
          requestId,
          kind: 'authored' as const,
          level,
          text: '',
          status: 'follow-up-limit' as const,
          followUpLimit: FOLLOW_UP_LIMIT,
        };
      }
      const modelWrittenHints = (await deps.isGenerated?.(trackId, exerciseId)) ?? false;

      const controller = new AbortController();
      running.get(requestId)?.abort();
      running.set(requestId, controller);
      try {
        const hint = await deps.tutor.hint(
          {
            exercise,
            code,
            ...(lastResult ? { lastResult: lastResult as RunResult } : {}),
            hintsGiven: texts,
            level,
            locale,
            ...(followUp ? { followUp } : {}),
            ...(modelWrittenHints ? { modelWrittenHints } : {}),
            ...(deps.mastery?.(trackId) ? { mastery: deps.mastery(trackId) } : {}),
          },
          {
            signal: controller.signal,
            onText: (text) => ctx.emit('hintDelta', { requestId, text }),
            onRestart: () => ctx.emit('hintRestart', { requestId }),
            onChecking: () => ctx.emit('hintChecking', { requestId }),
          },
        );
        if (hint.reason !== 'cancelled' && !hint.exhausted) {
          if (followUp) askedOf(profile).set(key, (askedOf(profile).get(key) ?? 0) + 1);
          // A question asked before any hint is answered at the first rung: that is a hint, and a
          // pass after it is not unaided (the box is on the panel from the start).
          if (!followUp || seen === 0)
            deps.progress.recordHint(profile, trackId, exerciseId, {
              level: hint.level,
              source: hint.kind,
              text: hint.text,
            });
        }
        deps.log.info(
          {
            exercise: exerciseId,
            level: hint.level,
            kind: hint.kind,
            reason: hint.reason,
            calls: hint.modelCalls,
            secondOpinions: hint.secondOpinions,
            refused: hint.refused,
          },
          'hint given',
        );
        return {
          requestId,
          kind: hint.kind,
          level: hint.level,
          text: hint.text,
          steps: hint.steps,
          ...(hint.exhausted ? { status: 'no-more-hints' as const } : {}),
          ...(hint.reason ? { reason: hint.reason } : {}),
          ...(hint.errorKind ? { errorKind: hint.errorKind } : {}),
        };
      } finally {
        if (running.get(requestId) === controller) running.delete(requestId);
      }
    },

    cancelHint({ requestId }) {
      const controller = running.get(requestId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },

    getTutorSettings: () => setup(),

    updateTutorSettings(patch) {
      const next = { ...readTutorSettings(deps.settings), ...patch };
      deps.settings.set(SETTINGS_KEY, visible(next));
      reconfigure();
      deps.log.info({ changed: Object.keys(patch) }, 'tutor settings updated');
      return setup();
    },

    setTutorSecret({ name, value }) {
      const secrets = deps.secretStore.load();
      const trimmed = value.trim();
      if (trimmed) secrets[name] = trimmed;
      else delete secrets[name];
      deps.secretStore.save(secrets);
      reconfigure();
      // The name only: the value never reaches the log.
      deps.log.info({ secret: name, set: Boolean(trimmed) }, 'tutor secret changed');
      return secretStatus();
    },

    testTutorConnection: () =>
      deps.tutor.testConnection(
        readTutorSettings(deps.settings),
        withEnvironment(deps.secretStore.load(), deps.env),
      ),

    getTutorUsage: () => deps.tutor.usageSummary(),
  };
}
