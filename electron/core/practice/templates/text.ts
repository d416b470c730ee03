/**
 * Texts with `${expression}` placeholders, as template files write them. `\${` is a literal `${`
 * (for JavaScript template literals in code). A text that is one placeholder alone gives the
 * expression's value unchanged, so `${cases}` can hand over a list.
 */
import type { Node } from 'acorn';
import { evaluate, ExpressionError, parseAt, type Scope } from './expression.ts';

export interface CompiledText {
  parts: (string | Node)[];
  /** The text is one placeholder and nothing else. */
  whole: boolean;
}

export function compileText(text: string): CompiledText {
  const parts: (string | Node)[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\${', i)) {
      literal += '${';
      i += 3;
    } else if (text.startsWith('${', i)) {
      const { node, end } = parseAt(text, i + 2);
      const close = skipSpaces(text, end);
      if (text[close] !== '}')
        throw new ExpressionError(`the placeholder at "${text.slice(i, i + 20)}…" is not closed with }`);
      if (literal) parts.push(literal);
      literal = '';
      parts.push(node);
      i = close + 1;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal) parts.push(literal);
  return { parts, whole: parts.length === 1 && typeof parts[0] !== 'string' };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  return i;
}

export function renderText(compiled: CompiledText, scope: Scope): unknown {
  if (compiled.whole) return evaluate(compiled.parts[0] as Node, scope);
  return compiled.parts
    .map((part) => (typeof part === 'string' ? part : String(evaluate(part, scope))))
    .join('');
}

/** A rendered value that must be text. */
export function renderString(compiled: CompiledText, scope: Scope, field: string): string {
  const value = renderText(compiled, scope);
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new ExpressionError(
      `${field} must give a text (found ${Array.isArray(value) ? 'a list' : typeof value})`,
    );
  return String(value);
}
