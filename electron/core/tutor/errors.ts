/**
 * Why a model call did not give an answer, in words a learner or teacher can act on.
 * Every SDK error is mapped to one of these kinds; the UI shows `message` and `fix`, and the
 * tutor picks its fallback from `kind`. Messages never contain a secret.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  PermissionDeniedError,
} from '@anthropic-ai/sdk';

export type ModelErrorKind =
  /** No key or credentials configured, or no region / project for Bedrock or Vertex. */
  | 'no-key'
  /** 401/403: the key or credentials were refused. */
  | 'key-refused'
  /** 429 after the SDK's retries. */
  | 'rate-limited'
  /** 529 (or an overloaded_error event mid-stream) after retries. */
  | 'overloaded'
  /** 5xx after retries, or an unexpected API error. */
  | 'api-error'
  /** 400/404/413: Lantern sent something the provider would not take (model id, region, version). */
  | 'bad-request'
  /** No network, DNS failure, connection refused or reset. */
  | 'offline'
  /** No answer within the time limit. */
  | 'timeout'
  /** The monthly budget is spent; no call was made. */
  | 'budget'
  /** The learner pressed Cancel. */
  | 'cancelled'
  /** The model declined to answer (stop_reason "refusal"): its words are not a hint. */
  | 'refused';

const TEXT: Record<ModelErrorKind, { message: string; fix: string }> = {
  'no-key': {
    message:
      'Claude is not set up (no key, or no region or project), so the tutor is using its built-in hints.',
    fix: 'Add an API key, or Bedrock / Vertex AI credentials with a region (and project), in Settings → Tutor.',
  },
  'key-refused': {
    message: 'The key was refused by the provider.',
    fix: 'Check the key in Settings → Tutor (it may be mistyped, revoked or for another provider), then press "Test connection".',
  },
  'rate-limited': {
    message: 'The provider is limiting how many requests this key can make right now.',
    fix: 'Wait a minute and ask again, or raise the rate limit for the key.',
  },
  overloaded: {
    message: 'Claude is overloaded at the moment.',
    fix: 'Ask again in a little while.',
  },
  'api-error': {
    message: 'The provider had an internal error.',
    fix: 'Ask again in a little while.',
  },
  'bad-request': {
    message: 'The provider did not accept the request.',
    fix: 'Check the provider, region, project and model in Settings → Tutor.',
  },
  offline: {
    message: 'The tutor cannot reach the network, so it is working offline.',
    fix: 'Check the internet connection (or a proxy or firewall), then ask again.',
  },
  timeout: {
    message: 'Claude did not answer in time.',
    fix: 'Ask again; if it keeps happening, check the connection.',
  },
  budget: {
    message: "This month's tutor budget is spent, so the tutor is using its built-in hints.",
    fix: 'Raise the monthly budget in Settings → Tutor, or wait for next month.',
  },
  cancelled: { message: 'Cancelled.', fix: '' },
  refused: {
    message: 'Claude declined to answer this request.',
    fix: "Try the exercise's next hint, or ask the question in other words.",
  },
};

export class ModelCallError extends Error {
  readonly kind: ModelErrorKind;
  readonly fix: string;
  /** HTTP status when the provider answered. */
  readonly status: number | undefined;
  /** The provider's request id, for a support ticket. */
  readonly requestId: string | undefined;

  constructor(kind: ModelErrorKind, detail?: { status?: number; requestId?: string; cause?: unknown }) {
    super(TEXT[kind].message, { cause: detail?.cause });
    this.name = 'ModelCallError';
    this.kind = kind;
    this.fix = TEXT[kind].fix;
    this.status = detail?.status;
    this.requestId = detail?.requestId ?? undefined;
  }
}

/** Maps whatever the SDK (or fetch) threw to a ModelCallError. `timedOut` / `cancelled` say which abort fired. */
export function toModelCallError(
  err: unknown,
  abort: { timedOut: boolean; cancelled: boolean },
): ModelCallError {
  if (err instanceof ModelCallError) return err;
  if (abort.cancelled) return new ModelCallError('cancelled', { cause: err });
  if (abort.timedOut || err instanceof APIConnectionTimeoutError)
    return new ModelCallError('timeout', { cause: err });
  if (err instanceof APIUserAbortError) return new ModelCallError('cancelled', { cause: err });
  if (err instanceof APIConnectionError) return new ModelCallError('offline', { cause: err });
  if (err instanceof APIError) {
    const detail = { status: err.status, requestId: err.requestID ?? undefined, cause: err };
    if (err instanceof AuthenticationError || err instanceof PermissionDeniedError)
      return new ModelCallError('key-refused', detail);
    const type = err.type ?? '';
    if (err.status === 429 || type === 'rate_limit_error') return new ModelCallError('rate-limited', detail);
    if (err.status === 529 || type === 'overloaded_error') return new ModelCallError('overloaded', detail);
    if (type === 'authentication_error' || type === 'permission_error')
      return new ModelCallError('key-refused', detail);
    if (err.status !== undefined && err.status >= 400 && err.status < 500)
      return new ModelCallError('bad-request', detail);
    return new ModelCallError('api-error', detail);
  }
  // Credential chains (AWS, Google) fail with plain errors when nothing is configured.
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  if (/credential|could not load|no region|projectId/i.test(text))
    return new ModelCallError('no-key', { cause: err });
  if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|fetch failed|network/i.test(text))
    return new ModelCallError('offline', { cause: err });
  return new ModelCallError('api-error', { cause: err });
}
