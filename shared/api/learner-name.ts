/**
 * A learner's display name, one rule wherever a name comes in: a profile made or renamed in the
 * app, and `learner.name` in a report a teacher imports (hostile: any file can be picked). A name
 * is shown in lists, the class matrix and gradebooks, so it must be short enough to lay out and
 * must not hide characters that draw nothing or turn the text around ("Ada\u202Eretset"). The
 * problem is a code with where it is; the page words it in the learner's or teacher's language.
 */
import { z } from 'zod';
import enProfiles from '../i18n/locales/en/profiles.json' with { type: 'json' };
import zhProfiles from '../i18n/locales/zh/profiles.json' with { type: 'json' };

/** Characters, after trimming and collapsing spaces. */
export const MAX_LEARNER_NAME = 80;

export const NameProblem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('empty') }),
  z.object({ code: z.literal('too-long'), length: z.number(), max: z.number() }),
  /** `at`: the character's position, 1-based; `char`: its code point, "U+202E". */
  z.object({ code: z.enum(['control', 'direction', 'invisible']), at: z.number(), char: z.string() }),
]);
export type NameProblem = z.infer<typeof NameProblem>;

/** Spaces of every kind (tabs, line breaks, no-break spaces) become one space. */
export const cleanLearnerName = (name: string) => name.replace(/\s+/gu, ' ').trim();

const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cn}]/u;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;

/** What is wrong with a name as typed or as a report gives it, or null when it is fine. */
export function learnerNameProblem(name: string): NameProblem | null {
  const chars = [...cleanLearnerName(name)];
  if (!chars.length) return { code: 'empty' };
  if (chars.length > MAX_LEARNER_NAME)
    return { code: 'too-long', length: chars.length, max: MAX_LEARNER_NAME };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = /\p{Cc}/u.test(ch)
      ? 'control'
      : DIRECTION.test(ch)
        ? 'direction'
        : INVISIBLE.test(ch) && !emojiPart(chars, i)
          ? 'invisible'
          : null;
    if (code) return { code, at: i + 1, char: codePoint(ch) };
  }
  return null;
}

/** Emoji are allowed in a nickname: their variation selector and the joiner inside "👩‍💻". */
function emojiPart(chars: readonly string[], i: number): boolean {
  const ch = chars[i]!;
  const before = chars[i - 1] ?? '';
  if (ch === '\uFE0F' || ch === '\uFE0E') return PICTOGRAPH.test(before);
  if (ch === '\u200D')
    return (PICTOGRAPH.test(before) || before === '\uFE0F') && PICTOGRAPH.test(chars[i + 1] ?? '');
  return false;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** An English sentence for a problem: for logs, the command line and the report schema's issues. */
export function describeNameProblem(p: NameProblem): string {
  switch (p.code) {
    case 'empty':
      return 'the name is empty';
    case 'too-long':
      return `the name has ${p.length} characters; at most ${p.max} are allowed`;
    case 'control':
      return `character ${p.at} of the name is a control character (${p.char})`;
    case 'direction':
      return `character ${p.at} of the name changes the text direction (${p.char})`;
    case 'invisible':
      return `character ${p.at} of the name is invisible (${p.char})`;
  }
}

/** The name as stored: trimmed, spaces collapsed; refused with the problem's sentence. */
export const LearnerName = z
  .string()
  .transform(cleanLearnerName)
  .superRefine((name, ctx) => {
    const problem = learnerNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: describeNameProblem(problem), params: problem });
  });

/**
 * What a learner is called whose name nobody chose (the first profile, made on first use): the
 * word for "learner" in the language it is shown in (`profiles.defaultName`), never a name fixed
 * when it was made (decision 0055). A profile with such a name has `name: null`; whatever shows
 * it, the page, a report or the command line, words it in its own language.
 */
export const DEFAULT_LEARNER_NAMES = {
  en: enProfiles.profiles.defaultName,
  zh: zhProfiles.profiles.defaultName,
} as const;

/** A profile's name as shown in `locale`: the one the person chose, or the word for "learner". */
export function learnerNameIn(name: string | null, locale: 'en' | 'zh'): string {
  return name ?? DEFAULT_LEARNER_NAMES[locale];
}
