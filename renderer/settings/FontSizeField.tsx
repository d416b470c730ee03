/**
 * The editor's font size. What the learner types stays in the box while they type (a "1" on
 * the way to "14" is not thrown away), is saved once it is a whole number in range, and is
 * answered in words when it is not: the box says what it takes, and keeps what was typed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../shared/api/contract.ts';

const RANGE = Settings.shape.editorFontSize;
export const FONT_SIZE_MIN = RANGE.minValue ?? 10;
export const FONT_SIZE_MAX = RANGE.maxValue ?? 32;

export function FontSizeField({ value, save }: { value: number; save: (size: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const noteId = useId();
  const [draft, setDraft] = useState(String(value));
  // Left the box, or typed past anything more digits could mend: then a bad value is said.
  const [done, setDone] = useState(false);
  // Another learner, or a save elsewhere, brings its own size (adjusted while rendering).
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(String(value));
    setDone(false);
  }
  const valid = inRange(draft);
  const shown = !valid && (done || Number(draft) > FONT_SIZE_MAX || /[^0-9\s]/.test(draft));
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.editorFontSize')}</label>
      <input
        id={id}
        data-testid="setting-font-size"
        type="number"
        inputMode="numeric"
        min={FONT_SIZE_MIN}
        max={FONT_SIZE_MAX}
        step={1}
        value={draft}
        aria-invalid={shown || undefined}
        aria-describedby={noteId}
        onBlur={() => setDone(true)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (inRange(e.target.value) && Number(e.target.value) !== value) save(Number(e.target.value));
        }}
      />
      <p
        id={noteId}
        className={shown ? 'field-note field-problem' : 'muted field-note'}
        role={shown ? 'alert' : undefined}
      >
        {shown
          ? t('settings.fontSizeRefused', {
              min: FONT_SIZE_MIN,
              max: FONT_SIZE_MAX,
              value: draft.trim() || '—',
            })
          : t('settings.fontSizeRange', { min: FONT_SIZE_MIN, max: FONT_SIZE_MAX })}
      </p>
    </div>
  );
}

function inRange(text: string): boolean {
  const size = Number(text);
  return text.trim() !== '' && Number.isInteger(size) && size >= FONT_SIZE_MIN && size <= FONT_SIZE_MAX;
}
