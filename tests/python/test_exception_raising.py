"""Raising any built-in Python exception from C#, causes from InnerException, AggregateException as
ExceptionGroup, and warnings through the warnings filter (tests/NdTestModule/ExceptionsRaising.cs)."""
import gc
import os
import pickle
import subprocess
import sys
import textwrap
import warnings

import pytest

import nd_test

BUILTINS = [
    "LookupError", "KeyError", "IndexError", "ArithmeticError", "OverflowError", "ZeroDivisionError",
    "TypeError", "ValueError", "AttributeError", "RuntimeError", "NotImplementedError", "RecursionError",
    "AssertionError", "BufferError", "EOFError", "MemoryError", "NameError", "ReferenceError", "SystemError",
    "UnicodeError", "OSError", "FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError",
    "NotADirectoryError", "TimeoutError", "ConnectionError", "ImportError", "ModuleNotFoundError",
    "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "RuntimeWarning",
    "FutureWarning", "SyntaxWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
]

# 3.11's groups, or before 3.11 the exceptiongroup backport's (which the runtime uses when it can import it).
try:
    from builtins import BaseExceptionGroup, ExceptionGroup
except ImportError:
    try:
        from exceptiongroup import BaseExceptionGroup, ExceptionGroup
    except ImportError:
        BaseExceptionGroup = ExceptionGroup = None
HAS_GROUPS = ExceptionGroup is not None


@pytest.mark.parametrize("kind", BUILTINS)
def test_each_builtin_raises_exactly_its_python_class(kind):
    python_type = getattr(__builtins__, kind) if not isinstance(__builtins__, dict) else __builtins__[kind]
    with pytest.raises(python_type) as info:
        nd_test.raise_builtin(kind, f"message of {kind}")
    assert type(info.value) is python_type
    assert info.value.args == (f"message of {kind}",)
    assert info.value.__cause__ is None


def test_the_message_is_kept_whole():
    text = "nul \0 inside, é, \U0001F600 and a 'quote'"
    with pytest.raises(TypeError) as info:
        nd_test.raise_builtin("TypeError", text)
    assert info.value.args == (text,)
    assert str(info.value) == text


@pytest.mark.parametrize("kind, caught", [
    ("KeyError", "LookupError:PyKeyError"),
    ("IndexError", "LookupError:PyIndexError"),
    ("LookupError", "LookupError:PyLookupError"),
    ("ZeroDivisionError", "ArithmeticError:PyZeroDivisionError"),
    ("FileNotFoundError", "OSError:PyFileNotFoundError"),
    ("TimeoutError", "OSError:PyTimeoutError"),
    ("DeprecationWarning", "Warning:PyDeprecationWarning"),
    ("TypeError", "BaseException:PyTypeError"),
    ("NotImplementedError", "BaseException:PyNotImplementedError"),
])
def test_csharp_catches_them_by_python_family(kind, caught):
    assert nd_test.catch_in_csharp(kind) == caught


def test_an_unknown_kind_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="no PyBaseException class for 'Nope'"):
        nd_test.raise_builtin("Nope", "x")


def test_key_error_carries_the_key_itself():
    key = ("a", 1)
    with pytest.raises(KeyError) as info:
        nd_test.raise_key(key)
    assert info.value.args[0] is key
    assert str(info.value) == repr(key)
    with pytest.raises(LookupError):
        nd_test.raise_key(None)


def test_stop_iteration_carries_its_value():
    value = object()
    with pytest.raises(StopIteration) as info:
        nd_test.raise_stop_iteration(value)
    assert info.value.value is value


def test_inner_exception_becomes_the_cause():
    with pytest.raises(KeyError) as info:
        nd_test.raise_builtin_with_cause("KeyError", "outer")
    cause = info.value.__cause__
    assert type(cause) is ValueError
    assert cause.args == ("inner",)
    assert info.value.__suppress_context__ is True
    assert cause.__cause__ is None


def test_cause_chain_is_mapped_recursively():
    with pytest.raises(RuntimeError) as info:
        nd_test.raise_chain(6)
    chain = []
    e = info.value
    while e is not None:
        chain.append((type(e), str(e)))
        e = e.__cause__
    assert chain == [
        (RuntimeError, "System.InvalidOperationException: level 0"),
        (ValueError, "level 1"),
        (LookupError, "level 2"),
        (RuntimeError, "System.InvalidOperationException: level 3"),
        (ValueError, "level 4"),
        (LookupError, "level 5"),
    ]


def test_a_very_long_chain_ends_instead_of_exhausting_the_stack():
    with pytest.raises(RuntimeError) as info:
        nd_test.raise_chain(1000)
    depth = 0
    e = info.value
    while e is not None:
        depth += 1
        e = e.__cause__
    assert depth == 65    # the raised exception and 64 causes


def test_python_exception_as_inner_exception_comes_back_unchanged():
    class Boom(Exception):
        pass

    raised = []

    def f():
        error = Boom("from python")
        raised.append(error)
        raise error

    with pytest.raises(RuntimeError) as info:
        nd_test.raise_wrapping(f)
    assert str(info.value) == "System.InvalidOperationException: wrapped"
    assert info.value.__cause__ is raised[0]
    # its own traceback still ends in f
    tb = info.value.__cause__.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    assert tb.tb_frame.f_code.co_name == "f"


def test_python_exception_propagating_keeps_identity():
    class Boom(Exception):
        pass

    raised = []

    def f():
        error = Boom("again")
        raised.append(error)
        raise error

    with pytest.raises(Boom) as info:
        nd_test.propagate(f)
    assert info.value is raised[0]


@pytest.mark.parametrize("error, family", [
    (KeyError("k"), "KeyError"), (IndexError(1), "LookupError"), (LookupError(), "LookupError"),
    (UnicodeDecodeError("utf-8", b"", 0, 1, "x"), "ValueError"), (ValueError(), "ValueError"),
    (OSError(), "Exception"),
])
def test_csharp_matches_a_caught_python_exception_by_class(error, family):
    def f():
        raise error
    assert nd_test.match_caught(f) == family


def test_a_base_exception_matches_no_exception_family():
    def f():
        raise SystemExit(3)
    with pytest.raises(SystemExit):
        nd_test.match_caught(f)


def test_raised_inside_an_except_block_gets_the_handled_exception_as_context():
    try:
        try:
            raise KeyError("handled")
        except KeyError:
            nd_test.raise_builtin("ValueError", "while handling")
    except ValueError as e:
        assert type(e.__context__) is KeyError
        assert e.__cause__ is None


@pytest.mark.skipif(not HAS_GROUPS, reason="no ExceptionGroup: 3.11+ or the exceptiongroup backport")
def test_aggregate_exception_is_an_exception_group():
    with pytest.raises(ExceptionGroup) as info:
        nd_test.raise_group()
    group = info.value
    assert type(group) is ExceptionGroup
    assert group.message == "several things failed"
    a, b, nested = group.exceptions
    assert type(a) is ValueError and a.args == ("a",)
    assert type(b) is TypeError and b.args == ("b",)
    assert type(b.__cause__) is ZeroDivisionError and b.__cause__.args == ("b's cause",)
    assert type(nested) is ExceptionGroup and nested.message == "nested"
    assert [(type(e), e.args) for e in nested.exceptions] == [(KeyError, ("c",))]
    matched, rest = group.split(ValueError)
    assert [type(e) for e in matched.exceptions] == [ValueError]
    assert [type(e) for e in rest.exceptions] == [TypeError, ExceptionGroup]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* is 3.11 syntax")
def test_except_star_catches_the_members():
    code = ("try:\n    nd_test.raise_group()\nexcept* KeyError as g:\n    seen.append(g)\n"
            "except* (ValueError, TypeError) as g:\n    seen.append(g)\n")
    seen = []
    exec(compile(code, "<except*>", "exec"), {"nd_test": nd_test, "seen": seen})
    assert len(seen) == 2


@pytest.mark.skipif(not HAS_GROUPS, reason="no BaseExceptionGroup: 3.11+ or the exceptiongroup backport")
def test_a_group_with_a_base_exception_is_a_base_exception_group():
    with pytest.raises(BaseExceptionGroup) as info:
        nd_test.raise_group(True)
    assert type(info.value) is BaseExceptionGroup
    assert type(info.value.exceptions[-1]) is KeyboardInterrupt


@pytest.mark.skipif(not HAS_GROUPS, reason="no ExceptionGroup: 3.11+ or the exceptiongroup backport")
def test_a_task_failure_is_a_group_of_one():
    with pytest.raises(ExceptionGroup) as info:
        nd_test.raise_from_task()
    assert [(type(e), e.args) for e in info.value.exceptions] == [(ValueError, ("failed in a task",))]


@pytest.mark.skipif(sys.version_info >= (3, 11), reason="3.11+ always has ExceptionGroup")
def test_before_311_without_the_backport_a_group_is_a_runtime_error_with_the_exceptions():
    code = textwrap.dedent("""
        import sys
        sys.modules["exceptiongroup"] = None     # as if it were not installed
        import nd_test
        try:
            nd_test.raise_group()
        except RuntimeError as e:
            assert str(e) == "System.AggregateException: several things failed", str(e)
            assert [type(x) for x in e.exceptions] == [ValueError, TypeError, RuntimeError]
            assert e.__cause__ is e.exceptions[0]
            assert [type(x) for x in e.exceptions[2].exceptions] == [KeyError]
            print("ok")
    """)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_an_empty_aggregate_exception_is_an_unmapped_exception():
    with pytest.raises(RuntimeError, match=r"^System.AggregateException: nothing inside$"):
        nd_test.raise_empty_group()


def test_exceptions_pickle():
    with pytest.raises(OSError) as info:
        nd_test.raise_builtin_with_cause("FileNotFoundError", "gone")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is FileNotFoundError and copy.args == ("gone",)


def test_warn_goes_through_the_warnings_filter():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        line = sys._getframe().f_lineno + 1
        assert nd_test.warn("careful") == 7
    assert len(seen) == 1
    w = seen[0]
    assert w.category is UserWarning
    assert str(w.message) == "careful"
    # stacklevel 1 blames the Python line that called into C#
    assert w.filename == __file__
    assert w.lineno == line


@pytest.mark.parametrize("kind", ["DeprecationWarning", "FutureWarning", "RuntimeWarning", "ResourceWarning", "Warning"])
def test_warn_in_each_category(kind):
    category = __builtins__[kind] if isinstance(__builtins__, dict) else getattr(__builtins__, kind)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        nd_test.warn("careful", kind)
    assert [(w.category, str(w.message)) for w in seen] == [(category, "careful")]


def test_warn_stack_level_two_blames_the_caller_of_the_caller():
    def helper():
        return nd_test.warn("deeper", None, 2)

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        line = sys._getframe().f_lineno + 1
        helper()
    assert seen[0].lineno == line


def test_warn_as_error_raises_the_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(UserWarning, match="^careful$"):
            nd_test.warn("careful")
        assert nd_test.warn_catching("noted") == "raised UserWarning: noted"
        with pytest.raises(DeprecationWarning):
            nd_test.warn("old", "DeprecationWarning")


def test_ignored_warnings_cost_nothing_visible():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("ignore")
        assert nd_test.warn("quiet", result=3) == 3
    assert seen == []


def test_warn_once_per_location_by_default():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("default")
        for _ in range(5):
            nd_test.warn("repeated")
    assert len(seen) == 1


def test_raising_does_not_leak_references():
    key = ("leak", "check")
    value = object()

    def boom():
        raise ValueError("x")

    def run():
        for _ in range(200):
            with pytest.raises(KeyError):
                nd_test.raise_key(key)
            with pytest.raises(StopIteration):
                nd_test.raise_stop_iteration(value)
            with pytest.raises(RuntimeError):
                nd_test.raise_wrapping(boom)
            with pytest.raises(RuntimeError):
                nd_test.raise_chain(5)

    run()
    gc.collect()
    # Objects only this test holds (a built-in class's count is moved by whatever else runs meanwhile).
    before = (sys.getrefcount(key), sys.getrefcount(value), sys.getrefcount(boom))
    run()
    gc.collect()
    after = (sys.getrefcount(key), sys.getrefcount(value), sys.getrefcount(boom))
    assert after == before
