"""[PyException]: Python exception classes declared in C# (tests/NdTestModule/ExceptionsClasses.cs): caught by
their class and each base, their properties as attributes, pickled, in a submodule, as a warning category."""
import builtins
import copy
import pathlib
import pickle
import re
import subprocess
import sys
import warnings

import pytest

import nd_test
import nd_test.lin_alg

MODULES = pathlib.Path(nd_test.__file__).parent


def raised(call, *args):
    with pytest.raises(BaseException) as info:
        call(*args)
    return info.value


# ---- names, bases, identity ----

def test_classes_are_named_the_python_way():
    assert nd_test.ParseError.__name__ == "ParseError"                  # ParseException
    assert nd_test.UnexpectedTokenError.__name__ == "UnexpectedTokenError"
    assert nd_test.Oops.__name__ == "Oops"                              # [PyException("Oops")]
    assert nd_test.OldApiWarning.__name__ == "OldApiWarning"            # ends in Warning: kept
    assert nd_test.lin_alg.SingularMatrixError.__name__ == "SingularMatrixError"
    assert not hasattr(nd_test, "ParseException") and not hasattr(nd_test, "EmptyInputError")


def test_bases_follow_the_csharp_hierarchy():
    assert nd_test.ParseError.__bases__ == (ValueError,)                # ArgumentException
    assert nd_test.UnexpectedTokenError.__bases__ == (nd_test.ParseError,)
    assert nd_test.Oops.__bases__ == (Exception,)                       # System.Exception
    assert nd_test.StoreError.__bases__ == (KeyError,)                  # KeyNotFoundException
    assert nd_test.OldApiWarning.__bases__ == (DeprecationWarning,)     # PyDeprecationWarning
    assert nd_test.lin_alg.SingularMatrixError.__bases__ == (ArithmeticError,)   # PyArithmeticError
    assert nd_test.lin_alg.BadShapeError.__bases__ == (nd_test.ParseError,)      # the module's class
    assert issubclass(nd_test.UnexpectedTokenError, ValueError)
    assert issubclass(nd_test.OldApiWarning, Warning)


def test_module_qualname_and_doc():
    assert nd_test.ParseError.__module__ == "nd_test"
    assert nd_test.lin_alg.SingularMatrixError.__module__ == "nd_test.lin_alg"
    assert nd_test.ParseError.__qualname__ == "ParseError"
    doc = nd_test.ParseError.__doc__
    assert doc.startswith("The input could not be parsed.\n\nAttributes\n----------\n")
    assert "line : int\n    The 1-based line of the error." in doc
    assert "file : str | None\n    The source file, or None for a string." in doc
    assert nd_test.Oops.__doc__ == "Something went wrong."
    assert nd_test.lin_alg.BadShapeError.__doc__ == "A submodule's class deriving from the module's."
    # A function's doc names the Python class of an <exception cref="ParseException">.
    assert "Raises\n------\nParseError\n    Always." in nd_test.raise_parse.__doc__


# ---- raising from C# ----

def test_raised_from_csharp_and_caught_by_the_class_and_each_base():
    for catch in (nd_test.ParseError, ValueError, Exception, BaseException):
        with pytest.raises(catch) as info:
            nd_test.raise_parse("bad input", 7)
        assert type(info.value) is nd_test.ParseError
    try:
        nd_test.raise_token("unexpected", 2, "}")
    except nd_test.ParseError as e:   # a subclass's exception, caught by the base class
        assert type(e) is nd_test.UnexpectedTokenError
    else:
        pytest.fail("nothing raised")


def test_message_args_and_str():
    e = raised(nd_test.raise_parse, "bad input", 7)
    assert str(e) == "bad input"
    assert e.args == ("bad input",)
    assert repr(e) == "ParseError('bad input')"


def test_attributes_of_each_conversion():
    e = raised(nd_test.raise_parse, "bad input", 7, "a.txt")
    assert e.line == 7 and type(e.line) is int
    assert e.file == "a.txt"
    assert e.column == 1.5 and type(e.column) is float
    assert e.fatal is True
    assert e.stage is nd_test.ParseStage.LEXING
    assert e.expected == ["a", "b"]
    # Exception's own members are not attributes (Message is overridden in C#, still not one).
    for name in ("message", "data", "stack_trace", "inner_exception", "h_result", "source", "help_link"):
        assert not hasattr(e, name), name


def test_a_null_string_is_none():
    e = raised(nd_test.raise_parse, "bad", 1)
    assert e.file is None


def test_subclass_gets_its_own_and_its_bases_attributes():
    e = raised(nd_test.raise_token, "unexpected", 2, "}")
    assert (e.token, e.line, e.fatal) == ("}", 2, False)


def test_an_unmarked_subclass_raises_the_marked_class():
    e = raised(nd_test.raise_empty)
    assert type(e) is nd_test.ParseError
    assert (str(e), e.line) == ("empty input", 0)
    e = raised(nd_test.raise_missing, "gone")   # an abstract marked base, an unmarked concrete class
    assert type(e) is nd_test.StoreError and isinstance(e, KeyError)
    assert e.args == ("gone",)


def test_a_class_attribute_keeps_the_objects_identity():
    p = nd_test.ConstPoint(1.0, 2.0)
    e = raised(nd_test.raise_located, p)
    assert e.where is p


def test_the_inner_exception_is_the_cause():
    e = raised(nd_test.raise_load, "could not load", 3)
    assert type(e) is nd_test.LoadError and str(e) == "could not load"
    assert type(e.__cause__) is nd_test.ParseError
    assert (str(e.__cause__), e.__cause__.line) == ("inner", 3)


def test_a_getter_that_throws_raises_its_exception_instead():
    e = raised(nd_test.raise_broken)
    assert type(e) is RuntimeError
    assert str(e) == "System.InvalidOperationException: the getter broke"


def test_submodule_class():
    e = raised(nd_test.lin_alg.invert, 0.0)
    assert type(e) is nd_test.lin_alg.SingularMatrixError
    assert isinstance(e, ArithmeticError) and e.rank == 0 and str(e) == "singular"
    assert nd_test.lin_alg.invert(4.0) == 0.25
    e = raised(nd_test.raise_bad_shape, 5)
    assert type(e) is nd_test.lin_alg.BadShapeError and isinstance(e, nd_test.ParseError) and e.line == 5


# ---- from Python ----

def test_python_code_raises_and_catches_them_too():
    with pytest.raises(ValueError) as info:
        raise nd_test.ParseError("from Python")
    assert info.value.args == ("from Python",)
    assert not hasattr(info.value, "line")   # attributes come from a C# exception

    class Sub(nd_test.ParseError):
        pass

    with pytest.raises(nd_test.ParseError):
        raise Sub("x")


# ---- pickling and copying ----

@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol):
    e = raised(nd_test.raise_parse, "bad input", 7, "a.txt")
    back = pickle.loads(pickle.dumps(e, protocol))
    assert type(back) is nd_test.ParseError
    assert back.args == e.args and str(back) == "bad input"
    assert back.__dict__ == e.__dict__
    assert (back.line, back.file, back.stage, back.expected) == (7, "a.txt", nd_test.ParseStage.LEXING, ["a", "b"])
    s = raised(nd_test.lin_alg.invert, 0.0)
    back = pickle.loads(pickle.dumps(s, protocol))
    assert type(back) is nd_test.lin_alg.SingularMatrixError and back.rank == 0


def test_copy_and_deepcopy():
    e = raised(nd_test.raise_token, "unexpected", 2, "}")
    for c in (copy.copy(e), copy.deepcopy(e)):
        assert type(c) is nd_test.UnexpectedTokenError
        assert (c.args, c.token, c.line) == (("unexpected",), "}", 2)


def test_unpickled_in_another_process():
    e = raised(nd_test.raise_parse, "bad input", 7, "a.txt")
    s = raised(nd_test.lin_alg.invert, 0.0)
    data = pickle.dumps((e, s))
    code = (
        "import pickle, sys\n"
        f"sys.path.insert(0, {str(MODULES)!r})\n"
        "e, s = pickle.loads(sys.stdin.buffer.read())\n"   # imports nd_test and nd_test.lin_alg itself
        "print(type(e).__module__, type(e).__name__, e.args[0], e.line, e.file, e.stage.name)\n"
        "print(type(s).__module__, type(s).__name__, s.rank, isinstance(s, ArithmeticError))\n")
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=60, check=True)
    assert out.stdout.decode().splitlines() == [
        "nd_test ParseError bad input 7 a.txt LEXING",
        "nd_test.lin_alg SingularMatrixError 0 True",
    ]


# ---- a warning category ----

def test_warning_category():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nd_test.warn_old_api("use new_api()")
    assert len(caught) == 1
    assert caught[0].category is nd_test.OldApiWarning
    assert str(caught[0].message) == "use new_api()"
    assert caught[0].filename == __file__   # stack level 1: the Python caller's line


def test_warning_category_follows_the_filter():
    with warnings.catch_warnings():
        warnings.simplefilter("error", nd_test.OldApiWarning)
        with pytest.raises(nd_test.OldApiWarning, match="use new_api"):
            nd_test.warn_old_api("use new_api()")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore", DeprecationWarning)   # the category's base filters it too
        nd_test.warn_old_api("ignored")
    assert caught == []


# ---- references ----

def test_raising_a_thousand_times_leaks_no_reference():
    p = nd_test.ConstPoint(1.0, 2.0)

    def run():
        for _ in range(1000):
            try:
                nd_test.raise_located(p)
            except nd_test.LocatedError:
                pass
            try:
                nd_test.raise_token("unexpected", 2, "}")
            except nd_test.ParseError:
                pass

    run()   # warm up caches
    before = (sys.getrefcount(nd_test.LocatedError), sys.getrefcount(nd_test.UnexpectedTokenError),
              sys.getrefcount(nd_test.ParseError), sys.getrefcount(p))
    run()
    after = (sys.getrefcount(nd_test.LocatedError), sys.getrefcount(nd_test.UnexpectedTokenError),
             sys.getrefcount(nd_test.ParseError), sys.getrefcount(p))
    assert after == before


# ---- the generator's table and the runtime's agree ----

def stub_bases():
    """{class name: base as written} of every class the module's stub declares."""
    text = (MODULES / "nd_test.pyi").read_text()
    return dict(re.findall(r"^class (\w+)\(([\w.]+)\):", text, re.M))


ROWS = sorted(n for n in dir(nd_test) if n.startswith("Row"))


def test_a_row_class_for_every_row():
    # 17 .NET rows (System.Exception included; three sealed rows have no subclass) and 41 family classes.
    assert len(ROWS) == 58


@pytest.mark.parametrize("name", ROWS)
def test_runtime_base_is_the_stubs(name):
    cls = getattr(nd_test, name)
    written = stub_bases()[name]
    assert cls.__bases__ == (getattr(builtins, written),)


@pytest.mark.parametrize("name", ROWS)
def test_each_row_class_is_raised_and_caught_by_its_base(name):
    cls = getattr(nd_test, name)
    with pytest.raises(cls.__bases__[0]) as info:
        # The C# name: the family's rows keep theirs (RowPyTypeError), the .NET rows' end in Exception.
        nd_test.raise_row(name if name.startswith("RowPy") else name[:-len("Error")] + "Exception", "row")
    assert type(info.value) is cls
