/**
 * Which programming language a piece of code is in: the signs of Python, JavaScript, TypeScript
 * and languages neither track teaches, strong enough to decide even a short expression. A hint in
 * another language than the exercise's is refused whatever it says.
 */
import type { Language } from '../../../../shared/content/schema.ts';

const JS_SIGNS = [
  /\bfunction\b\s*\w*\s*\(/,
  /=>/,
  /\b(const|let|var)\s+[\w{[]/,
  /===|!==/,
  /\bconsole\.log\b/,
  /;\s*$/m,
  /\)\s*\{\s*$/m,
  /^\s*\}\s*$/m,
  /\b(null|undefined)\b/,
  /\.length\b/,
  /\belse\s+if\b/,
  /&&|\|\|/,
];
const PY_SIGNS = [
  /^\s*def\s+\w+\s*\(.*\)\s*:/m,
  /\belif\b/,
  /^\s*(if|for|while|else|try|except|with)\b.*:\s*$/m,
  /\bprint\s*\(/,
  /\bself\b/,
  /\b(None|True|False)\b/,
  /\b(and|or|not)\b/,
  /\blen\s*\(/,
  /\brange\s*\(/,
  /\bfor\s+\w+\s+in\b/,
  /^\s*#/m,
];

/** Forms only one of the two languages has. */
const PY_ONLY = [
  /^\s*def\s+\w+\s*\(.*\)\s*(?:->\s*[^:\n]+)?:\s*$/m,
  /\belif\b/,
  /^\s*(if|for|while|else|try|except)\b[^\n{;]*:\s*$/m,
];
const JS_ONLY = [
  /\bfunction\b\s*\w*\s*\([^)]*\)\s*\{/,
  /=>/,
  /===|!==/,
  /\b(const|let|var)\s+[\w{[]+\s*=/,
  /\bconsole\.log\b/,
];
const INFO: Record<string, 'python' | 'javascript'> = {
  python: 'python',
  py: 'python',
  py3: 'python',
  python3: 'python',
  javascript: 'javascript',
  js: 'javascript',
  jsx: 'javascript',
  node: 'javascript',
  mjs: 'javascript',
};

/**
 * Forms one language has and the other does not, that even a short expression shows: JS spread,
 * `.join(` on an expression (Python joins on a string), arrows, `.length`, JS-only methods;
 * Python comprehensions, slices with a step, `range(`, `len(`, `print(`, `elif`, `lambda`.
 */
const JS_EXPR = [
  /\[\s*\.\.\.\s*[\w$]/,
  /\(\s*\.\.\.\s*[\w$]+\s*\)/,
  /[\w$)\]]\s*\.\s*join\s*\(/,
  /\.\s*(?:reverse|forEach|push|includes|indexOf|slice|substring|substr|charAt|padStart|padEnd|toUpperCase|toLowerCase|trim|reduce|filter|map|some|every|at|concat|splice|unshift)\s*\(/,
  /\.\s*length\b(?!\s*\()/,
  /[\w$)]\s*=>/,
  /`[^`]*\$\{[^}]*\}[^`]*`/,
  /\b(?:Math|Object|Array|Number|JSON|console|Promise)\.\w+/,
  /(?:^|[^!=<>\w])!(?!=)\s*[\w$(]/,
];
const PY_EXPR = [
  /\[[^\]]*\bfor\s+\w+(?:\s*,\s*\w+)*\s+in\b[^\]]*\]/,
  /\([^)]*\bfor\s+\w+\s+in\b[^)]*\)/,
  /\{[^}]*\bfor\s+\w+(?:\s*,\s*\w+)*\s+in\b[^}]*\}/,
  /\[\s*-?\w*\s*:\s*-?\w*\s*:\s*-?\d*\s*\]/,
  /(?<![.\w])(?:range|len|print|enumerate|zip|sorted|isinstance|int|str)\s*\(/,
  /^\s*(?:def|elif)\b/m,
  /\belif\b/,
  /\blambda\b[^:]*:/,
  /(?<![\w.])f["'][^"']*\{/,
  /\.\s*(?:append|strip|lstrip|rstrip|lower|upper|items)\s*\(/,
  /\bis\s+(?:not\s+)?None\b|\bnot\s+in\b/,
];

/** Fence labels of languages neither track teaches (a translation of the answer is still it). */
const OTHER_INFO =
  /^(java|c|h|cpp|c\+\+|cc|cs|csharp|c#|go|golang|rust|rs|ruby|rb|kotlin|kt|swift|php|lua|scala|haskell|hs|perl|r|dart|elixir|clojure|fsharp|f#|vb|vbnet|pascal|fortran|matlab|julia|objc|objective-c)$/;
const OTHER_SIGNS = [
  /#include\s*[<"]/,
  /\bpublic\s+(?:static\s+)?(?:class|void|int|boolean|String)\b/,
  /\bSystem\.out\./,
  /\bstd::/,
  /^\s*(?:pub\s+)?(?:fn|func)\s+\w+\s*\(/m,
  /\blet\s+mut\b/,
  /^\s*(?:static\s+|public\s+|private\s+)*(?:int|boolean|bool|void|double|float|char|long|String)\s+\w+\s*\([^)]*\)\s*\{/m,
];
/** TypeScript's own forms: typed parameters and results, interfaces, `as` casts. */
const TS_SIGNS = [
  /\(\s*\w+\s*:\s*[\w[\]<>|]+\s*[,)]/,
  /\)\s*:\s*[\w[\]<>|]+\s*(?:\{|=>)/,
  /^\s*(?:export\s+)?(?:interface|type)\s+\w+\s*[={<]/m,
  /\bas\s+(?:number|string|boolean|any|unknown|const)\b/,
];

export type CodeLanguage = 'python' | 'javascript' | 'typescript' | 'other';

/**
 * The programming language a piece of code is most likely in, or undefined when it cannot tell.
 * TypeScript and languages neither track teaches come back as such: for a JavaScript exercise
 * TypeScript is another language too (the learner's file would not run it).
 */
export function detectLanguage(code: string, info = ''): CodeLanguage | undefined {
  const pyOnly = PY_ONLY.some((r) => r.test(code));
  const jsOnly = JS_ONLY.some((r) => r.test(code));
  if (OTHER_INFO.test(info) || (!pyOnly && OTHER_SIGNS.some((r) => r.test(code)))) return 'other';
  if (/^(ts|typescript|tsx)$/.test(info) || (!pyOnly && TS_SIGNS.some((r) => r.test(code))))
    return 'typescript';
  // One unambiguous form of one language and none of the other decides a short expression.
  const bare = code.replace(/(^|\s)(#|\/\/)[^\n]*$/gm, '$1');
  const jsExpr = JS_EXPR.filter((r) => r.test(bare)).length;
  const pyExpr = PY_EXPR.filter((r) => r.test(bare)).length;
  if (jsExpr > 0 && pyExpr === 0 && !INFO[info]) return 'javascript';
  if (pyExpr > 0 && jsExpr === 0 && !INFO[info]) return 'python';
  if (pyOnly !== jsOnly && code.trim().split('\n').length >= 1 && /\w/.test(code))
    return pyOnly ? 'python' : 'javascript';
  if (INFO[info]) return INFO[info];
  const js = JS_SIGNS.filter((r) => r.test(code)).length;
  const py = PY_SIGNS.filter((r) => r.test(code)).length;
  if (js >= 2 && js > py + 1) return 'javascript';
  if (py >= 2 && py > js + 1) return 'python';
  return undefined;
}

export function family(language: Language | undefined): 'python' | 'javascript' {
  return language === 'python' || language === undefined ? 'python' : 'javascript';
}
