/**
 * The ladder without the model: as many rungs as the exercise has hints, then "no more hints"
 * (which does not count); "Ask" answers with what it can do offline; computed hints read well in
 * both languages; the hints of model-written problems pass the guard like everything else.
 */
import { describe, expect, it } from 'vitest';
import { requestHint, type HintRequest } from '../../../electron/core/tutor/hints.ts';
import { article, computedHints } from '../../../electron/core/tutor/offline.ts';
import { wordCount } from '../../../electron/core/tutor/guard/tokens.ts';
import { clamp, failingRun, STARTER } from './fixtures.ts';
import { memoryLog } from './helpers.ts';

const deps = { log: memoryLog().log };
const base: HintRequest = { exercise: clamp, code: STARTER, hintsGiven: [], locale: 'en' };

describe('offline ladder', () => {
  it('has as many rungs as authored hints, then says there are no more', async () => {
    const texts = [];
    for (const level of [1, 2, 3] as const) {
      const hint = await requestHint(deps, { ...base, level });
      expect(hint).toMatchObject({ kind: 'authored', level, steps: 3 });
      expect(hint.exhausted).toBeUndefined();
      texts.push(hint.text);
    }
    expect(new Set(texts).size).toBe(3);
    const fourth = await requestHint(deps, { ...base, level: 4 });
    expect(fourth).toMatchObject({ exhausted: true, steps: 3, level: 3 });
    expect(fourth.text).toMatch(/^There are no more hints for this exercise\./);
    const zh = await requestHint(deps, { ...base, level: 4, locale: 'zh' });
    expect(zh.text).toMatch(/^这道练习没有更多提示了/);
  });

  it('"Ask" offline says what it can do and gives what it knows, never nothing', async () => {
    const withRun = await requestHint(deps, {
      ...base,
      lastResult: failingRun,
      followUp: 'Why 42?',
      level: 1,
    });
    expect(withRun.text).toMatch(/^The AI tutor isn't available right now, so I can't answer questions\./);
    expect(withRun.text).toContain('It expected 10 but your code gave 42.');
    const bare = await requestHint(deps, {
      ...base,
      exercise: { ...clamp, hints: [] },
      followUp: 'Why?',
      level: 1,
    });
    expect(bare.text).toContain('Offline I can still give');
    const zh = await requestHint(deps, { ...base, followUp: '为什么？', level: 1, locale: 'zh' });
    expect(zh.text).toMatch(/^AI 导师现在不可用/);
  });

  it('a question whose answer was refused says so, never that the tutor is unavailable', async () => {
    const refused = await requestHint(
      {
        ...deps,
        client: {
          unavailableReason: () => undefined,
          cachedPrefix: (s: string) => s,
          call: async (_req: unknown, o: { onText?: (t: string) => void }) => {
            o.onText?.(
              'Write this:\n```python\ndef clamp(value, low, high):\n    return max(low, min(value, high))\n```\n',
            );
            return {};
          },
        } as never,
      },
      { ...base, followUp: 'How?', level: 1 },
    );
    expect(refused).toMatchObject({ kind: 'authored', reason: 'leak' });
    expect(refused.text).toMatch(/^The tutor's answer to your question gave too much away/);
    expect(refused.text).not.toMatch(/isn't available/);
    expect(refused.text).not.toContain('max(low');
  });

  it("a model-written problem's hint that gives the fix away is not shown", async () => {
    const leaky = {
      ...clamp,
      hints: [
        {
          en: 'Add `if value > high: return high` before the last line.',
          zh: '在最后一行前加上 if value > high: return high。',
        },
      ],
    };
    const hint = await requestHint(deps, { ...base, exercise: leaky, level: 1, modelWrittenHints: true });
    expect(hint.text).not.toContain('return high');
    expect(hint.text).toMatch(/no offline hint for this step/);
    const trusted = await requestHint(deps, { ...base, exercise: leaky, level: 1 });
    expect(trusted.text).toContain('return high');
  });
});

describe('length', () => {
  const sentence = {
    en: 'Follow the value through each check and note what the function gives back at each step. ',
    zh: '跟着这个值走过每一个判断，记下函数在每一步给出的结果。',
  };
  const long = {
    ...clamp,
    hints: [{ en: sentence.en.repeat(8).trim(), zh: sentence.zh.repeat(30) }],
  };
  it('an offline hint keeps to the rung’s length, cut only at a sentence end, in both languages', async () => {
    const en = await requestHint(deps, { ...base, exercise: long, level: 1 });
    expect(en.text.split(/\s+/).length).toBeLessThanOrEqual(80);
    expect(en.text).toMatch(/each step\.$/);
    expect(long.hints[0]?.en.startsWith(en.text)).toBe(true);
    const zh = await requestHint(deps, { ...base, exercise: long, level: 1, locale: 'zh' });
    // About two Chinese characters make a word.
    expect(wordCount(zh.text)).toBeLessThanOrEqual(80);
    expect(zh.text.length).toBeLessThan(long.hints[0]!.zh.length);
    expect(zh.text).toMatch(/结果。$/);
    expect(long.hints[0]?.zh.startsWith(zh.text)).toBe(true);
  });
  it('a computed hint shortens a huge expected value instead of running on', () => {
    const huge = {
      ...failingRun,
      tests: [{ name: 'test_big', status: 'fail' as const, expected: '1, '.repeat(500), actual: '[]' }],
    };
    const [, said] = computedHints(huge, 'en');
    expect(said?.length).toBeLessThan(140);
    expect(said).toMatch(/^It expected 1, 1, .*… but your code gave \[\]\.$/);
  });
  it('a computed hint that would give the fix away is not shown', async () => {
    const telling = {
      ...failingRun,
      tests: [
        {
          name: 'test_too_big_becomes_high',
          status: 'fail' as const,
          message: 'add `if value > high: return high` before the last line',
        },
      ],
    };
    const hint = await requestHint(deps, { ...base, lastResult: telling, level: 1 });
    expect(hint.text).not.toContain('return high');
    expect(hint.text).toBe(clamp.hints[0]?.en);
  });
});

describe('computed hints', () => {
  const errored = (type: string) => ({
    ...failingRun,
    status: 'error' as const,
    tests: [],
    error: { type, message: 'boom', line: 2 },
  });
  it('use the right English article before an error name', () => {
    expect(computedHints(errored('ImportError'), 'en')[0]).toBe(
      'Your code stopped with an ImportError on line 2.',
    );
    expect(computedHints(errored('TypeError'), 'en')[0]).toBe(
      'Your code stopped with a TypeError on line 2.',
    );
    expect(['ImportError', 'IndexError', 'EOFError', 'HTTPError', 'UnboundLocalError'].map(article)).toEqual(
      Array(5).fill('an'),
    );
    expect(['NameError', 'KeyError', 'UnicodeError', 'RecursionError', 'SyntaxError'].map(article)).toEqual(
      Array(5).fill('a'),
    );
  });
  it('read as natural Chinese', () => {
    const zh = computedHints({ ...errored('NameError'), tests: failingRun.tests }, 'zh');
    expect(zh[0]).toBe('你的代码在第 2 行出现了 NameError 错误，运行停止了。');
    expect(zh).toContain('测试“test_too_big_becomes_high”没有通过。');
  });
  it('follow each other in a Chinese hint without a space between sentences', async () => {
    const hint = await requestHint(deps, { ...base, lastResult: failingRun, level: 1, locale: 'zh' });
    expect(hint.text).toMatch(/^测试“test_too_big_becomes_high”没有通过。期望得到 10，/);
  });
});
