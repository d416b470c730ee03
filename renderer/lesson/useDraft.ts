/**
 * A lesson's draft: saved a moment after the last change; leaving the lesson or the page (a
 * reload, the window closing) saves a change still waiting, so the last move is never lost.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useApp } from '../app/context.ts';

const DRAFT_DELAY_MS = 600;

export function useDraft(trackId: string, exerciseId: string, initialCode: string) {
  const { api } = useApp();
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the hint panel sends the tutor: the code as it is now.
  const codeNow = useRef(initialCode);
  const pendingDraft = useRef<string | null>(null);
  const flushDraft = useCallback(() => {
    if (draftTimer.current) clearTimeout(draftTimer.current);
    draftTimer.current = null;
    const code = pendingDraft.current;
    pendingDraft.current = null;
    if (code !== null) void api.saveDraft({ trackId, exerciseId, code }).catch(() => undefined);
  }, [api, trackId, exerciseId]);
  const saveDraft = useCallback(
    (code: string) => {
      codeNow.current = code;
      pendingDraft.current = code;
      if (draftTimer.current) clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(flushDraft, DRAFT_DELAY_MS);
    },
    [flushDraft],
  );
  useEffect(() => {
    window.addEventListener('pagehide', flushDraft);
    // Another learner now: the page is about to remount for them, and a draft saved from here
    // would be saved as theirs. This learner's last moment of work is dropped instead.
    const offLearner = api.on('profileChanged', () => {
      if (draftTimer.current) clearTimeout(draftTimer.current);
      draftTimer.current = null;
      pendingDraft.current = null;
    });
    return () => {
      offLearner();
      window.removeEventListener('pagehide', flushDraft);
      flushDraft();
    };
  }, [api, flushDraft]);
  /** The code as it is now, saved or not. */
  const currentCode = useCallback(() => codeNow.current, []);
  return { saveDraft, currentCode };
}
