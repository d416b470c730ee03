/**
 * Markdown for lesson prose and hints: markdown-it (CommonMark + GFM tables and strikethrough)
 * with raw HTML off, so content and model output can never inject markup. Links open nothing
 * in-app: they get rel=noopener, and a click asks the person before the link leaves Lantern
 * (ExternalLinkDialog.tsx; in the desktop app the main process asks).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLink =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLink(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
