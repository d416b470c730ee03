/**
 * Two cheap text checks on a generated problem: is the statement in the asked language, and is it
 * a near-duplicate of an exercise the learner already has. Both are plain functions of text.
 */
import { decodeHTML } from 'entities';
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

/** Markdown text with code spans and fenced blocks removed (code may show `<` and tags). */
function prose(markdown: string): string {
  return markdown.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

const ELEMENTS =
  'a|abbr|audio|b|base|big|blockquote|body|br|button|canvas|center|code|details|div|dl|dd|dt|em|embed|figure|font|form|frame|h[1-6]|head|hr|html|i|iframe|img|input|kbd|label|li|link|mark|marquee|meta|noscript|object|ol|option|p|pre|q|s|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|th|thead|title|tr|u|ul|video';
/** A real tag: `<b>`, `</b>`, `<br/>`, `<img src=x>` (a placeholder like `<i counts>` has no `=`). */
const TAG = new RegExp(
  `<(${ELEMENTS})(\\s*\\/?|(\\s+[a-z-]+\\s*=\\s*[^<>]*))>|<\\/(${ELEMENTS})\\s*>|<!--|javascript:|\\bon(click|load|error|mouse[a-z]+|key[a-z]+|focus|blur|submit|change|input|toggle|begin)\\s*=`,
  'i',
);

/**
 * Why a statement or hint is not plain text, or undefined. Statements are Markdown shown to the
 * learner: HTML in the prose (a tag, a comment, an event handler, a javascript: link) is refused
 * whatever the renderer would do with it, and a script tag is refused even inside code.
 */
export function markupProblem(raw: string): string | undefined {
  // Judged as the renderer will read it: `jav&#x61;script:` is javascript:.
  const markdown = decodeHTML(raw);
  if (/<\s*\/?\s*(script|iframe|object|embed|style)\b/i.test(markdown))
    return 'contains a script, style or frame tag';
  const text = prose(markdown);
  const tag = TAG.exec(text) ?? ANY_TAG.exec(text) ?? ACTIVE.exec(markdown);
  return tag ? `contains HTML (${tag[0].slice(0, 30)}); write plain Markdown` : undefined;
}

/**
 * Any element with attributes, known or not (`<x-tip onpointerenter=…>`, `<svg/onload=…>`), any
 * event handler, and any script or data URL, wherever they sit: the tag list cannot know them all.
 */
const ANY_TAG = /<[a-z][\w:-]*(?:\s|\/)+[^<>]*=|<\/[a-z][\w:-]*\s*>/i;
const ACTIVE =
  /\bon[a-z]{3,}\s*=|\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*[a-z-]+\/[a-z0-9.+-]+/i;

/** Windows-1252's characters for the bytes 0x80–0x9F (where it differs from Latin-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function byteOf(ch: string): number | undefined {
  const code = ch.codePointAt(0) ?? 0;
  const high = CP1252.indexOf(ch);
  if (high >= 0) return 0x80 + high;
  return code >= 0xa0 && code <= 0xff ? code : undefined;
}

/**
 * Why text looks garbled, or undefined: the replacement character U+FFFD, C1 control characters,
 * the classic "锟斤拷" of a broken GBK round trip, or UTF-8 read as Latin-1 / Windows-1252 — a run
 * of such characters that decodes as UTF-8 ("ä¸­æ–‡" is 中文). "café" and "naïve" stay text.
 */
export function garbledProblem(text: string): string | undefined {
  if (text.includes('\ufffd')) return 'contains the replacement character �';
  const legacy = readAsLegacy(text);
  if (legacy) return legacy;
  if (/[\u0080-\u009f]/.test(text.replace(/[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '')))
    return 'contains control characters';
  if (/锟斤拷|烫烫烫|屯屯屯/.test(text)) return 'contains garbled Chinese (锟斤拷)';
  const chars = [...text];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < chars.length; i++) {
    const bytes: number[] = [];
    let j = i;
    while (j < chars.length && byteOf(chars[j] as string) !== undefined)
      bytes.push(byteOf(chars[j++] as string) as number);
    if (bytes.length >= 2) {
      // Any two-to-four byte window that is one valid multi-byte UTF-8 character gives it away.
      for (let s = 0; s < bytes.length - 1; s++) {
        const lead = bytes[s] as number;
        const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
        if (size === 0 || s + size > bytes.length) continue;
        try {
          decoder.decode(new Uint8Array(bytes.slice(s, s + size)));
          return `contains mojibake ("${chars.slice(i, j).join('')}" is UTF-8 read as Latin-1)`;
        } catch {
          // not a UTF-8 sequence: ordinary accented letters
        }
      }
    }
    i = j;
  }
  return undefined;
}

/** Each character's bytes in a legacy double-byte encoding, built once from its decoder. */
const reverseTables = new Map<string, Map<string, number[]>>();
function reverseTable(encoding: 'gbk' | 'shift_jis'): Map<string, number[]> {
  let table = reverseTables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  // Half-width katakana are one byte in Shift_JIS.
  if (encoding === 'shift_jis')
    for (let b = 0xa1; b <= 0xdf; b++) table.set(decoder.decode(new Uint8Array([b])), [b]);
  reverseTables.set(encoding, table);
  return table;
}

/**
 * UTF-8 read as GBK ("鍐欎竴涓") or as Shift_JIS ("謚雁錐"): re-encoded in that encoding, the
 * characters' bytes are mostly well-formed UTF-8 of CJK text, which real Chinese in GBK almost
 * never is (its bytes rarely chain into UTF-8's lead-and-continuation pattern).
 */
function readAsLegacy(text: string): string | undefined {
  const runs = text.match(/[^\p{ASCII}\s\p{P}]{4,}/gu) ?? [];
  for (const encoding of ['gbk', 'shift_jis'] as const) {
    const table = reverseTable(encoding);
    for (const run of runs) {
      const bytes: number[] = [];
      for (const ch of run) {
        const b = table.get(ch);
        if (!b) {
          bytes.length = 0;
          break;
        }
        bytes.push(...b);
      }
      if (bytes.length < 12) continue;
      if (utf8Share(bytes) >= 0.8)
        return `contains mojibake ("${run.slice(0, 12)}" is UTF-8 read as ${encoding === 'gbk' ? 'GBK' : 'Shift_JIS'})`;
    }
  }
  return undefined;
}

/** Share of bytes that belong to well-formed three-byte UTF-8 sequences (CJK lives there). */
function utf8Share(bytes: number[]): number {
  let covered = 0;
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    if (a >= 0xe0 && a <= 0xef && b >= 0x80 && b <= 0xbf && c >= 0x80 && c <= 0xbf) {
      covered += 3;
      i += 3;
    } else i += 1;
  }
  return covered / bytes.length;
}
