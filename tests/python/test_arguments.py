"""Argument binding: positional, keyword, defaults, and CPython's own TypeError wording.

Each exported function is compared with a pure-Python function of the same name and parameters:
where CPython's message is the reference, ours must be identical.
"""
import inspect
import re

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import pytest

import nd_test


# Pure-Python twins of nd_test's functions (same names, so the messages' prefixes agree).
def three(a, b, c):
    return a * 100 + b * 10 + c


def mixed(a, b, c="x"):
    return f"{a}|{float(b)!r}|{c}"


def with_defaults(a, b=0.5, c=-2, d=1.5, e=True, f="hi", g=None, h=None, i=2.5, j=18446744073709551615, k=-128):
    pass


def python_error(function, *args, **kwargs):
    with pytest.raises(TypeError) as info:
        function(*args, **kwargs)
    return str(info.value)


def native_error(function, *args, **kwargs):
    with pytest.raises(TypeError) as info:
        function(*args, **kwargs)
    return str(info.value)


def test_positional_keyword_and_mixed():
    assert nd_test.three(1, 2, 3) == 123
    assert nd_test.three(a=1, b=2, c=3) == 123
    assert nd_test.three(c=3, b=2, a=1) == 123
    assert nd_test.three(1, c=3, b=2) == 123
    assert nd_test.three(1, 2, c=3) == 123
    assert nd_test.three(*[1, 2], **{"c": 3}) == 123


def test_defaults_fill_missing_arguments():
    assert nd_test.mixed(1, 2.5) == "1|2.5|x"
    assert nd_test.mixed(1, 2.5, "y") == "1|2.5|y"
    assert nd_test.mixed(1, b=2.5, c="z") == "1|2.5|z"
    assert nd_test.mixed(c="z", a=1, b=2) == "1|2|z"
    assert nd_test.with_defaults(7) == (
        "a=7 b=0.5 c=-2 d=1.5 e=True f=hi g=null h=null i=2.5 j=18446744073709551615 k=-128")
    assert nd_test.with_defaults(7, h=3, g="gee", i=None, e=False, b=-1.25) == (
        "a=7 b=-1.25 c=-2 d=1.5 e=False f=hi g=gee h=3 i=null j=18446744073709551615 k=-128")
    assert nd_test.with_defaults(0, 1.0, 2, 3.0, False, "s", "t", 4, 5.0, 6, 7) == (
        "a=0 b=1 c=2 d=3 e=False f=s g=t h=4 i=5 j=6 k=7")


def test_defaults_are_visible_in_the_signature():
    assert inspect.signature(nd_test.with_defaults) == inspect.signature(with_defaults)
    assert str(inspect.signature(nd_test.with_defaults)) == str(inspect.signature(with_defaults))
    assert str(inspect.signature(nd_test.mixed)) == "(a, b, c='x')"
    assert str(inspect.signature(nd_test.answer)) == "()"


def edge_defaults(lo=-2**63, io=-2**31, uhi=2**64 - 1, tiny=5e-324, big=1.7976931348623157e308,
                  f32=3.4028235e38, neg0=-0.0, s="it's \"q\" \\ \n\t"):
    pass


def test_edge_defaults():
    assert str(inspect.signature(nd_test.edge_defaults)) == str(inspect.signature(edge_defaults))
    assert inspect.signature(nd_test.edge_defaults) == inspect.signature(edge_defaults)
    # float32 defaults are shown as float32's shortest repr; passing that value gives the same float32
    assert nd_test.edge_defaults() == nd_test.edge_defaults(
        **{name: p.default for name, p in inspect.signature(nd_test.edge_defaults).parameters.items()})
    assert nd_test.edge_defaults() == (
        "-9223372036854775808|-2147483648|18446744073709551615|5E-324|1.7976931348623157E+308|3.4028235E+38"
        "|-Infinity|it's \"q\" \\ \n\t")


def test_no_parameters_and_void():
    assert nd_test.answer() == 42
    n = nd_test.touch_count()
    assert nd_test.touch() is None
    assert nd_test.touch_count() == n + 1


def test_explicit_python_names():
    assert nd_test.renamed() == "renamed"
    assert nd_test.renamed.__name__ == "renamed"
    assert nd_test.also_renamed() == "also_renamed"
    assert not hasattr(nd_test, "original_name")
    assert not hasattr(nd_test, "other_original_name")


CALLS = [
    # (function name, args, kwargs)
    ("three", (), {}),
    ("three", (1,), {}),
    ("three", (1, 2), {}),
    ("three", (1,), {"c": 3}),
    ("three", (), {"b": 2}),
    ("three", (1, 2, 3, 4), {}),
    ("three", (1, 2, 3), {"z": 1}),
    ("three", (1, 2, 3), {"a": 1}),
    ("three", (1, 2), {"b": 5, "c": 3}),
    ("mixed", (), {}),
    ("mixed", (1,), {}),
    ("mixed", (), {"c": "q"}),
    ("mixed", (1, 2, 3, 4), {}),
    ("mixed", (1, 2), {"d": 4}),
    ("mixed", (1, 2, 3), {"c": "again"}),
    ("with_defaults", (), {}),
    ("with_defaults", tuple(range(12)), {}),
]


@pytest.mark.parametrize("name,args,kwargs", CALLS, ids=[f"{n}{a}{k}" for n, a, k in CALLS])
def test_binding_errors_match_cpython(name, args, kwargs):
    expected = python_error(globals()[name], *args, **kwargs)
    assert native_error(getattr(nd_test, name), *args, **kwargs) == expected


def test_no_parameters_refuses_arguments():
    assert native_error(nd_test.answer, 1) == "answer() takes no arguments (1 given)"
    assert native_error(nd_test.answer, 1, 2) == "answer() takes no arguments (2 given)"
    assert native_error(nd_test.answer, x=1) == "answer() got an unexpected keyword argument 'x'"


@pytest.mark.parametrize("function,value,expected", [
    (nd_test.echo_float64, "1.0", "echo_float64() argument 'x' must be float, not str"),
    (nd_test.echo_float64, None, "echo_float64() argument 'x' must be float, not None"),
    (nd_test.echo_float64, [1.0], "echo_float64() argument 'x' must be float, not list"),
    (nd_test.echo_float32, b"1", "echo_float32() argument 'x' must be float, not bytes"),
    (nd_test.echo_int32, 1.0, "echo_int32() argument 'x' must be int, not float"),
    (nd_test.echo_int64, "1", "echo_int64() argument 'x' must be int, not str"),
    (nd_test.echo_uint8, None, "echo_uint8() argument 'x' must be int, not None"),
    (nd_test.echo_str, 1, "echo_str() argument 'x' must be str, not int"),
    (nd_test.echo_str, b"abc", "echo_str() argument 'x' must be str, not bytes"),
    (nd_test.echo_bool, 1, "echo_bool() argument 'x' must be bool, not int"),
    (nd_test.echo_bool, None, "echo_bool() argument 'x' must be bool, not None"),
    (nd_test.echo_opt_float64, "1", "echo_opt_float64() argument 'x' must be float, not str"),
    (nd_test.copy_float64, [1.0], "copy_float64() argument 'arr' must be numpy.ndarray of float64, not list"),
])
def test_wrong_type_names_expected_and_actual(function, value, expected):
    assert native_error(function, value) == expected


def test_wrong_type_by_keyword_names_the_parameter():
    assert native_error(nd_test.mixed, 1, b="2") == "mixed() argument 'b' must be float, not str"
    assert native_error(nd_test.with_defaults, 1, j=-1.5) == "with_defaults() argument 'j' must be int, not float"


def test_numpy_scalars_as_arguments():
    assert nd_test.three(np.int64(1), np.int8(2), np.uint16(3)) == 123
    assert nd_test.mixed(np.int32(1), np.float32(0.5)) == "1|0.5|x"
    with pytest.raises(TypeError, match="must be int, not numpy.float64"):
        nd_test.three(np.float64(1.0), 2, 3)


def test_keyword_names_need_not_be_interned():
    name = "".join(["th", "ree"])  # a str built at run time
    key = "".join(["c", ""]) + ""
    assert nd_test.three(1, 2, **{key: 3}) == 123
    assert getattr(nd_test, name)(**{"".join("a"): 1, "b": 2, "c": 3}) == 123


def test_keyword_subclass_of_str():
    class Key(str):
        pass

    assert nd_test.three(1, 2, **{Key("c"): 3}) == 123


# The module's functions (its [PyClass] types are tested in test_classes.py; overloaded functions,
# which have no single text signature, in test_overloads.py; constants and the submodule in
# test_module_level.py).
OVERLOADED = {"clear", "kind", "optional", "pick", "pick_kw"}
# Functions with positional-only, keyword-only, *args or **kwargs parameters (test_signatures.py).
OTHER_KINDS = {"sig_all", "pos_only", "pos_only_default", "kw_only", "kw_only_all", "star_args", "star_span",
               "star_names", "star_objects", "keep_objects", "star_kwargs", "kwargs_objects", "pos_only_kwargs",
               "scaled_sum", "star_optional", "star_optional_span", "star_list", "star_enumerable",
               "star_read_only_objects", "star_optional_kwargs"}
FUNCTIONS = [n for n in dir(nd_test) if not n.startswith("_") and inspect.isbuiltin(getattr(nd_test, n))]
PUBLIC = sorted(n for n in FUNCTIONS if n not in OVERLOADED)


def test_only_the_overloaded_functions_lack_a_text_signature():
    functions = FUNCTIONS
    assert {n for n in functions if getattr(nd_test, n).__text_signature__ is None} == OVERLOADED


@pytest.mark.parametrize("name", PUBLIC)
def test_every_function_has_a_signature_and_a_doc(name):
    f = getattr(nd_test, name)
    assert f.__name__ == name
    assert f.__module__ == "nd_test"
    signature = inspect.signature(f)                    # from __text_signature__
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in signature.parameters.values()) or name in OTHER_KINDS
    assert f.__doc__ and not f.__doc__.startswith(name + "(")
    assert f.__text_signature__.startswith("($module")


def test_help_shows_signatures_and_docs():
    import pydoc

    text = pydoc.render_doc(nd_test, renderer=pydoc.plaintext)
    unwrapped = re.sub(r"\s+", "", text)   # 3.13's pydoc puts a long signature's parameters on lines of their own
    for name in PUBLIC:
        f = getattr(nd_test, name)
        assert re.sub(r"\s+", "", f"{name}{inspect.signature(f)}") in unwrapped
        assert f.__doc__.splitlines()[0] in text


def test_doc_sections():
    doc = nd_test.raise_exception.__doc__
    assert doc.startswith('Throws the .NET exception named by kind (e.g. "ArgumentException")')
    assert "Parameters\n----------\nkind : str" in doc
    assert "Raises\n------\nValueError\n    When kind names no known exception." in doc
    assert "Returns" not in doc
    assert "b : float\nc : str, optional" in nd_test.mixed.__doc__
    assert "Returns\n-------\nnumpy.ndarray[float64]" in nd_test.row_sums.__doc__
    assert "arr : numpy.ndarray[complex128]" in nd_test.copy_complex128.__doc__


def test_non_ascii_string_default_works():
    assert nd_test.non_ascii_default() == "café ☕"
    assert nd_test.non_ascii_default("x") == "x"


def test_non_ascii_string_default():
    # CPython needs an ASCII __text_signature__: the generator writes escapes.
    def non_ascii_default(s="caf\xe9 \u2615"):
        pass

    assert inspect.signature(nd_test.non_ascii_default) == inspect.signature(non_ascii_default)
