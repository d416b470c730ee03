/**
 * A breaker's cases for a failed check's words on the page (decision 0057): the values come from
 * the learner's program, so a value that holds the page's own markers (U+E000…U+E001), i18next's
 * nesting ($t(…)) or placeholders must stay only a value, in both languages.
 */
import { describe, expect, test } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { catalogs } from '../../../renderer/i18n/catalogs.ts';
import { testMessageParts, testMessageText } from '../../../renderer/i18n/runner-text.ts';

async function translator(lng: 'en' | 'zh'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { [lng]: { translation: catalogs[lng] } },
    lng,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const HOSTILE =
  '\ue0000\ue001 $t(runner.testMessage.unexpectedSuccess) {{expected}} <img src=x onerror=alert(1)>';

describe.each(['en', 'zh'] as const)('a learner value in a failed check (%s)', (lng) => {
  test('is one quoted piece, whatever it holds', async () => {
    const t = await translator(lng);
    const parts = testMessageParts(t, { code: 'equal', params: { expected: "'Hello'", actual: HOSTILE } });
    expect(parts?.filter((p) => p.quoted)).toEqual([
      { text: "'Hello'", quoted: true },
      { text: HOSTILE, quoted: true },
    ]);
    expect(
      parts
        ?.filter((p) => !p.quoted)
        .map((p) => p.text)
        .join(''),
    ).not.toContain('$t(');
  });

  test('as the test’s note, is not nested or interpolated', async () => {
    const t = await translator(lng);
    const text = testMessageText(t, { code: 'checkFailed', params: { check: 'f()', msg: HOSTILE } });
    expect(text).toContain(HOSTILE);
    expect(text).not.toContain(t('runner.testMessage.unexpectedSuccess'));
  });
});
