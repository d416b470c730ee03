/**
 * The learner's functions as the guard edits them: where each definition starts and ends, and a
 * hint's function, body or statements put in its place (Python by indentation, JavaScript by
 * braces). apply.ts builds its candidate programs with these.
 */
import { looksLikeCode } from './tokens.ts';

export type Lang = 'python' | 'javascript';

export interface Span {
  name: string;
  start: number;
  /** Exclusive line index. */
  end: number;
  /** First line of the body (Python: the line after `def`; JS: the line after the opening brace). */
  bodyStart: number;
  indent: string;
}

/** Top-level-or-nested function definitions and their line spans. */
export function functionSpans(code: string, language: Lang): Span[] {
  const lines = code.split('\n');
  const spans: Span[] = [];
  lines.forEach((line, i) => {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    if (language === 'python') {
      const lambda = /^\s*(\w+)\s*=\s*lambda\b/.exec(line);
      if (lambda?.[1]) {
        spans.push({ name: lambda[1], start: i, end: i + 1, bodyStart: i + 1, indent });
        return;
      }
      const m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(/.exec(line);
      if (!m?.[1]) return;
      let end = i + 1;
      while (
        end < lines.length &&
        (!(lines[end] ?? '').trim() || (/^\s*/.exec(lines[end] ?? '')?.[0].length ?? 0) > indent.length)
      )
        end++;
      while (end > i + 1 && !(lines[end - 1] ?? '').trim()) end--;
      spans.push({ name: m[1], start: i, end, bodyStart: i + 1, indent });
      return;
    }
    const m =
      /^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*(\w+)\s*\(/.exec(line) ??
      /^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|\w+\s*=>)/.exec(
        line,
      );
    if (!m?.[1]) return;
    let depth = 0;
    let opened = false;
    let end = i;
    for (; end < lines.length; end++) {
      for (const ch of lines[end] ?? '') {
        if (ch === '{') {
          depth++;
          opened = true;
        } else if (ch === '}') depth--;
      }
      if ((opened && depth <= 0) || (!opened && /;\s*$|=>\s*[^{\s].*$/.test(lines[end] ?? ''))) break;
    }
    spans.push({ name: m[1], start: i, end: end + 1, bodyStart: i + 1, indent });
  });
  return spans;
}

/** How many parameters the function defined on this line takes. */
function arity(line: string): number {
  const m = /\(([^)]*)\)/.exec(line);
  const inside = (m?.[1] ?? '').trim();
  return inside ? inside.split(',').filter((p) => p.trim()).length : 0;
}

/** The piece with each function the learner lacks renamed to a learner function of its arity. */
export function renamedAs(learner: string, piece: string, language: Lang): string[] {
  const mine = functionSpans(learner, language).filter((s) => s.indent === '');
  const myLines = learner.split('\n');
  const pieceLines = piece.split('\n');
  const names = new Set(mine.map((s) => s.name));
  const out: string[] = [];
  for (const t of functionSpans(piece, language)) {
    if (names.has(t.name)) continue;
    const n = arity(pieceLines[t.start] ?? '');
    for (const m of mine)
      if (arity(myLines[m.start] ?? '') === n)
        out.push(piece.replace(new RegExp(`\\b${t.name}\\b`, 'g'), m.name));
  }
  return out.slice(0, 2);
}

/** The learner's functions replaced by the hint's functions of the same name. */
export function replaceDefinitions(learner: string, piece: string, language: Lang): string | undefined {
  const theirs = functionSpans(piece, language);
  if (theirs.length === 0) return undefined;
  const pieceLines = piece.replace(/\n$/, '').split('\n');
  let lines = learner.split('\n');
  let changed = false;
  for (const t of theirs) {
    const mine = functionSpans(lines.join('\n'), language).find((s) => s.name === t.name);
    const body = pieceLines
      .slice(t.start, t.end)
      .map((l) => l.slice(Math.min(t.indent.length, /^\s*/.exec(l)?.[0].length ?? 0)));
    if (mine) {
      lines = [
        ...lines.slice(0, mine.start),
        ...body.map((l) => (l ? mine.indent + l : l)),
        ...lines.slice(mine.end),
      ];
      changed = true;
    }
  }
  return changed ? lines.join('\n') : undefined;
}

/** Statements without a `def`, put in as the body of the learner's only function. */
export function replaceBody(learner: string, piece: string, language: Lang): string | undefined {
  if (functionSpans(piece, language).length > 0) return undefined;
  const spans = functionSpans(learner, language).filter((s) => s.indent === '');
  const only = spans.length === 1 ? spans[0] : undefined;
  if (!only) return undefined;
  const stmts = piece.replace(/\n$/, '').split('\n');
  if (!stmts.some((l) => looksLikeCode(l))) return undefined;
  const lines = learner.split('\n');
  const bodyIndent = /^\s*/.exec(lines.slice(only.bodyStart).find((l) => l.trim()) ?? '    ')?.[0] || '    ';
  const base = Math.min(...stmts.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  const body = stmts.map((l) => (l.trim() ? bodyIndent + l.slice(base) : l));
  const end = language === 'python' ? only.end : only.end - 1;
  return [...lines.slice(0, only.bodyStart), ...body, ...lines.slice(end)].join('\n');
}

/** Statements put into the learner's only function: first in its body, or before its last return. */
export function insertIntoBody(
  learner: string,
  piece: string,
  language: Lang,
  at: 'start' | 'end' | 'close',
): string | undefined {
  const only = functionSpans(learner, language).filter((s) => s.indent === '');
  if (only.length !== 1 || !only[0]) return undefined;
  const span = only[0];
  const lines = learner.split('\n');
  const indent = /^\s*/.exec(lines.slice(span.bodyStart).find((l) => l.trim()) ?? '')?.[0] || '    ';
  let pos = span.bodyStart;
  if (at === 'close') pos = language === 'python' ? span.end : span.end - 1;
  if (at === 'end') {
    pos = -1;
    for (let i = span.end - 1; i >= span.bodyStart; i--)
      if (/^\s*return\b/.test(lines[i] ?? '')) {
        pos = i;
        break;
      }
    if (pos === -1) return undefined;
  }
  const stmts = piece.replace(/\n$/, '').split('\n');
  const base = Math.min(...stmts.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  lines.splice(pos, 0, ...stmts.map((l) => (l.trim() ? indent + l.slice(base) : l)));
  return lines.join('\n');
}

/** A JavaScript candidate exports what the learner's file exports (the tests import it). */
export function exportedAs(learner: string, code: string): string {
  let out = code;
  for (const m of learner.matchAll(
    /\bexport\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)(\w+)/g,
  )) {
    const name = m[1] ?? '';
    const decl = new RegExp(
      `^(\\s*)(?=(?:async\\s+)?function\\s*\\*?\\s*${name}\\b|(?:const|let|var)\\s+${name}\\b)`,
      'm',
    );
    if (
      !new RegExp(
        `export\\s+(?:async\\s+)?(?:function\\s*\\*?\\s*|const\\s+|let\\s+|var\\s+)${name}\\b`,
      ).test(out)
    )
      out = out.replace(decl, '$1export ');
  }
  return out;
}
