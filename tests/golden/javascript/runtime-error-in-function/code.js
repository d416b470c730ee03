export function leapYear(year) {
  const rules = null;
  return rules.check(year);
}
