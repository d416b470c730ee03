/**
 * What a program or a test printed, as it printed it, except the runners' notices that the
 * output was cut: those are Lantern's words, put into the text by the runner (shared/runner/
 * output.ts), and are shown in the learner's language, set apart from what the program printed.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_OUTPUT_LIMIT, TEST_OUTPUT_NOTICE, TRUNCATION_NOTICE } from '../../shared/runner/output.ts';
import { OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_LINES } from '../../shared/runner/protocol.ts';

const NOTICES = [
  {
    text: TRUNCATION_NOTICE,
    key: 'runner.outputCut',
    params: { lines: OUTPUT_LIMIT_LINES, mb: OUTPUT_LIMIT_BYTES / 1_000_000 },
  },
  { text: TEST_OUTPUT_NOTICE, key: 'runner.testOutputCut', params: { chars: TEST_OUTPUT_LIMIT } },
] as const;

export function PrintedText({ text }: { text: string }) {
  const { t } = useTranslation();
  const notice = NOTICES.find((n) => text.endsWith(n.text));
  if (!notice) return <>{text}</>;
  return (
    <Fragment>
      {text.slice(0, -notice.text.length)}
      {'\n'}
      <span className="output-cut">[{t(notice.key, notice.params)}]</span>
      {'\n'}
    </Fragment>
  );
}
