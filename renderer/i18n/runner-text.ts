/**
 * A runner's codes in the person's language (shared/runner/codes.ts). The runners send a code
 * with its parameters for everything Lantern says itself; its English `message` is for the log.
 * What the learner's program said (an exception's message, an assertion's words) has no code
 * and is shown as the language said it.
 */
import type { TFunction } from 'i18next';
import type { LearnerError, TestResult } from '../../shared/runner/protocol.ts';

/** The catalog's markup for code (<code>…</code>) taken out, for a place that shows plain text. */
const plain = (text: string) => text.replace(/<\/?code>/g, '');

/**
 * A code this page's catalogs do not word (a newer runner, a typo) reads as the catalog's
 * sentence for a runner failure, never as the runner's English `message`. No code at all means
 * the learner's program said it, and that stays as the language said it.
 */
const unwordedCode = (t: TFunction) => plain(t('runner.learnerError.runnerFailed'));

/** One line for an error: Lantern's words for a code, or `Type: message` as the language said it. */
export function learnerErrorText(t: TFunction, error: LearnerError): string {
  if (error.code)
    return plain(
      t(`runner.learnerError.${error.code}`, {
        ...error.params,
        signature: error.params?.name ?? '',
        defaultValue: unwordedCode(t),
      }),
    );
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

/** A test's message: Lantern's words for its code, or the assertion's own. */
export function testMessageText(
  t: TFunction,
  test: Pick<TestResult, 'message' | 'code' | 'params'>,
): string | undefined {
  if (test.code)
    return t(`runner.testMessage.${test.code}`, { ...test.params, defaultValue: unwordedCode(t) });
  return test.message;
}
