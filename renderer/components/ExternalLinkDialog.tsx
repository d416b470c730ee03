/**
 * Asks before a link in lesson text or a hint leaves Lantern: the whole address, in the
 * interface language, with Cancel focused so Enter or Escape keeps the person here.
 * In the desktop app the main process asks instead, in a native dialog the page cannot draw
 * over (electron/main/external-links.ts), so the page only hands the link on.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import './external-link.css';

/** An absolute link to somewhere other than this page's own origin, or null. */
export function externalHref(anchor: HTMLAnchorElement, ownOrigin: string): URL | null {
  const raw = anchor.getAttribute('href');
  if (!raw || raw.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(anchor.href);
  } catch {
    return null;
  }
  return url.origin === ownOrigin ? null : url;
}

export function ExternalLinkDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), intro: useId() };
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first button; staying is the safe answer to a stray Enter.
    cancel.current?.focus();
  }, []);
  const open = () => {
    window.open(url, '_blank', 'noopener,noreferrer');
    ref.current?.close();
  };
  return (
    <dialog
      ref={ref}
      className="link-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.intro}
      data-testid="external-link-dialog"
      onClose={onClose}
    >
      <h2 id={ids.title}>{t('externalLink.title')}</h2>
      <p id={ids.intro}>{t('externalLink.intro')}</p>
      <p className="link-address" data-testid="external-link-url">
        {url}
      </p>
      <div className="link-actions">
        <button type="button" className="primary" onClick={open}>
          {t('externalLink.open')}
        </button>
        <button type="button" ref={cancel} onClick={() => ref.current?.close()}>
          {t('externalLink.cancel')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Click handling for rendered Markdown: a link that leaves Lantern goes through the question
 * above (web mode) or the desktop app's own dialog, never straight to the browser.
 */
export function useExternalLinks(): {
  pending: string | null;
  /** For onClick and onAuxClick (a middle click would open a tab without asking). */
  onClick: (event: React.MouseEvent<HTMLElement>) => void;
  close: () => void;
} {
  const { api, info } = useApp();
  const [pending, setPending] = useState<string | null>(null);
  const onClick = (event: React.MouseEvent<HTMLElement>) => {
    const anchor = (event.target as Element).closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const url = externalHref(anchor, window.location.origin);
    if (!url) return;
    event.preventDefault();
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (info.mode === 'electron') void api.openExternal({ url: url.href });
    else setPending(url.href);
  };
  return { pending, onClick, close: () => setPending(null) };
}
