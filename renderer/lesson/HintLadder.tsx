import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonState } from '../../shared/api/calls/lessons.ts';
import type { LocalizedText } from '../../shared/content/schema.ts';
import { useApp } from '../app/context.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useLocale } from '../i18n/useLocale.ts';

/** The authored hint ladder: one step per click, from a nudge to the shape of the answer. */
export function HintLadder({
  lessonRef,
  initial,
  hintCount,
  onState,
}: {
  lessonRef: { trackId: string; exerciseId: string };
  initial: LocalizedText[];
  hintCount: number;
  onState: (state: LessonState) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text } = useLocale();
  const [hints, setHints] = useState(initial);
  const [busy, setBusy] = useState(false);
  const more = hints.length < hintCount;
  const next = async () => {
    setBusy(true);
    try {
      const answer = await api.nextHint(lessonRef);
      if (answer.hint) setHints((h) => [...h, answer.hint!]);
      onState(answer.state);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="hints" aria-labelledby="hints-title">
      <h2 id="hints-title">{t('lesson.hints')}</h2>
      {hints.length === 0 ? <p className="muted">{t('lesson.hintsIntro')}</p> : null}
      <ol className="hint-list">
        {hints.map((hint, i) => (
          <li key={i} data-testid="hint">
            <span className="hint-level">{t('lesson.hintLevel', { n: i + 1, total: hintCount })}</span>
            <Markdown source={text(hint)} />
          </li>
        ))}
      </ol>
      {more ? (
        <button type="button" onClick={() => void next()} disabled={busy}>
          {hints.length === 0 ? t('lesson.hint') : t('lesson.nextHint')}
        </button>
      ) : (
        <p className="muted">{t('lesson.noMoreHints')}</p>
      )}
    </section>
  );
}
