# The harness's trusted comparisons (joined between the tracer and the running part).
#
# When a side of an assertion is a builtin value (str, bytes, int, float, complex, bool, None,
# list, tuple, dict, set, frozenset, nested), the verdict never comes from the learner's value:
# `_plain` copies it into exact builtins with the builtins' own C code (`str.__str__`,
# `list.copy`, `dict.items`…, which read a subclass's real contents and ignore its methods), and
# `_same` compares the copies, types first: a bool is not an int, a list is not a tuple; int and
# float compare as numbers. A `str` subclass whose `__eq__` always says yes, a lying `__hash__`,
# `__class__` or metaclass changes nothing. Values of the learner's own classes (no builtin in
# them) are compared as unittest does, by their `__eq__`: the learner defines what those mean.
#
# The test file's own code gets the same care where it asks a value about itself: its
# `isinstance` and `len` read the real type, a method called on a subclass of an immutable
# builtin (`result.startswith('He')`) is the builtin's method, and `assert a == b` / `assert x`
# go through `_same` and `_truth` (the transformer in errors.py rewrites them).

# --- trusted comparisons ---------------------------------------------------------------------

_NoneType = type(None)
_ATOMS = (bool, int, float, complex, str, bytes, _NoneType, type)
_NUMBERS = (int, float)
_IMMUTABLE = (str, bytes, int, float, complex, tuple, frozenset)
_subclass = type.__dict__['__subclasscheck__']
_type_mro = type.__dict__['__mro__'].__get__
_type_dict = type.__dict__['__dict__'].__get__
_READ = ((str, str.__str__), (bytes, bytes.__bytes__), (float, float.__float__),
         (complex, complex.__complex__), (int, int.__index__))
_SIZED = (str, bytes, list, tuple, dict, set, frozenset)
_ALL = slice(None)
_list_copy, _tuple_item, _dict_items, _dict_len = list.copy, tuple.__getitem__, dict.items, dict.__len__
_set_iter, _frozenset_iter = set.__iter__, frozenset.__iter__
_isinstance_builtin, _len_builtin, _getattr_builtin = isinstance, len, getattr

class _Opaque:
    """A value with no builtin in it: only its own class can say what it equals."""
    __slots__ = ('value',)
    def __init__(self, value):
        self.value = value

def _pretends(t):
    """True when the type (or a base short of object) defines __class__: its values lie about it."""
    return any([klass is not object and '__class__' in _type_dict(klass) for klass in _type_mro(t)])

def _liar(plain):
    return type(plain) is _Opaque and _pretends(type(plain.value))

def _plain(value, depth=0):
    """An exact-builtin copy of value, read without calling its methods; _Opaque if it is none."""
    t = type(value)
    if t in _ATOMS:
        return value
    if depth > 100:
        raise RecursionError('the value is nested too deeply to compare')
    if t is list or _subclass(list, t):
        return [_plain(v, depth + 1) for v in _list_copy(value)]
    if t is tuple or _subclass(tuple, t):
        return tuple([_plain(v, depth + 1) for v in _tuple_item(value, _ALL)])
    if t is dict or _subclass(dict, t):
        out = {}
        for k, v in _dict_items(value):
            key = _plain(k, depth + 1)
            if type(key) is _Opaque:
                return _Opaque(value)
            out[key] = _plain(v, depth + 1)
        return out if _len_builtin(out) == _dict_len(value) else _Opaque(value)
    for kind, items in ((set, _set_iter), (frozenset, _frozenset_iter)):
        if t is kind or _subclass(kind, t):
            elements = [_plain(e, depth + 1) for e in items(value)]
            if any([type(e) is _Opaque for e in elements]):
                return _Opaque(value)
            return kind(elements)
    for kind, read in _READ:
        if _subclass(kind, t):
            return read(value)
    return _Opaque(value)

def _same(a, b):
    ta, tb = type(a), type(b)
    if ta is _Opaque or tb is _Opaque:
        return ta is tb and not _liar(a) and not _liar(b) and bool(a.value == b.value)
    if ta is not tb:
        return ta in _NUMBERS and tb in _NUMBERS and a == b
    if ta is list or ta is tuple:
        return _len_builtin(a) == _len_builtin(b) and all(map(_same, a, b))
    if ta is dict:
        return _len_builtin(a) == _len_builtin(b) and all([k in b and _same(v, b[k]) for k, v in a.items()])
    return a == b

def _kind(value):
    return _type_name(type(value))

def _truth(value):
    """True or False, or None when the value's own class decides its truth (untrusted)."""
    plain = _plain(value)
    if type(plain) is not _Opaque:
        return bool(plain)
    if _liar(plain):
        return None
    for klass in _type_mro(type(value)):
        own = _type_dict(klass)
        for name in ('__bool__', '__len__'):
            if type(own.get(name)) is _FunctionType:
                return None
    return True

def _isinstance(obj, cls):
    if type(cls) is tuple:
        return any([_isinstance(obj, c) for c in cls])
    if type(cls) is type:
        return _subclass(cls, type(obj))
    return _isinstance_builtin(obj, cls)

def _refuse_liar(obj):
    if type(obj) not in _ATOMS and _pretends(type(obj)):
        raise TypeError('a ' + _kind(obj) + ' object pretends to be of another type')

def _len(obj):
    _refuse_liar(obj)
    t = type(obj)
    for kind in _SIZED:
        if t is not kind and _subclass(kind, t):
            return kind.__len__(obj)
    return _len_builtin(obj)

def _method(obj, name):
    """obj.name, but the builtin's own method on a subclass of an immutable builtin."""
    _refuse_liar(obj)
    t = type(obj)
    if t not in _ATOMS:
        for kind in _IMMUTABLE:
            if t is not kind and _subclass(kind, t):
                found = _type_dict(kind).get(name)
                if found is not None and type(name) is str and not name.startswith('__'):
                    return found.__get__(obj, kind)
                break
    return _getattr_builtin(obj, name)

def _assert_same(actual, expected):
    return _same(_plain(actual), _plain(expected))

def _assert_in(member, container):
    plain = _plain(container)
    if _liar(plain):
        return False
    if type(plain) is _Opaque:
        return member in container
    wanted = _plain(member)
    if type(plain) in (str, bytes):
        return type(wanted) is type(plain) and wanted in plain
    return any([_same(wanted, item) for item in plain])

def _assert_truthy(value):
    return _truth(value) is True

def _assert_falsy(value):
    return _truth(value) is False

def _differ(self, first, second, msg, why):
    text = _safe_repr(first) + ' != ' + _safe_repr(second) + (' (' + why + ')' if why else '')
    raise self.failureException(self._formatMessage(msg, text))

def _equal_check(name):
    original = _TestCase.__dict__[name]
    def assertEqual(self, first, second, *args, **kwargs):
        pf, ps = _plain(first), _plain(second)
        if type(pf) is _Opaque and type(ps) is _Opaque and not _liar(pf) and not _liar(ps):
            return original(self, first, second, *args, **kwargs)
        if _same(pf, ps):
            return None
        if type(pf) is _Opaque or type(ps) is _Opaque or type(pf) is not type(ps):
            _differ(self, first, second, kwargs.get('msg', args[0] if args else None),
                    'a ' + _kind(first) + ' is not a ' + _kind(second))
        original(self, pf, ps, *args, **kwargs)
        _differ(self, first, second, kwargs.get('msg', args[0] if args else None), '')
    return assertEqual

def assertNotEqual(self, first, second, msg=None):
    pf, ps = _plain(first), _plain(second)
    if type(pf) is _Opaque and type(ps) is _Opaque and not _liar(pf) and not _liar(ps):
        return _TestCase.__dict__['assertNotEqual'](self, first, second, msg)
    if _same(pf, ps):
        raise self.failureException(self._formatMessage(msg, _safe_repr(first) + ' == ' + _safe_repr(second)))

# A compiled pattern is re's own final C type (no subclass can lie about it): assertRegex and
# assertNotRegex take it as it is, as unittest's do.
_Pattern = unittest.case.re.Pattern
_TAKES_PATTERN = ('assertRegex', 'assertNotRegex')

def _plain_pair(name):
    """Assertions on two values (ordering, almost-equal, prefixes, patterns): on plain copies."""
    original = _TestCase.__dict__[name]
    takes_pattern = name in _TAKES_PATTERN
    def check(self, first, second, *args, **kwargs):
        pf = _plain(first)
        ps = second if takes_pattern and type(second) is _Pattern else _plain(second)
        if type(pf) is _Opaque and type(ps) is _Opaque and not _liar(pf) and not _liar(ps):
            return original(self, first, second, *args, **kwargs)
        if type(pf) is _Opaque or type(ps) is _Opaque:
            _differ(self, first, second, kwargs.get('msg'), 'a ' + _kind(first) + ' cannot be compared with a ' + _kind(second))
        return original(self, pf, ps, *args, **kwargs)
    return check

def _membership(negate):
    def check(self, member, container, msg=None):
        pc = _plain(container)
        if _liar(pc):
            _differ(self, member, container, msg, 'a ' + _kind(container) + ' object pretends to be of another type')
        if type(pc) is _Opaque:
            name = 'assertNotIn' if negate else 'assertIn'
            return _TestCase.__dict__[name](self, member, container, msg)
        pm = _plain(member)
        if type(pc) in (str, bytes):
            found = type(pm) is type(pc) and pm in pc
        else:
            found = any([_same(pm, item) for item in pc])
        if found is negate:
            text = _safe_repr(member) + (' unexpectedly found in ' if negate else ' not found in ') + _safe_repr(container)
            raise self.failureException(self._formatMessage(msg, text))
    return check

def _instance(negate):
    def check(self, obj, cls, msg=None):
        if _isinstance(obj, cls) is negate:
            text = _safe_repr(obj) + (' is an instance of ' if negate else ' is not an instance of ') + _safe_repr(cls)
            raise self.failureException(self._formatMessage(msg, text))
    return check

def _truth_check(wanted):
    def check(self, expr, msg=None):
        truth = _truth(expr)
        if truth is wanted:
            return None
        text = _safe_repr(expr) + ' is not ' + str(wanted)
        if truth is None:
            text = 'a ' + _kind(expr) + ' object decides its own truth, so it is not ' + str(wanted)
        raise self.failureException(self._formatMessage(msg, text))
    return check

_BY_PLAIN_COPIES = ('assertAlmostEqual', 'assertNotAlmostEqual', 'assertCountEqual', 'assertGreater',
                    'assertGreaterEqual', 'assertLess', 'assertLessEqual', 'assertStartsWith', 'assertNotStartsWith',
                    'assertEndsWith', 'assertNotEndsWith', 'assertRegex', 'assertNotRegex')
_TRUSTED_METHODS = {name: _equal_check(name) for name in EQUALITY
                    if name in _TestCase.__dict__ and name not in _BY_PLAIN_COPIES}
_TRUSTED_METHODS.update({
    'assertNotEqual': assertNotEqual,
    'assertIn': _membership(False), 'assertNotIn': _membership(True),
    'assertIsInstance': _instance(False), 'assertNotIsInstance': _instance(True),
    'assertTrue': _truth_check(True), 'assertFalse': _truth_check(False),
})
for _name in _BY_PLAIN_COPIES:
    if _name in _TestCase.__dict__:
        _TRUSTED_METHODS[_name] = _plain_pair(_name)
_PINNED = [(k, _TRUSTED_METHODS.get(k, v)) for k, v in _PINNED]
_EQUALITY_CODES.update({f.__code__: name for name, f in _TRUSTED_METHODS.items() if name in EQUALITY})

_TEST_BUILTINS = dict(builtins.__dict__)
_TEST_BUILTINS.update({'isinstance': _isinstance, 'len': _len})
_TEST_HELPERS = {'__lantern_same__': _assert_same, '__lantern_in__': _assert_in, '__lantern_truthy__': _assert_truthy,
                 '__lantern_falsy__': _assert_falsy, '__lantern_method__': _method}
# The same, in the order of the transformer's HELPERS: every test function's hidden last parameter.
_TEST_HELPERS['__lantern_helpers__'] = (_assert_same, _assert_in, _assert_truthy, _assert_falsy, _method)
