# The harness's errors for beginners and the learner's guards: tracebacks trimmed to the
# learner's own frames with the line to mark in the editor, expected and actual of equality assertions, and the stand-ins for sys.exit, abort and
# setrecursionlimit.

# --- errors for beginners --------------------------------------------------------------------

# Not `_plain`: trusted.py's `_plain` (the exact-builtin copy) is joined later into the same
# namespace and would replace it, and nothing would be cut.
def _cut(value, limit=MAX_REPR):
    if type(value) is not str:
        return None
    return value if len(value) <= limit else value[:limit] + '…'

def _safe_repr(value):
    try:
        return _cut(repr(value)) or '<unprintable value>'
    except BaseException:
        return '<unprintable value>'

def _safe_str(exc):
    try:
        text = str(exc)
    except BaseException:
        return ''
    return _cut(text) or ''

def _column(line_text, byte_offset):
    if byte_offset is None or line_text is None:
        return None
    return len(line_text.encode('utf-8')[:byte_offset].decode('utf-8', 'replace')) + 1

def _frames(exc):
    """(file, line, function, column) for every frame of the traceback in a file we show."""
    files = _state['files']
    found = []
    tb = _tb_get(exc)
    while tb is not None:
        code = tb.tb_frame.f_code
        name = code.co_filename
        if name in files:
            line = tb.tb_lineno
            col = None
            try:
                pos = list(code.co_positions())[tb.tb_lasti // 2]
                if pos[0] == line:
                    col = _column(_source_line(name, line), pos[2])
            except Exception:
                pass
            found.append((name, line, code.co_name, col))
        tb = tb.tb_next
    return found

def _source_line(path, line):
    lines = _state['files'].get(path, (None, []))[1]
    if line is None or line < 1 or line > len(lines):
        return None
    return lines[line - 1]

def _format_frames(frames):
    out = []
    last, repeats = None, 0
    for path, line, func, _col in frames:
        key = (path, line, func)
        if key == last:
            repeats += 1
            if repeats >= 3:
                continue
        else:
            if repeats >= 3:
                out.append('  [Previous line repeated ' + str(repeats - 2) + ' more times]')
            last, repeats = key, 0
        out.append('  File "' + _state['files'][path][0] + '", line ' + str(line) + ', in ' + func)
        text = _source_line(path, line)
        if text is not None and text.strip():
            out.append('    ' + text.strip())
    if repeats >= 3:
        out.append('  [Previous line repeated ' + str(repeats - 2) + ' more times]')
    return out

def _refusal(exc):
    # The refusal's code, read with the harness's own tools: the program may have caught the error
    # and changed its attributes before letting it go.
    said = exc.__dict__.get('lantern')
    if type(said) is not tuple or len(said) != 2:
        return None
    code, params = said
    if code not in ('refused', 'refusedChange') or type(params) is not dict:
        return None
    if not all(type(k) is str and type(v) is str for k, v in params.items()):
        return None
    return code, dict(params)

def _learner_error(exc):
    et = type(exc)
    files = _state['files']
    if issubclass(et, SyntaxError):
        msg = _cut(_syntax_fields['msg'](exc)) or 'invalid syntax'
        path = _syntax_fields['filename'](exc)
        line = _syntax_fields['lineno'](exc)
        offset = _syntax_fields['offset'](exc)
        if type(path) is str and path in files and type(line) is int:
            name = _state['files'][path][0]
            text = _source_line(path, line)
            tb = ['  File "' + name + '", line ' + str(line)]
            if text is not None:
                tb.append('    ' + text.rstrip())
            error = {'type': _type_name(et), 'message': msg, 'file': name, 'line': line,
                     'traceback': '\n'.join(tb + [_type_name(et) + ': ' + msg])}
            if type(offset) is int and offset > 0:
                error['column'] = offset
            return error
        frames = _frames(exc)
    else:
        msg = _safe_str(exc)
        frames = _frames(exc)
    name = _type_name(et)
    if et is KeyError and msg:
        args = _args_get(exc)
        if len(args) == 1:
            msg = _safe_repr(args[0])
    error = {'type': name, 'message': msg}
    # Lantern's own refusals carry a code the page words in the interface language.
    if et is _Refused:
        said = _refusal(exc)
        if said is not None:
            error['code'], error['params'] = said
    elif issubclass(et, ImportError):
        module = _import_name(exc)
        if type(module) is str and _blocked_module(module):
            error['code'] = 'moduleUnavailable'
            error['params'] = {'name': module}
    learner = [f for f in frames if f[0] in _state['learner_files']]
    where = learner[-1] if learner else (frames[-1] if frames else None)
    if where is not None:
        error['file'] = files[where[0]][0]
        if where[1] is not None:
            error['line'] = where[1]
        if where[3] is not None:
            error['column'] = where[3]
    lines = ['Traceback (most recent call last):'] + _format_frames(frames) if frames else []
    lines.append(name + (': ' + msg if msg else ''))
    error['traceback'] = '\n'.join(lines)
    return error

def _equality_values(exc):
    """expected/actual of a failed unittest equality assertion or a rewritten bare assert."""
    tb = _tb_get(exc)
    while tb is not None:
        frame = tb.tb_frame
        code = frame.f_code
        if code in _EQUALITY_CODES:
            names = code.co_varnames
            local = frame.f_locals
            return _safe_repr(local[names[2]]), _safe_repr(local[names[1]])
        if tb.tb_next is None and code.co_filename == _state['tests_file'] and _assert_form(tb.tb_lineno)[0] == 'equal':
            local = frame.f_locals
            if '__lantern_expected' in local and '__lantern_actual' in local:
                return _safe_repr(local['__lantern_expected']), _safe_repr(local['__lantern_actual'])
        tb = tb.tb_next
    return None

# Defined in a namespace of its own: a class is findable through __subclasses__(), and its
# methods' __globals__ must not lead to the harness.
# The rewrite also routes the test file's questions to a value through trusted code
# (trusted.py): 'assert a == b', 'assert m in c', 'assert x', 'assert not x', and method
# calls other than self.assert...(), which reach the builtin's own method on a subclass of one.
_TRANSFORMER_SOURCE = """
HELPERS = ('__lantern_same__', '__lantern_in__', '__lantern_truthy__', '__lantern_falsy__', '__lantern_method__')

class NameEqualities(ast.NodeTransformer):
    depth = 0
    def helper(self, name, *args):
        # In a function, through a parameter whose default (a tuple, bound when the test file
        # loads) code cannot replace: the audit hook refuses writes to __defaults__.
        if self.depth:
            index = ast.Constant(HELPERS.index(name))
            func = ast.Subscript(value=ast.Name('__lantern_h__', ast.Load()), slice=index, ctx=ast.Load())
        else:
            func = ast.Name(name, ast.Load())
        return ast.Call(func=func, args=list(args), keywords=[])
    def visit_FunctionDef(self, node):
        # Decorators and defaults run where the function is defined; only the body inside it.
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        node.args = self.visit(node.args)
        self.depth += 1
        body = []
        for statement in node.body:
            done = self.visit(statement)
            body.extend(done if type(done) is list else [done] if done is not None else [])
        node.body = body
        self.depth -= 1
        node.args.args.append(ast.arg('__lantern_h__'))
        node.args.defaults.append(ast.Name('__lantern_helpers__', ast.Load()))
        return node
    visit_AsyncFunctionDef = visit_FunctionDef
    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if type(func) is ast.Attribute and not (type(func.value) is ast.Name and func.value.id == 'self'):
            node.func = self.helper('__lantern_method__', func.value, ast.Constant(func.attr))
        return node
    def keep(self, name, value):
        # In a function, the operand is also kept in a local the harness reads when the assert
        # fails, to say what was compared (assertions.py).
        if not self.depth:
            return value
        return ast.NamedExpr(target=ast.Name(name, ast.Store()), value=value)
    def visit_Assert(self, node):
        self.generic_visit(node)
        test = node.test
        form = 'other'
        if type(test) is ast.Compare and len(test.ops) == 1 and type(test.ops[0]) in (ast.Eq, ast.In, ast.NotIn):
            left, right = test.left, test.comparators[0]
            op = type(test.ops[0])
            if op is ast.Eq:
                form = 'equal'
                left, right = self.keep('__lantern_actual', left), self.keep('__lantern_expected', right)
            else:
                form = 'contains' if op is ast.In else 'notContains'
                left, right = self.keep('__lantern_member', left), self.keep('__lantern_container', right)
            call = self.helper('__lantern_same__' if op is ast.Eq else '__lantern_in__', left, right)
            node.test = ast.UnaryOp(op=ast.Not(), operand=call) if op is ast.NotIn else call
        elif type(test) is ast.UnaryOp and type(test.op) is ast.Not:
            form = 'falsy'
            node.test = self.helper('__lantern_falsy__', self.keep('__lantern_value', test.operand))
        elif type(test) is not ast.Compare:
            form = 'truthy'
            node.test = self.helper('__lantern_truthy__', self.keep('__lantern_value', test))
        # Which form each line's assert has, and whether it says its own message.
        self.forms[node.lineno] = (form, node.msg is not None)
        return node
"""
def _make_transformer():
    namespace = {'ast': ast, '__name__': 'lantern_asserts',
                 '__builtins__': {'type': type, 'len': len, 'list': list, '__build_class__': builtins.__build_class__}}
    exec(_TRANSFORMER_SOURCE, namespace)
    return namespace['NameEqualities']

_Transformer = _make_transformer()

# Stand-ins for the calls that would take the whole interpreter down with the program (os._exit
# and os.abort end the runtime; an unlimited recursion limit overflows the host's stack). Made in
# a namespace of their own for the same reason as the transformer: learner code can read a
# function's __globals__, and these must not lead to the harness.
_GUARDS_SOURCE = '''
def _exit(status=0):
    raise SystemExit(status)
def abort():
    raise SystemExit('abort() was called')
def setrecursionlimit(limit):
    set_limit(min(limit, MAX_LIMIT) if type(limit) is int else limit)
'''
def _make_guards():
    namespace = {'__name__': 'os', 'set_limit': _setrecursionlimit, 'MAX_LIMIT': MAX_RECURSION_LIMIT,
                 '__builtins__': {'SystemExit': SystemExit, 'min': min, 'type': type, 'int': int}}
    exec(_GUARDS_SOURCE, namespace)
    return namespace

def _install_guards():
    guards = _make_guards()
    for mod in (os, _modules.get('posix')):
        if mod is not None:
            mod._exit = guards['_exit']
            mod.abort = guards['abort']
    sys.setrecursionlimit = guards['setrecursionlimit']
