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
  if (!test.code) return test.message;
  const sentence = t(`runner.testMessage.${test.code}`, { ...test.params, defaultValue: unwordedCode(t) });
  const note = test.params?.msg;
  return note ? `${sentence}\n${t('runner.testNote', { msg: note })}` : sentence;
}

/**
 * Parameters that are what a test compared or quoted (values as the language prints them, a
 * type's or an exception's name, a line of the test file): shown as code, never translated.
 */
const QUOTED_PARAMS = [
  'expected',
  'actual',
  'value',
  'member',
  'container',
  'type',
  'exception',
  'pattern',
  'message',
  'text',
  'bound',
  'check',
];

/** A piece of a worded test message: the catalog's words, or a value it quotes (`quoted`). */
export interface MessagePart {
  text: string;
  quoted?: boolean;
}

/**
 * A test's code worded in pieces, so a page can set the values apart (in <code>) from the
 * sentence around them; the author's note (`msg`) is not part of it. Undefined without a code.
 */
export function testMessageParts(
  t: TFunction,
  test: Pick<TestResult, 'code' | 'params'>,
): MessagePart[] | undefined {
  if (!test.code) return undefined;
  const params = test.params ?? {};
  const quoted = QUOTED_PARAMS.filter((name) => params[name] !== undefined);
  // Each value goes in as a marker no catalog or value contains, and comes out as its own piece.
  const markers = Object.fromEntries(quoted.map((name, i) => [name, `\ue000${i}\ue001`]));
  const sentence = t(`runner.testMessage.${test.code}`, {
    ...params,
    ...markers,
    defaultValue: unwordedCode(t),
  });
  return sentence
    .split(/\ue000(\d+)\ue001/)
    .map((piece, i): MessagePart => {
      if (i % 2 === 0) return { text: piece };
      const name = quoted[Number(piece)] ?? '';
      return { text: params[name] ?? '', quoted: true };
    })
    .filter((part) => part.text !== '' || part.quoted);
}
