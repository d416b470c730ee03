/**
 * The JavaScript side of the visualiser's recording: the learner's file (TypeScript already
 * stripped) is parsed with acorn and text is inserted so that it reports each step to a recorder
 * (js-recorder.ts) that the file imports from a module named per run:
 *
 *   total += x;            →  R.l(7,0,(i)=>{switch(i){case 0:return total;case 1:return x}});total += x;
 *   function f(a) { … }    →  function f(a) {const F=R.e(2,(i)=>…);try{ … }catch(E){R.x(F,E);throw E}finally{R.o(F)}}
 *   return v;              →  return R.r(F,v);
 *   while (t) …            →  while ((R.l(9,F,…),t)) …
 *
 * Only text without newlines is inserted (a line of the learner's file keeps its number) and
 * the recorder's names are made per run from a nonce and checked absent from the source, so the
 * program cannot name them. Direct `eval(...)` is made indirect, so code built at run time cannot
 * reach the recorder's bindings either. `R.l` passes a getter per statement that reads exactly the
 * names in scope there; a name still in its temporal dead zone throws and is left out.
 */
import { parse } from 'acorn';
import {
  isNode,
  LOOPS_WITH_BODY,
  SILENT,
  patternNames,
  lexicalNames,
  varNames,
  unique,
  type Node,
} from './ast-names.ts';

export interface StepSite {
  line: number;
  names: string[];
}

export interface FunctionSite {
  name: string;
  line: number;
  names: string[];
}

export interface Instrumented {
  code: string;
  /** Per step id (the first argument of R.l): its line and the names its getter reads. */
  steps: StepSite[];
  /** Per function id (the first argument of R.e). */
  functions: FunctionSite[];
}

export class InstrumentError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

interface Edit {
  at: number;
  text: string;
  /**
   * At one offset, closers (text ending a node that ends there) go before openers (text starting
   * a node that starts there); within each, in the order they were made, which the walk makes
   * outer-first for openers and inner-first for closers.
   */
  closer: boolean;
  seq: number;
}

interface Scope {
  /** The frame variable's name inside a function, `0` at the top level. */
  frame: string;
  /** Names visible here, innermost last. */
  names: string[];
}

export function instrument(source: string, recorder: string, specifier: string): Instrumented {
  let program: Node;
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
      preserveParens: true,
      allowHashBang: true,
    }) as unknown as Node;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    throw new InstrumentError(message, loc?.line, loc ? loc.column + 1 : undefined);
  }
  const R = recorder;
  const F = `${R}F`;
  const E = `${R}E`;
  const I = `${R}i`;
  const edits: Edit[] = [];
  let seq = 0;
  const insert = (at: number, text: string, closer = false) => edits.push({ at, text, closer, seq: seq++ });
  const steps: StepSite[] = [];
  const functions: FunctionSite[] = [];
  const lineOf = (node: Node) => node.loc?.start.line ?? 1;

  const getter = (names: string[]) =>
    names.length === 0
      ? '0'
      : // -1 reads every name at once (one call); a name in its temporal dead zone makes that
        // throw, and the recorder then reads them one by one.
        `(${I})=>{if(${I}<0)return[${names.join(',')}];switch(${I}){${names.map((n, i) => `case ${i}:return ${n};`).join('')}}}`;
  const stepCall = (node: Node, scope: Scope) => {
    const names = unique(scope.names);
    steps.push({ line: lineOf(node), names });
    return `${R}.l(${steps.length - 1},${scope.frame},${getter(names)})`;
  };

  const statements = (list: Node[], scope: Scope) => {
    const inner: Scope = { ...scope, names: [...scope.names, ...lexicalNames(list)] };
    for (const statement of list) statementWithStep(statement, inner, false);
  };

  /** A statement: a step before it (wrapped in braces where it is a lone loop or if body). */
  const statementWithStep = (statement: Node, scope: Scope, lone: boolean) => {
    if (statement.type === 'BlockStatement') {
      statements(statement.body as Node[], scope);
      return;
    }
    if (
      SILENT.has(statement.type) ||
      (statement.type.startsWith('Export') && !isNode(statement.declaration))
    ) {
      visit(statement, scope);
      return;
    }
    if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      if (declaration.type === 'FunctionDeclaration') {
        visit(statement, scope);
        return;
      }
    }
    if (lone) insert(statement.start, '{');
    insert(statement.start, `${stepCall(statement, scope)};`);
    visit(statement, scope);
    if (lone) insert(statement.end, '}', true);
  };

  const body = (node: unknown, scope: Scope) => {
    if (isNode(node)) statementWithStep(node, scope, node.type !== 'BlockStatement');
  };

  /** `(R.l(...), test)` so that each time a loop tests its condition is a step on its line. */
  const loopTest = (loop: Node, test: unknown, scope: Scope) => {
    if (isNode(test)) {
      insert(test.start, `(${stepCall(loop, scope)},`);
      visit(test, scope);
      insert(test.end, ')', true);
    }
  };

  const fn = (node: Node, scope: Scope, name: string) => {
    const params = node.params as Node[];
    const paramNames: string[] = [];
    for (const p of params) patternNames(p, paramNames);
    const bodyNode = node.body as Node;
    const block = bodyNode.type === 'BlockStatement';
    const locals = block ? varNames(bodyNode.body, []) : [];
    // A nested function also shows the enclosing function's names it can see (a closure's
    // variables), as Python's frames show their free variables; the top level has its own frame.
    const outer = scope.frame === '0' ? [] : scope.names;
    const inner: Scope = { frame: F, names: [...paramNames, ...locals, ...outer] };
    functions.push({ name, line: lineOf(node), names: unique(paramNames) });
    const enter = `const ${F}=${R}.e(${functions.length - 1},${getter(unique(paramNames))});`;
    const leave = `catch(${E}){${R}.x(${F},${E});throw ${E}}finally{${R}.o(${F})}`;
    for (const p of params) visit(p, inner);
    if (block) {
      insert(bodyNode.start + 1, `${enter}try{`);
      statements(bodyNode.body as Node[], inner);
      // Made after everything inside, and an opener so that an empty body `{}` gets it second.
      insert(bodyNode.end - 1, `}${leave}`);
    } else {
      insert(bodyNode.start, `{${enter}try{return ${R}.r(${F},`);
      visit(bodyNode, inner);
      insert(bodyNode.end, `)}${leave}}`, true);
    }
  };

  const nameOf = (node: Node, parent: Node | undefined): string => {
    if (isNode(node.id)) return node.id.name as string;
    if (parent?.type === 'VariableDeclarator' && isNode(parent.id) && parent.id.type === 'Identifier')
      return parent.id.name as string;
    if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && isNode(parent.key))
      return (parent.key.name as string | undefined) ?? 'function';
    if (parent?.type === 'PropertyDefinition' && isNode(parent.key))
      return (parent.key.name as string | undefined) ?? 'function';
    return node.type === 'ArrowFunctionExpression' ? 'arrow function' : 'function';
  };

  const visit = (node: unknown, scope: Scope, parent?: Node): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, scope, parent);
      return;
    }
    if (!isNode(node)) return;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        fn(node, scope, nameOf(node, parent));
        return;
      case 'BlockStatement':
        statements(node.body as Node[], scope);
        return;
      case 'StaticBlock':
        statements(node.body as Node[], scope);
        return;
      case 'SwitchStatement':
        visit(node.discriminant, scope, node);
        for (const c of node.cases as Node[]) {
          visit(c.test, scope, c);
          statements(c.consequent as Node[], scope);
        }
        return;
      case 'IfStatement':
        visit(node.test, scope, node);
        body(node.consequent, scope);
        body(node.alternate, scope);
        return;
      case 'ForStatement': {
        const inner: Scope = { ...scope };
        if (isNode(node.init) && node.init.type === 'VariableDeclaration' && node.init.kind !== 'var') {
          inner.names = [...scope.names];
          for (const d of node.init.declarations as Node[]) patternNames(d.id, inner.names);
        }
        visit(node.init, inner, node);
        if (isNode(node.test)) loopTest(node, node.test, inner);
        else {
          // `for (;;)`: a test that is always true, so an endless loop still takes steps.
          const from = isNode(node.init) ? node.init.end : source.indexOf('(', node.start) + 1;
          const semicolon = source.indexOf(';', from);
          if (semicolon > 0) insert(semicolon + 1, `${stepCall(node, inner)},true`);
        }
        visit(node.update, inner, node);
        body(node.body, inner);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner: Scope = { ...scope };
        if (isNode(node.left) && node.left.type === 'VariableDeclaration' && node.left.kind !== 'var') {
          inner.names = [...scope.names];
          for (const d of node.left.declarations as Node[]) patternNames(d.id, inner.names);
        }
        visit(node.left, inner, node);
        visit(node.right, scope, node);
        body(node.body, inner);
        return;
      }
      case 'WhileStatement':
        loopTest(node, node.test, scope);
        body(node.body, scope);
        return;
      case 'DoWhileStatement':
        body(node.body, scope);
        loopTest(node, node.test, scope);
        return;
      case 'LabeledStatement':
        // The label must stay on the loop itself (`continue outer`): no braces in between.
        if (isNode(node.body) && LOOPS_WITH_BODY.has(node.body.type)) visit(node.body, scope, node);
        else body(node.body, scope);
        return;
      case 'TryStatement': {
        visit(node.block, scope, node);
        const handler = node.handler as Node | null;
        if (handler) {
          const inner: Scope = { ...scope, names: patternNames(handler.param, [...scope.names]) };
          statements((handler.body as Node).body as Node[], inner);
        }
        visit(node.finalizer, scope, node);
        return;
      }
      case 'ReturnStatement':
        if (isNode(node.argument) && scope.frame !== '0') {
          insert(node.argument.start, `${R}.r(${F},`);
          visit(node.argument, scope, node);
          insert(node.argument.end, ')', true);
        }
        return;
      case 'YieldExpression':
      case 'AwaitExpression': {
        if (node.type === 'YieldExpression' && node.delegate) {
          visit(node.argument, scope, node);
          return;
        }
        const yielded = node.type === 'YieldExpression' ? 1 : 0;
        insert(node.start, `${R}.u(${scope.frame},`);
        if (isNode(node.argument)) {
          insert(node.argument.start, `${R}.p(${scope.frame},`);
          visit(node.argument, scope, node);
          insert(node.argument.end, `,${yielded})`, true);
          insert(node.end, ')', true);
        } else {
          insert(node.end, ` ${R}.p(${scope.frame},undefined,${yielded})`, true);
          insert(node.end, ')', true);
        }
        return;
      }
      case 'CallExpression': {
        // `(eval)(s)` and `((eval))(s)` are direct evals too.
        let callee = node.callee;
        while (isNode(callee) && callee.type === 'ParenthesizedExpression') callee = callee.expression;
        if (isNode(callee) && callee.type === 'Identifier' && callee.name === 'eval') {
          insert(callee.start, '(0,');
          insert(callee.end, ')', true);
        }
        break;
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'type') continue;
      visit(node[key], scope, node);
    }
  };

  const top = program.body as Node[];
  const topScope: Scope = { frame: '0', names: [...varNames(top, [])] };
  statements(top, topScope);

  edits.sort((a, b) => a.at - b.at || (a.closer === b.closer ? a.seq - b.seq : a.closer ? -1 : 1));
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += source.slice(last, edit.at) + edit.text;
    last = edit.at;
  }
  out += source.slice(last);
  // The recorder module hands its recorder out once: a later import of it gets nothing.
  const take = `${R}T`;
  const head = `import ${take} from ${JSON.stringify(specifier)};const ${R}=${take}();`;
  // A hashbang must stay first: the import then starts line 2.
  const newline = out.startsWith('#!') ? out.indexOf('\n') + 1 : 0;
  const code = newline > 0 ? out.slice(0, newline) + head + out.slice(newline) : head + out;
  // The last step reads the top level's names itself: a file of function declarations alone has
  // no other step at the top level.
  const topNames = unique([...topScope.names, ...lexicalNames(top)]);
  steps.push({ line: source.split('\n').length, names: topNames });
  return { code: `${code}\n;${R}.end(${steps.length - 1},${getter(topNames)});`, steps, functions };
}

/** A name made from `nonce` that does not occur in `source`. */
export function freshName(source: string, nonce: string): string {
  let name = `$lt${nonce}`;
  while (source.includes(name)) name += '_';
  return name;
}
