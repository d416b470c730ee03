/**
 * Two cheap text checks on a generated problem: is the statement in the asked language, and is it
 * a near-duplicate of an exercise the learner already has. Both are plain functions of text.
 */
import type { UiLocale } from '../../../shared/content/schema.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const LETTER = /[\p{L}]/u;

/** Share of letters that are CJK ideographs, ignoring code spans and fenced blocks. */
export function cjkShare(markdown: string): number {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  let letters = 0;
  let cjk = 0;
  for (const ch of prose) {
    if (!LETTER.test(ch)) continue;
    letters += 1;
    if (CJK.test(ch)) cjk += 1;
  }
  return letters === 0 ? 0 : cjk / letters;
}

/**
 * Chinese prose mixes in identifiers and English words, so a third of the letters being CJK is
 * already clearly Chinese; English prose should have almost none.
 */
export function isInLanguage(markdown: string, locale: UiLocale): boolean {
  const share = cjkShare(markdown);
  return locale === 'zh' ? share >= 0.3 : share <= 0.05;
}

/** Lowercase, drop punctuation and Markdown, collapse whitespace: what is left is the content. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const s = ` ${normalizeText(text)} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    const g = s.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character trigrams of the normalised text: 1 = same, 0 = nothing shared. */
export function similarity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 1 : (2 * shared) / total;
}

/** Above this, two exercises are the same problem with cosmetic changes. */
export const NEAR_DUPLICATE = 0.9;

export interface DuplicateHit {
  id: string;
  score: number;
}

/** The most similar existing text when it is a near-duplicate, else undefined. */
export function findNearDuplicate(
  text: string,
  existing: Iterable<{ id: string; text: string }>,
  threshold = NEAR_DUPLICATE,
): DuplicateHit | undefined {
  let best: DuplicateHit | undefined;
  for (const e of existing) {
    const score = similarity(text, e.text);
    if (score >= threshold && (!best || score > best.score)) best = { id: e.id, score };
  }
  return best;
}
