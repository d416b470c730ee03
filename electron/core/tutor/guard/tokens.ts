/**
 * The guard's vocabulary: code tokens, "is this line code?", and prose rewritten so a fix stated
 * in words ("less than or equal to", "返回 1") reads as the tokens it names (the language a piece
 * is in: language.ts). Heuristics, tuned on the categories of issue 10, not on its examples.
 */
const OPERATORS = [
  '===',
  '!==',
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '==',
  '!=',
  '<=',
  '>=',
  '=>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '**',
  '//',
  '&&',
  '||',
  '++',
  '--',
  '->',
  '::',
  '<',
  '>',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '&',
  '|',
  '^',
  '~',
  '.',
  ',',
  ':',
  ';',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '?',
  '@',
];
const TOKEN = new RegExp(
  [
    String.raw`"(?:[^"\\\n]|\\.)*"`,
    String.raw`'(?:[^'\\\n]|\\.)*'`,
    String.raw`\d+(?:\.\d+)?`,
    String.raw`[A-Za-z_$][\w$]*`,
    ...OPERATORS.map((o) => o.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
  ].join('|'),
  'g',
);

/**
 * A Python f-string as the concatenation it stands for: f"{a}.{b}" reads as a + "." + b, so a
 * hint writing it either way is compared alike.
 */
export function expandFormatted(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    if (!(t === 'f' || t === 'F') || !next.startsWith('"')) {
      out.push(t);
      continue;
    }
    const parts: string[][] = [];
    for (const m of next.slice(1, -1).matchAll(/\{([^{}]*)\}|([^{}]+)/g)) {
      if (m[1] !== undefined) parts.push(tokenize(m[1].replace(/[!:][^\])]*$/, '')));
      else if (m[2]) parts.push([`"${m[2]}"`]);
    }
    parts.forEach((p, k) => out.push(...(k > 0 ? ['+'] : []), ...p));
    i++;
  }
  return out;
}

/** Code tokens; comments dropped, quotes unified so 'a' and "a" compare equal. */
export function tokenize(code: string): string[] {
  const out: string[] = [];
  const stripped = code.replace(/(^|\s)(#|\/\/)(?![^\n]*["'`]).*$/gm, '$1');
  for (const m of stripped.matchAll(TOKEN)) {
    const t = m[0];
    out.push(t.startsWith("'") ? `"${t.slice(1, -1)}"` : t);
  }
  return out;
}

export const KEYWORDS = new Set(
  (
    'def class return if elif else for while in not and or is import from as try except finally raise ' +
    'with lambda yield pass break continue None True False print len range self global nonlocal ' +
    'function const let var new typeof instanceof this null undefined true false switch case default ' +
    'throw catch do of async await export console log length push'
  ).split(' '),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whether one line reads as code rather than prose. `vocabulary` holds the identifiers of the
 * exercise's own code, which are code words, not English, when they appear in a line.
 */
export function looksLikeCode(line: string, vocabulary: ReadonlySet<string> = new Set()): boolean {
  const s = line.trim();
  if (!s || s.length > 400) return false;
  // Prose in Chinese with code words inside is still prose, unless the CJK is inside a string or comment.
  const outsideStrings = s.replace(/(["'`]).*?\1/g, '""').replace(/(#|\/\/).*$/, '');
  if (CJK.test(outsideStrings)) return false;
  let score = 0;
  if (/^(def|class|elif|function|const|let|var|import|from\s+\w+\s+import)\b/.test(s)) score += 2;
  if (
    /^(if|for|while|return|else|try|except|raise|throw|print|yield|switch|case|break|continue|pass)\b/.test(s)
  )
    score += 1;
  if (/^(if|for|while|elif|else|def|class|try|except|with)\b.*:$/.test(s)) score += 2;
  if (/^(return|print|raise|throw|yield)\b\s*\S/.test(s)) score += 1;
  if (/^[\w.[\]"']+\s*(=|\+=|-=|\*=|\/=|:=)\s*\S/.test(s) && !/^\w+\s+=\s+\w+\s+\w+\s+\w+/.test(s))
    score += 2;
  if (/[=!<>]=|=>|&&|\|\||[^\s]\s*[<>]\s*[^\s]|\+\+|--/.test(s)) score += 1;
  if (/[\w\])]\s*\([^()]*\)/.test(s)) score += 1;
  if (/[;{}]\s*$/.test(s) || /^[})\]]/.test(s)) score += 1;
  if (/^[@$]?\w+(\.\w+)+\(/.test(s)) score += 1;
  if (/\w\[[^\]\s]+\]|\]\s*\.\s*\w+\s*\(/.test(s)) score += 1;
  if (/["'`]\s*\+\s*[\w"'`]|[\w)\]]\s*\+\s*["'`]/.test(s)) score += 1;
  // A signature or a block header is code whatever its names are.
  if (score >= 4) return true;
  const words = s.match(/\b[A-Za-z]{2,}\b/g) ?? [];
  const prose = words.filter((w) => !KEYWORDS.has(w) && !vocabulary.has(w)).length;
  if (prose >= 4 && prose >= words.length / 2) return false;
  return score >= 2;
}

/** Words for the vocabulary of an exercise: every identifier in its starter, solution and learner code. */
export function vocabularyOf(...codes: (string | undefined)[]): Set<string> {
  const words = new Set<string>();
  for (const code of codes) {
    // Names used inside f-strings and template literals are code too (`f"{first[0].upper()}."`).
    const inside = [...(code ?? '').matchAll(/(?:\$\{|(?<=[fF]["'][^"'\n]*)\{)([^{}\n]+)\}/g)].map(
      (m) => m[1],
    );
    for (const t of tokenize([code ?? '', ...inside].join('\n'))) if (/^[A-Za-z_$]/.test(t)) words.add(t);
  }
  return words;
}

/**
 * Python whose indentation was lost (numbered steps, one line each): indent after a line ending
 * in `:`, dedent after return/break/continue/pass/raise and before else/elif/except/finally.
 */
export function autoIndent(lines: string[]): string {
  const out: string[] = [];
  let depth = 0;
  let afterDef = false;
  for (const raw of lines) {
    const s = raw.trim();
    if (!s) continue;
    if (/^(else|elif|except|finally)\b/.test(s)) depth = Math.max(afterDef ? 1 : 0, depth - 1);
    if (/^def\b/.test(s)) depth = 0;
    out.push('    '.repeat(depth) + s);
    if (/^def\b/.test(s)) afterDef = true;
    if (/:\s*$/.test(s)) depth++;
    else if (/^(return|break|continue|pass|raise)\b/.test(s)) depth = Math.max(afterDef ? 1 : 0, depth - 1);
  }
  return `${out.join('\n')}\n`;
}

/** Phrases that name an operator or a statement, in English and Chinese, longest first. */
const PHRASES: [RegExp, string | ((word: string) => string)][] = [
  // Assignments said in words: "set low to middle plus one", "increase count by 1", "把 low 设为 …".
  [/\b(?:set|assign|change|update|reset)\s+([A-Za-z_$][\w$.[\]]*)\s+(?:to|equal to|as)\s+/gi, ' $1 = '],
  [/\b(?:increase|increment)\s+([A-Za-z_$][\w$.[\]]*)\s+by\s+/gi, ' $1 += '],
  [/\b(?:decrease|decrement)\s+([A-Za-z_$][\w$.[\]]*)\s+by\s+/gi, ' $1 -= '],
  [/\badd\s+(\S+)\s+to\s+([A-Za-z_$][\w$.[\]]*)/gi, ' $2 += $1 '],
  [/\bsubtract\s+(\S+)\s+from\s+([A-Za-z_$][\w$.[\]]*)/gi, ' $2 -= $1 '],
  [/(?:把|将|让)\s*([A-Za-z_$][\w$.[\]]*)\s*(?:设为|设置为|设成|赋值为|更新为|等于|变成|变为)/g, ' $1 = '],
  [/([A-Za-z_$][\w$.[\]]*)\s*(?:设为|设置为|设成|赋值为|更新为)/g, ' $1 = '],
  [/([A-Za-z_$][\w$.[\]]*)\s*(?:增加|加上)\s*/g, ' $1 += '],
  [/([A-Za-z_$][\w$.[\]]*)\s*(?:减少|减去)\s*/g, ' $1 -= '],
  [/\b(?:double equals?|two equals signs?)\b/gi, ' == '],
  [/\b(?:triple equals?|three equals signs?|strictly equal(?:s| to)?)\b/gi, ' === '],
  [/\b(?:modulo|mod|remainder of)\b/gi, ' % '],
  [/\b(?:times|multiplied by)\b/gi, ' * '],
  [/\b(?:divided by)\b/gi, ' / '],
  [/less[ -]than[ -]or[ -]equal(?:[ -]to)?|at most|not (?:greater|more) than/gi, ' <= '],
  [/greater[ -]than[ -]or[ -]equal(?:[ -]to)?|more than or equal(?: to)?|not less than/gi, ' >= '],
  [/not equal(?:s| to)?|is not equal to|different from/gi, ' != '],
  [/(?:is )?equal to|equals/gi, ' == '],
  [/less than|smaller than/gi, ' < '],
  [/greater than|more than|bigger than|larger than/gi, ' > '],
  [/\badd (?:one|1)\b/gi, ' + 1 '],
  [/\bplus\b/gi, ' + '],
  [/\bminus\b/gi, ' - '],
  [/小于或等于|小于等于|不大于|不超过/g, ' <= '],
  [/大于或等于|大于等于|不小于/g, ' >= '],
  [/不等于/g, ' != '],
  [/等于/g, ' == '],
  [/小于/g, ' < '],
  [/大于/g, ' > '],
  [/加一|加 1/g, ' + 1 '],
  [/减一|减 1/g, ' - 1 '],
  // A number said in Chinese after a verb that sets a value: "返回一", "改成零".
  [/(返回|给出|改成|改为|设为|等于|变成|是|为)\s*零(?![\u3400-\u9fff])/g, '$1 0 '],
  [/(返回|给出|改成|改为|设为|等于|变成|是|为)\s*一(?![\u3400-\u9fff])/g, '$1 1 '],
  [/给出/g, ' return '],
  [/返回/g, ' return '],
  [/\b(?:zero|one|two)\b/gi, (w) => ` ${['zero', 'one', 'two'].indexOf(w.toLowerCase())} `],
  [/打印|输出/g, ' print '],
  [/如果|当(?=[^，。；\n]*时)/g, ' if '],
  [/否则/g, ' else '],
  // Not 小写 / 大写 / 去掉空白 as lower() / upper() / trim(): naming the idea in words is a concept
  // hint, not the method; the method itself, in code, is still caught as code.
];

const FULLWIDTH = /[\uff01-\uff5e]/g;

/** Prose as code tokens (lower case): what a hint says, however it says it. */
export function proseTokens(text: string): string[] {
  // A Markdown heading's #s are not a comment.
  let s = text
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const [re, to] of PHRASES) s = typeof to === 'string' ? s.replace(re, to) : s.replace(re, to);
  // "returns 1" says "return 1"; "returning" too.
  s = s.replace(/\breturn(?:s|ing|ed)\b/gi, 'return');
  // "give back 1" and "hand back 1" say "return 1" too.
  s = s.replace(/\b(?:give|gives|giving|gave|hand|hands|handing|handed)\s+back\b/gi, 'return');
  // "n is < 2" says "n < 2".
  s = s.replace(/\bis\s+(?=[<>!=]=?\s)/g, '');
  s = s.replace(/[\u3000-\u303f\u4e00-\u9fff]+/g, ' ');
  return tokenize(s).map((t) => t.toLowerCase());
}

/** Words in a text: CJK characters count as half a word each (a Chinese word is about two). */
export function wordCount(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  // Chinese punctuation (。，！？ and the full-width forms) is not a word of its own.
  const latin = (text.replace(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/g, ' ').match(/\S+/g) ?? []).length;
  return latin + Math.ceil(cjk / 2);
}

/**
 * Tokens in one spelling where code has several that mean the same: no `;`, `(n) =>` as
 * `n =>`, `x += 1` and `x++` as `x = x + 1`. Both sides of a comparison go through it.
 */
export function canonical(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1];
    const prev = out.at(-1);
    if (t === ';') continue;
    if (t === '(' && /^[a-z_$][\w$]*$/i.test(next ?? '') && tokens[i + 2] === ')' && tokens[i + 3] === '=>') {
      out.push(next ?? '');
      i += 2;
      continue;
    }
    const isName = prev !== undefined && /^[a-z_$][\w$]*$/i.test(prev) && !KEYWORDS.has(prev);
    if (isName && /^[+\-*/]=$/.test(t)) {
      out.push('=', prev, t[0] ?? '');
      continue;
    }
    if (isName && (t === '++' || t === '--')) {
      out.push('=', prev, t[0] ?? '', '1');
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Whether `needle` occurs as a contiguous run in `hay`. */
export function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
