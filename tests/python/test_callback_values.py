"""Callbacks over every row of the conversion table (issue 17): a Func/Action's arguments go to Python and its
result comes back through the same conversions parameters and results use (tests/NdTestModule/CallbackValues.cs):
containers, tuples, enums, datetime, Decimal, bytes, None; a bad result is a TypeError naming the callback and
the place in the result; an exception raised in the callback reaches the caller; no reference is leaked by a
call, a failed result or an argument list that fails half built (numpy-free but for the array test)."""
import datetime
import decimal
import gc
import sys
import types

import pytest

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import nd_test as m


# --- arguments and results of every kind -----------------------------------------------------------

def test_a_list_to_python_and_a_dict_back():
    seen = []

    def count(xs):
        seen.append(xs)
        return {str(x): int(x) for x in xs}

    assert m.cb_map_list(count, (1, 2.5, 3)) == {"1.0": 1, "2.5": 2, "3.0": 3}
    assert seen == [[1.0, 2.5, 3.0]] and type(seen[0]) is list
    # Any mapping comes back as a dict.
    assert m.cb_map_list(lambda xs: types.MappingProxyType({"n": len(xs)}), []) == {"n": 0}


def test_a_tuple_to_an_action():
    seen = []
    assert m.cb_pass_pair(seen.append, 1.5, 7) is None
    assert seen == [(1.5, 7)] and type(seen[0]) is tuple


def test_datetime_in_decimal_out():
    when = datetime.datetime(2024, 2, 29, 12, 30, 15, 250000)
    seen = []

    def price(d):
        seen.append(d)
        return decimal.Decimal("19.99")

    assert m.cb_date_to_money(price, when) == decimal.Decimal("19.99")
    assert seen == [when]
    assert m.cb_date_to_money(lambda d: 3, when) == decimal.Decimal(3)


def test_enums_both_ways():
    seen = []

    def following(c):
        seen.append(c)
        return m.Color(c.value % 3 + 1)

    assert m.cb_next_color(following, m.Color.RED) is m.Color.GREEN
    assert seen == [m.Color.RED] and type(seen[0]) is m.Color
    assert m.cb_next_color(lambda c: 3, m.Color.RED) is m.Color.BLUE   # an int of a defined value is a member
    with pytest.raises(ValueError, match="99"):
        m.cb_next_color(lambda c: 99, m.Color.RED)


def test_none_both_ways():
    seen = []

    def half(x):
        seen.append(x)
        return None if x is None else int(x / 2)

    assert m.cb_maybe(half, 9.0) == 4
    assert m.cb_maybe(half, None) is None
    assert seen == [9.0, None]


def test_bytes_both_ways():
    assert m.cb_bytes(lambda b: b[::-1], b"abc") == b"cba"
    assert m.cb_bytes(lambda b: bytearray(b) + b"!", bytearray(b"x")) == b"x!"
    assert m.cb_bytes(lambda b: memoryview(b"mv"), b"") == b"mv"


def test_no_arguments_and_four():
    calls = []
    m.cb_repeat(lambda: calls.append(1), 3)
    assert calls == [1, 1, 1]
    seen = []
    m.cb_spread(lambda *a: seen.append(a), 1, "two", None, m.Permission.READ | m.Permission.WRITE)
    assert seen == [(1, "two", None, m.Permission.READ_WRITE)]
    assert type(seen[0][3]) is m.Permission
    assert m.cb_join4(lambda a, b, c, d: f"{a}{b}{c}{d}") == "1234"


def test_nested_and_mapping_and_tuple_results():
    assert m.cb_sum_rows(lambda: [[1, 2], (3.5,), []]) == 6.5
    assert m.cb_sum_counts(lambda: {"a": 1, "b": 2}) == 3
    assert m.cb_pair_text(lambda: ("x", 2)) == "(x, 2)"
    assert m.cb_pair_text(lambda: ["y", 3]) == "(y, 3)"   # any sequence of the length, as a tuple parameter takes


def test_instances_in_a_list():
    a, b = m.Animal("ant", 6), m.Animal("bee", 6)
    seen = []

    def names(items):
        seen.extend(items)
        return [x.name for x in items]

    assert m.cb_names(names, [a, b]) == ["ant", "bee"]
    assert seen[0] is a and seen[1] is b   # the same Python objects, not copies


def test_an_array_to_python():
    ndarray = np.ndarray   # skips where numpy is missing: the module makes the array with numpy
    seen = []

    def total(a):
        seen.append(a)
        return float(a.sum())

    assert m.cb_array_sum(total, 4) == 6.0
    assert isinstance(seen[0], ndarray) and seen[0].dtype == np.float64


def test_stub_and_docstring_show_the_callable():
    assert "f : Callable[[list[float]], Mapping[str, int]]" in m.cb_map_list.__doc__
    assert "f : Callable[[int, str, float | None, Permission], None]" in m.cb_spread.__doc__
    assert "f : Callable[[], None]" in m.cb_repeat.__doc__


# --- errors name the callback and the place in its result ------------------------------------------

def test_a_wrong_result_type_names_the_callback():
    with pytest.raises(TypeError, match=r"^callback passed as 'f' of cb_date_to_money returned str, expected "
                                        r"decimal.Decimal or int$"):
        m.cb_date_to_money(lambda d: "free", datetime.datetime(2020, 1, 1))
    with pytest.raises(TypeError, match=r"^callback passed as 'f' of cb_map_list returned list, expected"):
        m.cb_map_list(lambda xs: [], [1.0])
    with pytest.raises(TypeError, match=r"^callback passed as 'f' of cb_maybe returned str, expected int$"):
        m.cb_maybe(lambda x: "no", 1.0)


def test_a_bad_element_of_a_result_names_its_place():
    with pytest.raises(TypeError, match=r"^the result\[1\]\[0\] of the callback passed as 'f' of cb_sum_rows must be "
                                        r"float, not str$"):
        m.cb_sum_rows(lambda: [[1.0], ["x"]])
    with pytest.raises(TypeError, match=r"^the result\['b'\] of the callback passed as 'f' of cb_sum_counts must be "
                                        r"int, not float$"):
        m.cb_sum_counts(lambda: {"a": 1, "b": 2.5})
    with pytest.raises(TypeError, match=r"^the result key 1 of the callback passed as 'f' of cb_sum_counts must be "
                                        r"str, not int$"):
        m.cb_sum_counts(lambda: {1: 1})
    with pytest.raises(TypeError, match=r"^the result of the callback passed as 'f' of cb_pair_text must be a tuple "
                                        r"of 2 items, not 3$"):
        m.cb_pair_text(lambda: ("a", 1, 2))
    with pytest.raises(TypeError, match=r"^the result\[1\] of the callback passed as 'f' of cb_pair_text must be int"):
        m.cb_pair_text(lambda: ("a", "b"))


def test_an_exception_in_the_callback_reaches_the_caller():
    error = KeyError("inside")

    def fail(*args):
        raise error

    for call in (lambda: m.cb_map_list(fail, [1.0]), lambda: m.cb_pass_pair(fail, 1.0, 2), lambda: m.cb_repeat(fail, 2),
                 lambda: m.cb_sum_rows(fail), lambda: m.cb_spread(fail, 1, "b", 2.0, m.Permission.NONE)):
        with pytest.raises(KeyError) as info:
            call()
        assert info.value is error


def test_an_argument_that_cannot_convert_is_an_error_in_the_caller():
    with pytest.raises(ValueError, match=r"^99 is not a valid Color"):
        m.cb_half_built(lambda x, c: pytest.fail("called"), object())


def test_a_callback_that_is_not_callable():
    with pytest.raises(TypeError, match=r"^cb_map_list\(\) argument 'f' must be callable, not int$"):
        m.cb_map_list(5, [])


# --- references -------------------------------------------------------------------------------------

def _steady(run, *objects, times=200):
    run()
    gc.collect()
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(times):
        run()
    gc.collect()
    return [sys.getrefcount(o) for o in objects], before


def _swallow(call, *errors):
    def run():
        try:
            call()
        except errors:
            pass
    return run


def test_arguments_and_results_are_released():
    thing = object()
    result = object()

    def relay(x):
        assert x is thing
        return result

    assert m.cb_relay(relay, thing) == 1   # the result is the open scope's, as any PyRef an API returns
    after, before = _steady(lambda: m.cb_relay(relay, thing), thing, result, relay)
    assert after == before


def test_containers_passed_and_returned_are_released():
    xs = [1.0, 2.0, 3.0]
    key, value = "k", 12345678901
    out = {key: value}
    after, before = _steady(lambda: m.cb_map_list(lambda ys: out, xs), xs, *xs, out, key, value)
    assert after == before


def test_a_half_built_argument_list_is_released():
    thing = object()
    f = lambda x, c: None   # noqa: E731
    after, before = _steady(_swallow(lambda: m.cb_half_built(f, thing), ValueError), thing, f)
    assert after == before


def test_a_failed_result_is_released():
    bad = ["x"]
    rows = [[1.0], bad]
    f = lambda: rows   # noqa: E731
    after, before = _steady(_swallow(lambda: m.cb_sum_rows(f), TypeError), rows, bad, f)
    assert after == before
    thing = object()

    def fail(x):
        raise ValueError("e")   # a new one each time: raising one object again grows its traceback

    after, before = _steady(_swallow(lambda: m.cb_relay(fail, thing), ValueError), thing, fail)
    assert after == before
