/**
 * The lines of a solution as the mutator reads them (mutate.ts): logical lines with their
 * indentation, which lines no test could observe, and the extent of an argument or a returned
 * expression.
 */
import type { Token } from '../../../shared/content/code-tokens.ts';

export interface Line {
  tokens: Token[];
  /** Column of the first token (Python indentation; brace depth for JavaScript). */
  indent: number;
}

/** Python: logical lines (newline tokens); JavaScript: physical lines with their brace depth. */
export function logicalLines(source: string, tokens: Token[], python: boolean): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let depth = 0;
  let lineDepth = 0;
  const flush = () => {
    const first = current[0];
    if (first) {
      const column = first.start - (source.lastIndexOf('\n', first.start - 1) + 1);
      lines.push({ tokens: current, indent: python ? column : lineDepth });
    }
    current = [];
    lineDepth = depth;
  };
  for (const t of tokens) {
    if (t.kind === 'newline') {
      flush();
      continue;
    }
    if (t.text === '{') depth += 1;
    if (t.text === '}') depth = Math.max(0, depth - 1);
    current.push(t);
  }
  flush();
  return lines;
}

/** Lines whose changes no test could see: imports, and printing at the top level of the module. */
export function skipLine(line: Line, python: boolean): boolean {
  const [a, b, c] = line.tokens;
  if (!a) return true;
  if (
    a.text === 'import' ||
    (python && a.text === 'from') ||
    (!python && a.text === 'export' && line.tokens.some((t) => t.text === 'from'))
  )
    return true;
  if (python && a.text === 'if' && b?.text === '__name__') return true;
  const printing = python
    ? a.text === 'print' && b?.text === '('
    : a.text === 'console' && b?.text === '.' && c?.text === 'log';
  return printing && line.indent === 0;
}

/** Error messages: changing one is only seen by a test that compares messages, which is rare. */
export function raises(first: Token): boolean {
  return first.text === 'raise' || first.text === 'throw';
}

export function isDocstring(line: Line): boolean {
  return line.tokens.length === 1 && line.tokens[0]?.kind === 'string';
}

export function noteAssignment(line: Line, assigned: Set<string>): void {
  const [a, b] = line.tokens;
  if (a?.kind === 'name' && b?.text === '=') assigned.add(a.text);
  for (const [i, t] of line.tokens.entries())
    if (t.kind === 'name' && ['let', 'const', 'var', 'for'].includes(t.text)) {
      const name = line.tokens[i + 1];
      if (name?.kind === 'name') assigned.add(name.text);
    }
}

/** The tokens of each top-level argument of the call whose `(` is at `open`. */
export function callArguments(tokens: Token[], open: number): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if ('([{'.includes(t.text) && t.kind === 'op') {
      depth += 1;
      if (depth === 1) continue;
    } else if (')]}'.includes(t.text) && t.kind === 'op') {
      depth -= 1;
      if (depth === 0) break;
    } else if (depth === 1 && t.text === ',') {
      args.push([]);
      continue;
    }
    args[args.length - 1]?.push(t);
  }
  return args.filter((a) => a.length > 0);
}

/** The returned expression: up to the end of the statement at bracket depth 0. */
export function expressionAfter(tokens: Token[], from: number, python: boolean): Token[] {
  const out: Token[] = [];
  let depth = 0;
  const startLine = tokens[from - 1]?.line;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'newline' && depth === 0) break;
    if (depth === 0 && (t.text === ';' || t.text === '}' || (python && t.text === ':'))) break;
    if (!python && depth === 0 && t.line !== startLine && out.length === 0) break;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    if (t.kind !== 'newline') out.push(t);
  }
  return out;
}
