/**
 * What a `lantern` subcommand is. Each lives in `commands/<name>.ts` and is listed once in
 * `commands/index.ts`; the CLI finds it there by name.
 */
export interface CliIo {
  /** Normal output (stdout). */
  out(text: string): void;
  /** Diagnostics and progress (stderr). */
  err(text: string): void;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `lantern --help`. */
  summary: string;
  /** Shown by `lantern <name> --help` and on a usage error. */
  usage: string;
  /** Returns the exit code: 0 only when everything held. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit code for a wrong invocation (unknown option, missing argument). */
export const USAGE_ERROR = 2;
