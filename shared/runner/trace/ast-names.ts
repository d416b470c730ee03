/**
 * What the visualiser's instrumentation (instrument.ts) asks of acorn's syntax tree: whether a
 * value is a node, which node types start a function or a loop body or record no step, and the
 * names a pattern, a block's lexical declarations or a function's `var`s bind.
 */

export interface Node {
  type: string;
  start: number;
  end: number;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
export const LOOPS_WITH_BODY = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
]);
/**
 * Statements with no step of their own: those that do nothing when reached, and the loops whose
 * every test is a step already.
 */
export const SILENT = new Set([
  'FunctionDeclaration',
  'EmptyStatement',
  'ImportDeclaration',
  'BlockStatement',
  'ForStatement',
  'WhileStatement',
]);

/** Names a binding pattern declares (`a`, `{ b, c: [d] }`, `...rest`, `e = 1`). */
export function patternNames(pattern: unknown, out: string[]): string[] {
  if (!isNode(pattern)) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const prop of pattern.properties as Node[]) {
        patternNames(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (Node | null)[]) patternNames(element, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    case 'ParenthesizedExpression':
      patternNames(pattern.expression, out);
      break;
  }
  return out;
}

/** let/const/class/function names a statement list declares itself. */
export function lexicalNames(statements: Node[]): string[] {
  const names: string[] = [];
  for (const raw of statements) {
    const statement = raw.type.startsWith('Export') && isNode(raw.declaration) ? raw.declaration : raw;
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const d of statement.declarations as Node[]) patternNames(d.id, names);
    } else if (
      (statement.type === 'ClassDeclaration' || statement.type === 'FunctionDeclaration') &&
      isNode(statement.id)
    ) {
      names.push(statement.id.name as string);
    }
  }
  return names;
}

/** `var` names anywhere in a function body (or the program), not inside nested functions. */
export function varNames(node: unknown, out: string[]): string[] {
  if (Array.isArray(node)) {
    for (const child of node) varNames(child, out);
    return out;
  }
  if (!isNode(node)) return out;
  if (FUNCTIONS.has(node.type) || node.type === 'ClassBody') return out;
  if (node.type === 'VariableDeclaration' && node.kind === 'var') {
    for (const d of node.declarations as Node[]) patternNames(d.id, out);
  }
  for (const key of Object.keys(node)) {
    if (key !== 'loc') varNames(node[key], out);
  }
  return out;
}

export const unique = (names: string[]) => [...new Set(names)].filter((n) => n !== 'arguments');

/** The name a function shows in the frames: its own, or the variable, method or field it is. */
export function nameOf(node: Node, parent: Node | undefined): string {
  if (isNode(node.id)) return node.id.name as string;
  if (parent?.type === 'VariableDeclarator' && isNode(parent.id) && parent.id.type === 'Identifier')
    return parent.id.name as string;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && isNode(parent.key))
    return (parent.key.name as string | undefined) ?? 'function';
  if (parent?.type === 'PropertyDefinition' && isNode(parent.key))
    return (parent.key.name as string | undefined) ?? 'function';
  return node.type === 'ArrowFunctionExpression' ? 'arrow function' : 'function';
}
