/** The held stream: nothing is released before it is judged, prose a sentence at a time. */
import { describe, expect, it } from 'vitest';
import { boundary, GuardedStream } from '../../../electron/core/tutor/guard/stream.ts';
import type { Verdict } from '../../../electron/core/tutor/guard/index.ts';

function stream(judge: (text: string) => Verdict, maxWords = 160, confirm: Verdict = { leak: false }) {
  const shown: string[] = [];
  const judged: string[] = [];
  let checking = 0;
  const s = new GuardedStream({
    judge: async (t) => (judged.push(t), judge(t)),
    confirm: async () => confirm,
    onText: (t) => shown.push(t),
    onChecking: () => checking++,
    maxWords,
  });
  /** Pieces as a model streams them; `wait` lets judged text go out between pieces. */
  const feed = async (text: string, size = 3, wait = false) => {
    for (let i = 0; i < text.length; i += size) {
      s.push(text.slice(i, i + size));
      if (wait) await new Promise((r) => setImmediate(r));
    }
    return s.end();
  };
  return { feed, shown, judged, checking: () => checking };
}

describe('where the stream may be cut', () => {
  it('after a sentence or a line of prose, never inside a code span or a fence', () => {
    expect(boundary('One. Two')).toBe(4);
    expect(boundary('看这里。然后')).toBe(4);
    expect(boundary('Use `x.y. z` now. And')).toBe(17);
    expect(boundary('```\ncode. more\n')).toBe(0);
    expect(boundary('Before it.\n```\ncode\n```\n\nAfter.')).toBe(10);
    expect(boundary('```\ncode\n```\n\nAfter.')).toBe(14);
  });
  it('a line ending in a colon waits for what it introduces', () => {
    expect(boundary('Change line 4 to:\n```\ncode\n```\n\nAfter.')).toBe(32);
    expect(boundary('Change line 4 to:\n```\ncode')).toBe(0);
    // The model's stream may pause right after the colon: nothing of the edit has come yet.
    expect(boundary('Change line 4 to:\n')).toBe(0);
    expect(boundary('把第 3 行改成：')).toBe(0);
    expect(boundary('把第 3 行改成：\n    return 1\n\n好。')).toBe(24);
  });
  it('a paragraph with a code line only as a whole', () => {
    expect(boundary('Try\n    return high\nmore')).toBe(0);
    expect(boundary('1. if value > high:\n2. return high\n\nNext.')).toBe(36);
  });
});

describe('the guarded stream', () => {
  it('releases judged sentences in order, each judged with what came before', async () => {
    const { feed, shown, judged } = stream(() => ({ leak: false }));
    const out = await feed('First one. Second one. Third');
    expect(shown).toEqual(['First one.', ' Second one.', ' Third']);
    expect(judged[1]).toBe('First one. Second one.');
    expect(out.shown).toBe('First one. Second one. Third');
  });
  it('stops at a leak: nothing of it or after it is released', async () => {
    const { feed, shown } = stream((t) =>
      t.includes('return high') ? { leak: true, why: 'states-fix', detail: 'return high' } : { leak: false },
    );
    const out = await feed('Look here. Write `return high`. Then go on.');
    expect(shown).toEqual(['Look here.']);
    expect(out.verdict).toMatchObject({ leak: true, why: 'states-fix' });
  });
  it('holds everything after an unsure piece for one second opinion', async () => {
    const unsure = (t: string): Verdict =>
      t.includes('maybe') ? { leak: false, unsure: 'x' } : { leak: false };
    const refused = stream(unsure, 160, { leak: true, why: 'second-opinion', detail: 'no' });
    expect((await refused.feed('Fine. A maybe. More.')).verdict.leak).toBe(true);
    expect(refused.shown).toEqual(['Fine.']);
    const passed = stream(unsure);
    await passed.feed('Fine. A maybe. More.');
    expect(passed.shown.join('')).toBe('Fine. A maybe. More.');
  });
  it('cuts a long hint at the last sentence end within the word limit', async () => {
    const { feed } = stream(() => ({ leak: false }), 6);
    const out = await feed('One two three. Four five. Six seven eight. Nine.');
    expect(out).toMatchObject({ shown: 'One two three. Four five.', truncated: true });
  });
  it('never shows "Change line 4 to:" apart from the lines it introduces, however the stream is cut', async () => {
    const text = 'Change line 4 to:\n    if value > high:\n        return high\n';
    const leak = (t: string): Verdict =>
      t.includes('return high') ? { leak: true, why: 'passes-tests', detail: 'line 4' } : { leak: false };
    for (const size of [1, 6, 18, 19, 24]) {
      const { feed, shown } = stream(leak);
      expect((await feed(text, size, true)).verdict.leak).toBe(true);
      expect(shown, `chunks of ${size}`).toEqual([]);
    }
  });
  it('cuts a long Chinese hint at a Chinese sentence end, never inside a sentence', async () => {
    // Two characters make about a word: each sentence below is six words.
    const sentence = '看看你的代码第三行做了什么。';
    const { feed } = stream(() => ({ leak: false }), 14);
    const out = await feed(sentence.repeat(2) + '最后再想一想？还有更多的内容在这里！');
    expect(out.truncated).toBe(true);
    expect(out.shown).toBe(sentence.repeat(2));
  });
  it('says the text is being checked once per stretch of held text', async () => {
    const s = stream(() => ({ leak: false }));
    await s.feed('One. Two.', 1, true);
    expect(s.checking()).toBe(2);
  });
});
