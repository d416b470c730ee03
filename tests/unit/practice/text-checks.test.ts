import { describe, expect, test } from 'vitest';
import { findNearDuplicate, isInLanguage, similarity } from '../../../electron/core/practice/text-checks.ts';

describe('statement language', () => {
  test('Chinese prose with code identifiers counts as Chinese', () => {
    const zh =
      '写一个函数 `sum_list(numbers)`，返回列表中所有数的和。\n\n```python\nsum_list([1, 2])  # -> 3\n```';
    expect(isInLanguage(zh, 'zh')).toBe(true);
    expect(isInLanguage(zh, 'en')).toBe(false);
  });

  test('English prose counts as English, not Chinese', () => {
    const en = 'Write a function `sum_list(numbers)` that returns the sum of the numbers.';
    expect(isInLanguage(en, 'en')).toBe(true);
    expect(isInLanguage(en, 'zh')).toBe(false);
  });
});

describe('near-duplicates', () => {
  test('the same text with different spacing and case is a duplicate', () => {
    expect(similarity('Return the SUM of a list.', 'return the sum of a list')).toBe(1);
  });

  test('a different task is not a duplicate', () => {
    const existing = [{ id: 'sum', text: 'Write a function that returns the sum of a list of numbers' }];
    expect(
      findNearDuplicate('Write a class Stack with push, pop and peek methods', existing),
    ).toBeUndefined();
  });

  test('a reworded copy is reported with the id it copies', () => {
    const existing = [{ id: 'sum', text: 'Write a function that returns the sum of a list of numbers.' }];
    expect(
      findNearDuplicate('Write a function that returns the sum of the list of numbers!', existing)?.id,
    ).toBe('sum');
  });
});
