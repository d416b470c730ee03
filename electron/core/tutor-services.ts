/**
 * The tutor and generated practice, wired for the backend: one Claude client (settings from
 * SQLite, secrets from the SecretStore and the standard environment variables), one sandbox
 * shared by the leak guard and practice validation, and the handler dependencies of both areas.
 */
import type { Curriculum } from './curriculum/index.ts';
import type { LearnerModel } from './learner/learner-model.ts';
import type { ProgressStore } from './learner/progress-store.ts';
import type { Logger } from './logger.ts';
import type { Db } from './store/database.ts';
import type { SettingsStore } from './store/settings.ts';
import type { CallContext } from '../../shared/api/dispatch.ts';
import type { RunCode, RunRequest } from '../../shared/runner/protocol.ts';
import { SandboxPool } from './runner-host/index.ts';
import { Tutor } from './tutor/index.ts';
import { MemorySecretStore, withEnvironment, type SecretStore } from './tutor/secret-store.ts';
import { GeneratedExerciseStore, PracticeService, curriculumCatalog } from './practice/index.ts';
import { GivenProblems } from './practice/given.ts';
import { readTutorSettings, type TutorDeps } from './api/tutor-handlers.ts';
import type { PracticeDeps } from './api/practice-handlers.ts';
import type { TemplateSet } from './practice/templates/index.ts';

export interface TutorServicesOptions {
  db: Db;
  log: Logger;
  settings: SettingsStore;
  curriculum: Curriculum;
  progress: ProgressStore;
  model: LearnerModel;
  /** Resolves once the learner model knows the tracks' concept graphs. */
  courseMapsReady: Promise<void>;
  profileId: () => number;
  /** The desktop app's safeStorage store; web mode and the CLI keep secrets in memory. */
  secretStore?: SecretStore;
  env?: NodeJS.ProcessEnv;
  /** Pushes an event to every window (a prefetched problem is ready). */
  broadcast: () => CallContext['emit'];
  /** Prefetch practice in the background (default true). */
  prefetch?: boolean;
  /** Runs untrusted code; default the Node sandbox host (the desktop app: its sandbox window). */
  runCode?: RunCode;
  /** The offline practice generator's templates. */
  practiceTemplates: TemplateSet;
}

export interface TutorServices {
  tutor: Tutor;
  practice: PracticeService;
  /** The verifier is the backend's, shared with the lessons. */
  deps: TutorDeps & Omit<PracticeDeps, 'verifier'>;
  /** Stops the sandbox; a prefetch still running then ends with a runner error, which is logged. */
  close(): void;
}

export function createTutorServices(o: TutorServicesOptions): TutorServices {
  const env = o.env ?? process.env;
  const secretStore = o.secretStore ?? new MemorySecretStore();
  // Started on first use: most sessions never need a Pyodide child in the backend.
  let pool: SandboxPool | undefined;
  const run = o.runCode ?? ((request: RunRequest) => (pool ??= new SandboxPool({ size: 1 })).run(request));

  const tutor = new Tutor({
    db: o.db,
    log: o.log,
    settings: readTutorSettings(o.settings),
    secrets: withEnvironment(secretStore.load(), env),
    runTests: run,
    env,
  });
  const practiceCatalog = curriculumCatalog(o.curriculum);
  const practiceStore = new GeneratedExerciseStore(o.db);
  const practice = new PracticeService({
    db: o.db,
    catalog: practiceCatalog,
    run,
    templates: o.practiceTemplates,
    client: () => tutor.client,
    log: o.log,
    prefetch: o.prefetch,
    onPrefetched: ({ track, concept, ok, detail }) =>
      o.broadcast()('jobDone', {
        job: `practice:${track}:${concept}`,
        ok,
        ...(detail ? { detail } : {}),
      }),
  });

  /** undefined when the learner model does not know the track (its concept graph is not loaded). */
  const known = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch {
      return undefined;
    }
  };
  const mastery = (trackId: string) => known(() => o.model.mastery(o.profileId(), trackId));

  const deps: TutorDeps & Omit<PracticeDeps, 'verifier'> = {
    tutor,
    secretStore,
    env,
    settings: o.settings,
    progress: o.progress,
    profileId: o.profileId,
    log: o.log,
    async findExercise(trackId, exerciseId) {
      const lesson = await o.curriculum.exercise(trackId, exerciseId);
      if (lesson) return lesson.exercise;
      const generated = practiceStore.get(exerciseId);
      return generated?.track === trackId ? generated.exercise : undefined;
    },
    async isGenerated(trackId, exerciseId) {
      if (await o.curriculum.exercise(trackId, exerciseId)) return false;
      return practiceStore.get(exerciseId)?.track === trackId;
    },
    // Only figures with evidence: the tutor is not told a prior as if it were the learner's level.
    mastery: (trackId) => {
      const list = mastery(trackId)?.filter((m) => m.evidence > 0);
      return list ? Object.fromEntries(list.map((m) => [m.concept, m.mastery])) : undefined;
    },
    practice,
    practiceStore,
    practiceCatalog,
    givenProblems: new GivenProblems(o.db),
    async conceptMastery(trackId) {
      await o.courseMapsReady;
      return mastery(trackId);
    },
    async practiceTargets(trackId) {
      await o.courseMapsReady;
      return known(() => o.model.practiceTargets(o.profileId(), trackId));
    },
    async practiceDifficulty(trackId, concepts) {
      await o.courseMapsReady;
      return known(() => o.model.difficultyFor(o.profileId(), trackId, concepts));
    },
    recordPracticeAttempt: (input) => void o.model.recordAttempt(input),
  };

  return {
    tutor,
    practice,
    deps,
    close() {
      void pool?.close();
    },
  };
}
