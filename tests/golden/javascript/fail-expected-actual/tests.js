import { leapYear } from './leap';

describe('leapYear', () => {
  test('an ordinary leap year', () => {
    expect(leapYear(1996)).toBe(true);
  });
  test('a century is not a leap year', () => {
    expect(leapYear(1900)).toBe(false);
  });
  test('every four hundred years is', () => {
    expect(leapYear(2000)).toBe(true);
  });
});
