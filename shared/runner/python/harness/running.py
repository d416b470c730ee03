# The harness's running part: a program, or the tests of a check with per-test results, and the `run` function the host calls, last.

# --- running ---------------------------------------------------------------------------------

def _exec_module(name, path, source, main=False):
    # source: the text, or code already compiled from it (the visualiser compiles first, to trace it).
    code = compile(source, path, 'exec', dont_inherit=True) if type(source) is str else source
    module = _ModuleType(name)
    module.__file__ = path
    module.__builtins__ = builtins
    _modules[name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        if _modules.get(name) is module and not main:
            del _modules[name]
        raise
    return module

def _outcome_of(exc):
    et = type(exc)
    if issubclass(et, KeyboardInterrupt):
        return 'interrupted'
    if issubclass(et, SystemExit):
        return 'exit'
    return 'error'

def _exit_error(exc):
    args = _args_get(exc)
    code = args[0] if len(args) == 1 else (None if not args else args)
    status = '' if code is None else _safe_repr(code)
    return {'type': 'SystemExit', 'message': 'The program called exit(' + status + ').',
            'code': 'exit', 'params': {'status': status}}

def _program_outcome(exc):
    """What a program that raised exc comes to: exit(0) is a pass, Stop is interrupted."""
    kind = _outcome_of(exc)
    if kind == 'interrupted':
        return {'status': 'interrupted'}
    if kind == 'exit':
        args = _args_get(exc)
        if not args or args[0] is None or args[0] == 0:
            return {'status': 'pass'}
        return {'status': 'error', 'error': _exit_error(exc)}
    return {'status': 'error', 'error': _learner_error(exc)}

def _run_program(path, source):
    main = _modules.get('__main__')
    try:
        _exec_module('__main__', path, source, main=True)
        return {'status': 'pass'}
    except BaseException as exc:
        return _program_outcome(exc)
    finally:
        _modules['__main__'] = main
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass

def _collect(namespace):
    tests = []
    for name, value in list(namespace.items()):
        if type(name) is not str:
            continue
        if isinstance(value, type) and issubclass(value, _TestCase) and value is not _TestCase:
            class_skip = value.__dict__.get('__unittest_skip__', False) is True
            methods = []
            for klass in reversed(value.__mro__):
                for attr, member in list(klass.__dict__.items()):
                    if type(attr) is str and attr.startswith('test') and type(member) is _FunctionType and attr not in methods:
                        methods.append(attr)
            for attr in methods:
                func = getattr(value, attr)
                skip = class_skip or getattr(func, '__unittest_skip__', False) is True
                expect_fail = getattr(func, '__unittest_expecting_failure__', False) is True
                tests.append((_type_name(value) + '.' + attr, value, (attr, func), skip, expect_fail))
        elif type(value) is _FunctionType and name.startswith('test'):
            tests.append((name, None, value, False, False))
    return tests

def _pin(instance):
    d = instance.__dict__
    for k, v in _PINNED:
        d[k] = _MethodType(v, instance)
    for k, v in _PINNED_DATA:
        d[k] = v

def _run_one(test):
    name, cls, target, _skip, expect_fail = test
    capture = io.StringIO()
    sys.stdout = sys.stderr = capture
    outcome, exc = 'pass', None
    try:
        if cls is None:
            target()
        else:
            instance = cls(target[0])
            _pin(instance)
            try:
                instance.setUp()
                # The function collected before any test ran, not whatever the class holds now.
                _MethodType(target[1], instance)()
            finally:
                try:
                    instance.tearDown()
                finally:
                    instance.doCleanups()
    except BaseException as e:
        exc = e
        et = type(e)
        if issubclass(et, KeyboardInterrupt):
            outcome = 'interrupted'
        elif issubclass(et, AssertionError):
            outcome = 'fail'
        elif issubclass(et, _SkipTest):
            outcome = 'skipped'
        else:
            outcome = 'error'
    finally:
        sys.stdout, sys.stderr, sys.stdin = _state['streams']
    result = {'name': name}
    output = _sio_getvalue(capture)
    if output:
        result['output'] = output if len(output) <= MAX_TEST_OUTPUT else output[:MAX_TEST_OUTPUT] + TEST_OUTPUT_NOTICE
    if outcome == 'interrupted':
        result['status'] = 'interrupted'
    elif expect_fail:
        result['status'] = 'pass' if outcome == 'fail' else 'fail'
        if outcome != 'fail':
            result['message'] = 'This test was expected to fail, but it did not.'
            result['code'] = 'unexpectedSuccess'
    elif outcome == 'pass':
        result['status'] = 'pass'
    elif outcome == 'fail':
        result['status'] = 'fail'
        message = _safe_str(exc)
        if not message:
            frames = _frames(exc)
            line = _source_line(frames[-1][0], frames[-1][1]) if frames else None
            message = line.strip() if line else 'assertion failed'
        result['message'] = message
        # The page words the failure from its code (assertions.py); the message is for the CLI.
        result['code'], result['params'] = _assertion_failure(exc)
        values = _equality_values(exc)
        if values is not None:
            result['expected'], result['actual'] = values
    elif outcome == 'skipped':
        result['status'] = 'error'
        reason = _safe_str(exc)
        result['message'] = 'The test was skipped while running (' + reason + '); a skipped test does not count as passed.'
        result['code'] = 'skipped'
        result['params'] = {'reason': reason[:1000]}
    else:
        error = _exit_error(exc) if issubclass(type(exc), SystemExit) else _learner_error(exc)
        result['status'] = 'error'
        result['message'] = error['type'] + (': ' + error['message'] if error['message'] else '')
        result['error'] = error
    return result

def _snapshot_tests(namespace, collected):
    """The test file's namespace and test classes as loaded, with plain copies of their data."""
    holders = [namespace, _TEST_BUILTINS]
    for test in collected:
        if test[1] is not None and not any([h is _type_dict(test[1]) for h in holders]):
            holders.append(_type_dict(test[1]))
    return [(live, dict(live), {k: _plain(v) for k, v in live.items()
                                if type(v) in (list, dict, set) and not k.startswith('__')})
            for live in holders]

_REGISTRY = '__warningregistry__'

def _tests_changed(snapshot):
    for live, saved, data in snapshot:
        # warnings.warn (and assertWarns, which empties every module's) keeps its registry of
        # warnings shown in the namespace that warned: Python's bookkeeping, not a change.
        if live.get(_REGISTRY, _Refused) is not saved.get(_REGISTRY, _Refused):
            if _REGISTRY in saved:
                live[_REGISTRY] = saved[_REGISTRY]
            else:
                live.pop(_REGISTRY, None)
        if not _unchanged(live, saved) or not all([_same(_plain(live[k]), v) for k, v in data.items()]):
            return ['the tests']
    return []

def _tampered(changed):
    return {'type': 'HarnessTampering',
            'message': 'Your code changed the testing tools (' + ', '.join(changed[:5]) + '), so the results cannot be trusted. Remove that code and check again.',
            'code': 'tampered'}

def _stopped_with(exc, message):
    kind = _outcome_of(exc)
    if kind == 'interrupted':
        return {'status': 'interrupted'}
    error = _exit_error(exc) if kind == 'exit' else _learner_error(exc)
    return {'status': 'error', 'message': message(error), 'error': error}

def _load_check(module, path, source, tests_source):
    """A Check's files, loaded as every Check loads them (the visualiser too): the learner's
    module first, then the test file, transformed to compare through trusted helpers, in its own
    namespace. Returns (namespace, None), or (None, the result to give) when loading stopped."""
    tests_path = WORKDIR + '/' + module + '_test.py'
    _state['tests_file'] = tests_path
    _state['files'][tests_path] = (module + '_test.py', tests_source.split('\n'))
    _write(tests_path, tests_source)
    try:
        _state['keep'] = {module: _exec_module(module, path, source)}
    except BaseException as exc:
        return None, _stopped_with(exc, lambda e: 'Your code stopped with an error before the tests could run.')
    changed = _restore()
    if changed:
        return None, {'status': 'error', 'message': _tampered(changed)['message'], 'error': _tampered(changed)}
    try:
        tree = _ast_parse(tests_source, tests_path)
        transformer = _Transformer()
        transformer.forms = {}
        tree = _ast_fix(transformer.visit(tree))
        _state['asserts'] = transformer.forms
        code = compile(tree, tests_path, 'exec', dont_inherit=True)
        namespace = {'__name__': module + '_test', '__file__': tests_path, '__builtins__': _TEST_BUILTINS}
        namespace.update(_TEST_HELPERS)
        exec(code, namespace)
    except BaseException as exc:
        return None, _stopped_with(exc, lambda e: 'The tests could not be loaded: ' + e['type'] + (': ' + e['message'] if e['message'] else ''))
    changed = _restore()
    if changed:
        return None, {'status': 'error', 'message': _tampered(changed)['message'], 'error': _tampered(changed)}
    return namespace, None

def _run_check(module, path, source, tests_source):
    namespace, stopped = _load_check(module, path, source, tests_source)
    if stopped is not None:
        return stopped
    collected = _collect(namespace)
    tests_snapshot = _snapshot_tests(namespace, collected)
    results = []
    for test in collected:
        if test[3]:
            continue
        result = _run_one(test)
        changed = _restore(between_tests=True) + _tests_changed(tests_snapshot)
        if result['status'] == 'interrupted':
            return {'status': 'interrupted', 'tests': results}
        if changed:
            result = {'name': result['name'], 'status': 'error', 'message': _tampered(changed)['message'],
                      'code': 'tampered', 'error': _tampered(changed)}
        results.append(result)
        if changed:
            return {'status': 'error', 'message': result['message'], 'tests': results, 'error': _tampered(changed)}
    if not results:
        return {'status': 'error', 'message': 'No tests were found in the test file.', 'tests': []}
    failed = [r for r in results if r['status'] != 'pass']
    if failed:
        return {'status': 'fail', 'message': str(len(failed)) + ' of ' + str(len(results)) + ' tests did not pass.', 'tests': results}
    return {'status': 'pass', 'message': 'All ' + str(len(results)) + ' tests passed.', 'tests': results}

def run(mode, module, source, tests_source, trace=''):
    _restore()
    _clear_workdir()
    path = WORKDIR + '/' + module + '.py'
    _state['files'] = {path: (module + '.py', source.split('\n'))}
    _state['learner_files'] = frozenset({path})
    _state['tests_file'] = None
    _state['asserts'] = {}
    _state['keep'] = {}
    _write(path, source)
    try:
        if trace:
            return _trace_run(mode, module, path, source, tests_source or '', trace)
        if mode == 'check':
            return _run_check(module, path, source, tests_source or '')
        return _run_program(path, source)
    finally:
        _state['keep'] = {}
        _restore()

def _collect_codes(code):
    _harness_codes.add(code)
    for const in code.co_consts:
        if type(const) is type(code):
            _collect_codes(const)

def _setup():
    _clear_workdir()
    _chdir(WORKDIR)
    sys.path[:] = [WORKDIR] + [p for p in sys.path if p not in ('', '/home/pyodide', WORKDIR)]
    _hide_bridge()
    _install_guards()
    # Emscripten sets _ to the host's script path; the learner has no use for it.
    _environ.pop('_', None)
    _state['environ'] = dict(_environ)
    _state['streams'] = (sys.stdout, sys.stderr, sys.stdin)
    _state['path'] = list(sys.path)
    _state['meta_path'] = list(sys.meta_path)
    _state['path_hooks'] = list(sys.path_hooks)
    _state['modules'] = _snapshot_modules()
    _state['module_names'] = frozenset(entry[0] for entry in _state['modules'])
    _state['judges'] = _judge_modules()
    for value in list(globals().values()):
        if type(value) is _FunctionType:
            _collect_codes(value.__code__)

_setup()
sys.addaudithook(_audit)
run
