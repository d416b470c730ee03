/**
 * Turns what a hint holds into programs worth running: each piece alone, all pieces joined, and
 * each piece applied to the learner's current code as the edit it describes (a line replaced, a
 * diff applied, a token swapped, a function or its body replaced by the hint's version).
 */
import type { CodePiece, DiffHunk, Extraction } from './extract.ts';
import {
  exportedAs,
  functionSpans,
  insertIntoBody,
  renamedAs,
  replaceBody,
  replaceDefinitions,
  type Lang,
} from './functions.ts';
import { autoIndent, looksLikeCode, tokenize } from './tokens.ts';

export interface Candidate {
  code: string;
  /** How it was made, for the log and the reason given to the model. */
  how: string;
}

export function candidates(learner: string, ex: Extraction, language: Lang, max = 24): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>([learner.trim()]);
  const add = (given: string | undefined, how: string) => {
    if (!given || !given.trim()) return;
    const code = language === 'javascript' ? exportedAs(learner, given) : given;
    const key = code.trim();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ code: code.endsWith('\n') ? code : `${code}\n`, how });
  };
  const blocks = ex.pieces.filter((p) => isBlock(p));
  const variants = (p: CodePiece) => versions(p.code, language);

  for (const e of ex.lineEdits) {
    add(
      e.mode && e.mode !== 'replace'
        ? editLine(learner, e.line, e.mode, e.text)
        : replaceLine(learner, e.line, e.text, e.from),
      `line ${e.line}: ${e.mode ?? 'replace'}`,
    );
    // "After line 3" may mean after the block line 3 ends: indented as the line that follows.
    if (e.mode === 'after') add(editLine(learner, e.line + 1, 'before', e.text), `line ${e.line}: after`);
  }
  for (const h of ex.diffs) add(applyHunk(learner, h), 'diff applied');
  for (const p of blocks)
    for (const v of variants(p)) {
      add(replaceDefinitions(learner, v, language), `function replaced (${p.dress})`);
      add(v, `piece alone (${p.dress})`);
      add(replaceBody(learner, v, language), `body replaced (${p.dress})`);
    }
  // The solution under another name ("for a different task: def check(k): …") is still the
  // solution: a function of the learner's arity is tried under the learner's function's name.
  for (const p of blocks)
    for (const v of renamedAs(learner, p.code, language))
      add(replaceDefinitions(learner, v, language), `function renamed (${p.dress})`);
  if (blocks.length > 1) {
    const joined = blocks.map((p) => p.code.replace(/\n*$/, '\n')).join('');
    for (const v of versions(joined, language)) {
      add(v, 'pieces joined');
      add(replaceDefinitions(learner, v, language), 'function replaced (pieces joined)');
      add(replaceBody(learner, v, language), 'body replaced (pieces joined)');
    }
  }
  for (const e of ex.tokenEdits) {
    if (!learner.includes(e.from) || e.to.length > 200) continue;
    add(learner.split(e.from).join(e.to), `"${e.from}" → "${e.to}" everywhere`);
    let at = learner.indexOf(e.from);
    for (let n = 0; at !== -1 && n < 3; n++, at = learner.indexOf(e.from, at + 1))
      add(learner.slice(0, at) + e.to + learner.slice(at + e.from.length), `"${e.from}" → "${e.to}" once`);
  }
  const statements = ex.pieces.filter(
    (p) => tokenize(p.code).length >= 2 && functionSpans(p.code, language).length === 0,
  );
  for (const p of statements) {
    if (p.code.trim().split('\n').length === 1)
      add(replaceSimilarLine(learner, p.code), 'similar line replaced');
    add(replaceExpression(learner, p.code), 'expression put in the similar line');
    for (const at of ['start', 'end', 'close'] as const)
      add(insertIntoBody(learner, p.code, language, at), `inserted at the ${at} of the body`);
  }
  for (const p of statements) {
    for (const v of versions(p.code.replace(/\n*$/, '\n'), language)) {
      add(replaceNamedLines(learner, v, ex.text ?? ''), `named lines replaced (${p.dress})`);
      add(insertBeforeNamed(learner, v, ex.text ?? ''), `inserted before a named line (${p.dress})`);
    }
    if (
      p.code.trim().split('\n').length === 1 &&
      !/^\s*(return|if|for|while|def|function|const|let|var)\b/.test(p.code)
    )
      add(returnInstead(learner, p.code.trim()), `returned instead (${p.dress})`);
  }
  const spans = ex.pieces.filter((p) => p.dress === 'inline' && looksLikeCode(p.code));
  if (spans.length > 1) {
    const steps = spans.map((p) => p.code.trim());
    for (const v of versions(`${steps.join('\n')}\n`, language))
      add(replaceBody(learner, v, language), 'inline steps as the body');
  }
  return out.slice(0, max);
}

/** Pieces that can be code on their own: every block, and inline spans holding a statement. */
function isBlock(p: CodePiece): boolean {
  if (p.dress !== 'inline') return true;
  return p.code.includes('\n') || /\b(def|function|class)\b|=>/.test(p.code);
}

/** The piece as written, and (Python with its indentation lost) re-indented. */
function versions(code: string, language: Lang): string[] {
  const out = [code];
  const lines = code.split('\n').filter((l) => l.trim());
  if (
    language === 'python' &&
    lines.length > 1 &&
    lines.every((l) => !/^\s/.test(l)) &&
    lines.some((l) => /:\s*$/.test(l))
  )
    out.push(autoIndent(lines));
  return out;
}

export function replaceLine(code: string, line: number, text: string, from?: string): string | undefined {
  const lines = code.split('\n');
  const named = (test: (l: string) => boolean) => {
    for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i] ?? '')) return i + 1;
    return 0;
  };
  const n =
    line === -1
      ? named((l) => !/^[\s})\];]*$/.test(l))
      : line === 0
        ? named((l) => /^\s*return\b/.test(l))
        : line;
  const old = lines[n - 1];
  if (old === undefined) return undefined;
  if (from) {
    if (old.includes(from)) lines[n - 1] = old.replace(from, text);
    else if (code.includes(from)) return code.replace(from, text);
    else return undefined;
    return lines.join('\n');
  }
  const indent = /^\s*/.exec(old)?.[0] ?? '';
  const newLines = text.replace(/\n$/, '').split('\n');
  const base = Math.min(...newLines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  lines.splice(n - 1, 1, ...newLines.map((l) => (l.trim() ? indent + l.slice(base) : l)));
  return lines.join('\n');
}

/** Line N taken out, or new lines put in after or before it (indented as its block needs). */
export function editLine(
  code: string,
  n: number,
  mode: 'after' | 'before' | 'delete',
  text: string,
): string | undefined {
  const lines = code.split('\n');
  const at = lines[n - 1];
  if (at === undefined) return undefined;
  if (mode === 'delete') {
    lines.splice(n - 1, 1);
    return lines.join('\n');
  }
  let indent = /^\s*/.exec(at)?.[0] ?? '';
  if (mode === 'after' && /[:{]\s*$/.test(at)) indent += /^\t/.test(indent) ? '\t' : '    ';
  const newLines = text.replace(/\n$/, '').split('\n');
  const base = Math.min(...newLines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  const put = newLines.map((l) => (l.trim() ? indent + l.slice(base) : l));
  lines.splice(mode === 'after' ? n : n - 1, 0, ...put);
  return lines.join('\n');
}

/** A hunk placed where its removed (or surrounding) lines are, compared without spacing. */
export function applyHunk(code: string, h: DiffHunk): string | undefined {
  const lines = code.split('\n');
  const key = (s: string) => s.replace(/\s+/g, '');
  const find = (needle: string[], from = 0) => {
    const n = needle.map(key).filter(Boolean);
    if (n.length === 0) return -1;
    for (let i = from; i < lines.length; i++) {
      let j = 0;
      let k = i;
      while (k < lines.length && j < n.length) {
        if (!key(lines[k] ?? '')) k++;
        else if (key(lines[k] ?? '') === n[j]) {
          j++;
          k++;
        } else break;
      }
      if (j === n.length) return i;
    }
    return -1;
  };
  if (h.removed.some((l) => l.trim())) {
    const at = find(h.removed);
    if (at === -1) return undefined;
    const count = h.removed.filter((l) => l.trim()).length;
    let end = at;
    for (let seen = 0; seen < count; end++) if (key(lines[end] ?? '')) seen++;
    return [...lines.slice(0, at), ...reindent(h.added, lines[at] ?? ''), ...lines.slice(end)].join('\n');
  }
  const anchor = h.before.filter((l) => l.trim());
  if (anchor.length > 0) {
    const at = find(anchor);
    if (at === -1) return undefined;
    const after = at + h.before.length;
    return [...lines.slice(0, after), ...h.added, ...lines.slice(after)].join('\n');
  }
  const next = h.after.filter((l) => l.trim());
  const at = next.length > 0 ? find(next) : -1;
  if (at === -1) return undefined;
  return [...lines.slice(0, at), ...h.added, ...lines.slice(at)].join('\n');
}

/** Added lines written without the indentation of the lines they replace get it. */
function reindent(added: string[], replaced: string): string[] {
  if (added.some((l) => /^\s/.test(l))) return added;
  const indent = /^\s*/.exec(replaced)?.[0] ?? '';
  return added.map((l) => (l.trim() ? indent + l : l));
}

/** A statement's value: what follows return / yield / an assignment, or is inside print(…). */
const STATEMENT_FORMS = [
  /^(\s*)(return\s+|yield\s+)(.+?)(;?)\s*$/,
  /^(\s*)(print\(|console\.log\()(.+)(\);?)\s*$/,
  /^(\s*)((?:const\s+|let\s+|var\s+)?[\w.[\]]+\s*[-+*/]?=(?!=)\s*)(.+?)(;?)\s*$/,
];
function splitStatement(line: string): [head: string, value: string, tail: string] | undefined {
  for (const re of STATEMENT_FORMS) {
    const m = re.exec(line);
    if (m) return [`${m[1] ?? ''}${m[2] ?? ''}`, m[3] ?? '', m[4] ?? ''];
  }
  return undefined;
}

/**
 * The value a hint's statement computes, put into the learner's most similar statement as that
 * statement has it: "return first[0].upper() + '.'" for a program that prints is still the fix
 * of its print(…) line, and print(x) the fix of a return.
 */
export function replaceExpression(learner: string, fragment: string): string | undefined {
  const piece = fragment.trim();
  if (piece.includes('\n')) return undefined;
  const value = splitStatement(piece)?.[1];
  if (!value) return undefined;
  const lines = learner.split('\n');
  const at = mostSimilar(lines, value, (l) => splitStatement(l) !== undefined);
  const parts = at === -1 ? undefined : splitStatement(lines[at] ?? '');
  if (!parts) return undefined;
  lines[at] = `${parts[0]}${value}${parts[2]}`;
  return lines.join('\n');
}

/** The line most like `fragment` by shared tokens (over a third of them), or -1. */
function mostSimilar(
  lines: string[],
  fragment: string,
  eligible: (line: string) => boolean = () => true,
): number {
  const f = new Set(tokenize(fragment));
  let best = -1;
  let bestScore = 0.34;
  lines.forEach((l, i) => {
    if (!eligible(l)) return;
    const t = new Set(tokenize(l));
    if (t.size === 0) return;
    const inter = [...f].filter((x) => t.has(x)).length;
    const score = inter / new Set([...f, ...t]).size;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** A one-line fragment put in place of the learner line it most resembles. */
function replaceSimilarLine(learner: string, fragment: string): string | undefined {
  const lines = learner.split('\n');
  const best = mostSimilar(lines, fragment);
  if (best === -1) return undefined;
  const indent = /^\s*/.exec(lines[best] ?? '')?.[0] ?? '';
  lines[best] = indent + fragment.trim();
  return lines.join('\n');
}

/** Learner lines a hint names: the comment (when it says "comment"), and lines quoted in a span. */
function namedLineIndexes(learner: string, text: string): number[] {
  const lines = learner.split('\n');
  const spans = [...text.matchAll(/(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)/g)].map((m) =>
    tokenize(m[2] ?? '').join(' '),
  );
  const saysComment = /\bcomments?\b|注释/i.test(text);
  const out: number[] = [];
  lines.forEach((l, i) => {
    const s = l.trim();
    if (!s) return;
    if (saysComment && /^(#|\/\/)/.test(s)) out.push(i);
    else {
      const t = tokenize(s).join(' ');
      if (
        t &&
        spans.some((sp) => sp === t || (sp.length > 2 && t.startsWith(sp) && t.length - sp.length <= 2))
      )
        out.push(i);
    }
  });
  return out;
}

/** "Replace the comment and the `break` with …": the named lines (a contiguous run) replaced. */
function replaceNamedLines(learner: string, piece: string, text: string): string | undefined {
  const named = namedLineIndexes(learner, text);
  if (named.length === 0) return undefined;
  const first = named[0] ?? 0;
  const last = named.at(-1) ?? first;
  const lines = learner.split('\n');
  if (lines.slice(first, last + 1).some((l, k) => l.trim() && !named.includes(first + k))) return undefined;
  const indent = /^\s*/.exec(lines[first] ?? '')?.[0] ?? '';
  const stmts = piece.replace(/\n$/, '').split('\n');
  const base = Math.min(...stmts.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  lines.splice(first, last - first + 1, ...stmts.map((l) => (l.trim() ? indent + l.slice(base) : l)));
  return lines.join('\n');
}

/** "Put … right before the return / inside the loop": the piece put before the first named line. */
function insertBeforeNamed(learner: string, piece: string, text: string): string | undefined {
  const named = namedLineIndexes(learner, text);
  const lines = learner.split('\n');
  let at = named[0];
  if (at === undefined && /\b(before|above)\s+the\s+return\b|return\s*(之前|前面)/i.test(text))
    at = lines.findLastIndex((l) => /^\s*return\b/.test(l));
  if (at === undefined || at < 0) return undefined;
  const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
  const stmts = piece.replace(/\n$/, '').split('\n');
  const base = Math.min(...stmts.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  lines.splice(at, 0, ...stmts.map((l) => (l.trim() ? indent + l.slice(base) : l)));
  return lines.join('\n');
}

/** An expression said to be the answer ("just return …"): the learner's last return gives it. */
function returnInstead(learner: string, expression: string): string | undefined {
  const lines = learner.split('\n');
  const at = lines.findLastIndex((l) => /^\s*return\b/.test(l));
  // Built from the learner's own names: a literal copied from a test's expectation is no fix.
  const mine = new Set(tokenize(learner));
  if (
    at < 0 ||
    tokenize(expression).length < 3 ||
    !tokenize(expression).some((t) => /^[A-Za-z_$]/.test(t) && mine.has(t))
  )
    return undefined;
  const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
  const semi = /;\s*$/.test(lines[at] ?? '') ? ';' : '';
  lines[at] = `${indent}return ${expression.replace(/;\s*$/, '')}${semi}`;
  return lines.join('\n');
}
