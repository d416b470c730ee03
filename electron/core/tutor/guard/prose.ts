/**
 * A fix told in words, in any order: "write return, then base, then a star, then the function
 * itself …", "先写 return，再写 base，然后一个乘号，接着调用 power …", "call strip, then lower, then
 * replace each space with an underscore". The prose is read as the bag of code tokens it names
 * (names, calls, operators and punctuation said as words, numbers said as words), and compared
 * with the bag of tokens the minimal fix adds: what share of the fix a learner could now type
 * without thinking. Order is ignored on purpose: a fix dictated out of order is still dictated.
 */
import { INLINE_SPAN } from './extract.ts';
import { containsRun, expandFormatted, KEYWORDS, tokenize } from './tokens.ts';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  零: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};
const EN_NUM = '(zero|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)';
const ZH_NUM = '([零一二两三四五六七八九十]|\\d+)';
const num = (w: string) => NUMBER_WORDS[w.toLowerCase()] ?? w;

/** Words and phrases for tokens, longest first; `SELF` is the exercise's function name. */
const SPOKEN: [RegExp, string | ((...m: string[]) => string)][] = [
  [/\b(?:less[ -]than[ -]or[ -]equal(?:[ -]to)?|at most|not (?:greater|more) than|no more than)\b/gi, ' <= '],
  [
    /\b(?:greater[ -]than[ -]or[ -]equal(?:[ -]to)?|more than or equal(?: to)?|not less than|at least)\b/gi,
    ' >= ',
  ],
  [/\b(?:not equal(?:s| to)?|is not equal to|different from)\b/gi, ' != '],
  [/\b(?:(?:is )?equal to|equals)\b/gi, ' == '],
  // Whole words only: "Recovered" holds "over", "understand" holds "under".
  [/\b(?:less than|smaller than|fewer than|below|under)\b/gi, ' < '],
  [/\b(?:greater than|more than|bigger than|larger than|above|over)\b/gi, ' > '],
  [new RegExp(`\\b(?:minus|subtract|less)\\s+${EN_NUM}\\b`, 'gi'), (_, n = '') => ` - ${num(n)} `],
  [new RegExp(`\\b(?:plus|add)\\s+${EN_NUM}\\b`, 'gi'), (_, n = '') => ` + ${num(n)} `],
  [/\bone (?:smaller|less|lower|before)\b|\bsmaller by one\b/gi, ' - 1 '],
  [/\bone (?:bigger|more|larger|higher|after|past)\b|\bbigger by one\b/gi, ' + 1 '],
  [/\b(?:bump|increase|increment|raise|grow)(?:\s+\w+)?\s+by\s+one\b|\bincrement\b/gi, ' += 1 '],
  [/\b(?:times|multiplied by|multiply(?: it)? by)\b/gi, ' * '],
  [/\bdivided by\b/gi, ' / '],
  [/\b(?:mod|modulo|remainder)\b/gi, ' % '],
  [/\b(?:an? )?(?:star|asterisk)s?\b/gi, ' * '],
  [/\b(?:a )?comma\b/gi, ' , '],
  [/\b(?:an? )?(?:opening|open|left) (?:round )?(?:bracket|paren(?:thesis)?)\b/gi, ' ( '],
  [/\b(?:a )?(?:closing|close|right) (?:round )?(?:bracket|paren(?:thesis)?)\b/gi, ' ) '],
  [/\b(?:a )?(?:colon)s?\b/gi, ' : '],
  [/\b(?:an? )?underscores?\b/gi, ' "_" '],
  [/\b(?:each |a |the |every )?spaces?\b/gi, ' " " '],
  [/\b(?:gives?|giving|hands?) back\b|\breturn(?:s|ing|ed)?\b/gi, ' return '],
  [/\botherwise\b/gi, ' else '],
  [/\bset\s+([A-Za-z_]\w*)\s+to\b/gi, (_, n = '') => ` ${n} = `],
  [/\bset (?:it |that )?to\b|\bstore\b|\bassign\b/gi, ' = '],
  [/\bdeclare\b/gi, ' let '],
  [/\bloop while\b/gi, ' while '],
  [/\bfor each\b/gi, ' for '],
  [/\b(?:call(?:s|ing|ed)?|invoke)\s+([A-Za-z_]\w*)/gi, (_, n = '') => ` ${n} ( `],
  [/\bpass(?:es|ing)?\b(?= (?:it|that call|the call|them))/gi, ' ( '],
  [
    /(?:the )?(?:very |same )?function (?:itself|you are writing)|\b(?:calls?|call to|calling) itself\b|\brecursive call\b/gi,
    ' SELF ( ',
  ],
  [/\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)\b/gi, (w) => ` ${num(w)} `],
  // Chinese
  [/小于或等于|小于等于|不大于|不超过|至多/g, ' <= '],
  [/大于或等于|大于等于|不小于|至少/g, ' >= '],
  [/不等于/g, ' != '],
  [/等于/g, ' == '],
  [/小于|低于|不到/g, ' < '],
  [/大于|高于|超过/g, ' > '],
  [new RegExp(`(?:减去?|小|少)\\s*${ZH_NUM}`, 'g'), (_, n = '') => ` - ${num(n)} `],
  [new RegExp(`(?:加上?|大|多)\\s*${ZH_NUM}`, 'g'), (_, n = '') => ` + ${num(n)} `],
  [/乘号|乘以|乘上?|星号/g, ' * '],
  [/除以/g, ' / '],
  [/余数|取余|取模/g, ' % '],
  [/逗号/g, ' , '],
  [/左括号|开括号|括号里|括号/g, ' ( '],
  [/右括号|关上括号|闭括号|关闭括号|括起来/g, ' ) '],
  [/冒号/g, ' : '],
  [/下划线/g, ' "_" '],
  [/空格/g, ' " " '],
  [/调用\s*([A-Za-z_]\w*)/g, (_, n = '') => ` ${n} ( `],
  [/自己|自身|本身|递归调用/g, ' SELF ( '],
  [/返回|交回|给回/g, ' return '],
  [/如果|当/g, ' if '],
  [/否则|不然/g, ' else '],
  [/设成|设为|赋值为|赋为|等同于|存进|存到|存入/g, ' = '],
  [/声明/g, ' let '],
  [new RegExp(`最后${ZH_NUM}位`, 'g'), (_, n = '') => ` ${num(n)} `],
];

const FULLWIDTH = /[\uff01-\uff5e]/g;

/** Prose (and the code in it) as the lower-case code tokens it names. */
export function spokenTokens(text: string, self: readonly string[]): string[] {
  let s = text
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
  // A link's address is not read.
  s = s.replace(/\]\([^)\s]*\)/g, ']');
  for (const [re, to] of SPOKEN) s = s.replace(re, to as string);
  s = s.replace(/\bSELF\b/g, ` ${self.join(' ')} `);
  s = s.replace(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g, ' ');
  return expandFormatted(tokenize(s)).map((t) => t.toLowerCase());
}

const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ';', ':', '.']);
/** Declaring and assigning: any version of the answer has them. */
const STRUCTURAL = new Set(['=', 'let', 'const', 'var', 'def', 'function', '=>']);
/** Covered tokens that, alone, prove nothing: punctuation, numbers (any example has some), names. */
const weak = (t: string, plainNames: ReadonlySet<string>) =>
  PUNCT.has(t) || /^\d/.test(t) || plainNames.has(t) || STRUCTURAL.has(t);

/**
 * How much a token of the fix says: punctuation little, keywords some, plain names (the learner's
 * own, or ones the solution makes up) little; operators, values, methods and builtins most.
 */
function weight(t: string, statement: ReadonlySet<string>, plainNames: ReadonlySet<string>): number {
  const base = PUNCT.has(t)
    ? 0.1
    : STRUCTURAL.has(t) || plainNames.has(t)
      ? 0.3
      : KEYWORDS.has(t) && !/^(true|false|none|null)$/.test(t)
        ? 0.2
        : 1;
  // What the exercise's own statement says is not news to the learner.
  return statement.has(t) ? base / 2 : base;
}

export type Bag = Map<string, number>;

export function bagOf(tokens: Iterable<string>): Bag {
  const bag: Bag = new Map();
  for (const t of tokens) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

/** The weighted share of `fix` that `said` holds (0 when the fix weighs too little to measure). */
export function bagCoverage(
  fix: Bag,
  said: Bag,
  statement: ReadonlySet<string>,
  plainNames: ReadonlySet<string>,
  minWeight = 1.5,
): number {
  let total = 0;
  let hit = 0;
  let telling = false;
  for (const [t, n] of fix) {
    const w = weight(t, statement, plainNames);
    const got = Math.min(n, said.get(t) ?? 0);
    total += w * n;
    hit += w * got;
    if (got > 0 && !weak(t, plainNames)) telling = true;
  }
  return total < minWeight || !telling ? 0 : hit / total;
}

/**
 * The text without what only quotes the learner's own code (a span or a line the learner already
 * has says nothing new).
 */
export function withoutLearnerQuotes(text: string, learnerTokens: readonly string[]): string {
  const own = (code: string) => {
    const t = tokenize(code).map((x) => x.toLowerCase());
    return t.length >= 2 && containsRun(learnerTokens, t);
  };
  return text
    .replace(INLINE_SPAN, (m, _tick: string, code: string) => (own(code) ? ' ' : m))
    .split('\n')
    .map((l) => (l.trim() && !/[\u3400-\u9fff]/.test(l) && own(l) ? '' : l))
    .join('\n');
}

/**
 * Names that say little by themselves: the learner's own variables and parameters, and names the
 * solution makes up; not what is called or read as an attribute (`strip`, `padStart`, `.length`).
 */
export function plainNamesOf(
  learnerTokens: readonly string[],
  solutionTokens: readonly string[],
): Set<string> {
  const out = new Set<string>();
  const called = new Set<string>();
  for (const list of [learnerTokens, solutionTokens])
    list.forEach((t, i) => {
      if (list[i - 1] === '.' || list[i + 1] === '(') called.add(t);
    });
  for (const list of [learnerTokens, solutionTokens])
    for (const t of list) if (/^[a-z_$][\w$]*$/i.test(t) && !KEYWORDS.has(t) && !called.has(t)) out.add(t);
  return out;
}
