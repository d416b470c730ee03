/**
 * Check on a Parsons step: the program assembled from the learner's arrangement runs against the
 * step's tests as an exercise's Check does (the backend re-checks it, decision 0023), and the
 * lines the last Check's errors point at, while the program is still the one checked.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Language } from '../../../shared/content/schema.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { checkRequest } from '../../../shared/runner/check-request.ts';
import { useRunner } from '../useRunner.ts';
import { markersOf } from '../markers.ts';
import { learnerErrorText } from '../../i18n/runner-text.ts';
import { warmTypeChecker } from '../../editor/type-check.ts';
import { programOf, type Arrangement } from './arrangement.ts';

export function useParsonsCheck({
  exercise,
  language,
  arrangement,
  lines,
  onCheck,
}: {
  exercise: LessonExercise;
  language: Language;
  arrangement: Arrangement;
  lines: readonly string[];
  onCheck: (code: string, result: RunResult) => void;
}) {
  const { t } = useTranslation();
  const runner = useRunner(language);
  // A TypeScript Check reads the types first, in Monaco's worker: start it now, not at the Check.
  useEffect(() => {
    if (language === 'typescript') void warmTypeChecker().catch(() => undefined);
  }, [language]);
  const [checked, setChecked] = useState<string | null>(null);
  const check = async () => {
    if (runner.running) return;
    const code = programOf(arrangement, lines, language);
    setChecked(code);
    const result = await runner.run(checkRequest(exercise, code, language));
    onCheck(code, result);
  };
  // As the editor marks them on an exercise; a moved line would be marked in the wrong place.
  const errorAt = new Map(
    checked === programOf(arrangement, lines, language)
      ? markersOf(runner.result, exercise.module, (e) => learnerErrorText(t, e)).map(
          (m) => [m.line, m.message] as const,
        )
      : [],
  );
  return { runner, check, errorAt };
}
