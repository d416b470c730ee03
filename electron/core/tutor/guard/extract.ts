/**
 * Finds every piece of code in a hint, whatever it wears: fences with any or no info string (also
 * opened mid-line), `> ` quotes, <pre>/<code> HTML, indented or bare code lines, inline spans,
 * numbered steps that are code, unified diffs, and edits told in words ("replace line 3 with …",
 * "change `<` to `<=`", "把第 3 行的 return 0 改成 return 1").
 */
import { decodeHTML } from 'entities';
import { lineEdits, tokenEdits, type LineEdit, type TokenEdit } from './edits.ts';
import { looksLikeCode } from './tokens.ts';

export type { LineEdit, TokenEdit } from './edits.ts';

export type Dress = 'fence' | 'html' | 'inline' | 'indented' | 'bare' | 'numbered' | 'diff' | 'table';

export interface CodePiece {
  code: string;
  dress: Dress;
  /** A fence's info string, lower case ('' when none). */
  info?: string;
}

/** One hunk of a unified diff: the lines around, the lines taken out and the lines put in. */
export interface DiffHunk {
  before: string[];
  removed: string[];
  added: string[];
  after: string[];
}

export interface Extraction {
  /** The text as the reader sees it (see `normalise`). */
  text?: string;
  pieces: CodePiece[];
  diffs: DiffHunk[];
  lineEdits: LineEdit[];
  tokenEdits: TokenEdit[];
}

/** Cyrillic and Greek letters that look like Latin ones: "rеturn" with a Cyrillic е reads as return. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ո: 'n',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  Ο: 'O',
  Α: 'A',
  Ε: 'E',
  Τ: 'T',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/**
 * Text as a reader sees it: no zero-width characters, every HTML5 entity decoded (the renderer's
 * Markdown decodes them all, `&lpar;` and `&comma;` as much as `&lt;`), `> ` quotes unwrapped.
 */
export function normalise(text: string): string {
  return (
    decodeHTML(text.replace(/\r\n?/g, '\n'))
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      // Code dressed in typographic quotes or no-break spaces still runs once a learner retypes it.
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
      .replace(/[\u2018\u2019\u201a]/g, "'")
      .replace(LOOKALIKE, (c) => LOOKALIKES[c] ?? c)
      .replace(/\u2264/g, '<=')
      .replace(/\u2265/g, '>=')
      .replace(/\u2260/g, '!=')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
  );
}

/**
 * Inline code spans as CommonMark reads them: a run of n backticks closed by a run of exactly n,
 * so ``a `b` c`` holds backticks of its own.
 */
export const INLINE_SPAN = /(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;

export function extract(text: string, vocabulary: ReadonlySet<string> = new Set()): Extraction {
  const t = normalise(text);
  const out: Extraction = {
    text: t,
    pieces: [],
    diffs: [],
    lineEdits: lineEdits(t),
    tokenEdits: tokenEdits(t),
  };
  let rest = t.replace(/<(pre|code)\b[^>]*>([\s\S]*?)(?:<\/\1>|$)/gi, (_, _tag, inner: string) => {
    out.pieces.push({ code: inner.replace(/<[^>]+>/g, ''), dress: 'html' });
    return '\n\n';
  });
  rest = rest.replace(/<\/?[a-z][^>]*>/gi, ' ');
  rest = takeFences(rest, out.pieces);
  for (const p of [...out.pieces]) {
    const hunks = parseDiff(p.code.split('\n'));
    if (hunks.length > 0 || p.info === 'diff' || p.info === 'patch') addDiff(out, hunks);
  }
  const lines = rest.split('\n');
  addDiff(out, parseDiff(lines));
  scanLines(lines, vocabulary, out.pieces);
  // Code inside comments ("# return high") is one keystroke from running: take it out of them.
  for (const p of [...out.pieces]) {
    const body = uncommented(p.code, vocabulary);
    if (body) out.pieces.push({ ...p, code: body });
  }
  for (const m of rest.matchAll(INLINE_SPAN)) {
    const code = (m[2] ?? '').trim();
    if (code) out.pieces.push({ code, dress: 'inline' });
  }
  for (const code of tableCells(lines)) out.pieces.push({ code, dress: 'table' });
  return out;
}

const COMMENT = /^(\s*)(?:#+|\/\/+|\/\*+|\*+|--)\s?(.*?)(?:\*\/)?\s*$/;

/** The commented lines of a piece that are code, uncommented; undefined when there are none. */
function uncommented(code: string, vocabulary: ReadonlySet<string>): string | undefined {
  let found = false;
  const lines = code.split('\n').map((line) => {
    const m = COMMENT.exec(line);
    if (!m || !looksLikeCode(m[2] ?? '', vocabulary)) return line;
    found = true;
    return `${m[1] ?? ''}${m[2] ?? ''}`;
  });
  return found ? lines.join('\n') : undefined;
}

function addDiff(out: Extraction, hunks: DiffHunk[]): void {
  for (const h of hunks) {
    out.diffs.push(h);
    if (h.added.length > 0) out.pieces.push({ code: `${h.added.join('\n')}\n`, dress: 'diff' });
  }
}

/** Fenced blocks, wherever their opening marker sits; each is replaced by a paragraph break. */
function takeFences(text: string, pieces: CodePiece[]): string {
  let out = '';
  let i = 0;
  const opener = /(`{3,}|~{3,})/g;
  while (i < text.length) {
    opener.lastIndex = i;
    const m = opener.exec(text);
    if (!m) break;
    const marker = m[1] ?? '```';
    out += text.slice(i, m.index);
    let start = m.index + marker.length;
    const eol = text.indexOf('\n', start);
    const firstLine = text.slice(start, eol === -1 ? text.length : eol);
    let info = '';
    const closerAt = (from: number) => {
      const re = new RegExp(`${marker[0] === '`' ? '`' : '~'}{${marker.length},}`, 'g');
      re.lastIndex = from;
      return re.exec(text);
    };
    const sameLine = closerAt(start);
    if (sameLine && (eol === -1 || sameLine.index < eol) && !/^\s*[\w+#.-]*\s*$/.test(firstLine)) {
      // ```x = 1``` on one line.
    } else if (/^\s*[\w+#.-]*\s*$/.test(firstLine)) {
      info = firstLine.trim().toLowerCase();
      start = eol === -1 ? text.length : eol + 1;
    }
    const close = closerAt(start);
    const end = close ? close.index : text.length;
    pieces.push({ code: text.slice(start, end), dress: 'fence', info });
    out += '\n\n';
    i = close ? close.index + close[0].length : text.length;
  }
  return out + text.slice(i);
}

const DIFF_LINE = /^(@@.*|---(\s.*)?|\+\+\+(\s.*)?|[+-](?![+-]).*| .*|)$/;

/** Unified-diff hunks in a run of lines (headers optional, line numbers ignored). */
export function parseDiff(lines: string[]): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && DIFF_LINE.test(lines[j] ?? '') && (lines[j] !== '' || j > i)) j++;
    const block = lines.slice(i, j);
    const plus = block.filter((l) => /^\+(?!\+\+)/.test(l));
    const minus = block.filter((l) => /^-(?!--)/.test(l));
    const header = block.some((l) => l.startsWith('@@'));
    // A bullet list ("- a", "- b") is not a diff: a diff puts lines in.
    if (plus.length > 0 && (minus.length > 0 || header)) {
      const hunk: DiffHunk = { before: [], removed: [], added: [], after: [] };
      for (const l of block) {
        if (/^(@@|---|\+\+\+)/.test(l)) continue;
        const body = l.slice(1);
        if (l.startsWith('+')) hunk.added.push(body);
        else if (l.startsWith('-')) hunk.removed.push(body);
        else if (hunk.removed.length + hunk.added.length === 0) hunk.before.push(body);
        else hunk.after.push(body);
      }
      while (hunk.after.length > 0 && !hunk.after.at(-1)?.trim()) hunk.after.pop();
      hunks.push(hunk);
    }
    i = Math.max(j, i + 1);
  }
  return hunks;
}

/** A list item's marker: digits, letters, CJK numerals, circled numbers, steps, bullets. */
export const NUMBERED =
  /^\s*(?:\(?\d+\s*[.)、:：）]|\(?[a-hA-H]\s*[)）]|[一二三四五六七八九十]+\s*[、.．)）]|[\u2460-\u2473\u2776-\u277f]|step\s*\d+\s*[:.)]|第\s*[\d一二三四五六七八九十]+\s*步\s*[:：]?|[-*•·+])[ \t]?(.*)$/i;
const CJK_SPLIT = /[\u3000-\u303f\u3400-\u9fff\uff0c\uff1a\uff1b\uff01\uff1f]+/;

/** Numbered steps that are code, runs of indented or bare code lines, and code inside Chinese prose. */
function scanLines(lines: string[], vocabulary: ReadonlySet<string>, pieces: CodePiece[]): void {
  let run: { lines: string[]; dress: Dress } | undefined;
  const flush = () => {
    if (run && run.lines.some((l) => l.trim())) {
      while (!run.lines.at(-1)?.trim()) run.lines.pop();
      pieces.push({ code: `${run.lines.join('\n')}\n`, dress: run.dress });
    }
    run = undefined;
  };
  for (const line of lines.flatMap(unframe)) {
    const numbered = NUMBERED.exec(line);
    const body = numbered ? (numbered[1] ?? '') : line;
    const indented = /^( {4,}|\t)/.test(line);
    if (numbered && looksLikeCode(body, vocabulary)) {
      if (run?.dress !== 'numbered') flush();
      run ??= { lines: [], dress: 'numbered' };
      run.lines.push(body.replace(/`/g, ''));
    } else if (!numbered && looksLikeCode(line.replace(/`/g, ''), vocabulary)) {
      if (run?.dress === 'numbered') flush();
      run ??= { lines: [], dress: indented ? 'indented' : 'bare' };
      run.lines.push(line.replace(/`/g, ''));
    } else if (run && run.dress !== 'numbered' && (indented || !line.trim())) {
      run.lines.push(line);
    } else {
      flush();
    }
    // A line taken as code may still be a sentence around a statement ("The answer is simply
    // "return …"."): the statement is taken out of it as well.
    if (!numbered && !indented)
      for (const s of codeInProse(line, vocabulary)) pieces.push({ code: `${s}\n`, dress: 'bare' });
  }
  flush();
}

const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const LABEL = /^\s*(?:[A-Za-z][A-Za-z ]{0,24}|[\u3400-\u9fff]{1,8})\s*[:：]\s+(?=\S)/;

/**
 * The lines a line stands for: a table row is its cells (code may sit in any of them), and a
 * line with a label ("After: return …", "答案：return …") is the label's text too.
 */
export function unframe(line: string): string[] {
  if (TABLE_RULE.test(line)) return [];
  if (/^\s*\|.*\|\s*$/.test(line))
    return line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
  const label = LABEL.exec(line);
  return label ? [line, line.slice(label[0].length)] : [line];
}

const STATEMENT_START =
  /\b(return|if|for|while|print|console\.log|const|let|var|def|function|throw|raise)\b/g;

/**
 * Code written inside a sentence: the stretches between CJK characters or wide gaps, and
 * statements ("… write return max(low, min(value, high)) and be done") cut where English resumes.
 */
export function codeInProse(line: string, vocabulary: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const plain = line.replace(/`/g, ' ');
  for (const part of plain.split(CJK_SPLIT).flatMap((p) => p.split(/\s{2,}/))) {
    const s = part.trim().replace(/[.。]$/, '');
    if (s && s !== line.trim() && looksLikeCode(s, vocabulary)) out.add(s);
  }
  for (const m of plain.matchAll(STATEMENT_START)) {
    const s = statementAt(plain, m.index ?? 0, vocabulary);
    if (s && looksLikeCode(s, vocabulary)) out.add(s);
  }
  // Code in plain quotes instead of backticks.
  for (const m of line.matchAll(
    /(["'\u300c\u300e])([^"'\u300c-\u300f\n]{4,}?)(?:\1|[\u300d\u300f])(?![\w])/g,
  )) {
    const s = (m[2] ?? '').trim();
    if (looksLikeCode(s, vocabulary)) out.add(s);
  }
  return [...out];
}

/** From a keyword, the tokens that are code: names the exercise knows, keywords, operators, literals. */
function statementAt(text: string, start: number, vocabulary: ReadonlySet<string>): string | undefined {
  const re = /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+(?:\.\d+)?|[A-Za-z_$][\w$]*|[^\sA-Za-z_$\d])/y;
  re.lastIndex = start;
  let end = start;
  let depth = 0;
  let words = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[1] ?? '';
    if (/^[A-Za-z_$]/.test(t)) {
      // A method after a dot is code whatever its name (`.upper()`, `.filter(`).
      const member = text[re.lastIndex - t.length - 1] === '.';
      const known =
        member ||
        vocabulary.has(t) ||
        /^(return|if|for|while|in|not|and|or|print|len|range|max|min|sum|abs|str|int|def|function|const|let|var|of|true|false|True|False|None|null|console|log|throw|raise|new|else|elif)$/.test(
          t,
        );
      if (!known && depth === 0) break;
      words++;
    } else if (/^[([{]$/.test(t)) depth++;
    else if (/^[)\]}]$/.test(t)) {
      if (depth === 0) break;
      depth--;
    } else if (
      depth === 0 &&
      /^[.,;!。，]$/.test(t) &&
      !/^\.\w/.test(text.slice(re.lastIndex - 1, re.lastIndex + 1))
    )
      break;
    end = re.lastIndex;
  }
  const s = text
    .slice(start, end)
    .trim()
    .replace(/\s+(and|or|if|then)$/, '')
    // The sentence's own full stop, or the closing quote of a quoted statement, is not code.
    .replace(/(?<![.\d])\.$/, '');
  const unpaired = (q: string) => (s.split(q).length - 1) % 2 === 1 && s.endsWith(q);
  const code = unpaired('"') || unpaired("'") ? s.slice(0, -1) : s;
  return words >= 2 && depth === 0 ? code : undefined;
}

/** The cells of Markdown table rows that hold code (the header and the rule row aside). */
function tableCells(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const row = /^\s*\|(.*)\|\s*$/.exec(line);
    if (!row || /^[\s|:-]+$/.test(row[1] ?? '')) continue;
    for (const cell of (row[1] ?? '').split('|')) {
      const code = cell.replace(/`/g, '').trim();
      if (code && (looksLikeCode(code) || /[=<>!+*%[\]()"'.]/.test(code))) out.push(code);
    }
  }
  return out;
}
