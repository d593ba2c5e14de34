"""Python's parameter kinds from C#: [PositionalOnly], [KeywordOnly], params (*args), [PyKwargs] (**kwargs).

Each exported function has a pure-Python twin of the same name and parameters below: binding errors must read
exactly as the running interpreter's own (3.9-3.13 each compare with themselves), and inspect.signature must be
equal. Conversion errors name the place: "f() argument 'args'[2] must be float, not str". numpy-free.
"""
import inspect
import os
import pathlib
import subprocess
import sys

import pytest

import nd_test

HERE = pathlib.Path(__file__).resolve().parent


# Pure-Python twins (same names: the messages' prefixes agree).
def sig_all(a, /, b, *args, c=1, **kwargs):
    pass


def pos_only(a, b, /):
    pass


def pos_only_default(a, /, b=2.0):
    pass


def kw_only(a, *, b, c=3):
    pass


def kw_only_all(*, x, y):
    pass


def star_args(*args):
    pass


def star_span(start, *values):
    pass


def star_names(sep, *names):
    pass


def star_objects(*items):
    pass


def star_kwargs(**kwargs):
    pass


def pos_only_kwargs(a, /, **kw):
    pass


def scaled_sum(*values, **scales):
    pass


def star_optional(*values):
    pass


def star_list(*names):
    pass


def star_enumerable(*values):
    pass


def star_optional_kwargs(**options):
    pass


TWINS = [sig_all, pos_only, pos_only_default, kw_only, kw_only_all, star_args, star_span, star_names, star_objects,
         star_kwargs, pos_only_kwargs, scaled_sum, star_optional, star_list, star_enumerable, star_optional_kwargs]


def error(function, *args, **kwargs):
    with pytest.raises(TypeError) as info:
        function(*args, **kwargs)
    return str(info.value)


@pytest.mark.parametrize("twin", TWINS, ids=lambda f: f.__name__)
def test_signature_equals_the_python_twins(twin):
    ours = getattr(nd_test, twin.__name__)
    assert str(inspect.signature(ours)) == str(inspect.signature(twin))
    assert inspect.signature(ours) == inspect.signature(twin)
    kinds = [p.kind for p in inspect.signature(ours).parameters.values()]
    assert kinds == [p.kind for p in inspect.signature(twin).parameters.values()]


def test_text_signatures_follow_cpython():
    assert nd_test.sig_all.__text_signature__ == "($module, a, /, b, *args, c=1, **kwargs)"
    assert nd_test.kw_only.__text_signature__ == "($module, a, *, b, c=3)"
    assert nd_test.SigBox.get.__text_signature__ == "($self, key, /, *, fallback=0)"
    assert str(inspect.signature(nd_test.SigBox)) == "(name, **values)"
    assert str(inspect.signature(nd_test.SigBox.numbered)) == "(name, *keys)"


# Calls that fail in binding, for each twin: the message must be CPython's own.
BINDING_ERRORS = [
    ("sig_all", (1,), {}),
    ("sig_all", (), {"a": 1, "b": 2}),
    ("sig_all", (1, 2), {"b": 3}),
    ("sig_all", (1,), {"c": 3}),
    ("pos_only", (1,), {"b": 2}),
    ("pos_only", (), {"a": 1, "b": 2}),
    ("pos_only", (1, 2, 3), {}),
    ("pos_only", (1, 2), {"z": 3}),
    ("pos_only", (), {}),
    ("pos_only_default", (), {"a": 1}),
    ("pos_only_default", (1, 2, 3), {}),
    ("pos_only_default", (1,), {"a": 1, "b": 2}),
    ("kw_only", (1, 2), {}),
    ("kw_only", (1,), {}),
    ("kw_only", (1, 2), {"b": 3}),
    ("kw_only", (1, 2), {"b": 3, "c": 4}),
    ("kw_only", (1, 2, 3), {"c": 4}),
    ("kw_only", (), {"b": 1}),
    ("kw_only", (1,), {"b": 2, "d": 4}),
    ("kw_only", (1,), {"a": 1, "b": 2}),
    ("kw_only_all", (1,), {}),
    ("kw_only_all", (1, 2), {"x": 1}),
    ("kw_only_all", (), {}),
    ("kw_only_all", (), {"x": 1}),
    ("kw_only_all", (), {"y": 1, "x": 1, "z": 2}),
    ("star_args", (), {"x": 1}),
    ("star_span", (), {}),
    ("star_span", (1, 2), {"start": 3}),
    ("star_kwargs", (1,), {}),
    ("star_kwargs", (1, 2), {"a": 1}),
    ("pos_only_kwargs", (), {"a": 1}),
    ("pos_only_kwargs", (1, 2), {}),
    ("scaled_sum", (), {}),   # succeeds: no error in either
]


@pytest.mark.parametrize("name,args,kwargs", BINDING_ERRORS, ids=[f"{n}{a}{k}" for n, a, k in BINDING_ERRORS])
def test_binding_errors_read_as_cpython_s(name, args, kwargs):
    twin = globals()[name]
    ours = getattr(nd_test, name)
    try:
        twin(*args, **kwargs)
    except TypeError as e:
        expected = str(e)
    else:
        ours(*args, **kwargs)   # no error from the twin: none from ours either
        return
    assert error(ours, *args, **kwargs) == expected


def test_all_kinds_arrive_in_their_places():
    assert nd_test.sig_all(1, 2) == "a=1 b=2 args=[] c=1 kwargs={}"
    assert nd_test.sig_all(1, 2, 3, 4.5) == "a=1 b=2 args=[3, 4.5] c=1 kwargs={}"
    assert nd_test.sig_all(1, b=2, c=5) == "a=1 b=2 args=[] c=5 kwargs={}"
    # a positional-only name is free for **kwargs, as in Python
    assert nd_test.sig_all(1, 2, 3, c=5, z=6.5, a=7) == "a=1 b=2 args=[3] c=5 kwargs={a=7, z=6.5}"
    assert nd_test.pos_only(1, 2) == 12
    assert nd_test.pos_only_default(1) == 3.0
    assert nd_test.pos_only_default(1, b=5) == 6.0
    assert nd_test.kw_only(1, b=2) == "1 2 3"
    assert nd_test.kw_only(a=1, c=9, b=2) == "1 2 9"
    assert nd_test.kw_only_all(y=1, x=5) == 4
    assert nd_test.pos_only_kwargs(1, a=2) == "a=1 kw={a=2}"
    assert nd_test.pos_only_kwargs(1) == "a=1 kw={}"


def test_star_args():
    assert nd_test.star_args() == 0.0
    assert nd_test.star_args(1, 2.5, 3) == 6.5
    assert nd_test.star_args(*range(100)) == 4950.0
    assert nd_test.star_span(1.0) == 1.0
    assert nd_test.star_span(0, *[1.0] * 8) == 8.0     # the stack buffer, exactly full
    assert nd_test.star_span(0, *[1.0] * 9) == 9.0     # one more: an array
    assert nd_test.star_span(0, *range(1000)) == 499500.0
    assert nd_test.star_span(*(1.0, 2.0)) == 3.0
    assert nd_test.star_names("-", "a", "b", "c") == "a-b-c"
    assert nd_test.star_names(",") == ""
    assert nd_test.star_objects() == 0
    assert nd_test.star_objects(None, "x", object(), [1]) == 4


def test_star_args_element_errors_name_the_place():
    assert error(nd_test.star_args, 1.0, 2.0, "x") == "star_args() argument 'args'[2] must be float, not str"
    assert error(nd_test.star_args, None) == "star_args() argument 'args'[0] must be float, not None"
    assert error(nd_test.star_span, 0, 1, 2, 3, "x") == "star_span() argument 'values'[3] must be float, not str"
    assert error(nd_test.star_names, "-", "a", 5) == "star_names() argument 'names'[1] must be str, not int"
    assert error(nd_test.sig_all, 1, 2, 3, None) == "sig_all() argument 'args'[1] must be float, not None"
    with pytest.raises(OverflowError, match=r"^sig_all\(\) argument 'c'"):
        nd_test.sig_all(1, 2, c=2**70)


def test_star_args_of_optional_elements_take_none():
    assert nd_test.star_optional() == ""
    assert nd_test.star_optional(1.5, None, 2) == "1.5,None,2"
    assert nd_test.star_optional(None) == "None"
    assert nd_test.star_optional_span(*[None, 1] * 4) == ",".join(["None,1"] * 4)   # the stack buffer, full
    assert nd_test.star_optional_span(*[None] * 9, 7) == ",".join(["None"] * 9 + ["7"])   # more: an array
    assert nd_test.star_optional_kwargs(b=None, a=True) == "{a=True, b=None}"
    assert error(nd_test.star_optional, 1.0, "x") == "star_optional() argument 'values'[1] must be float, not str"
    assert error(nd_test.star_optional_span, None, 1.5) == ("star_optional_span() argument 'values'[1] must be int, "
                                                            "not float")
    assert error(nd_test.star_optional_kwargs, a=None, b=1) == ("star_optional_kwargs() argument 'b' must be bool, "
                                                                 "not int")


def test_params_collections_are_star_args():
    assert nd_test.star_list() == "end"
    assert nd_test.star_list("a", None, "b") == "a,None,b,end"
    assert nd_test.star_enumerable() == 0
    assert nd_test.star_enumerable(1, 2, 3) == 6
    assert nd_test.star_read_only_objects(None, "x", object()) == 3
    assert error(nd_test.star_list, "a", 5) == "star_list() argument 'names'[1] must be str, not int"
    assert error(nd_test.star_enumerable, 1, 2.5) == "star_enumerable() argument 'values'[1] must be int, not float"


def test_kwargs():
    assert nd_test.star_kwargs() == "{}"
    assert nd_test.star_kwargs(b=2, a=1) == "{a=1, b=2}"
    assert nd_test.star_kwargs(**{"caf\u00e9": 1, "x y": 2}) == "{caf\u00e9=1, x y=2}"
    assert nd_test.kwargs_objects(a=None, b=[], c=object()) == 3
    assert nd_test.scaled_sum(1, 2, 3, x=2, y=0.5) == 6.0
    assert nd_test.scaled_sum() == 0.0
    # many distinct keywords: more than the signature's name cache holds
    many = {f"k{i}": i for i in range(100)}
    assert nd_test.star_kwargs(**many) == "{" + ", ".join(f"k{i}={i}" for i in sorted(range(100), key=str)) + "}"
    assert nd_test.star_kwargs(**many) == nd_test.star_kwargs(**many)


def test_kwargs_value_errors_name_the_keyword():
    assert error(nd_test.star_kwargs, a="x") == "star_kwargs() argument 'a' must be int, not str"
    assert error(nd_test.scaled_sum, 1, scale="x") == "scaled_sum() argument 'scale' must be float, not str"
    many = {f"q{i}": 1 for i in range(60)}
    assert error(nd_test.star_kwargs, **many, bad=None) == "star_kwargs() argument 'bad' must be int, not None"
    with pytest.raises(OverflowError, match=r"^star_kwargs\(\) argument 'big' "):
        nd_test.star_kwargs(big=2**64)


def test_kwargs_keys_python_cannot_make_a_dotnet_string_of():
    with pytest.raises(UnicodeEncodeError):
        nd_test.star_kwargs(**{"\ud800": 1})


def test_class_members_get_the_kinds():
    box = nd_test.SigBox("n", x=1, y=2)
    assert box.name == "n"
    assert box.get("x") == 1
    assert box.get("q", fallback=9) == 9
    assert box.count_set("x", "z", "y") == 2
    assert box.count_set() == 0
    assert nd_test.SigBox.numbered("k", "a", "b").get("b") == 1
    assert error(box.get, key="x") == (
        "SigBox.get() got some positional-only arguments passed as keyword arguments: 'key'")
    assert error(box.get, "x", 5) == "SigBox.get() takes 1 positional argument but 2 were given"
    assert error(nd_test.SigBox, "n", x="bad") == "SigBox() argument 'x' must be int, not str"
    assert error(box.count_set, "a", 3) == "SigBox.count_set() argument 'keys'[1] must be str, not int"


def test_a_python_subclass_constructs_through_tp_new_with_kwargs():
    class Sub(nd_test.SigBox):
        pass
    s = Sub("n", a=5)
    assert s.get("a") == 5
    assert error(Sub, "n", a="x") == "SigBox() argument 'a' must be int, not str"


def test_overloads_with_keyword_only_parameters():
    assert nd_test.pick_kw(2.0, scale=3) == "float 6"
    assert nd_test.pick_kw("ab", repeat=2) == "str abab"
    assert nd_test.pick_kw("ab") == "str ab"
    with pytest.raises(TypeError):
        nd_test.pick_kw(2.0, 3.0)       # scale is keyword-only: no overload takes two positional arguments


def _unique_float():
    return float("1.2345")


def test_a_failed_element_leaks_nothing():
    x, y = _unique_float(), _unique_float()
    before = sys.getrefcount(x), sys.getrefcount(y)
    for _ in range(100):
        with pytest.raises(TypeError):
            nd_test.star_args(x, y, "third")
        with pytest.raises(TypeError):
            nd_test.sig_all(1, 2, x, y, "third")
        with pytest.raises(TypeError):
            nd_test.scaled_sum(x, y, a=x, b="no")
    assert (sys.getrefcount(x), sys.getrefcount(y)) == before


def test_object_elements_are_released_after_the_call_and_on_failure():
    o = object()
    before = sys.getrefcount(o)
    for _ in range(100):
        assert nd_test.star_objects(o, o, o) == 3
        assert nd_test.star_read_only_objects(o, o) == 2
        assert nd_test.kwargs_objects(a=o, b=o) == 2
        with pytest.raises(UnicodeEncodeError):   # the third keyword fails: the first two were converted
            nd_test.kwargs_objects(**{"a": o, "b": o, "\ud800": o})
    assert sys.getrefcount(o) == before


def test_kept_object_elements_belong_to_the_method():
    o = object()
    before = sys.getrefcount(o)
    assert nd_test.keep_objects(o, o) == 2
    assert sys.getrefcount(o) == before + 2
    nd_test.drop_kept()
    assert sys.getrefcount(o) == before


def test_stub_spells_the_kinds():
    stub = (pathlib.Path(nd_test.__file__).with_name("nd_test.pyi")).read_text()
    assert ("def sig_all(a: float, /, b: float, *args: float, c: int = 1, **kwargs: float) -> str:") in stub
    assert "def kw_only(a: int, *, b: int, c: int = 3) -> str:" in stub
    assert "def star_objects(*items: typing.Any) -> int:" in stub
    assert "def __init__(self, name: str, **values: int) -> None: ..." in stub
    assert "def get(self, key: str, /, *, fallback: int = 0) -> int:" in stub
    assert "def star_optional(*values: float | None) -> str:" in stub
    assert "def star_list(*names: str | None) -> str:" in stub
    assert "def star_optional_kwargs(**options: bool | None) -> str:" in stub


# Debian's mypy runs under Debian's interpreter only; the stub it checks is the same for every CPython.
MYPY_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def _mypy(path):
    env = dict(os.environ, MYPYPATH=str(pathlib.Path(nd_test.__file__).parent))
    env.pop("PYTHONPATH", None)
    return subprocess.run([MYPY_PYTHON, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull, path],
                          capture_output=True, text=True, env=env, cwd=HERE, timeout=300)


def test_mypy_accepts_right_calls_and_rejects_wrong_ones():
    if subprocess.run([MYPY_PYTHON, "-c", "import mypy"], capture_output=True).returncode != 0:
        pytest.skip("no mypy")
    right = _mypy("typing/uses_signatures.py")
    assert right.returncode == 0, right.stdout + right.stderr
    source = (HERE / "typing" / "misuses_signatures.py").read_text().splitlines()
    marked = {i for i, line in enumerate(source, start=1) if "# error:" in line}
    wrong = _mypy("typing/misuses_signatures.py")
    reported = {int(line.split(":")[1]) for line in wrong.stdout.splitlines() if ": error:" in line}
    assert reported == marked, wrong.stdout
