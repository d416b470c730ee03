export function leapYear(year) {
  return year % 4 === 0;
}
