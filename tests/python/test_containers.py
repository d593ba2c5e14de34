"""Containers and tuples: T[], List<T> and the list interfaces, Dictionary/IDictionary/IReadOnlyDictionary,
HashSet/ISet/IReadOnlySet and C# tuples (tests/NdTestModule/Containers.cs), both ways; element errors that
name their place; no reference leaked by a conversion that fails part way (numpy-free but for the tests
that take arrays)."""
import array
import collections
import gc
import math
import sys
import types

import pytest

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import nd_test as m


# --- sequences in --------------------------------------------------------------------------------

@pytest.mark.parametrize("xs", [[1.0, 2.5, -3.0], (1.0, 2.5, -3.0), [1, 2.5, -3], range(3), array.array("d", [1.0, 2.0]),
                                collections.deque([1.0, 2.0]) if hasattr(collections.deque, "__getitem__") else [1.0]])
def test_any_sequence_converts(xs):
    assert m.sum_array(xs) == sum(float(x) for x in xs)
    assert m.echo_list(xs) == [float(x) for x in xs]


def test_every_list_type():
    assert m.echo_array([1, 2.5]) == [1.0, 2.5]
    assert m.echo_i_list((1, 2)) == [1, 2]
    assert m.echo_read_only_list(["a", "é", ""]) == ["a", "é", ""]
    assert m.echo_enumerable(range(4)) == [0, 1, 2, 3]
    assert m.count_items([1, 2, 3]) == 3
    assert m.count_collection([True, False]) == 2
    assert m.sum_list([2**62, 1]) == 2**62 + 1
    assert m.echo_byte_list(b"ab") == [97, 98]   # bytes is a sequence of ints
    assert m.echo_singles([0.5, 1e300]) == [0.5, math.inf]   # float32, rounded as numpy.float32() does


def test_results_are_lists_of_the_right_types():
    r = m.range(3)
    assert type(r) is list and r == [0.0, 1.0, 2.0] and all(type(x) is float for x in r)
    assert m.echo_array(()) == [] and type(m.echo_array(())) is list
    assert m.range(0) == []


def test_a_list_parameter_is_a_copy():
    xs = [1, 2]
    assert m.appended(xs, 3) == [1, 2, 3]
    assert xs == [1, 2]


def test_nullable_elements_and_optional_lists():
    assert m.echo_nullables([1.0, None, 2]) == [1.0, None, 2.0]
    assert m.echo_nullable_strings(["a", None]) == ["a", None]
    assert m.echo_optional_list(None) is None
    assert m.echo_optional_list([1]) == [1]


def test_nested_sequences():
    assert m.echo_nested([[1.0], [], (2, 3)]) == [[1.0], [], [2.0, 3.0]]
    assert m.echo_jagged(((1.0, 2.0), [3.0])) == [[1.0, 2.0], [3.0]]
    assert m.echo_deep([[[1, 2]], [[3], []]]) == [[[1, 2]], [[3], []]]
    assert m.sum_rows([[1, 2], [3]]) == [3.0, 3.0]


def test_instances_and_references_keep_their_identity():
    a, b = m.Money(5), m.Money(7)
    out = m.echo_money([a, b])
    assert out[0] is a and out[1] is b
    o = object()
    refs = m.echo_refs([o, None, 3])
    assert refs[0] is o and refs[1] is None and refs[2] == 3


def test_numpy_arrays_item_by_item():
    assert m.sum_array(np.arange(4.0)) == 6.0
    assert m.echo_jagged(np.eye(2)) == [[1.0, 0.0], [0.0, 1.0]]
    assert m.sum_list(np.arange(5)) == 10
    a, b = m.two_arrays(3)
    assert a.dtype == np.float64 and b.dtype == np.int64 and list(a) == [0.0, 1.0, 2.0] and list(b) == [0, 1, 4]
    arrays = m.aranges([2, 0])
    assert type(arrays) is list and [list(x) for x in arrays] == [[0, 1], []]


# --- sequences: errors ---------------------------------------------------------------------------

def error(f, *args):
    with pytest.raises(Exception) as info:
        f(*args)
    return type(info.value), str(info.value)


def test_a_bad_element_is_named_by_its_place():
    assert error(m.sum_array, [1.0, 2.0, 3.0, "x"]) == (TypeError, "sum_array() argument 'xs'[3] must be float, not str")
    assert error(m.echo_nested, [[1.0], [2.0, None]]) == (TypeError, "echo_nested() argument 'm'[1][1] must be float, not None")
    assert error(m.echo_deep, [[[1]], [[2], [3, "x"]]]) == (TypeError, "echo_deep() argument 'm'[1][1][1] must be int, not str")
    assert error(m.echo_money, [m.Money(1), 1]) == (TypeError, "echo_money() argument 'xs'[1] must be nd_test.Money, not int")
    assert error(m.echo_list, (1.0, 1j)) == (TypeError, "echo_list() argument 'xs'[1] must be float, not complex")


def test_overflow_names_the_place_and_the_range():
    assert error(m.echo_byte_list, [1, 300]) == (OverflowError, "echo_byte_list() argument 'xs'[1] = 300 is out of range for uint8 (0 to 255)")
    assert error(m.count_items, [0, -1]) == (OverflowError,
                                            "count_items() argument 'xs'[1] = -1 is out of range for uint64 (0 to 18446744073709551615)")


def test_not_a_sequence():
    assert error(m.sum_array, 5) == (TypeError, "sum_array() argument 'xs' must be a sequence of float, not int")
    assert error(m.sum_array, {1.0}) == (TypeError, "sum_array() argument 'xs' must be a sequence of float, not set")
    assert error(m.sum_array, {1: 2.0}) == (TypeError, "sum_array() argument 'xs' must be a sequence of float, not dict")
    assert error(m.sum_array, None) == (TypeError, "sum_array() argument 'xs' must be a sequence of float, not None")


def test_a_str_is_not_a_sequence_of_its_characters():
    text = "(a str is not taken as a sequence of its characters)"
    assert error(m.sum_array, "abc") == (TypeError, f"sum_array() argument 'xs' must be a sequence of float, not str {text}")
    assert error(m.echo_read_only_list, "abc") == (
        TypeError, f"echo_read_only_list() argument 'xs' must be a sequence of str, not str {text}")


def test_errors_raised_by_an_element_come_through():
    class Bad:
        def __float__(self):
            raise ValueError("boom")
    assert error(m.echo_list, [1.0, Bad()]) == (ValueError, "boom")


def test_a_list_emptied_by_an_element_conversion():
    class Evil:
        def __float__(self):
            xs.clear()
            return 1.0
    xs = [1.0, Evil(), 3.0]
    assert error(m.echo_list, xs) == (RuntimeError, "echo_list() argument 'xs': the list changed size while its items were converted")


def test_a_sequence_whose_length_lies():
    class Liar:
        def __len__(self):
            return 3
        def __getitem__(self, i):
            if i >= 1:
                raise IndexError(i)
            return 1.0
    assert error(m.echo_list, Liar())[0] is IndexError


# --- dictionaries --------------------------------------------------------------------------------

def test_dicts_both_ways():
    assert m.echo_dict({"a": 1, "b": -2}) == {"a": 1, "b": -2}
    assert m.echo_i_dict({1: "x"}) == {1: "x"}
    assert m.echo_read_only_dict({"k": [1, 2.5]}) == {"k": [1.0, 2.5]}
    assert m.echo_nullable_values({"a": None, "b": 3}) == {"a": None, "b": 3}
    assert m.echo_tuple_keys({(1, 2): "x"}) == {(1, 2): "x"}
    assert m.make_dict(3) == {"k0": 0, "k1": 1, "k2": 2}
    assert type(m.echo_dict({})) is dict and m.echo_dict({}) == {}


def test_any_mapping_converts():
    assert m.echo_dict(types.MappingProxyType({"z": 2})) == {"z": 2}
    assert m.echo_dict(collections.OrderedDict(a=1)) == {"a": 1}
    assert m.echo_dict(collections.Counter("aab")) == {"a": 2, "b": 1}

    class Mapping:   # only the mapping protocol and items()
        def __getitem__(self, key):
            return 1
        def keys(self):
            return ["q"]
        def items(self):
            return [("q", 1)]
        def __len__(self):
            return 1
    assert m.echo_dict(Mapping()) == {"q": 1}


def test_keys_equal_once_converted_keep_the_last_value():
    # Two Python keys, one float32 key: the later value wins, as in a dict literal with a repeated key.
    assert m.echo_single_keys({1.0: 1, 1.00000001: 2}) == {1.0: 2}
    nan1, nan2 = float("nan"), float("nan")
    (key, value), = m.echo_single_keys({nan1: 1, nan2: 2}).items()   # .NET: NaN equals NaN
    assert math.isnan(key) and value == 2


def test_dict_errors_name_the_key():
    assert error(m.echo_dict, {"a": 1, "key": "v"}) == (TypeError, "echo_dict() argument 'd'['key'] must be int, not str")
    assert error(m.echo_dict, {"a": 1, 5: 2}) == (TypeError, "echo_dict() argument 'd' key 5 must be str, not int")
    assert error(m.echo_i_dict, {1: 5}) == (TypeError, "echo_i_dict() argument 'd'[1] must be str, not int")
    assert error(m.echo_deep_dict, {"x": [(1, 2.0), (1, "q")]}) == (
        TypeError, "echo_deep_dict() argument 'd'['x'][1][1] must be float, not str")
    assert error(m.echo_dict, [("a", 1)]) == (TypeError, "echo_dict() argument 'd' must be a mapping of str to int, not list")
    assert error(m.echo_dict, {"a": 2**64}) == (
        OverflowError, f"echo_dict() argument 'd'['a'] = {2**64} is out of range for int64 "
                       "(-9223372036854775808 to 9223372036854775807)")


# --- sets ----------------------------------------------------------------------------------------

def test_sets_from_any_iterable():
    assert m.echo_set({1, 2}) == {1, 2} and type(m.echo_set({1})) is set
    assert m.echo_i_set(frozenset({"a"})) == {"a"}
    assert m.echo_read_only_set([1.0, 1.0, 2]) == {1.0, 2.0}
    assert m.echo_set(x for x in (3, 3, 4)) == {3, 4}
    assert m.echo_set({1: "a"}) == {1}


def test_set_errors():
    assert error(m.echo_set, {1, "a"}) == (TypeError, "echo_set() argument 's' element 'a' must be int, not str")
    assert error(m.echo_set, 5) == (TypeError, "echo_set() argument 's' must be a set (or other iterable) of int, not int")
    assert error(m.echo_set, "abc")[0] is TypeError


# --- tuples --------------------------------------------------------------------------------------

def test_tuples_both_ways():
    assert m.swap_pair((1.5, 2)) == (2, 1.5)
    assert m.swap_pair([1.5, 2]) == (2, 1.5)   # any sequence of the length
    assert m.echo_triple(("a", None, [1])) == ("a", None, [1])
    nine = tuple(range(8)) + ("x",)
    assert m.echo_nine(nine) == nine   # past ValueTuple's seven items
    assert m.echo_optional_pair(None) is None and m.echo_optional_pair((1, 2)) == (1, 2)
    assert m.echo_pairs([("a", 1.0)]) == [("a", 1.0)]
    assert m.echo_deep_dict({"x": [(1, 2.0)]}) == {"x": [(1, 2.0)]}


def test_tuple_errors():
    assert error(m.swap_pair, (1.0, 2, 3)) == (TypeError, "swap_pair() argument 't' must be a tuple of 2 items, not 3")
    assert error(m.swap_pair, (1.0, "x")) == (TypeError, "swap_pair() argument 't'[1] must be int, not str")
    assert error(m.swap_pair, 5) == (TypeError, "swap_pair() argument 't' must be tuple[float, int], not int")
    assert error(m.echo_triple, ("a", 1, [1, "z"])) == (TypeError, "echo_triple() argument 't'[2][1] must be int, not str")
    assert error(m.echo_tuple_keys, {(1, "a"): "x"}) == (TypeError, "echo_tuple_keys() argument 'd' key (1, 'a')[1] must be int, not str")


# --- attributes ----------------------------------------------------------------------------------

def test_container_attributes():
    b = m.Bag()
    b.items = (1, 2)
    b.counts = {"a": 1}
    b.tags = ["t", "t"]
    b.pair = [1, "p"]
    assert (b.items, b.counts, b.tags, b.pair, b.sizes()) == ([1.0, 2.0], {"a": 1}, {"t"}, (1, "p"), (2, 1, 1))
    items = b.items
    items.append(3.0)   # a copy: the C# list is not changed
    assert b.items == [1.0, 2.0]
    assert error(setattr, b, "items", [1, "x"]) == (TypeError, "'Bag' attribute 'items'[1] must be float, not str")
    assert error(setattr, b, "pair", (1, 2)) == (TypeError, "'Bag' attribute 'pair'[1] must be str, not int")


# --- stubs and signatures ------------------------------------------------------------------------

def test_docstrings_show_the_python_types():
    assert m.sum_array.__text_signature__ == "($module, xs)"
    assert "xs : Sequence[float]" in m.sum_array.__doc__
    assert "d : Mapping[str, int]" in m.echo_dict.__doc__ and "dict[str, int]" in m.echo_dict.__doc__
    assert "tuple[int, float]" in m.swap_pair.__doc__


# --- references: nothing leaks, whatever element fails -------------------------------------------

def counts(objects):
    return [sys.getrefcount(o) for o in objects]


@pytest.mark.parametrize("position", range(5))
def test_a_failure_at_any_position_leaks_nothing(position):
    values = [float(f"{i}.5") for i in range(5)]
    bad = object()
    values[position] = bad
    for f, arg in [(m.echo_list, values), (m.echo_list, tuple(values)), (m.echo_nested, [values[:], values[:]]),
                   (m.echo_money, values), (m.echo_set, values), (m.echo_nullables, values)]:
        held = list(arg) + [arg, bad]
        call(f, arg)
        before = counts(held)
        for _ in range(3):
            call(f, arg)
        gc.collect()
        assert counts(held) == before, f.__name__


def call(f, *args):
    try:
        f(*args)
    except (TypeError, OverflowError):
        pass


@pytest.mark.parametrize("position", range(4))
def test_references_converted_before_a_failure_are_released_at_once(position):
    money = [m.Money(i) for i in range(4)]
    args = money[:position] + [1] + money[position:]
    call(m.count_money_refs, args)
    before = counts(money)
    for _ in range(3):
        with pytest.raises(TypeError, match=rf"argument 'xs'\[{position}\] must be nd_test.Money, not int"):
            m.count_money_refs(args)
    assert counts(money) == before   # no .NET collection needed: released on the error path


def test_kept_references_are_released_when_dotnet_collects():
    refs = [object() for _ in range(4)]
    before = counts(refs)
    for _ in range(3):
        m.echo_refs(refs)
    m.dotnet_collect()
    m.echo_refs([None])   # a later conversion to PyRef releases what the finalizers queued
    gc.collect()
    assert counts(refs) == before


@pytest.mark.parametrize("position", range(4))
def test_a_failure_in_a_dict_leaks_nothing(position):
    keys = [f"k{i}" + "x" * i for i in range(4)]
    values = [1000 + i for i in range(4)]
    d = dict(zip(keys, values))
    d[keys[position]] = "bad"
    held = keys + list(d.values()) + [d]
    call(m.echo_dict, d)
    call(m.echo_deep_dict, {k: [(1, v)] for k, v in d.items()})
    before = counts(held)
    for _ in range(3):
        with pytest.raises(TypeError):
            m.echo_dict(d)
        with pytest.raises(TypeError):
            m.echo_deep_dict({k: [(1, v)] for k, v in d.items()})
    gc.collect()
    assert counts(held) == before


def test_results_and_round_trips_leak_nothing():
    xs = [float(f"{i}.25") for i in range(10)]
    d = {f"k{i}": 10**10 + i for i in range(10)}
    t = ("a" * 3, 10**6, [1, 2])
    held = xs + list(d) + list(d.values()) + list(t) + [xs, d, t]
    m.echo_triple(t)
    before = counts(held)
    for _ in range(50):
        m.echo_list(xs)
        m.echo_dict(d)
        m.echo_triple(t)
        m.echo_set(set(d.values()))
        m.echo_pairs([("x", 1.0)])
        m.echo_optional_pair((1, 2))
    gc.collect()
    assert counts(held) == before


def test_no_growth_over_many_calls():
    # tracemalloc-free: the interpreter's total object count stays flat.
    xs = [1.0, 2.0, 3.0]
    for _ in range(1000):
        m.echo_nested([xs, xs])
        try:
            m.echo_nested([xs, [1.0, "x"]])
        except TypeError:
            pass
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(5000):
        m.echo_nested([xs, xs])
        m.echo_deep_dict({"x": [(1, 2.0)]})
        try:
            m.echo_deep_dict({"x": [(1, 2.0), (1, "q")]})
        except TypeError:
            pass
    gc.collect()
    assert len(gc.get_objects()) - before < 50


@pytest.mark.parametrize("length", [0, 1, 5, 15, 16, 17, 31, 32, 33, 64, 1000])
def test_str_keys_of_every_length_come_back_equal_hashable_and_findable(length):
    """ASCII strs are read and made in place (the characters at PyASCIIObject's end, whose size differs
    between 3.11 and 3.12): what comes back must be a proper str, equal, hashing alike, usable as a key,
    next to non-ASCII keys that go through UTF-8."""
    keys = ["".join(chr(97 + (i + k) % 26) for i in range(length)) + str(k) for k in range(3)]
    keys += ["é" * length + "1", "✓" * length + "2", "\U0001F600" * length + "3", "a\x00b" * length]
    d = {k: i for i, k in enumerate(keys)}
    back = m.echo_dict(d)
    assert back == d
    for k, i in d.items():
        assert back[k] == i
    for k in back:
        assert type(k) is str and hash(k) == hash(k.encode("utf-8").decode("utf-8")) and k in d
        assert k.isascii() == all(ord(c) < 128 for c in k)

