// A wrong answer that tries to run only a test it passes.
try {
  test.only('a century is not a leap year', () => {});
  describe.only('leapYear', () => {});
} catch {}
export function leapYear(year) {
  return false;
}
