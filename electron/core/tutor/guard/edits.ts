/**
 * Edits told in words: "replace line 3 with …", "line 4 should be …", "把第 3 行的 return 0 改成
 * return 1", and token swaps ("change `<` to `<=`", "return 1 instead of 0", "用 <= 代替 <").
 * What they name is applied to the learner's code and run; see apply.ts.
 */

/**
 * "Replace line 3 with …" (text is the new line) or "第 3 行的 X 改成 Y" (from → text in line 3).
 * Line -1 is the last line of code, 0 the last `return` line.
 */
export interface LineEdit {
  line: number;
  text: string;
  from?: string;
  /** Default 'replace'; 'after' / 'before' put `text` in as new lines; 'delete' takes line N out. */
  mode?: 'replace' | 'after' | 'before' | 'delete';
}

const ZH_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** 三 → 3, 十二 → 12, 二十 → 20. */
function zhNumber(s: string): number {
  if (!s.includes('十')) return ZH_DIGITS[s] ?? 0;
  const [tens, ones] = s.split('十');
  return (tens ? (ZH_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (ZH_DIGITS[ones] ?? 0) : 0);
}

/** Line numbers however they are written: "the third line", "line three", "第三行" become "line 3", "第3行". */
export function lineNumbersAsDigits(text: string): string {
  return text
    .replace(/第\s*([一二两三四五六七八九十]+)\s*行/g, (_, n: string) => `第${zhNumber(n)}行`)
    .replace(
      new RegExp(String.raw`\b(?:the\s+)?(${ORDINALS.join('|')})\s+line\b`, 'gi'),
      (_, w: string) => `line ${ORDINALS.indexOf(w.toLowerCase()) + 1}`,
    )
    .replace(
      new RegExp(String.raw`\bline\s+(${NUMBER_WORDS.join('|')})\b`, 'gi'),
      (_, w: string) => `line ${NUMBER_WORDS.indexOf(w.toLowerCase()) + 1}`,
    );
}

/** "Change X to Y", "Y instead of X", "把 X 改成 Y": X and Y as written. */
export interface TokenEdit {
  from: string;
  to: string;
}

/** What follows an edit phrase: a fence, a code span, indented lines, or the rest of the sentence. */
function codeAfter(text: string, at: number): string | undefined {
  const rest = text.slice(at).replace(/^[ \t]*[:：]?[ \t]*/, '');
  const fence = /^\n?[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:\1|$)/.exec(rest);
  if (fence) return fence[2];
  const span = /^(`+)(?!`)(.+?)(?<!`)\1(?!`)/.exec(rest);
  if (span) return span[2];
  if (rest.startsWith('\n')) {
    const block = /^\n((?:(?: {2,}|\t).*(?:\n|$))+)/.exec(rest);
    return block?.[1];
  }
  const line = /^[^\n]*/.exec(rest)?.[0] ?? '';
  const cut =
    line.split(
      /[。；！？]|，(?=[\u3400-\u9fff])|\.\s+(?=[A-Z])|\s+(?:so that|so|and then|then|to make|because)\s/,
    )[0] ?? '';
  const s = cut
    .trim()
    .replace(/[.。]$/, '')
    .replace(/^["“]|["”]$/g, '');
  return s || undefined;
}

const LINE_EDITS: RegExp[] = [
  /\b(?:replace|change|rewrite|make|turn|edit|update)\s+(?:the\s+)?line\s+(\d+)(?:\s+(?:with|to|into|so(?:\s+that)?\s+it\s+(?:reads|says)|as))/gi,
  /\bline\s+(\d+)\s+(?:should|must|needs\s+to|has\s+to|ought\s+to)\s+(?:be|read|say|become|look\s+like)/gi,
  /\bon\s+line\s+(\d+),?\s+(?:write|put|use|type|it\s+should\s+say)/gi,
  /第\s*(\d+)\s*行(?:应该|应当|要)?(?:改成|改为|换成|替换为|替换成|写成|应该是|变成|应为|为)/g,
];

/** "After line 3, add …", "在第 3 行后面加上 …": what follows goes in as new lines. */
const INSERTS: { re: RegExp; mode: 'after' | 'before' }[] = [
  {
    re: /\b(?:right\s+|just\s+)?(after|below|under|before|above)\s+line\s+(\d+),?\s+(?:add|insert|put|write|type)(?:\s+(?:this|these\s+lines|a\s+line|the\s+line|the\s+lines))?/gi,
    mode: 'after',
  },
  {
    re: /在第\s*(\d+)\s*行(?:之|的)?(后|下|前|上)(?:面|边|方)?(?:加上|加入|插入|添加|写上|写|加)/g,
    mode: 'after',
  },
];

/** "The last line should read …", "把最后一行改成 …": line -1 is the learner's last code line. */
const NAMED_LINE_EDITS: RegExp[] = [
  /\b(?:replace|change|rewrite|make|turn|edit|update)\s+(?:the\s+|your\s+)?(last|final|first|return)\s+line(?:\s+(?:with|to|into|so(?:\s+that)?\s+it\s+(?:reads|says)|as))/gi,
  /\b(?:the\s+|your\s+)?(last|final|first|return)\s+line\s+(?:should|must|needs\s+to|has\s+to|ought\s+to)\s+(?:be|read|say|become|look\s+like)/gi,
  /(最后一|第一|return\s*那一?)行(?:应该|应当|要)?(?:改成|改为|换成|替换为|替换成|写成|应该是|变成|应为)/g,
];

export function lineEdits(text: string): LineEdit[] {
  const out: LineEdit[] = [];
  text = lineNumbersAsDigits(text);
  for (const { re } of INSERTS) {
    for (const m of text.matchAll(re)) {
      const where = /^\d+$/.test(m[1] ?? '') ? (m[2] ?? '') : (m[1] ?? '');
      const line = Number(/^\d+$/.test(m[1] ?? '') ? m[1] : m[2]);
      const code = codeAfter(text, (m.index ?? 0) + m[0].length);
      const mode = /^(before|above|前|上)$/i.test(where) ? 'before' : 'after';
      if (code) out.push({ line, text: code, mode });
    }
  }
  // "Add `x` after line 3", "Put `x` on a new line before line 3".
  for (const m of text.matchAll(
    /\b(?:add|insert|put|write)\s+(`[^`\n]+`|[^.\n`]{3,80}?)\s+(?:on\s+a\s+new\s+line\s+)?(?:right\s+|just\s+)?(after|below|under|before|above)\s+line\s+(\d+)/gi,
  )) {
    const code = (m[1] ?? '').replace(/`/g, '').trim();
    const mode = /^(before|above)$/i.test(m[2] ?? '') ? 'before' : 'after';
    if (code) out.push({ line: Number(m[3]), text: code, mode });
  }
  // "Delete line 9", "删除第 9 行", "把第 9 行删掉".
  for (const m of text.matchAll(
    /\b(?:delete|remove|drop|erase|get\s+rid\s+of|take\s+out)\s+(?:the\s+)?line\s+(\d+)|(?:删除|删掉|去掉|删去)第\s*(\d+)\s*行|把第\s*(\d+)\s*行(?:的\S{0,8})?(?:删除|删掉|去掉|删去)/gi,
  ))
    out.push({ line: Number(m[1] ?? m[2] ?? m[3]), text: '', mode: 'delete' });
  for (const re of LINE_EDITS) {
    for (const m of text.matchAll(re)) {
      const code = codeAfter(text, (m.index ?? 0) + m[0].length);
      if (code) out.push({ line: Number(m[1]), text: code });
    }
  }
  for (const re of NAMED_LINE_EDITS) {
    for (const m of text.matchAll(re)) {
      const code = codeAfter(text, (m.index ?? 0) + m[0].length);
      const which = (m[1] ?? '').toLowerCase();
      const line = which === 'first' || which === '第一' ? 1 : which.startsWith('return') ? 0 : -1;
      if (code) out.push({ line, text: code });
    }
  }
  // "把第 3 行的 return 0 改成 return 1", "line 3: change `<` to `<=`"
  const within =
    /(?:第\s*(\d+)\s*行的?\s*(`[^`]+`|[^\u3400-\u9fff\n，。]+?)\s*(?:改成|改为|换成|替换为|替换成|写成|变成))|(?:\bline\s+(\d+),?:?\s+(?:change|replace|swap)\s+(`[^`]+`|\S+)\s+(?:with|to|into|for|by))/gi;
  for (const m of text.matchAll(within)) {
    const code = codeAfter(text, (m.index ?? 0) + m[0].length);
    const from = (m[2] ?? m[4] ?? '').replace(/`/g, '').trim();
    if (code && from) out.push({ line: Number(m[1] ?? m[3]), text: code, from });
  }
  return out;
}

const TERM = String.raw`(\x60[^\x60]+\x60|[^\s\x60,;:!?，。；：！？]+(?:[ \t]+[^\s\x60,;:!?，。；：！？]+){0,2})`;
const ZH_TERM = String.raw`(\x60[^\x60]+\x60|[^\u3400-\u9fff\n，。；：！？]+?)`;
const TOKEN_EDITS: { re: RegExp; from: number; to: number }[] = [
  {
    re: new RegExp(
      String.raw`\b(?:change|replace|turn|swap|switch)\s+(?:the\s+)?${TERM}\s+(?:to|into|with|for|by)\s+${TERM}`,
      'gi',
    ),
    from: 1,
    to: 2,
  },
  { re: new RegExp(String.raw`\bfrom\s+${TERM}\s+to\s+${TERM}`, 'gi'), from: 1, to: 2 },
  // "`break` → `low = middle + 1`": an arrow between two code spans (or two short terms).
  {
    re: /((?<!`)`+(?!`).+?(?<!`)`+(?!`))\s*(?:→|⟶|->|=>|⇒|➔|➜|变成|改为)\s*((?<!`)`+(?!`).+?(?<!`)`+(?!`))/g,
    from: 1,
    to: 2,
  },
  {
    re: new RegExp(String.raw`${TERM}\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+${TERM}`, 'gi'),
    from: 2,
    to: 1,
  },
  { re: new RegExp(String.raw`${TERM}\s+(?:should|must)\s+(?:be|become)\s+${TERM}`, 'gi'), from: 1, to: 2 },
  {
    // "Instead of `<`, use `<=`", "rather than 0, return 1".
    re: new RegExp(
      String.raw`\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+${TERM}\s*,?\s+(?:use|write|put|type|try|return|have)\s+${TERM}`,
      'gi',
    ),
    from: 1,
    to: 2,
  },
  {
    re: new RegExp(
      String.raw`(?:把|将)\s*${ZH_TERM}\s*(?:改成|改为|换成|替换为|替换成|变成|写成)\s*${ZH_TERM}(?=[\u3400-\u9fff，。；！？\n]|$)`,
      'g',
    ),
    from: 1,
    to: 2,
  },
  {
    re: new RegExp(
      String.raw`用\s*${ZH_TERM}\s*(?:代替|替换|取代|替代)\s*${ZH_TERM}(?=[\u3400-\u9fff，。；！？\n]|$)`,
      'g',
    ),
    from: 2,
    to: 1,
  },
  {
    // "不要用 < ，要用 <=", "别写 return 0，写 return 1"
    re: new RegExp(
      String.raw`(?:不要|别|不应该)(?:用|写|返回)\s*${ZH_TERM}\s*[，,]\s*(?:而是|要|应该)?(?:用|写|改用|返回)\s*${ZH_TERM}(?=[\u3400-\u9fff，。；！？\n]|$)`,
      'g',
    ),
    from: 1,
    to: 2,
  },
  {
    re: new RegExp(String.raw`${ZH_TERM}\s*而不是\s*${ZH_TERM}(?=[\u3400-\u9fff，。；！？\n]|$)`, 'g'),
    from: 2,
    to: 1,
  },
];

export function tokenEdits(text: string): TokenEdit[] {
  const out: TokenEdit[] = [];
  const clean = (s: string | undefined) =>
    (s ?? '')
      .replace(/`/g, '')
      .replace(/[.。]$/, '')
      .trim();
  for (const { re, from, to } of TOKEN_EDITS) {
    for (const line of text.split('\n')) {
      for (const m of line.matchAll(re)) {
        const f = clean(m[from]);
        const t = clean(m[to]);
        if (f && t && f !== t) {
          out.push({ from: f, to: t });
          // "return 1 instead of 0": the verb is shared; "change the 0 to a 1": drop the articles.
          const ft = f.split(/\s+/);
          const tt = t.split(/\s+/);
          if (ft.length === 1)
            for (let k = 0; k < tt.length - 1; k++)
              out.push({ from: [...tt.slice(k, -1), f].join(' '), to: tt.slice(k).join(' ') });
          for (let k = 1; k < tt.length; k++) out.push({ from: f, to: tt.slice(k).join(' ') });
          const bare = (s: string) => s.replace(/^(?:a|an|the)\s+/i, '');
          if (bare(f) !== f || bare(t) !== t) out.push({ from: bare(f), to: bare(t) });
        }
      }
    }
  }
  return out;
}
