import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleChunk } from './useRunner.ts';
import { PrintedText } from './PrintedText.tsx';

/** What the program printed, and a field for input() / prompt() while it waits. */
export function ConsolePanel({
  chunks,
  prompt,
  onAnswer,
}: {
  chunks: ConsoleChunk[];
  prompt: string | null;
  onAnswer: (line: string) => void;
}) {
  const { t } = useTranslation();
  const [line, setLine] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Braces matter: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'nearest' });
  }, [chunks]);
  useEffect(() => {
    if (prompt !== null) input.current?.focus();
  }, [prompt]);
  return (
    <div className="console" role="log" aria-label={t('runner.console')} aria-live="polite">
      {chunks.length === 0 && prompt === null ? <p className="muted">{t('runner.consoleEmpty')}</p> : null}
      <pre className="console-output">
        {chunks.map((c, i) => (
          <span key={i} className={`console-${c.stream}`}>
            <PrintedText text={c.text} />
          </span>
        ))}
      </pre>
      {prompt !== null ? (
        <form
          className="console-input"
          onSubmit={(e) => {
            e.preventDefault();
            onAnswer(line);
            setLine('');
          }}
        >
          <label htmlFor="console-input">{t('runner.inputLabel')}</label>
          <input
            id="console-input"
            ref={input}
            value={line}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setLine(e.target.value)}
          />
          <button type="submit">{t('runner.send')}</button>
        </form>
      ) : null}
      <div ref={end} />
    </div>
  );
}
