/**
 * A student ID as a class compares it: two IDs that read the same to a teacher are one learner.
 * A report is hostile input, so "S1ООЗ" written with Cyrillic О and З, "Ｓ１００３" in fullwidth or
 * "𝐒1003" in mathematical bold must find the learner "S1003" (and be held when another key
 * signed it), not become a second learner who looks exactly like the first. Decision 0046.
 */
import unhomoglyph from 'unhomoglyph';

/**
 * The comparison key: NFKC (fullwidth and mathematical letters become plain ones), without
 * combining marks (NFD, then nonspacing marks dropped) and invisible characters, spaces collapsed,
 * in capitals, mapped by Unicode's confusables table (UTS #39 skeleton: Cyrillic О and digit 0
 * become O, digit 1 and capital I become l), then lower-cased. Capitals first, so that "Si" and
 * "SI" (the same ID in another case) and "Sl" (a look-alike of "SI") meet in one key.
 *
 * Only for comparing: the key is not meant to be read, and the learner's ID is kept as they gave it.
 */
export function studentIdKey(studentId: string): string {
  const plain = studentId
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase();
  return unhomoglyph(plain).normalize('NFD').toLowerCase();
}

/** Scripts whose letters pass for each other's (Latin a/Cyrillic а/Greek α, Latin S/Cyrillic Ѕ). */
const LOOK_ALIKE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'] as const;
const SCRIPT_RE = Object.fromEntries(
  LOOK_ALIKE_SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')]),
) as Record<(typeof LOOK_ALIKE_SCRIPTS)[number], RegExp>;

/**
 * The odd letters of an ID that mixes look-alike scripts (after NFKC): those not in Latin when it
 * has Latin ones (IDs and e-mail addresses mostly are), else those of the scripts it uses less.
 * "S1ООЗ" (Latin S, Cyrillic О О З) gives ["О", "З"]; a one-script ID ("S1003",
 * "иван@школа.рф", "张三@school.cn") gives none. A learner who typed such an ID is asked to retype it.
 */
export function mixedScriptLetters(studentId: string): string[] {
  const byScript = new Map<string, string[]>();
  for (const ch of studentId.normalize('NFKC')) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = LOOK_ALIKE_SCRIPTS.find((s) => SCRIPT_RE[s].test(ch));
    if (script) byScript.set(script, [...(byScript.get(script) ?? []), ch]);
  }
  if (byScript.size < 2) return [];
  const main = byScript.has('Latin')
    ? 'Latin'
    : [...byScript].sort((a, b) => b[1].length - a[1].length)[0]![0];
  return [...new Set([...byScript].filter(([s]) => s !== main).flatMap(([, letters]) => letters))];
}
