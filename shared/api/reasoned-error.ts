/**
 * Why a call failed, for the page to say in the person's language: a key of the renderer's
 * catalogs and its parameters. The English message stays beside it, for logs and the CLI.
 */
export interface ErrorReason {
  code: string;
  params?: Record<string, string | number>;
}

/** An error a handler throws with a code and parameters the page translates. */
export class ReasonedError extends Error {
  readonly reason: ErrorReason;
  constructor(message: string, reason: ErrorReason) {
    super(message);
    this.name = 'ReasonedError';
    this.reason = reason;
  }
}
