"""Argument-conversion errors that Python raised keep their type and message and gain a note naming the
function and parameter (PEP 678, 3.11+): "while converting add_scalars() argument 'x'" (issue 19, item 5).
Errors a conversion makes itself already name the argument in their message and get no note; before 3.11
nothing is added. The numpy part (array-likes) is skipped where numpy is missing."""
import sys
import traceback

import pytest

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import nd_ext
import nd_test

NOTES = sys.version_info >= (3, 11)


class Failing:
    """A number whose conversion raises: __float__ a ZeroDivisionError, __index__ a KeyError."""

    def __float__(self):
        raise ZeroDivisionError("no float here")

    def __index__(self):
        raise KeyError("no index here")


def raised(call):
    with pytest.raises(BaseException) as info:
        call()
    return info.value


def notes(e):
    return getattr(e, "__notes__", None)


def expect_note(e, note):
    if NOTES:
        assert notes(e) == [note]
    else:
        assert notes(e) is None   # 3.9/3.10: no notes, nothing else changed


CASES = {
    # scalars: Python code the conversion ran raised
    "float positional": (lambda: nd_ext.add_scalars(Failing(), 1.0), ZeroDivisionError,
                         "while converting add_scalars() argument 'x'"),
    "float by keyword": (lambda: nd_ext.add_scalars(1.0, y=Failing()), ZeroDivisionError,
                         "while converting add_scalars() argument 'y'"),
    "int64 __index__": (lambda: nd_test.echo_int64(Failing()), KeyError, "while converting echo_int64() argument 'x'"),
    "BigInteger __index__": (lambda: nd_test.echo_big_int(Failing()), KeyError,
                             "while converting echo_big_int() argument 'x'"),
    "str with a lone surrogate": (lambda: nd_test.echo_str("a\ud800"), UnicodeEncodeError,
                                  "while converting echo_str() argument 'x'"),
    # containers: the place inside the argument
    "list item": (lambda: nd_test.sum_array([1.0, Failing()]), ZeroDivisionError,
                  "while converting sum_array() argument 'xs'[1]"),
    "nested list item": (lambda: nd_test.echo_nested([[1.0], [2.0, Failing()]]), ZeroDivisionError,
                         "while converting echo_nested() argument 'm'[1][1]"),
    "dict value": (lambda: nd_test.echo_dict({"a": 1, "b": Failing()}), KeyError,
                   "while converting echo_dict() argument 'd'['b']"),
    "tuple item": (lambda: nd_test.swap_pair((Failing(), 1)), ZeroDivisionError,
                   "while converting swap_pair() argument 't'[0]"),
    # *args and **kwargs
    "*args item": (lambda: nd_ext.scaled_sum(1.0, Failing()), ZeroDivisionError,
                   "while converting scaled_sum() argument 'values'[1]"),
    "**kwargs value": (lambda: nd_ext.scaled_sum(1.0, unit=Failing()), ZeroDivisionError,
                       "while converting scaled_sum() argument 'unit'"),
    # classes: constructor, method, property setter
    "constructor": (lambda: nd_ext.Point(1.0, Failing()), ZeroDivisionError, "while converting Point() argument 'y'"),
    "method": (lambda: nd_test.Beast().speak(Failing()), KeyError, "while converting Beast.speak() argument 'times'"),
    "property setter": (lambda: setattr(nd_ext.Point(), "x", Failing()), ZeroDivisionError,
                        "while converting 'Point' attribute 'x'"),
    # a callback's result, converted back to C#
    "callback result": (lambda: nd_test.call_back(lambda depth: Failing(), 1), KeyError,
                        "while converting the result of the callback passed as 'f' of call_back"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_conversion_error_python_raised_keeps_its_type_and_gains_a_note(case):
    call, kind, note = CASES[case]
    e = raised(call)
    assert type(e) is kind
    expect_note(e, note)


def test_the_message_is_python_own():
    e = raised(lambda: nd_ext.add_scalars(Failing(), 1.0))
    assert e.args == ("no float here",)


def test_the_note_shows_in_the_traceback():
    e = raised(lambda: nd_ext.add_scalars(1.0, Failing()))
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    assert text.rstrip().endswith("ZeroDivisionError: no float here\nwhile converting add_scalars() argument 'y'") == NOTES
    assert "no float here" in text


def test_the_note_follows_the_caller_own_notes():
    # An exception object the caller made and noted itself: the conversion's note comes after.
    error = ValueError("mine")
    if NOTES:
        error.add_note("first")

    class Raises:
        def __float__(self):
            raise error

    e = raised(lambda: nd_ext.add_scalars(Raises(), 1.0))
    assert e is error
    assert notes(e) == (["first", "while converting add_scalars() argument 'x'"] if NOTES else None)


def test_a_sequence_whose_len_raises():
    class Sized:
        def __len__(self):
            raise LookupError("len failed")

        def __getitem__(self, i):
            return 1.0

    e = raised(lambda: nd_test.sum_array(Sized()))
    assert type(e) is LookupError
    expect_note(e, "while converting sum_array() argument 'xs'")


def test_a_sequence_whose_getitem_raises_names_the_item():
    class Items:
        def __len__(self):
            return 3

        def __getitem__(self, i):
            if i == 2:
                raise IndexError("item 2 is missing")
            return 1.0

    e = raised(lambda: nd_test.sum_array(Items()))
    assert type(e) is IndexError
    expect_note(e, "while converting sum_array() argument 'xs'[2]")


def test_an_iterable_that_raises_while_a_set_converts():
    def elements():
        yield 1
        raise RuntimeError("iteration failed")

    e = raised(lambda: nd_test.echo_set(elements()))
    assert type(e) is RuntimeError
    expect_note(e, "while converting echo_set() argument 's'")


def test_a_tzinfo_whose_utcoffset_raises():
    import datetime

    class Zone(datetime.tzinfo):
        def utcoffset(self, dt):
            raise ArithmeticError("no offset")

    e = raised(lambda: nd_test.echo_date_time_offset(datetime.datetime(2024, 1, 2, tzinfo=Zone())))
    assert type(e) is ArithmeticError
    expect_note(e, "while converting echo_date_time_offset() argument 'x'")


@pytest.mark.parametrize("call", [
    lambda: nd_ext.add_scalars("a", 1.0),                      # TypeError naming the argument
    lambda: nd_test.sum_array([1.0, "b"]),                     # ... and the place
    lambda: nd_test.echo_int8(300),                            # OverflowError naming the argument and the range
    lambda: nd_ext.add_scalars(1.0),                           # binding: a missing argument
    lambda: nd_ext.raise_mapped(),                             # the method itself threw: no conversion
], ids=["wrong type", "wrong item", "out of range", "missing", "from the method"])
def test_errors_that_name_the_argument_or_are_not_conversions_get_no_note(call):
    e = raised(call)
    assert notes(e) is None


def test_a_note_is_added_once_per_raise():
    # The same exception object raised by two calls: one note per conversion that saw it, as add_note does.
    error = KeyError("shared")

    class Raises:
        def __index__(self):
            raise error

    for expected in (1, 2):
        e = raised(lambda: nd_test.echo_int64(Raises()))
        assert e is error
        if NOTES:
            assert e.__notes__ == ["while converting echo_int64() argument 'x'"] * expected


def test_the_exception_object_is_not_kept():
    error = ZeroDivisionError("counted")

    class Raises:
        def __float__(self):
            raise error

    def once():
        try:
            nd_ext.add_scalars(Raises(), 1.0)
        except ZeroDivisionError as e:
            e.__traceback__ = None   # the traceback holds this frame, which holds e
            if NOTES:
                del e.__notes__[:]

    once()
    before = sys.getrefcount(error)
    for _ in range(200):
        once()
    # The C# PythonException keeps its own reference until .NET's finalizer runs; more than one left over
    # per raise would be a leak.
    assert sys.getrefcount(error) - before < 200


def test_array_like_whose_array_method_raises():
    class Arrayish:
        def __array__(self, dtype=None, copy=None):
            raise ArithmeticError("no array here")

    total = np.zeros(3)
    e = raised(lambda: nd_test.accumulate_like(total, Arrayish()))
    assert type(e) is ArithmeticError
    expect_note(e, "while converting accumulate_like() argument 'values'")
