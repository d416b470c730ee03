import { useEffect, useRef } from 'react';
import { renderMarkdown } from './markdown.ts';
import { ExternalLinkDialog, useExternalLinks } from './ExternalLinkDialog.tsx';
import { withMonacoWords } from '../editor/monaco-words.ts';

/**
 * Rendered Markdown. Code blocks are coloured by Monaco's own tokenizer, so a snippet in the
 * prose looks exactly like the same code in the editor (loaded lazily: hints and reports that
 * show no code never load Monaco for it).
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const links = useExternalLinks();
  useEffect(() => {
    const blocks = ref.current?.querySelectorAll<HTMLElement>('pre > code[class*="language-"]');
    if (!blocks || blocks.length === 0) return;
    let cancelled = false;
    void withMonacoWords(() => import('../editor/monaco.ts')).then(({ monaco, monacoTheme }) => {
      if (cancelled) return;
      for (const block of blocks) {
        const lang = /language-(\w+)/.exec(block.className)?.[1] ?? '';
        const language =
          lang === 'py' ? 'python' : lang === 'js' ? 'javascript' : lang === 'ts' ? 'typescript' : lang;
        block.setAttribute('data-lang', language);
        // Monaco has one theme at a time, and colorizeElement sets it: without the app's theme
        // it would set its default, light 'vs', and turn every editor on the page light.
        void monaco.editor.colorizeElement(block, { theme: monacoTheme() });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [source]);
  return (
    <>
      <div
        ref={ref}
        className={`markdown ${className ?? ''}`}
        onClick={links.onClick}
        onAuxClick={links.onClick}
        // markdown-it runs with html:false, so the only markup is what Markdown itself produces.
        dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
      />
      {links.pending && <ExternalLinkDialog url={links.pending} onClose={links.close} />}
    </>
  );
}
