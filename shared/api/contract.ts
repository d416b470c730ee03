/**
 * The one API contract between the UI and the backend. Each call has a name, an input schema
 * and an output schema; each pushed event has a payload schema. Electron binds the handler map
 * to IPC, web mode binds the very same map to loopback HTTP, and the renderer gets one client
 * that works over either. Adding a call means adding it here and writing one handler.
 */
import { z } from 'zod';
import type { ErrorReason } from './reasoned-error.ts';
import type { FieldIssue } from './field-issues.ts';
import { appCalls, Settings } from './calls/app.ts';
import { lessonCalls } from './calls/lessons.ts';
import { tutorCalls } from './calls/tutor.ts';
import { practiceCalls } from './calls/practice.ts';
import { profileCalls, LearnerProfile } from './calls/profiles.ts';
import { dataCalls } from './calls/data.ts';
import { progressCalls } from './calls/progress.ts';
import { teacherCalls } from './calls/teacher.ts';
import { placementCalls } from './calls/placement.ts';
import { classCalls } from './calls/classes.ts';

export * from './calls/app.ts';
export * from './calls/lessons.ts';
export * from './calls/tutor.ts';
export * from './calls/practice.ts';
export * from './calls/profiles.ts';
export * from './calls/data.ts';
export * from './calls/progress.ts';
export * from './calls/teacher.ts';
export * from './calls/placement.ts';
export * from './calls/learner.ts';
export * from './calls/classes.ts';

/** Every call, from each area's list. An area adds its calls in its own file under calls/. */
export const calls = {
  ...appCalls,
  ...lessonCalls,
  ...tutorCalls,
  ...practiceCalls,
  ...profileCalls,
  ...dataCalls,
  ...progressCalls,
  ...teacherCalls,
  ...placementCalls,
  ...classCalls,
} as const;

export const events = {
  /** Text of a hint as it streams in. */
  hintDelta: z.object({ requestId: z.string(), text: z.string() }),
  /** The hint streamed so far is void (the leak guard is having it rewritten): clear it. */
  hintRestart: z.object({ requestId: z.string() }),
  /** Hint text has arrived that the guard is still judging: the panel says it is being checked. */
  hintChecking: z.object({ requestId: z.string() }),
  /** A background job (e.g. a prefetched practice problem) finished. */
  jobDone: z.object({ job: z.string(), ok: z.boolean(), detail: z.string().optional() }),
  /** The current learner's settings changed: set by them, or another learner became current. */
  settingsChanged: Settings,
  /** The current learner changed (switched, renamed, deleted, or data restored): reload their data. */
  profileChanged: z.object({ profile: LearnerProfile }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type { ErrorReason } from './reasoned-error.ts';
export { ReasonedError } from './reasoned-error.ts';
export { API_FAULTS, PRACTICE_REFUSALS, STEP_REFUSALS, type ApiFault } from './faults.ts';
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/** What a call answers on the wire, in both bindings. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface ApiErrorShape {
  /** bad-input: the payload failed the schema; unknown-call; forbidden; failed: the handler threw. */
  code: 'bad-input' | 'unknown-call' | 'forbidden' | 'failed';
  message: string;
  /** For bad-input: each problem with the field path, e.g. "theme" (English, for logs and the CLI). */
  issues?: { field: string; message: string }[];
  /** For bad-input: the same problems as codes with the field path, for the page to word. */
  fieldIssues?: FieldIssue[];
  /**
   * Why, as a code the page words: the handler's refusal (ReasonedError), or one of API_FAULTS
   * (a bad payload, an uncoded fault, a lost connection). Every failure carries one.
   */
  reason?: ErrorReason;
}

/** The typed API object the renderer uses (window.lantern in Electron, HTTP in web mode). */
export type LanternApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>>;
} & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export class ApiError extends Error {
  readonly code: ApiErrorShape['code'];
  readonly issues: ApiErrorShape['issues'];
  readonly fieldIssues: FieldIssue[] | undefined;
  readonly reason: ErrorReason | undefined;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues;
    this.fieldIssues = shape.fieldIssues;
    this.reason = shape.reason;
  }
}
