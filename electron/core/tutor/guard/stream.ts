/**
 * Holds a streamed hint back until each piece is judged. Prose is released a sentence at a time;
 * a paragraph holding anything code-like (a fence, indented or numbered code, a quote, a diff, an
 * HTML block) only as a whole. Each piece is judged together with everything shown before it, so
 * a fix split across sentences is caught when its last part arrives. After a leak nothing more is
 * released; once the rules are unsure, the rest is held to the end for one second opinion.
 */
import { NUMBERED, unframe } from './extract.ts';
import type { Verdict } from './index.ts';
import { looksLikeCode, wordCount } from './tokens.ts';

export interface StreamOutcome {
  verdict: Verdict;
  /** Exactly what was released, in order. */
  shown: string;
  /** The hint went past the word limit and was cut at a sentence end. */
  truncated: boolean;
}

export interface GuardedStreamOptions {
  judge: (text: string) => Promise<Verdict>;
  confirm: (text: string, unsure: string) => Promise<Verdict>;
  onText: (text: string) => void;
  /** Text has arrived that is not on screen yet: it is being checked. */
  onChecking?: () => void;
  maxWords: number;
  /**
   * A sentence that names any of the fix's tokens (a name, a number, an operator in words) is not
   * released alone: the next sentence may complete what it started, so it waits for its paragraph.
   */
  hold?: (sentence: string) => boolean;
}

export class GuardedStream {
  private readonly o: GuardedStreamOptions;
  private buffer = '';
  private shown = '';
  private held = '';
  private unsure: string | undefined;
  private verdict: Verdict = { leak: false };
  private truncated = false;
  private chain: Promise<void> = Promise.resolve();
  private checking = false;

  constructor(options: GuardedStreamOptions) {
    this.o = options;
  }

  push(delta: string): void {
    this.buffer += delta;
    if (!this.checking && this.buffer.trim() && !this.verdict.leak && !this.truncated) {
      this.checking = true;
      this.o.onChecking?.();
    }
    for (let cut = boundary(this.buffer, this.o.hold); cut > 0; cut = boundary(this.buffer, this.o.hold)) {
      const unit = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut);
      this.enqueue(unit);
    }
  }

  /** The call failed or was cancelled: release nothing more. */
  abort(): void {
    this.truncated = true;
    this.buffer = '';
  }

  async end(): Promise<StreamOutcome> {
    if (this.buffer) this.enqueue(this.buffer);
    this.buffer = '';
    await this.chain;
    if (this.unsure && this.held.trim() && !this.verdict.leak) {
      const v = await this.o.confirm(this.shown + this.held, this.unsure);
      if (v.leak) this.verdict = v;
      else this.release(this.held);
    }
    return { verdict: this.verdict, shown: this.shown, truncated: this.truncated };
  }

  private enqueue(unit: string): void {
    this.chain = this.chain.then(async () => {
      if (this.verdict.leak || this.truncated) return;
      if (this.unsure) {
        // Held for the second opinion, but the rules keep judging all of it as it grows.
        this.held += unit;
        const v = await this.o.judge(this.shown + this.held);
        if (v.leak) this.verdict = v;
        return;
      }
      const v = await this.o.judge(this.shown + unit);
      if (v.leak) this.verdict = v;
      else if (v.unsure) {
        this.unsure = v.unsure;
        this.held = unit;
      } else this.release(unit);
    });
  }

  private release(text: string): void {
    if (!text) return;
    if (this.shown.trim() && wordCount(this.shown + text) > this.o.maxWords) {
      const fits = sentences(text).reduce(
        (acc, s) =>
          !acc.full && wordCount(this.shown + acc.text + s) <= this.o.maxWords
            ? { text: acc.text + s, full: false }
            : { text: acc.text, full: true },
        { text: '', full: false },
      );
      this.truncated = true;
      text = fits.text;
      if (!text) return;
    }
    this.shown += text;
    this.checking = false;
    this.o.onText(text);
  }
}

const FENCE = /`{3,}|~{3,}/g;
const SENTENCE_END = /(?<=[^\d\s.])[.!?](?=\s)|[。！？]|\n/g;

/** Length of the first piece of `text` that can be judged on its own, or 0 when none is complete. */
export function boundary(text: string, hold?: (sentence: string) => boolean): number {
  const cut = pieceBoundary(text, hold);
  // A piece ending in a colon introduces what follows ("Change line 4 to:", "把第 3 行改成："):
  // it is judged, and shown, together with that; when nothing of it has arrived yet, it waits.
  if (cut > 0 && /[:：]\s*$/.test(text.slice(0, cut))) {
    if (cut >= text.length) return 0;
    const next = boundary(text.slice(cut), hold);
    return next === 0 ? 0 : cut + next;
  }
  return cut;
}

function pieceBoundary(text: string, hold?: (sentence: string) => boolean): number {
  FENCE.lastIndex = 0;
  const open = FENCE.exec(text);
  if (open) {
    // Prose before a fence goes on its own; a fence holds everything until it closes and its
    // paragraph ends.
    const before = proseBoundary(text.slice(0, open.index), hold);
    if (before > 0) return before;
    const close = new RegExp(`${open[0][0] === '`' ? '`' : '~'}{${open[0].length},}`, 'g');
    close.lastIndex = open.index + open[0].length;
    const closed = close.exec(text);
    if (!closed) return 0;
    const para = text.indexOf('\n\n', closed.index + closed[0].length);
    return para === -1 ? 0 : para + 2;
  }
  return proseBoundary(text, hold);
}

function proseBoundary(text: string, hold?: (sentence: string) => boolean): number {
  if (/<(pre|code)\b/i.test(text) && !/<\/(pre|code)>/i.test(text)) return 0;
  const para = text.indexOf('\n\n');
  const head = para === -1 ? text : text.slice(0, para);
  if (codeLike(head)) return para === -1 ? 0 : para + 2;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(0, end);
    // Not inside an inline code span, and not a line that may still turn out to be code.
    if ((before.match(/`/g)?.length ?? 0) % 2 === 1) continue;
    if (para !== -1 && end > para) return para + 2;
    if (hold?.(before)) return para === -1 ? 0 : para + 2;
    return end;
  }
  return para === -1 ? 0 : para + 2;
}

/** A paragraph that must be judged whole. */
function codeLike(paragraph: string): boolean {
  if (/`{3,}|~{3,}|<(pre|code)\b/i.test(paragraph)) return true;
  return paragraph
    .split('\n')
    .some(
      (line) =>
        /^( {4,}|\t)\S/.test(line) ||
        /^\s*>/.test(line) ||
        /^(@@|\+\S|-\S|\+ {2,}|- {2,})/.test(line) ||
        /^\s*\|.*\|\s*$/.test(line) ||
        unframe((NUMBERED.exec(line)?.[1] ?? line).replace(/`/g, '')).some((l) => looksLikeCode(l)),
    );
}

/**
 * A text cut to at most `maxWords`, only at a sentence end (。！？ too); the first sentence is kept
 * whole whatever its length, so nothing is ever cut mid-sentence.
 */
export function fitWords(text: string, maxWords: number): string {
  if (wordCount(text) <= maxWords) return text;
  let out = '';
  for (const s of sentences(text)) {
    if (out.trim() && wordCount(out + s) > maxWords) break;
    out += s;
  }
  return out.trimEnd();
}

function sentences(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  for (let cut = boundary(rest); cut > 0 && cut < rest.length; cut = boundary(rest)) {
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}
