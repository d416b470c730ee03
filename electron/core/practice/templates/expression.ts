/**
 * The expressions a practice template file may hold: a small, side-effect-free part of JavaScript
 * (literals, arithmetic, comparisons, `?:`, arrow functions with an expression body, template
 * literals, arrays and objects with spread, and a fixed list of array, string and Math methods),
 * parsed with acorn and evaluated here. Nothing outside that list can be reached: no globals, no
 * assignment, no `new`, no prototype properties, so a template file is data, not a program.
 */
import { parseExpressionAt, type Node } from 'acorn';

export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Names an expression can see: the builtins, then a template's own values. */
export type Scope = Map<string, unknown>;

const words = (text: string) => new Set(text.trim().split(/\s+/));
const ARRAY_METHODS = words(`map filter reduce slice concat join includes indexOf lastIndexOf
  findIndex find some every flatMap flat reverse sort at`);
const STRING_METHODS = words(`slice toUpperCase toLowerCase split repeat replace replaceAll
  includes startsWith endsWith indexOf lastIndexOf trim padStart padEnd charAt at concat`);
const NUMBER_METHODS = new Set(['toFixed', 'toString']);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses one expression starting at `start`; returns it and where it ends. */
export function parseAt(text: string, start: number): { node: Node; end: number } {
  try {
    const node = parseExpressionAt(text, start, { ecmaVersion: 2022 });
    return { node, end: node.end };
  } catch (err) {
    throw new ExpressionError((err as Error).message);
  }
}

export function parseExpression(text: string): Node {
  const { node, end } = parseAt(text, 0);
  if (text.slice(end).trim())
    throw new ExpressionError(`unexpected "${text.slice(end).trim()}" after the expression`);
  return node;
}

type AnyNode = Node & Record<string, unknown>;

/**
 * What one exercise's expressions may do: evaluation steps, and the items of a list or the
 * characters of a text any one call builds. A template file is data, so a slip (`range(0, 1e9)`,
 * an exponential recursion) must end in a clear error at its field, not hold the app.
 */
export const EXPRESSION_LIMITS = { steps: 1_000_000, items: 10_000 };
let stepsLeft = Infinity;

/** Runs `make` with a fresh step budget (calls nest: the outer budget comes back after). */
export function withinBudget<T>(make: () => T): T {
  const saved = stepsLeft;
  stepsLeft = EXPRESSION_LIMITS.steps;
  try {
    return make();
  } finally {
    stepsLeft = saved;
  }
}

/** Refuses, before anything is built, a list or text of more than the limit's items. */
export function checkSize(count: unknown, what: string): void {
  if (typeof count === 'number' && count > EXPRESSION_LIMITS.items)
    throw new ExpressionError(
      `${what} would build ${count} items; a template may build at most ${EXPRESSION_LIMITS.items}`,
    );
}

/** Methods whose result's size their arguments set: checked before the call. */
const SIZE_OF_CALL: Record<string, (object: unknown, args: unknown[]) => unknown> = {
  repeat: (object, [times]) => String(object).length * Number(times),
  padStart: (_, [length]) => length,
  padEnd: (_, [length]) => length,
};

export function evaluate(node: Node, scope: Scope): unknown {
  if (--stepsLeft < 0)
    throw new ExpressionError(`the expressions take more than ${EXPRESSION_LIMITS.steps} steps`);
  const n = node as AnyNode;
  switch (n.type) {
    case 'Literal':
      if ((n as { regex?: unknown }).regex) throw new ExpressionError('regular expressions are not allowed');
      return n.value;
    case 'Identifier': {
      const name = n.name as string;
      if (name === 'undefined') return undefined;
      if (!scope.has(name)) throw new ExpressionError(`unknown name "${name}"`);
      return scope.get(name);
    }
    case 'TemplateLiteral': {
      const quasis = n.quasis as { value: { cooked: string } }[];
      const exprs = n.expressions as Node[];
      let out = quasis[0]?.value.cooked ?? '';
      exprs.forEach((e, i) => {
        out += String(evaluate(e, scope)) + (quasis[i + 1]?.value.cooked ?? '');
      });
      return out;
    }
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const el of n.elements as (AnyNode | null)[]) {
        if (!el) throw new ExpressionError('holes in arrays are not allowed');
        if (el.type === 'SpreadElement') out.push(...iterable(evaluate(el.argument as Node, scope)));
        else out.push(evaluate(el, scope));
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of n.properties as AnyNode[]) {
        if (p.type === 'SpreadElement') {
          Object.assign(out, evaluate(p.argument as Node, scope));
          continue;
        }
        if (p.kind !== 'init' || p.method) throw new ExpressionError('only plain properties are allowed');
        const key = p.computed ? String(evaluate(p.key as Node, scope)) : keyName(p.key as AnyNode);
        if (FORBIDDEN.has(key)) throw new ExpressionError(`the property "${key}" is not allowed`);
        out[key] = evaluate(p.value as Node, scope);
      }
      return out;
    }
    case 'MemberExpression': {
      const object = evaluate(n.object as Node, scope);
      const key = n.computed ? evaluate(n.property as Node, scope) : keyName(n.property as AnyNode);
      return member(object, key);
    }
    case 'CallExpression': {
      const callee = n.callee as AnyNode;
      const args = argumentsOf(n.arguments as AnyNode[], scope);
      if (callee.type === 'MemberExpression') {
        const object = evaluate(callee.object as Node, scope);
        const key = callee.computed
          ? evaluate(callee.property as Node, scope)
          : keyName(callee.property as AnyNode);
        const method = member(object, key);
        if (typeof method !== 'function') throw new ExpressionError(`"${String(key)}" is not a function`);
        const size = SIZE_OF_CALL[String(key)];
        if (size && typeof object === 'string') checkSize(size(object, args), `.${String(key)}()`);
        return (method as (...a: unknown[]) => unknown).apply(object, args);
      }
      const fn = evaluate(callee, scope);
      if (typeof fn !== 'function') throw new ExpressionError('only functions can be called');
      return (fn as (...a: unknown[]) => unknown)(...args);
    }
    case 'ArrowFunctionExpression': {
      if (n.async || n.generator) throw new ExpressionError('async functions are not allowed');
      const body = n.body as AnyNode;
      const params = n.params as AnyNode[];
      return (...args: unknown[]) => {
        const own: Scope = new Map();
        params.forEach((p, i) => bind(p, args[i], own));
        // The template's values are looked up when the function runs, so one can call itself.
        const inner = new ScopeView(own, scope);
        return body.type === 'BlockStatement' ? block(body, inner).value : evaluate(body, inner);
      };
    }
    case 'ConditionalExpression':
      return evaluate(n.test as Node, scope)
        ? evaluate(n.consequent as Node, scope)
        : evaluate(n.alternate as Node, scope);
    case 'LogicalExpression': {
      const left = evaluate(n.left as Node, scope);
      if (n.operator === '&&') return left ? evaluate(n.right as Node, scope) : left;
      if (n.operator === '||') return left ? left : evaluate(n.right as Node, scope);
      return left ?? evaluate(n.right as Node, scope);
    }
    case 'BinaryExpression':
      return binary(n.operator as string, evaluate(n.left as Node, scope), evaluate(n.right as Node, scope));
    case 'UnaryExpression': {
      const value = evaluate(n.argument as Node, scope);
      switch (n.operator) {
        case '-':
          return -(value as number);
        case '+':
          return +(value as number);
        case '!':
          return !value;
        case 'typeof':
          return typeof value;
        default:
          throw new ExpressionError(`the operator "${String(n.operator)}" is not allowed`);
      }
    }
    case 'ChainExpression':
      return evaluate(n.expression as Node, scope);
    case 'ParenthesizedExpression':
      return evaluate(n.expression as Node, scope);
    default:
      throw new ExpressionError(`${n.type} is not allowed in a template expression`);
  }
}

/**
 * A function body in braces may only name values (`const x = …;`), choose (`if`) and `return`:
 * no loops and no assignment, so it stays a calculation.
 */
function block(node: AnyNode, scope: Scope): { returned: boolean; value?: unknown } {
  const statements = node.type === 'BlockStatement' ? (node.body as AnyNode[]) : [node];
  for (const statement of statements) {
    switch (statement.type) {
      case 'VariableDeclaration':
        if (statement.kind !== 'const') throw new ExpressionError('name values with const');
        for (const d of statement.declarations as AnyNode[])
          bind(d.id as AnyNode, evaluate(d.init as Node, scope), scope);
        break;
      case 'ReturnStatement':
        return {
          returned: true,
          value: statement.argument ? evaluate(statement.argument as Node, scope) : undefined,
        };
      case 'IfStatement': {
        const branch = evaluate(statement.test as Node, scope) ? statement.consequent : statement.alternate;
        if (branch) {
          const result = block(branch as AnyNode, scope);
          if (result.returned) return result;
        }
        break;
      }
      default:
        throw new ExpressionError(
          `${statement.type} is not allowed in a function (only const, if and return)`,
        );
    }
  }
  return { returned: false };
}

/** A function's own scope, falling back to the template's values as they are when it runs. */
class ScopeView extends Map<string, unknown> {
  readonly #outer: Scope;
  constructor(own: Scope, outer: Scope) {
    super(own);
    this.#outer = outer;
  }
  override has(key: string): boolean {
    return super.has(key) || this.#outer.has(key);
  }
  override get(key: string): unknown {
    return super.has(key) ? super.get(key) : this.#outer.get(key);
  }
}

function keyName(node: AnyNode): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'Literal') return String(node.value);
  throw new ExpressionError('a property name must be a name or a literal');
}

function argumentsOf(nodes: AnyNode[], scope: Scope): unknown[] {
  const out: unknown[] = [];
  for (const a of nodes) {
    if (a.type === 'SpreadElement') out.push(...iterable(evaluate(a.argument as Node, scope)));
    else out.push(evaluate(a, scope));
  }
  return out;
}

function iterable(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  throw new ExpressionError('only a list or a text can be spread');
}

function bind(pattern: AnyNode, value: unknown, scope: Scope): void {
  if (pattern.type === 'Identifier') scope.set(pattern.name as string, value);
  else if (pattern.type === 'ArrayPattern') {
    const items = iterable(value);
    (pattern.elements as (AnyNode | null)[]).forEach((el, i) => {
      if (el) bind(el, items[i], scope);
    });
  } else throw new ExpressionError('a parameter must be a name or [a, b]');
}

function member(object: unknown, key: unknown): unknown {
  if (typeof key !== 'string' && typeof key !== 'number')
    throw new ExpressionError('a property name must be a text or a number');
  const name = String(key);
  if (FORBIDDEN.has(name)) throw new ExpressionError(`the property "${name}" is not allowed`);
  if (Array.isArray(object)) {
    if (name === 'length') return object.length;
    if (/^\d+$/.test(name)) return object[Number(name)];
    if (ARRAY_METHODS.has(name)) return (Array.prototype as unknown as Record<string, unknown>)[name];
  } else if (typeof object === 'string') {
    if (name === 'length') return object.length;
    if (/^\d+$/.test(name)) return object[Number(name)];
    if (STRING_METHODS.has(name)) return (String.prototype as unknown as Record<string, unknown>)[name];
  } else if (typeof object === 'number') {
    if (NUMBER_METHODS.has(name)) return (Number.prototype as unknown as Record<string, unknown>)[name];
  } else if (object !== null && (typeof object === 'object' || typeof object === 'function')) {
    return Object.hasOwn(object, name) ? (object as Record<string, unknown>)[name] : undefined;
  }
  if (object === null || object === undefined)
    throw new ExpressionError(`cannot read "${name}" of ${String(object)}`);
  return undefined;
}

function binary(op: string, a: unknown, b: unknown): unknown {
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+':
      return (a as string) + (b as string);
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '**':
      return x ** y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    default:
      throw new ExpressionError(`the operator "${op}" is not allowed (use === and !==)`);
  }
}
