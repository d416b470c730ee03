/**
 * Validates a call at the process edge and runs its handler. Both bindings (IPC and HTTP) go
 * through here, so a bad payload gets the same typed error, naming the field, in both.
 *
 * Every failure leaves here with a code the page words (`reason`): a handler's own refusal
 * (ReasonedError), bad-input with each field's issue as a code, unknown-call, or internal-fault
 * for anything a handler threw without a code. The English message stays in the envelope for the
 * log and the command line; the page never shows it.
 */
import { z } from 'zod';
import { fieldIssuesOf } from './field-issues.ts';
import {
  calls,
  isCallName,
  ReasonedError,
  type ApiErrorShape,
  type CallInput,
  type CallName,
  type CallOutput,
  type Envelope,
  type EventName,
  type EventPayload,
} from './contract.ts';

export interface CallContext {
  /** Push an event to the UI that made the call. */
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
}

export type Handlers = {
  [K in CallName]: (
    input: z.output<(typeof calls)[K]['input']>,
    ctx: CallContext,
  ) => Promise<CallOutput<K>> | CallOutput<K>;
};

export function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
}

export function describeIssues(issues: { field: string; message: string }[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
  onError?: (name: string, err: unknown) => void,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({
      code: 'unknown-call',
      message: `There is no API call named ${JSON.stringify(name)}.`,
      reason: { code: 'unknown-call', params: { name: String(name).slice(0, 100) } },
    });
  }
  const parsed = calls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return fail({
      code: 'bad-input',
      message: `Bad input for ${name}: ${describeIssues(issues)}`,
      issues,
      fieldIssues: fieldIssuesOf(parsed.error, rawInput ?? {}),
      reason: { code: 'bad-input', params: { call: name } },
    });
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    onError?.(name, err);
    const message = err instanceof Error ? err.message : String(err);
    // A fault without a code is still a code for the page: its English is for the log only.
    const reason =
      err instanceof ReasonedError ? err.reason : { code: 'internal-fault', params: { call: name } };
    return fail({ code: 'failed', message, reason });
  }
}

function fail(error: ApiErrorShape): Envelope<never> {
  return { ok: false, error };
}

export type { CallInput };

/** The handlers of one area's calls (shared/api/calls/<area>.ts). */
export type HandlersFor<C extends Record<string, { input: z.ZodType; output: z.ZodType }>> = {
  [K in keyof C]: (
    input: z.output<C[K]['input']>,
    ctx: CallContext,
  ) => Promise<z.output<C[K]['output']>> | z.output<C[K]['output']>;
};
