# The Python side of the harness, run once per interpreter before any untrusted code. Its last
# expression is the `run` function the host calls for every request; `run` returns plain dicts,
# lists and strings, which the host converts to a RunResult.
#
# How results stay honest (see also shared/runner/python/index.ts):
# - Results are the return value of `run`, handed to JavaScript by Pyodide's C-level conversion.
#   Nothing is parsed from stdout, so printed "fake result lines" are just output.
# - The harness is unreachable from learner code: its globals are a private dict (not a module in
#   sys.modules), its builtins a private copy, and an audit hook refuses frame access
#   (sys._getframe, tb_frame, gi_frame...), gc.get_objects/referrers, settrace/setprofile,
#   sys.monitoring, new audit hooks, ctypes, the JavaScript bridge (js, pyodide*) and process
#   creation to any caller whose code is not the harness's own. The hook decides by the calling
#   frame's code object, not by a flag, so a __del__ or signal handler firing while the harness
#   runs is still refused.
# - Each test instance gets the original unittest.TestCase methods pinned as instance attributes,
#   so `unittest.TestCase.assertEqual = lambda *a: None` does not reach the test. After loading
#   and after every test the unittest classes and modules are compared with a snapshot taken at
#   start-up: any change is restored and reported as tampering, and the run cannot pass.
#   Assigning __code__/__defaults__ of functions other than the learner's own is refused.
# - sys.exit, SystemExit, KeyboardInterrupt and any BaseException end a test as an error; a skip
#   raised while running is an error too. Only a test that returns normally passes, and a check
#   passes only when every collected test did.
# - builtins, sys and every module loaded at start-up are restored after each run.
#
# - When a side of an assertion is a builtin value, the verdict comes from trusted comparisons
#   of plain copies, never from the learner value's own methods (trusted.py). The test
#   functions run are the ones collected, and the test file's namespace and classes are compared
#   with a snapshot after every test, like unittest's: a change is tampering.
#
# One Python program in six files, joined in order after a prelude of imports and shared limits
# (harness-prelude.ts): guards and state snapshots here, then the beginner-friendly errors
# (errors.py), the visualiser's recorder (tracer.py), the trusted comparisons (trusted.py), a
# failed assertion as a code (assertions.py), then running programs and tests (running.py).

WORKDIR = '/lantern'
MAX_REPR = 2000
RECURSION_LIMIT = 1000
MAX_RECURSION_LIMIT = 3000

_modules = sys.modules
_getframe = sys._getframe
_setrecursionlimit = sys.setrecursionlimit
_type_name = type.__dict__['__name__'].__get__
_tb_get = BaseException.__dict__['__traceback__'].__get__
_args_get = BaseException.__dict__['args'].__get__
_import_name = ImportError.__dict__['name'].__get__
_syntax_fields = {k: SyntaxError.__dict__[k].__get__ for k in ('msg', 'filename', 'lineno', 'offset', 'text')}
_sio_getvalue = io.StringIO.getvalue
_MethodType = types.MethodType
_FunctionType = types.FunctionType
_ModuleType = types.ModuleType
_TestCase = unittest.TestCase
# logging (loaded for assertLogs: unittest._log) would ask sys._getframe for the line that logged,
# which the audit hook refuses to learner and test code: without it a log record names no file.
_modules['logging']._srcfile = None
_SkipTest = unittest.SkipTest
_default_int_handler = signal.default_int_handler
_signal = signal.signal
_SIGINT = signal.SIGINT
_listdir, _remove, _rmdir, _mkdir, _chdir = os.listdir, os.remove, os.rmdir, os.mkdir, os.chdir
_isdir = os.path.isdir
_environ = os.environ
_ast_parse, _ast_fix = ast.parse, ast.fix_missing_locations

class _Refused(RuntimeError):
    # The message is for the command line and the log; the page words `code` and `params`
    # (runner.learnerError.<code>) in the interface language.
    def __init__(self, message, code, params):
        RuntimeError.__init__(self, message)
        self.lantern = (code, params)
_Refused.__module__ = 'builtins'
_Refused.__name__ = _Refused.__qualname__ = 'RuntimeError'

BLOCKED_MODULES = ('js', 'pyodide', 'pyodide_js', '_pyodide', '_pyodide_core', 'micropip', 'ctypes', '_ctypes')
ALWAYS_REFUSED = frozenset({
    'sys._getframe', 'sys._current_frames', 'sys._current_exceptions', 'sys.settrace', 'sys.setprofile',
    'gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'sys.addaudithook', 'sys.remote_exec',
    'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty', 'os.kill', 'os.killpg',
    'subprocess.Popen', 'pty.spawn', 'function.__new__',
})
FRAME_ATTRS = frozenset({'tb_frame', 'gi_frame', 'cr_frame', 'ag_frame'})
FUNCTION_GUTS = frozenset({'__code__', '__defaults__', '__kwdefaults__', '__globals__', '__class__'})

_harness_codes = set()
_busy = [False]
_state = {'learner_files': frozenset(), 'learner_modules': frozenset(), 'keep': {}}

def _caller_is_harness():
    _busy[0] = True
    try:
        code = _getframe(2).f_code
        return code in _harness_codes
    finally:
        _busy[0] = False

def _blocked_module(name):
    head = name.partition('.')[0]
    return head in BLOCKED_MODULES or 'pyodide' in head

def _audit(event, args):
    if _busy[0]:
        return
    if event in ALWAYS_REFUSED or event.startswith('sys.monitoring') or event.startswith('ctypes.'):
        if not _caller_is_harness():
            raise _Refused(event + '() is not available in Lantern: programs here cannot inspect or control the runner.',
                           'refused', {'what': event + '()'})
    elif event == 'import':
        if type(args[0]) is str and _blocked_module(args[0]) and not _caller_is_harness():
            # Python's own words; errors.py adds the code the page words (moduleUnavailable).
            raise ModuleNotFoundError("No module named '" + args[0] + "'", name=args[0])
    elif event == 'object.__getattr__':
        if args[1] in FRAME_ATTRS and not _caller_is_harness():
            raise _Refused('.' + args[1] + ' is not available in Lantern: programs here cannot inspect the runner.',
                           'refused', {'what': '.' + args[1]})
    elif event == 'object.__setattr__' or event == 'object.__delattr__':
        target = args[0]
        if args[1] in FUNCTION_GUTS and not _learner_owned(target) and not _caller_is_harness():
            kind = _type_name(type(target))
            raise _Refused('Changing ' + args[1] + ' of ' + kind + ' objects is not allowed in Lantern.',
                           'refusedChange', {'name': args[1], 'type': kind})

def _learner_owned(obj):
    t = type(obj)
    if t is not _FunctionType:
        return False
    _busy[0] = True
    try:
        return _FunctionType.__dict__['__code__'].__get__(obj).co_filename in _state['learner_files']
    finally:
        _busy[0] = False

# --- state snapshots -------------------------------------------------------------------------

def _protected_classes():
    seen = []
    for mod in (unittest.case, unittest.util, unittest):
        for value in list(mod.__dict__.values()):
            if type(value) is type and value not in seen and value.__module__.startswith('unittest'):
                seen.append(value)
    return seen

_PROTECTED_CLASSES = _protected_classes()
# A namespace is unchanged when it holds the same key and value objects in the same order.
# Comparing them pairwise in C (map over operator.is_) instead of a Python loop over every entry
# keeps the check after each test cheap. Not id(): every id() call is an audit event.
_len, _all, _map, _is = len, all, map, operator.is_
def _unchanged(live, saved):
    return (_len(live) == _len(saved) and _all(_map(_is, live, saved))
            and _all(_map(_is, live.values(), saved.values())))

_class_snapshot = [(cls, dict(cls.__dict__), cls.__mro__) for cls in _PROTECTED_CLASSES]
_PINNED = [(k, v) for k, v in _TestCase.__dict__.items()
           if type(v) is _FunctionType and not k.startswith('__')]
_PINNED_DATA = [(k, v) for k, v in _TestCase.__dict__.items()
                if k in ('failureException', 'longMessage', 'maxDiff', '_diffThreshold')]
EQUALITY = ('assertEqual', 'assertAlmostEqual', 'assertCountEqual', 'assertListEqual', 'assertTupleEqual',
            'assertDictEqual', 'assertSetEqual', 'assertSequenceEqual', 'assertMultiLineEqual')
_EQUALITY_CODES = {_TestCase.__dict__[name].__code__: name for name in EQUALITY}

def _snapshot_modules():
    return [(name, mod, mod.__dict__, dict(mod.__dict__)) for name, mod in list(_modules.items())
            if type(mod) is _ModuleType and not _blocked_module(name)]

def _judge_modules():
    names = {'builtins', 'sys'}
    for name, mod in list(_modules.items()):
        if type(name) is str and name.startswith('unittest') and type(mod) is _ModuleType:
            names.add(name)
            for value in list(mod.__dict__.values()):
                if type(value) is _ModuleType:
                    names.add(value.__name__)
    return frozenset(names)

def _hide_bridge():
    for name in list(_modules):
        if _blocked_module(name):
            del _modules[name]

def _changed_classes():
    changed = []
    for cls, saved, mro in _class_snapshot:
        now = cls.__dict__
        if cls.__mro__ is not mro or not _unchanged(now, saved):
            changed.append(cls)
            for k in [k for k in now if k not in saved]:
                type.__delattr__(cls, k)
            for k, v in saved.items():
                if now.get(k, _Refused) is not v:
                    type.__setattr__(cls, k, v)
    return changed

def _restore_modules(everything):
    baseline = _state['modules']
    judges = _state['judges']
    names = _state['module_names']
    for name in [n for n in list(_modules) if type(n) is not str or n not in names]:
        del _modules[name]
    # The learner's module stays imported while its tests load and run: importing it again
    # would run its top-level code (prints, input()) a second time.
    for name, mod in _state['keep'].items():
        _modules[name] = mod
    changed = []
    for name, mod, live, saved in baseline:
        if _modules.get(name) is not mod:
            _modules[name] = mod
            changed.append(name)
        if (everything or name in judges) and not _unchanged(live, saved):
            if name.startswith('unittest'):
                changed.append(name)
            live.clear()
            live.update(saved)
    return changed

def _restore(between_tests=False):
    """Puts the interpreter back as it was at start-up; returns the testing tools found changed.

    Between two tests only the modules that judge a result (builtins, sys, unittest and what it
    imports) are compared entry by entry: a full sweep of every module costs milliseconds per test.
    Everything else is restored before and after the run."""
    _hide_bridge()
    changed = [c.__module__ + '.' + c.__qualname__ for c in _changed_classes()]
    changed += _restore_modules(not between_tests)
    sys.stdout, sys.stderr, sys.stdin = _state['streams']
    if dict(_environ) != _state['environ']:
        _environ.clear()
        _environ.update(_state['environ'])
    sys.path[:] = _state['path']
    sys.meta_path[:] = _state['meta_path']
    sys.path_hooks[:] = _state['path_hooks']
    sys.path_importer_cache.clear()
    _setrecursionlimit(RECURSION_LIMIT)
    try:
        _signal(_SIGINT, _default_int_handler)
    except Exception:
        pass
    try:
        _chdir(WORKDIR)
    except Exception:
        pass
    return changed

def _clear_workdir(path=WORKDIR):
    if not _isdir(path):
        _mkdir(path)
        return
    for name in _listdir(path):
        full = path + '/' + name
        if _isdir(full):
            _clear_workdir(full)
            _rmdir(full)
        else:
            _remove(full)

def _write(path, text):
    with open(path, 'w', encoding='utf-8', errors='replace') as f:
        f.write(text)
