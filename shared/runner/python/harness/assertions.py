# The harness's words for a failed assertion: a code and its parameters (shared/runner/codes.ts),
# which the page words in the learner's language (runner.testMessage.<code>). unittest's own
# English stays the test's `message`, for the log and the command line.
#
# The assertion is found where it failed: the frame the test file called last (a unittest method,
# or the trusted one pinned in its place, trusted.py), or the test file's own `assert` statement,
# whose form the transformer noted and whose operands it kept (errors.py). The values are shown
# with _safe_repr; an author's own `msg=` is passed on as it is, as `msg`.

# --- assertion failures ----------------------------------------------------------------------

_CASE_FILE = _TestCase.__dict__['assertEqual'].__code__.co_filename
_TRUSTED_CODES = frozenset([f.__code__ for f in _TRUSTED_METHODS.values()])
_SINGLETONS = (None, True, False)

def _assert_form(line):
    """(form, has_msg) of the test file's assert statement on this line, as the transformer saw it."""
    return _state.get('asserts', {}).get(line, ('other', False))

def _value(value):
    text = _safe_repr(value)
    return text if len(text) <= MAX_REPR else text[:MAX_REPR] + '…'

def _text(value):
    if value is None:
        return None
    plain = value if type(value) is str else _safe_repr(value)
    return plain if len(plain) <= MAX_REPR else plain[:MAX_REPR] + '…'

def _type_names(cls):
    if type(cls) is tuple:
        return ', '.join([_type_names(c) for c in cls])
    if isinstance(cls, type):
        return _type_name(cls)
    return _value(cls)

def _trusted_name(frame):
    """The assertion a trusted method stands in for: its closures share one code object."""
    code = frame.f_code
    local = frame.f_locals
    for name, method in _TRUSTED_METHODS.items():
        if method.__code__ is not code:
            continue
        cells = method.__closure__ or ()
        if all([local.get(var, _Refused) is cell.cell_contents for var, cell in zip(code.co_freevars, cells)]):
            return name
    return None

_UNITTEST_DIR = _CASE_FILE[:_CASE_FILE.rindex('/') + 1]

def _in_unittest(frame):
    return frame.f_code.co_filename.startswith(_UNITTEST_DIR)

def _assertion_name(frame):
    code = frame.f_code
    if code in _TRUSTED_CODES:
        return _trusted_name(frame)
    if code.co_filename == _CASE_FILE:
        return code.co_name
    return None

def _authors_msg(frame):
    """The `msg` the test gave the assertion it called (unittest's own frames below it may
    already hold the finished message in `msg`)."""
    code = frame.f_code
    local = frame.f_locals
    if 'original' in code.co_freevars and 'kwargs' in local and 'args' in local:
        # A trusted method that takes the rest of the original's parameters as they came.
        args, kwargs = local['args'], local['kwargs']
        if 'msg' in kwargs:
            return _text(kwargs['msg'])
        made = local['original'].__code__
        names = made.co_varnames[:made.co_argcount]
        at = names.index('msg') - 3 if 'msg' in names else -1
        return _text(args[at]) if 0 <= at < len(args) else None
    if 'msg' in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]:
        return _text(local.get('msg'))
    return None

def _operands(frame):
    """The values an assertion was given, by position (first, second), whatever unittest names them."""
    code = frame.f_code
    local = frame.f_locals
    names = code.co_varnames
    return local.get(names[1]) if code.co_argcount > 1 else None, local.get(names[2]) if code.co_argcount > 2 else None

def _raises_failure(frames):
    """assertRaises / assertRaisesRegex, as a call or a `with`: the context's __exit__ says why."""
    for frame in frames:
        if frame.f_code.co_name == '__exit__' and frame.f_code.co_filename == _CASE_FILE:
            local = frame.f_locals
            context = local.get('self')
            if not isinstance(context, unittest.case._AssertRaisesContext):
                return None
            exception = _type_names(context.expected)
            if local.get('exc_type') is None:
                return 'raises', {'exception': exception}, _text(context.msg)
            pattern = context.expected_regex
            return 'raisesMessage', {'exception': exception, 'pattern': _value(pattern.pattern if pattern is not None else ''),
                                     'message': _safe_str(local.get('exc_value'))}, _text(context.msg)
    return None

def _truth_code(value, wanted):
    if _truth(value) is None:
        return 'ownTruth', {'type': _kind(value)}
    return ('truthy' if wanted else 'falsy'), {'value': _value(value)}

_ORDER = {'assertGreater': 'greater', 'assertGreaterEqual': 'greaterOrEqual',
          'assertLess': 'less', 'assertLessEqual': 'lessOrEqual'}

def _method_failure(name, frame):
    """(code, params) for a unittest assertion that failed, or None for one with no words of its own."""
    first, second = _operands(frame)
    if name in EQUALITY and name not in ('assertAlmostEqual', 'assertCountEqual'):
        return 'equal', {'expected': _value(second), 'actual': _value(first)}
    if name == 'assertNotEqual':
        return 'notEqual', {'value': _value(first)}
    if name in ('assertTrue', 'assertFalse'):
        return _truth_code(first, name == 'assertTrue')
    if name == 'assertIs':
        if any([second is s for s in _SINGLETONS]):
            return 'equal', {'expected': _value(second), 'actual': _value(first)}
        return 'sameObject', {'expected': _value(second), 'actual': _value(first)}
    if name == 'assertIsNot':
        if any([second is s for s in _SINGLETONS]):
            return 'notEqual', {'value': _value(second)}
        return 'notSameObject', {'value': _value(first)}
    if name == 'assertIsNone':
        return 'equal', {'expected': 'None', 'actual': _value(first)}
    if name == 'assertIsNotNone':
        return 'notEqual', {'value': 'None'}
    if name in ('assertIn', 'assertNotIn'):
        return ('contains' if name == 'assertIn' else 'notContains'), {'member': _value(first), 'container': _value(second)}
    if name in ('assertIsInstance', 'assertNotIsInstance'):
        return ('instance' if name == 'assertIsInstance' else 'notInstance'), {'type': _type_names(second), 'value': _value(first)}
    if name == 'assertAlmostEqual':
        return 'close', {'expected': _value(second), 'actual': _value(first)}
    if name == 'assertNotAlmostEqual':
        return 'notClose', {'expected': _value(second), 'actual': _value(first)}
    if name in _ORDER:
        return _ORDER[name], {'value': _value(first), 'bound': _value(second)}
    if name == 'assertCountEqual':
        return 'sameItems', {'expected': _value(second), 'actual': _value(first)}
    if name in ('assertRegex', 'assertNotRegex'):
        pattern = second.pattern if _type_name(type(second)) == 'Pattern' else second
        return ('matches' if name == 'assertRegex' else 'notMatches'), {'text': _value(first), 'pattern': _value(pattern)}
    return None

def _statement_failure(frame, line, exc):
    """A bare `assert` in the test file, by the form the transformer noted for its line."""
    form, has_msg = _assert_form(line)
    local = frame.f_locals
    msg = _safe_str(exc) if has_msg else None
    if form == 'equal' and '__lantern_actual' in local and '__lantern_expected' in local:
        return 'equal', {'expected': _value(local['__lantern_expected']), 'actual': _value(local['__lantern_actual'])}, msg
    if form in ('contains', 'notContains') and '__lantern_member' in local and '__lantern_container' in local:
        return form, {'member': _value(local['__lantern_member']), 'container': _value(local['__lantern_container'])}, msg
    if form in ('truthy', 'falsy') and '__lantern_value' in local:
        code, params = _truth_code(local['__lantern_value'], form == 'truthy')
        return code, params, msg
    # Any other assert, or an AssertionError the test raised itself: its message is the test's.
    return None, None, _safe_str(exc) or None

def _assertion_failure(exc):
    """(code, params) for a test that failed with an AssertionError."""
    entries = []
    tb = _tb_get(exc)
    while tb is not None:
        entries.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    tests_file = _state['tests_file']
    calls = [i for i, (frame, _line) in enumerate(entries) if frame.f_code.co_filename == tests_file]
    code, params, msg = None, None, None
    if calls:
        at = calls[-1]
        frame, line = entries[at]
        check = _source_line(tests_file, line)
        below = [f for f, _line in entries[at + 1:]]
        if not below:
            code, params, msg = _statement_failure(frame, line, exc)
        else:
            name = _assertion_name(below[0])
            raised = _raises_failure(below) if name in ('assertRaises', 'assertRaisesRegex', '__exit__') else None
            if raised is not None:
                code, params, msg = raised
            elif name == 'fail':
                msg = _text(below[0].f_locals.get('msg'))
            elif name is not None:
                found = _method_failure(name, below[0])
                if found is not None:
                    code, params = found
                msg = _authors_msg(below[0])
            elif _in_unittest(below[0]):
                # unittest's own helpers (assertLogs' context): their words are its English.
                msg = None
            else:
                # The assertion was raised in code the test called (the learner's): its words are theirs.
                msg = _safe_str(exc) or None
    else:
        frames = _frames(exc)
        check = _source_line(frames[-1][0], frames[-1][1]) if frames else None
        msg = _safe_str(exc) or None
    if code is None:
        code, params = 'checkFailed', {'check': (check or '').strip()}
    if msg:
        params['msg'] = msg
    return code, params
