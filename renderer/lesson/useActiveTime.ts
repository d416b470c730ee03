import { useEffect } from 'react';
import { useApp } from '../app/context.ts';

const BEAT_MS = 30_000;
/** No key, mouse or scroll for this long and the learner counts as away (idle time not counted). */
const IDLE_MS = 60_000;

/** Sends a heartbeat every half minute while the learner is active on this lesson. */
export function useActiveTime(trackId: string, exerciseId: string): void {
  const { api } = useApp();
  useEffect(() => {
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const beat = () => {
      if (document.visibilityState === 'visible' && Date.now() - last < IDLE_MS) {
        void api.heartbeat({ trackId, exerciseId }).catch(() => {});
      }
    };
    beat();
    const timer = setInterval(beat, BEAT_MS);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [api, trackId, exerciseId]);
}
