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
  nameOf,
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
  const program = parseModule(source);
  const top = program.body as Node[];
  const walk = new Instrumenter(source, recorder);
  const topScope: Scope = { frame: '0', names: [...varNames(top, [])] };
  walk.statements(top, topScope);
  const { R, steps, functions } = walk;
  const out = walk.apply();
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
  return { code: `${code}\n;${R}.end(${steps.length - 1},${walk.getter(topNames)});`, steps, functions };
}

function parseModule(source: string): Node {
  try {
    return parse(source, {
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
}

const lineOf = (node: Node) => node.loc?.start.line ?? 1;

/** One walk over a file's syntax tree, collecting the text to insert and the sites it reports. */
class Instrumenter {
  readonly R: string;
  private readonly F: string;
  private readonly E: string;
  private readonly I: string;
  private readonly edits: Edit[] = [];
  private seq = 0;
  readonly steps: StepSite[] = [];
  readonly functions: FunctionSite[] = [];

  private readonly source: string;

  constructor(source: string, recorder: string) {
    this.source = source;
    this.R = recorder;
    this.F = `${recorder}F`;
    this.E = `${recorder}E`;
    this.I = `${recorder}i`;
  }

  private insert(at: number, text: string, closer = false): void {
    this.edits.push({ at, text, closer, seq: this.seq++ });
  }

  /** The source with every insertion made. */
  apply(): string {
    const edits = [...this.edits].sort(
      (a, b) => a.at - b.at || (a.closer === b.closer ? a.seq - b.seq : a.closer ? -1 : 1),
    );
    let out = '';
    let last = 0;
    for (const edit of edits) {
      out += this.source.slice(last, edit.at) + edit.text;
      last = edit.at;
    }
    return out + this.source.slice(last);
  }

  getter(names: string[]): string {
    const I = this.I;
    return names.length === 0
      ? '0'
      : // -1 reads every name at once (one call); a name in its temporal dead zone makes that
        // throw, and the recorder then reads them one by one.
        `(${I})=>{if(${I}<0)return[${names.join(',')}];switch(${I}){${names.map((n, i) => `case ${i}:return ${n};`).join('')}}}`;
  }

  private stepCall(node: Node, scope: Scope): string {
    const names = unique(scope.names);
    this.steps.push({ line: lineOf(node), names });
    return `${this.R}.l(${this.steps.length - 1},${scope.frame},${this.getter(names)})`;
  }

  statements(list: Node[], scope: Scope): void {
    const inner: Scope = { ...scope, names: [...scope.names, ...lexicalNames(list)] };
    for (const statement of list) this.statementWithStep(statement, inner, false);
  }

  /** A statement: a step before it (wrapped in braces where it is a lone loop or if body). */
  private statementWithStep(statement: Node, scope: Scope, lone: boolean): void {
    if (statement.type === 'BlockStatement') {
      this.statements(statement.body as Node[], scope);
      return;
    }
    if (
      SILENT.has(statement.type) ||
      (statement.type.startsWith('Export') && !isNode(statement.declaration))
    ) {
      this.visit(statement, scope);
      return;
    }
    if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      if (declaration.type === 'FunctionDeclaration') {
        this.visit(statement, scope);
        return;
      }
    }
    if (lone) this.insert(statement.start, '{');
    this.insert(statement.start, `${this.stepCall(statement, scope)};`);
    this.visit(statement, scope);
    if (lone) this.insert(statement.end, '}', true);
  }

  private body(node: unknown, scope: Scope): void {
    if (isNode(node)) this.statementWithStep(node, scope, node.type !== 'BlockStatement');
  }

  /** `(R.l(...), test)` so that each time a loop tests its condition is a step on its line. */
  private loopTest(loop: Node, test: unknown, scope: Scope): void {
    if (isNode(test)) {
      this.insert(test.start, `(${this.stepCall(loop, scope)},`);
      this.visit(test, scope);
      this.insert(test.end, ')', true);
    }
  }

  private fn(node: Node, scope: Scope, name: string): void {
    const { R, F, E } = this;
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
    this.functions.push({ name, line: lineOf(node), names: unique(paramNames) });
    const enter = `const ${F}=${R}.e(${this.functions.length - 1},${this.getter(unique(paramNames))});`;
    const leave = `catch(${E}){${R}.x(${F},${E});throw ${E}}finally{${R}.o(${F})}`;
    for (const p of params) this.visit(p, inner);
    if (block) {
      this.insert(bodyNode.start + 1, `${enter}try{`);
      this.statements(bodyNode.body as Node[], inner);
      // Made after everything inside, and an opener so that an empty body `{}` gets it second.
      this.insert(bodyNode.end - 1, `}${leave}`);
    } else {
      this.insert(bodyNode.start, `{${enter}try{return ${R}.r(${F},`);
      this.visit(bodyNode, inner);
      this.insert(bodyNode.end, `)}${leave}}`, true);
    }
  }

  /** A `for (…;…;…)` loop: its `let` names are in scope inside, and each test is a step. */
  private forLoop(node: Node, scope: Scope): void {
    const inner: Scope = { ...scope };
    if (isNode(node.init) && node.init.type === 'VariableDeclaration' && node.init.kind !== 'var') {
      inner.names = [...scope.names];
      for (const d of node.init.declarations as Node[]) patternNames(d.id, inner.names);
    }
    this.visit(node.init, inner, node);
    if (isNode(node.test)) this.loopTest(node, node.test, inner);
    else {
      // `for (;;)`: a test that is always true, so an endless loop still takes steps.
      const from = isNode(node.init) ? node.init.end : this.source.indexOf('(', node.start) + 1;
      const semicolon = this.source.indexOf(';', from);
      if (semicolon > 0) this.insert(semicolon + 1, `${this.stepCall(node, inner)},true`);
    }
    this.visit(node.update, inner, node);
    this.body(node.body, inner);
  }

  private forInOf(node: Node, scope: Scope): void {
    const inner: Scope = { ...scope };
    if (isNode(node.left) && node.left.type === 'VariableDeclaration' && node.left.kind !== 'var') {
      inner.names = [...scope.names];
      for (const d of node.left.declarations as Node[]) patternNames(d.id, inner.names);
    }
    this.visit(node.left, inner, node);
    this.visit(node.right, scope, node);
    this.body(node.body, inner);
  }

  /** `yield`/`await`: the frame is paused (R.u) around the value it hands out (R.p). */
  private pause(node: Node, scope: Scope): void {
    const R = this.R;
    if (node.type === 'YieldExpression' && node.delegate) {
      this.visit(node.argument, scope, node);
      return;
    }
    const yielded = node.type === 'YieldExpression' ? 1 : 0;
    this.insert(node.start, `${R}.u(${scope.frame},`);
    if (isNode(node.argument)) {
      this.insert(node.argument.start, `${R}.p(${scope.frame},`);
      this.visit(node.argument, scope, node);
      this.insert(node.argument.end, `,${yielded})`, true);
      this.insert(node.end, ')', true);
    } else {
      this.insert(node.end, ` ${R}.p(${scope.frame},undefined,${yielded})`, true);
      this.insert(node.end, ')', true);
    }
  }

  /** Visits a node; returns true when it handled the node's children itself. */
  private special(node: Node, scope: Scope, parent: Node | undefined): boolean {
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.fn(node, scope, nameOf(node, parent));
        return true;
      case 'BlockStatement':
      case 'StaticBlock':
        this.statements(node.body as Node[], scope);
        return true;
      case 'SwitchStatement':
        this.visit(node.discriminant, scope, node);
        for (const c of node.cases as Node[]) {
          this.visit(c.test, scope, c);
          this.statements(c.consequent as Node[], scope);
        }
        return true;
      case 'IfStatement':
        this.visit(node.test, scope, node);
        this.body(node.consequent, scope);
        this.body(node.alternate, scope);
        return true;
      case 'ForStatement':
        this.forLoop(node, scope);
        return true;
      case 'ForInStatement':
      case 'ForOfStatement':
        this.forInOf(node, scope);
        return true;
      case 'WhileStatement':
        this.loopTest(node, node.test, scope);
        this.body(node.body, scope);
        return true;
      case 'DoWhileStatement':
        this.body(node.body, scope);
        this.loopTest(node, node.test, scope);
        return true;
      case 'LabeledStatement':
        // The label must stay on the loop itself (`continue outer`): no braces in between.
        if (isNode(node.body) && LOOPS_WITH_BODY.has(node.body.type)) this.visit(node.body, scope, node);
        else this.body(node.body, scope);
        return true;
      case 'TryStatement': {
        this.visit(node.block, scope, node);
        const handler = node.handler as Node | null;
        if (handler) {
          const inner: Scope = { ...scope, names: patternNames(handler.param, [...scope.names]) };
          this.statements((handler.body as Node).body as Node[], inner);
        }
        this.visit(node.finalizer, scope, node);
        return true;
      }
      case 'ReturnStatement':
        if (isNode(node.argument) && scope.frame !== '0') {
          this.insert(node.argument.start, `${this.R}.r(${this.F},`);
          this.visit(node.argument, scope, node);
          this.insert(node.argument.end, ')', true);
        }
        return true;
      case 'YieldExpression':
      case 'AwaitExpression':
        this.pause(node, scope);
        return true;
      case 'CallExpression': {
        // `(eval)(s)` and `((eval))(s)` are direct evals too: made indirect.
        let callee = node.callee;
        while (isNode(callee) && callee.type === 'ParenthesizedExpression') callee = callee.expression;
        if (isNode(callee) && callee.type === 'Identifier' && callee.name === 'eval') {
          this.insert(callee.start, '(0,');
          this.insert(callee.end, ')', true);
        }
        return false;
      }
      default:
        return false;
    }
  }

  private visit(node: unknown, scope: Scope, parent?: Node): void {
    if (Array.isArray(node)) {
      for (const child of node) this.visit(child, scope, parent);
      return;
    }
    if (!isNode(node) || this.special(node, scope, parent)) return;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'type') continue;
      this.visit(node[key], scope, node);
    }
  }
}

/** A name made from `nonce` that does not occur in `source`. */
export function freshName(source: string, nonce: string): string {
  let name = `$lt${nonce}`;
  while (source.includes(name)) name += '_';
  return name;
}
