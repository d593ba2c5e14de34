"""Property-based fuzzing of every entry point of nd_ext and nd_test (issue 8, Reliability, item 1).

The targets are read from the modules themselves: every function, constructor, method (instance,
static, class), attribute (get, set, delete) and protocol slot listed in the module's type stub
and its submodules' (<module>/<sub>.pyi, imported as module.sub), written from the C# signatures
at publish time, so a new function is fuzzed without editing this file. Each example draws an
argument list (positional and keyword forms; positional-only parameters by position, keyword-only
ones by keyword, 0-4 extra *args values, **kwargs keywords; too few or too many arguments, unknown
or duplicate keywords, positional-only ones by keyword, keyword-only ones by position) from
well-typed values and from the broad strategy of fuzz_values.anything(), calls the target, and
checks the outcome:

* binding errors: the same TypeError message as a pure-Python function with the same signature
  (the same parameter kinds);
* conversion errors: predicted per parameter (an *args element, a **kwargs value) from the value
  and the parameter's kind, named by its place ('args'[1], the keyword) (type from
  the stub; integer range, [Ndim] and read-only/writable from probes of the module itself):
  TypeError / OverflowError / ValueError / UnicodeEncodeError naming the parameter, or the very
  exception (type and message) a user's __float__/__index__ raised;
* the body: an oracle where one exists (exact values, NaN and -0.0 included; arrays compared
  element by element, inputs unchanged, in-place results exactly the expected elements and no
  byte outside the view changed), otherwise only the exceptions documented for that target;
* no array argument changes unless the call wrote to it through a writable view;
* for issue 17's parameters (the kinds above; containers, values, enums): every argument and every
  element inside a container keeps its reference count across the call, success or error.

NDBINDGEN_FUZZ_EXAMPLES sets the number of examples per target (default 400: the whole file in
about 2 minutes on 2 cores). The default run is derandomized (the same examples every time, so CI
is reproducible; conftest.py); setting NDBINDGEN_FUZZ_EXAMPLES (or NDBINDGEN_RANDOM=1) draws new
ones: the opt-in long run is e.g.
`NDBINDGEN_FUZZ_EXAMPLES=100000 /usr/bin/python3 -m pytest tests/python/test_fuzz.py`.
At exit the file prints how many examples ran; NDBINDGEN_FUZZ_SUMMARY=2 lists them per target.
"""
import ast
import atexit
import copy
import functools
import gc
import importlib
import inspect
import math
import os
import pathlib
import re
import subprocess
import sys
import traceback
import datetime
import enum
import fractions
import operator
import types
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import nd_ext
import nd_test
import fuzz_containers
import fuzz_issue17_values as values17
from fuzz_values import (DTYPES, INT_RANGES, FuzzError, IndexLike, FloatLike, IntSub, RaisingFloat, RaisingIndex,
                         StrSub, anything, arrays, buffer_array, expect_float, expect_index, floats, ints, odd_arrays,
                         same, same_array, texts, to_float32)

EXAMPLES = int(os.environ.get("NDBINDGEN_FUZZ_EXAMPLES", "400"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=settings.default.derandomize,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])
COUNTS = {}   # target id -> examples run (reported at the end)
OUTCOMES = {"result": 0, "exception": 0}
PER_TARGET = {}   # target id -> [results, exceptions]


# --- targets from the stubs -----------------------------------------------------------------------

P = inspect.Parameter
NAMED = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)
STUB_IMPORTS = {}   # module name -> {class name: the module its stub imports it from}


def stub_path(module):
    """<module>.pyi beside the module's file; a submodule's <module>/<sub>.pyi beside that."""
    parts = module.__name__.split(".")
    return pathlib.Path(sys.modules[parts[0]].__file__).parent.joinpath(*parts[:-1], parts[-1] + ".pyi")


def stub_tree(module):
    tree = ast.parse(stub_path(module).read_text())
    STUB_IMPORTS[module.__name__] = {a.asname or a.name: n.module for n in tree.body
                                     if isinstance(n, ast.ImportFrom) for a in n.names}
    return tree


def with_submodules(module):
    """The module and its [PySubmodule]s, each imported as module.sub (found by their stubs)."""
    folder = pathlib.Path(module.__file__).parent / module.__name__
    return [module] + [importlib.import_module(f"{module.__name__}.{p.stem}") for p in sorted(folder.glob("*.pyi"))]


MODULES = {m.__name__: m for top in (nd_ext, nd_test) for m in with_submodules(top)}


def home_of(module, cls_name):
    """The module that defines a class a stub names: the stub's own module, or the one it imports the name from
    (a submodule's stub imports the parent's classes)."""
    if module.__name__ not in STUB_IMPORTS:
        stub_tree(module)
    return importlib.import_module(STUB_IMPORTS[module.__name__].get(cls_name, module.__name__))


def enum_home(target, base):
    """The module of an enum kind's class (a submodule's stub imports it from its parent)."""
    return home_of(target.module, base[5:]) if base.startswith("enum:") else target.module


class Param:
    def __init__(self, name, kind, default, pkind=P.POSITIONAL_OR_KEYWORD):
        self.name, self.kind, self.default = name, kind, default   # default: inspect.Parameter.empty if required
        self.pkind = pkind   # inspect's kind (the kind of an *args or **kwargs parameter is its elements')

    def __repr__(self):
        return f"{self.name}:{self.kind}"


def kind_of(annotation):
    """The parameter kind from its stub annotation: (base, nullable)."""
    text = ast.unparse(annotation)
    nullable = text.endswith(" | None")
    text = text.removesuffix(" | None")
    if text in ("int", "float", "str", "bool"):
        return (text, nullable)
    if text == "typing.Any":
        return ("any", True)
    if text.startswith("typing.Callable"):
        return ("callable", nullable)
    if text == "numpy.typing.ArrayLike":
        return ("array-like", nullable)   # [ArrayLike] views: test_array_likes.py fuzzes them against numpy.asarray
    m = re.fullmatch(r"numpy\.typing\.NDArray\[numpy\.(\w+)\]", text)
    if m:
        return ("array:" + ("bool" if m.group(1) == "bool_" else m.group(1)), nullable)
    if re.fullmatch(r"numpy\.typing\.NDArray\[_\w+_T\]", text):
        return ("generic-array", nullable)   # a generic function's array of T (test_fuzz_generic)
    if re.fullmatch(r"(bool|int|float|complex)( \| (bool|int|float|complex))+", text):
        return ("generic-scalar", nullable)  # its scalar T, converted by the chosen dtype's rules
    if fuzz_containers.parse(text) is not None:
        return ("container:" + text, nullable)   # fuzz_containers.py: strategies and predictions, element by element
    if (value_kind := values17.kind_of(text, nd_test)) is not None:
        return (value_kind, nullable)       # bytes, Decimal, the datetime types, enums: fuzz_issue17_values.py
    return ("class:" + text, nullable)


def kind_of_text(text):
    return kind_of(ast.parse(text, mode="eval").body)


class Target:
    """One entry point. kind: function, constructor, method, staticmethod, classmethod, attribute, protocols."""

    def __init__(self, module, kind, name, cls=None, params=(), returns=None, writable=False, dunders=()):
        self.module, self.kind, self.name, self.cls = module, kind, name, cls
        self.params, self.returns, self.writable, self.dunders = list(params), returns, writable, list(dunders)
        self.readable, self.deletable = True, False   # a write-only property; [PyProperty(Deletable = true)]
        self.qual = {"function": name, "constructor": cls, "protocols": cls}.get(kind, f"{cls}.{name}")
        if kind == "overloaded":   # a module function, a class's __init__ (the class) or one of its methods
            self.qual = name if cls is None else cls if name == "__init__" else f"{cls}.{name}"
        self.id = f"{module.__name__}.{self.qual}" + {"attribute": "@attr", "protocols": "@protocols"}.get(kind, "")

    @property
    def pycls(self):
        return getattr(self.module, self.cls)

    def __repr__(self):
        return self.id


def _params(module, fn, qualified, skip_first):
    """The stub's parameters in Python's order, each with its kind; defaults (and the kinds, checked) from the
    callable's signature."""
    a = fn.args
    stub = [(x, P.POSITIONAL_ONLY) for x in a.posonlyargs] + [(x, P.POSITIONAL_OR_KEYWORD) for x in a.args]
    stub = stub[1:] if skip_first else stub
    stub += [(a.vararg, P.VAR_POSITIONAL)] if a.vararg else []
    stub += [(x, P.KEYWORD_ONLY) for x in a.kwonlyargs]
    stub += [(a.kwarg, P.VAR_KEYWORD)] if a.kwarg else []
    signature = inspect.signature(qualified())
    result = [Param(x.arg, _with_unit(kind_of(x.annotation), x.arg, qualified), signature.parameters[x.arg].default, k)
              for x, k in stub]
    assert [(p.name, p.pkind) for p in result] == [(q.name, q.kind) for q in signature.parameters.values()], \
        (fn.name, signature)
    return result


def _with_unit(kind, name, qualified):
    """A datetime64/timedelta64 array's unit, which the stub cannot say (numpy.datetime64 has none): from the
    docstring's "name : numpy.ndarray[datetime64[ns]]"."""
    if kind[0] not in ("array:datetime64", "array:timedelta64"):
        return kind
    m = re.search(rf"^{name} : numpy\.ndarray\[((?:datetime|timedelta)64\[\w+\])\]$", qualified().__doc__ or "", re.M)
    assert m, f"{name}: no unit in the docstring"
    return ("array:" + m.group(1), kind[1])


def has_other_kinds(target):
    """Positional-only, keyword-only, *args or **kwargs parameters."""
    return any(p.pkind is not P.POSITIONAL_OR_KEYWORD for p in target.params)


def is_overloaded(node):
    return any(ast.unparse(d) == "typing.overload" for d in node.decorator_list)


def discover(module):
    targets = []
    if module.__name__ not in STUB_IMPORTS:
        stub_tree(module)
    for node in stub_tree(module).body:
        if isinstance(node, ast.FunctionDef) and is_overloaded(node):
            # One Python callable over several C# overloads (no single signature): test_fuzz_overloaded.
            if not any(t.kind == "overloaded" and t.cls is None and t.name == node.name for t in targets):
                targets.append(Target(module, "overloaded", node.name))
        elif isinstance(node, ast.FunctionDef):
            targets.append(Target(module, "function", node.name,
                                  params=_params(module, node, lambda n=node.name: getattr(module, n), False),
                                  returns=ast.unparse(node.returns)))
        elif isinstance(node, ast.ClassDef):
            cls = getattr(module, node.name)
            if issubclass(cls, BaseException):
                continue   # a [PyException] class: Python's own exception type, its attributes set when C# raises it
            dunders = []
            for item in node.body:
                if isinstance(item, ast.AnnAssign):
                    name = item.target.id
                    if ast.unparse(item.annotation).startswith(("typing.ClassVar", "typing.Final")):
                        continue   # a class attribute: read-only, no entry point to fuzz (test_class_attributes.py)
                    if name == "__hash__":
                        dunders.append(name)
                    else:
                        targets.append(Target(module, "attribute", name, node.name, [Param("value", kind_of(item.annotation), inspect.Parameter.empty)], writable=True))
                    continue
                if not isinstance(item, ast.FunctionDef):
                    continue
                decorators = [ast.unparse(d) for d in item.decorator_list]
                if item.name in ("__getattr__", "__setattr__", "__delattr__"):
                    continue   # a [PyClass(Dict = true)]'s stub: CPython's own attribute access
                if f"{item.name}.setter" in decorators or f"{item.name}.deleter" in decorators:
                    # The accessors of the property just declared (a write-only or deletable one).
                    prop = next(t for t in targets if t.kind == "attribute" and t.cls == node.name and t.name == item.name)
                    prop.writable = True
                    prop.deletable |= f"{item.name}.deleter" in decorators
                    prop.readable = (f"{module.__name__}.{node.name}.{item.name}") not in WRITE_ONLY
                    continue
                # __call__ has a method's signature (issue 18): fuzzed as a method, called as obj(...).
                is_method = not item.name.startswith("__") or item.name == "__call__"
                if is_overloaded(item) and (item.name == "__init__" or is_method):
                    # Overloaded constructors or methods: one Python callable, test_fuzz_overloaded
                    # (overloaded operators are number slots, fuzzed with the other protocols).
                    if not any(t.kind == "overloaded" and t.cls == node.name and t.name == item.name for t in targets):
                        targets.append(Target(module, "overloaded", item.name, node.name))
                elif item.name == "__init__":
                    targets.append(Target(module, "constructor", item.name, node.name,
                                          _params(module, item, lambda c=cls: c, True)))
                elif "property" in decorators:
                    targets.append(Target(module, "attribute", item.name, node.name, [Param("value", kind_of(item.returns), inspect.Parameter.empty)], writable=False))
                elif not is_method:
                    if item.name not in dunders:
                        dunders.append(item.name)
                elif "staticmethod" in decorators:
                    targets.append(Target(module, "staticmethod", item.name, node.name,
                                          _params(module, item, lambda c=cls, n=item.name: getattr(c, n), False),
                                          ast.unparse(item.returns)))
                elif "classmethod" in decorators:
                    targets.append(Target(module, "classmethod", item.name, node.name,
                                          _params(module, item, lambda c=cls, n=item.name: getattr(c, n), True),
                                          ast.unparse(item.returns)))
                else:
                    targets.append(Target(module, "method", item.name, node.name,
                                          _params(module, item, lambda c=cls, n=item.name: getattr(placeholder_instance(c), n), True),
                                          ast.unparse(item.returns)))
            if dunders:
                targets.append(Target(module, "protocols", "protocols", node.name, dunders=dunders))
    return targets


# Write-only properties (a setter, no public getter): the stub gives the getter the setter's type, for checkers.
WRITE_ONLY = {"nd_test.Box.secret"}

# Constructor arguments for a placeholder instance (used only to read a bound method's signature).
PLACEHOLDER_CTOR = {"Swatch": ("s",), "SigBox": ("n",), "Animal": ("a",), "Money": (1,), "Fraction": (1,), "Reading": (1,), "Record": (1,), "Samples": (2,), "Tally": (1,), "Version2": (1,),
                    "Rect": (1.0, 2.0), "ConstPoint": (1.0, 2.0), "Quad": (1.0, 2.0), "Plate": (1.0,),
                    # tests/NdTestModule/ClassesContainers.cs
                    "IntSequence": ([1],), "Text": ("a",), "Ring": ([1],), "Tags": ([],), "Countdown": (1,),
                    "Once": (1,), "Joiner": ("-",),
                    # tests/NdTestModule/ClassesPickle.cs
                    "PVec": (1.0,), "PBox": (None,), "PSecret": (1,), "PHidden": (1,), "PNoPickle": (1,),
                    "PHandReduce": (1,), "PMeasure": (1.0,),
                    # tests/NdTestModule/ClassStructs.cs
                    "SVec": (1.0,),
                    # tests/NdTestModule/ArraysViews.cs
                    "ArrayHolder": (None,)}

# Classes Python cannot construct (abstract, or made by C# only): how to get instances of them.
MADE_BY = {
    "Figure": [lambda: nd_test.Square(1.5), lambda: nd_test.Circle(0.5), lambda: nd_test.Quad(1.0, 2.0)],
    "Ticket": [lambda: nd_test.issue_ticket(3)],
    "Shape": [lambda: nd_ext.Square(2.0), lambda: nd_ext.Rectangle(1.0, 2.0)],
}


def placeholder_instance(cls):
    """An instance of cls, only to read a bound method's signature."""
    made = MADE_BY.get(cls.__name__)
    return made[0]() if made else cls(*PLACEHOLDER_CTOR.get(cls.__name__, ()))

# Entry points that are not fuzzed here, and why.
SKIP = {
    # Starts C# threads that call back into Python; an exception on such a thread cannot be caught
    # by the entry point and ends the process, so it is fuzzed in a child process instead
    # (test_call_from_threads_in_a_child_process below).
    "nd_test.call_from_threads": "fuzzed in a child process (a C# thread's unhandled exception ends the process)",
    # tests/NdTestModule/HostileThreads.cs: hostile cases, each run in a child interpreter by test_hostile_threads.py.
    "nd_test.call_until_refused": "starts C# threads that call back until the interpreter exits",
    "nd_test.spin_without_gil": "spins for its argument's seconds, until Ctrl-C",
    "nd_test.call_in_scope": "calls its argument inside a PyScope; covered by test_hostile_threads",
    "nd_test.store_eval": "evaluates its argument; covered by test_hostile_threads",
    # Call whatever they are given, to be re-entered on purpose: test_hostile_recursion.py.
    "nd_test.call_back": "recursion helper; test_hostile_recursion.py",
    "nd_test.call_ref": "recursion helper; test_hostile_recursion.py",
    "nd_test.zoo_speak_many": "a benchmark loop as long as its argument; test_class_overrides.py",
    "nd_test.raise_group": "raises a BaseExceptionGroup (a KeyboardInterrupt inside) on purpose; test_exception_raising.py",
    # Issue 19's raise paths that call what they are given: test_refcounts.py and test_leaks.py.
    "nd_test.raise_path_reraise": "calls its argument; test_refcounts.py, test_leaks.py",
    "nd_test.raise_path_wrapped": "calls its argument; test_refcounts.py, test_leaks.py",
}
# Entry points that exist for the hostile-view programs (Python code changing an array mid-call).
SKIP.update({t.id: "hostile views: test_hostile_views.py" for t in discover(nd_test)
             if t.id.split(".")[1] in ("get_first", "set_first", "shape_after", "weighted_sum", "rows_across_callback", "ViewTaker")})

# Issue 18's containers, own iterators and context managers: their slices, mapping keys, KeyError, __next__ and
# with have their own tests (their __call__s are fuzzed as methods).
SKIP.update({t.id: "containers, iterators, with: test_class_containers.py" for t in discover(nd_test)
             if t.kind == "protocols" and t.cls in ("IntSequence", "Text", "Ring", "Settings", "Grid", "Tags",
                                                    "Countdown", "Once", "Resource", "Transaction")})


def is_generic(target):
    return any(p.kind[0].startswith("generic-") for p in target.params)


# Generic functions (one Python function over several dtypes) have their own test, test_fuzz_generic:
# which conversion applies to the scalar depends on the array's dtype.
# Thrower fails on purpose, wherever fail_in says: test_exceptions_everywhere.py checks each place.
SKIP.update({t.id: "throws on purpose; test_exceptions_everywhere.py" for t in discover(nd_test) if t.cls == "Thrower"})
SKIP.update({t.id: "borrow tracking (callbacks, raising on purpose, GIL-free kernels): test_array_borrows.py"
             for t in discover(nd_test) if t.id.split(".")[1].startswith("borrow_")})

def takes_array_likes(target):
    return any(p.kind[0] == "array-like" for p in target.params)


# [ArrayLike] parameters accept whatever numpy converts: test_array_likes.py's own Hypothesis test.
SKIP.update({t.id: "array-likes: test_array_likes.py" for m in MODULES.values() for t in discover(m) if takes_array_likes(t)})

TARGETS = [t for m in MODULES.values() for t in discover(m) if t.id not in SKIP and not is_generic(t) and t.kind != "overloaded"]
GENERIC_TARGETS = [t for m in MODULES.values() for t in discover(m) if is_generic(t)]
OVERLOADED_TARGETS = [t for m in MODULES.values() for t in discover(m) if t.kind == "overloaded"]


# --- per-parameter value strategies ---------------------------------------------------------------

def safe_code():
    """Source text for exec/eval: curated snippets (errors of every kind, NUL bytes) and random text
    that cannot spell a long computation or a side effect."""
    snippets = ["1+1", "1.5", "float('nan')", "1e400", "-0.0", "1/0", "x", "(", "", "[1, 2]", "'a'", "2**70", "10**400",
                "1j", "None", "True", "def", "pass", "y = 3", "raise KeyError('k')", "raise ValueError('v') from KeyError('i')",
                "1\x00+5", "x = 1\x00raise SystemExit", "\x00", "raise FuzzError", "'\\ud800'", "b'\\xff'", "[][0]", "{}['k']",
                "int('x')", "1 if True else", "lambda: 0", "(lambda: 1)()", "9.5e-324", "0xff", "1_000"]
    banned = ("*", "<<", "while", "import", "open", "exit", "__", "input", "breakpoint", "help", "exec", "eval", "quit", "compile")
    return st.sampled_from(snippets) | texts().filter(lambda s: not any(b in s for b in banned))


def small_or_huge():
    """Sizes that allocate at most a few elements, or so many that allocation must fail cleanly."""
    return st.integers(-3, 12) | st.sampled_from([2**40, 2**62, 2**63 - 1, 2**63, 2**64, -2**63, 2**100, -2**100])


class Recorder:
    """A callable that records its calls."""

    def __init__(self, result=None):
        self.calls, self.result = [], result

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return self.result

    def __repr__(self):
        return f"Recorder({self.result!r})"


def _raiser(*args, **kwargs):
    raise FuzzError("callback")


def _double(x):
    return x * 2.0


def _seven(x):
    return 7


def _to_str(x):
    return "s"


def _sub(a, b):
    return a - b


def _pair(a, b=0.0):
    return (a, b)


SAFE_SECONDS = [0.0, -0.0, 1e-4, 5e-324, math.nan, -math.inf, -5.0, -1e300]
NOT_NUMBERS = st.one_of(texts(), st.none(), st.binary(max_size=4), st.lists(st.integers(), max_size=2),
                        st.integers(0, 9).map(RaisingFloat), st.integers(0, 9).map(RaisingIndex))

NAMESPACES = st.dictionaries(st.sampled_from(["a", "b"]), st.integers() | st.text(max_size=3), max_size=2).map(lambda d: types.SimpleNamespace(**d))

OVERRIDES = {
    # Parameters typed object whose bodies call or set attributes: mostly callables and namespaces.
    "nd_test.call_with_keyword.func": st.integers(0, 4).flatmap(lambda i: st.deferred(lambda: CALLABLES) if i else anything()),
    "nd_test.swap_attr.obj": st.integers(0, 4).flatmap(lambda i: NAMESPACES if i else anything()),
    "nd_test.swap_attr.name": st.sampled_from(["a", "b", "c"]) | texts(),
    # Sizes: a broad int could ask for gigabytes (numpy would get them, and fill them).
    "nd_test.arange.n": small_or_huge(), "nd_test.eye.n": small_or_huge(), "nd_test.ones.n": small_or_huge(),
    "nd_test.index_past_end.n": small_or_huge(), "nd_test.zeros2d.rows": small_or_huge(),
    "nd_test.zeros2d.cols": small_or_huge(), "nd_test.digits3d.a": small_or_huge(), "nd_test.digits3d.b": small_or_huge(),
    "nd_test.digits3d.c": small_or_huge(), "nd_test.Samples.size": small_or_huge(), "nd_test.eval_loop.n": small_or_huge(),
    "nd_test.scale_parallel.repeat": small_or_huge(), "nd_test.scale_serial.repeat": small_or_huge(),
    "nd_test.churn.count": small_or_huge(),
    "nd_test.add_row_index_parallel.repeat": small_or_huge(), "nd_test.from_tensor.rows": small_or_huge(),
    "nd_test.from_tensor.cols": small_or_huge(),
    "nd_test.range.n": small_or_huge(), "nd_test.make_dict.n": small_or_huge(), "nd_ext.make_list.n": small_or_huge(),
    "nd_test.two_arrays.n": small_or_huge(), "nd_test.aranges.lengths": st.lists(st.integers(-3, 12), max_size=3),
    "nd_test.days_from.count": small_or_huge(), "nd_test.none_array.rows": small_or_huge(),
    "nd_test.none_array.columns": small_or_huge(), "nd_test.range_objects.n": small_or_huge(),
    # Durations: a broad float would sleep or spin for hours (and Thread.Sleep(-1 ms) forever).
    "nd_test.sleep_without_gil.seconds": st.sampled_from(SAFE_SECONDS + [math.inf, 1e300]) | NOT_NUMBERS,
    "nd_test.spin_checking.seconds": st.sampled_from(SAFE_SECONDS) | NOT_NUMBERS,
    # Code: random text is harmless, but some strings would compute for ever.
    "nd_test.eval_float.expression": safe_code(), "nd_test.exec.code": safe_code(), "nd_test.exec_catching.code": safe_code(),
}

dt_minute, dt_zero, dt_14h = datetime.timedelta(minutes=1), datetime.timedelta(0), datetime.timedelta(hours=14)

CALLABLES = st.sampled_from([_double, _seven, _to_str, _raiser, abs, float, _sub, _pair]) | st.builds(Recorder, st.sampled_from([None, 1.5, "x"]))


@functools.lru_cache(maxsize=None)
def instances(cls_name, module=nd_test):
    """Well-made instances of a class (and of a Python subclass where the class allows one)."""
    module = home_of(module, cls_name)   # a submodule's stub names its parent's classes too
    cls = getattr(module, cls_name)
    if cls_name in MADE_BY:
        return st.sampled_from(MADE_BY[cls_name]).map(lambda make: make())
    ctor = next((t for t in ALL_TARGETS if t.kind == "constructor" and t.cls == cls_name and t.module is module), None)
    if ctor is None:   # overloaded constructors (no single signature, test_fuzz_overloaded): the placeholder's arguments
        args = st.just((PLACEHOLDER_CTOR.get(cls_name, ()), {}))
    else:   # the required parameters: positional ones positionally, keyword-only ones by keyword
        required = [p for p in ctor.params if p.default is P.empty and p.pkind in NAMED]
        args = st.tuples(*[good(ctor, p) for p in required]).map(lambda v: (
            tuple(x for p, x in zip(required, v) if p.pkind is not P.KEYWORD_ONLY),
            {p.name: x for p, x in zip(required, v) if p.pkind is P.KEYWORD_ONLY}))

    def make(call):
        try:
            with strict():
                return cls(*call[0], **call[1])
        except Exception:
            return None
    base = args.map(make).filter(lambda x: x is not None)
    if cls_name == "Node":   # some nodes already have a parent (adding them again is a ValueError)
        base = base | base.map(_with_parent)
    if cls.__flags__ & (1 << 10):   # subclassable
        sub = type(f"Py{cls_name}", (cls,), {})
        return base | args.map(lambda v: _try(sub, v)).filter(lambda x: x is not None)
    return base


def _with_parent(node):
    nd_ext.Node().add(node)
    return node


def _try(f, call):
    try:
        with strict():
            return f(*call[0], **call[1])
    except Exception:
        return None


def good(target, param):
    """Values the parameter accepts (mostly), so that the body runs."""
    return _good(target, param.name, param.kind)


@functools.lru_cache(maxsize=None)
def _good(target, name, kind):
    param = next((p for p in getattr(target, "params", ()) if p.name == name), None) or Param(name, kind, None)
    key = f"{target.module.__name__}.{target.qual}.{param.name}"
    if key in OVERRIDES:
        return OVERRIDES[key]
    base, nullable = param.kind
    if base == "int":
        lo, hi = int_range(target, param) or (-2**63, 2**63 - 1)
        s = st.integers(max(lo, -2), min(hi, 6)) | st.integers(lo, hi) | st.sampled_from([lo, hi, 0, 1, -1 if lo < 0 else 2]) | st.integers(lo, hi).map(IntSub) \
            | st.integers(max(lo, -2**63), min(hi, 2**63 - 1)).map(np.int64) | st.integers(lo, hi).map(IndexLike)
    elif base == "float":
        s = floats() | st.integers(-2**53, 2**53) | floats().map(np.float64) | floats().map(FloatLike) \
            | st.floats(width=32).map(np.float32)
    elif base == "str":
        s = texts() | st.sampled_from(["one", "two", "EUR", "a b  c", ""]) | st.text(max_size=5).map(StrSub)
    elif base == "bool":
        s = st.booleans() | st.sampled_from([np.True_, np.False_])
    elif base == "any":
        s = anything()
    elif base == "callable":
        s = CALLABLES
    elif base.startswith("array:"):
        dtype = base[6:]
        n = ndim_of(target, param)
        s = arrays(dtype, max_dims=4) if n is None else arrays(dtype, min_dims=n, max_dims=n).filter(lambda a, n=n: a.ndim == n)
    elif base.startswith("class:"):
        s = st.deferred(lambda c=base[6:], m=target.module: instances(c, m))
    elif base.startswith("container:"):
        # Elements of every kind; ints small enough for any C# integer type (the range is probed for the others).
        def element(a):
            return st.integers(0, 100) if a == "int" else _good(target, name + "[]", kind_of_text(a))
        good_value = fuzz_containers.strategy(base[10:], element)
        # Now and then one bad element deep inside: the place in the message.
        s = st.integers(0, 7).flatmap(lambda i: good_value if i else fuzz_containers.strategy(
            base[10:], lambda a: element(a) | anything()))
    elif base.startswith(("value:", "enum:")):
        s = values17.good(base, enum_home(target, base))
    else:
        raise AssertionError(base)
    return s | st.none() if nullable else s


def values_for(target, param):
    return _values_for(target, param.name, param.kind)


@functools.lru_cache(maxsize=None)
def _values_for(target, name, kind):
    param = next((p for p in getattr(target, "params", ()) if p.name == name), None) or Param(name, kind, None)
    key = f"{target.module.__name__}.{target.qual}.{param.name}"
    if key in OVERRIDES:
        return OVERRIDES[key]
    g = good(target, param)
    return st.integers(0, 5).flatmap(lambda i: g if i else anything())   # mostly well-typed, so that bodies run


# --- probes: what the stub does not say -----------------------------------------------------------

class strict:
    """Warnings are errors (as under pytest.ini); conversions that warn must raise the same warning."""

    def __enter__(self):
        self.ctx = warnings.catch_warnings()
        self.ctx.__enter__()
        warnings.simplefilter("error")

    def __exit__(self, *exc):
        self.ctx.__exit__(*exc)


def placeholder(target, param, ndim=None):
    base, _ = param.kind
    if base == "int":
        return 1
    if base == "float":
        return 1.0
    if base == "str":
        return "one"
    if base == "bool":
        return True
    if base == "any":
        return None
    if base == "callable":
        return _seven
    if base.startswith("array:"):
        n = ndim_of(target, param) if ndim is None else ndim
        return np.ones((2,) * (1 if n is None else n), dtype=base[6:])
    if base.startswith("class:"):
        return placeholder_instance(getattr(home_of(target.module, base[6:]), base[6:]))
    if base.startswith("container:"):
        kind, items = fuzz_containers.parse(base[10:])
        if kind == "tuple":
            return tuple(placeholder(target, Param(param.name, kind_of_text(i), None)) for i in items)
        return {} if kind in ("typing.Mapping", "dict") else []
    if base.startswith(("value:", "enum:")):
        return values17.placeholder(base, enum_home(target, base))
    raise AssertionError(base)


_PROBES = {}


def _probe_call(target, param, value, extra=None):
    """Call target with placeholders and value for param; the exception, or None."""
    if target.kind == "attribute":
        obj = placeholder_instance(target.pycls)
        call = lambda: setattr(obj, target.name, value)   # noqa: E731
    else:
        # Placeholders for the named parameters (positional-only ones positionally); the probed value in its place:
        # an *args element after every positional parameter, a **kwargs value under a name of its own.
        by_position = param.pkind is P.VAR_POSITIONAL
        args = [value if p is param else placeholder(target, p) for p in target.params
                if p.pkind is P.POSITIONAL_ONLY or (by_position and p.pkind is P.POSITIONAL_OR_KEYWORD)]
        args += [value] if by_position else []
        kwargs = {p.name: (value if p is param else placeholder(target, p)) for p in target.params
                  if p.pkind is P.KEYWORD_ONLY or (not by_position and p.pkind is P.POSITIONAL_OR_KEYWORD)}
        kwargs.update({"probed_value": value} if param.pkind is P.VAR_KEYWORD else {})
        fn = callable_of(target, placeholder_instance(target.pycls) if target.kind == "method" else None)
        call = lambda: fn(*args, **kwargs)   # noqa: E731
    try:
        with strict():
            call()
    except Exception as e:
        return e
    return None


def int_range(target, param):
    """The C# integer range of an int parameter: from the OverflowError for 2**200."""
    key = (target.id, param.name, "range")
    if key not in _PROBES:
        e = _probe_call(target, param, 2**200)
        m = re.search(r"is out of range for \w+ \((-?\d+) to (\d+)\)", str(e)) if isinstance(e, OverflowError) else None
        _PROBES[key] = (int(m.group(1)), int(m.group(2))) if m else None
        assert _PROBES[key] is None or _PROBES[key] in INT_RANGES, f"{target.id}({param.name}): odd range {_PROBES[key]}"
    return _PROBES[key]


def ndim_of(target, param):
    """[Ndim(n)] of an array parameter: from the TypeError for a 5-dimensional array."""
    key = (target.id, param.name, "ndim")
    if key not in _PROBES:
        _PROBES[key] = None
        e = _probe_call(target, param, np.ones((1,) * 5, dtype=param.kind[0][6:]))
        m = re.search(rf"argument '{param.name}' must be a (\d+)-dimensional array", str(e)) if isinstance(e, TypeError) else None
        _PROBES[key] = int(m.group(1)) if m else None
    return _PROBES[key]


def writes_to(target, param):
    """Whether an array parameter is a writable view (NdViewMut): a read-only array is refused.
    A scalar parameter handed a 0-d array only reads it."""
    if not param.kind[0].startswith("array:"):
        return False
    key = (target.id, param.name, "mut")
    if key not in _PROBES:
        arr = placeholder(target, param)
        arr.flags.writeable = False
        e = _probe_call(target, param, arr)
        _PROBES[key] = isinstance(e, ValueError) and f"argument '{param.name}' is a read-only array" in str(e)
    return _PROBES[key]


def callable_of(target, instance):
    if target.kind == "function":
        return getattr(target.module, target.name)
    if target.kind == "constructor":
        return target.pycls
    if target.kind == "method":
        # obj(...) goes through tp_call, which hands the (tuple, dict) to the same entry point obj.__call__ is.
        return instance if target.name == "__call__" else getattr(instance, target.name)
    return getattr(target.pycls if instance is None else instance, target.name)


# --- binding: a pure-Python twin with the same signature ------------------------------------------

_TWINS = {}


def signature_text(params):
    """The parameter list of a Python function with these names and kinds (a default stands as None)."""
    parts = []
    for i, p in enumerate(params):
        if p.pkind is P.KEYWORD_ONLY and not any(q.pkind in (P.KEYWORD_ONLY, P.VAR_POSITIONAL) for q in params[:i]):
            parts.append("*")
        star = {P.VAR_POSITIONAL: "*", P.VAR_KEYWORD: "**"}.get(p.pkind, "")
        parts.append(star + p.name + ("" if p.default is P.empty else "=None"))
        if p.pkind is P.POSITIONAL_ONLY and (i + 1 == len(params) or params[i + 1].pkind is not P.POSITIONAL_ONLY):
            parts.append("/")
    return ", ".join(parts)


def twin(target):
    if target.id not in _TWINS:
        params = signature_text(target.params)
        ns = {}
        if target.kind == "function":
            exec(f"def {target.name}({params}): pass", ns)
            _TWINS[target.id] = ns[target.name]
        elif target.kind == "constructor":
            exec(f"def {target.cls}({params}): pass", ns)
            _TWINS[target.id] = ns[target.cls]
        else:
            exec(f"class {target.cls}:\n    def {target.name}({params}): pass", ns)
            _TWINS[target.id] = ns[target.cls].__dict__[target.name]
    return _TWINS[target.id]


def binding_error(target, args, kwargs):
    """The TypeError message CPython gives a Python function of the same signature, or None."""
    if not target.params and args:
        return f"{target.qual}() takes no arguments ({len(args)} given)"   # METH_NOARGS wording, as builtins
    try:
        twin(target)(*args, **kwargs)
    except TypeError as e:
        return str(e)
    return None


def bind(target, args, kwargs):
    """Parameter name -> value as Python binds the call (an *args parameter gets the tuple of the extra positional
    values, a **kwargs parameter the dict of the other keywords, in the call's order); a call that does not bind:
    what it passes by position and by name, as far as that goes."""
    try:
        return dict(inspect.signature(twin(target)).bind(*args, **kwargs).arguments)
    except TypeError:
        bound = dict(zip([p.name for p in target.params if p.pkind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)], args))
        bound.update({k: v for k, v in kwargs.items() if any(p.name == k and p.pkind in NAMED for p in target.params)})
        return bound


def raw_values(target, bound):
    """Every value the call passes: the named ones, *args' elements, **kwargs' values."""
    for p in target.params:
        if p.name in bound:
            v = bound[p.name]
            yield from (v if p.pkind is P.VAR_POSITIONAL else v.values() if p.pkind is P.VAR_KEYWORD else (v,))


# --- conversion prediction ------------------------------------------------------------------------

class Raise:
    """An expected exception: one of several (type, message regex) pairs."""
    named = False   # (predict: the refusal of a named parameter)

    def __init__(self, *alternatives):
        self.alternatives = list(alternatives)

    def matches(self, e):
        for t, rx in self.alternatives:
            kind_ok = type(e) is t if (t is FuzzError or issubclass(t, Warning)) else isinstance(e, t)
            text = e.args[0] if isinstance(e, KeyError) and len(e.args) == 1 and isinstance(e.args[0], str) else str(e)
            if kind_ok and (rx is None or re.search(rx, text, re.S)):
                return True
        return False

    def __repr__(self):
        return f"Raise({self.alternatives})"


def convert(target, param, value, where):
    """("ok", converted) or a Raise for a value passed to a parameter."""
    base, nullable = param.kind
    if value is None and nullable:
        return ("ok", None)
    name = re.escape(param.name)
    if base == "int":
        r = expect_index(value)
        if r[0] == "raise":
            return Raise((r[1], rf"{where}.*must be int, not " if r[1] is TypeError and r[2] else r[2]))
        rng = int_range(target, param)
        if rng and not rng[0] <= r[1] <= rng[1]:
            return Raise((OverflowError, rf"{where} = -?[0-9.]+ is out of range for \w+ \({rng[0]} to {rng[1]}\)"))
        return ("ok", r[1])
    if base == "float":
        r = expect_float(value)
        if r[0] == "raise":
            return Raise((r[1], rf"{where}.*must be float, not " if r[1] is TypeError and r[2] else r[2]))
        return ("ok", r[1])
    if base == "str":
        if not isinstance(value, str):
            return Raise((TypeError, rf"{where}.*must be str, not "))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return Raise((UnicodeEncodeError, "surrogates not allowed"))
        return ("ok", str(value))
    if base == "bool":
        if type(value) is bool or isinstance(value, np.bool_):
            return ("ok", bool(value))
        return Raise((TypeError, rf"{where}.*must be bool, not "))
    if base == "any":
        return ("ok", value)
    if base == "callable":
        return ("ok", value) if callable(value) else Raise((TypeError, rf"{where}.*must be callable, not "))
    if base.startswith(("value:", "enum:")):
        return values17.convert(base, enum_home(target, base), value, where, lambda t, pattern: Raise((t, pattern)))
    if base.startswith("class:"):
        home = home_of(target.module, base[6:])
        cls = getattr(home, base[6:])
        return ("ok", value) if isinstance(value, cls) else Raise((TypeError, rf"{where}.*must be {re.escape(home.__name__)}\.{base[6:]}, not "))
    if base.startswith("container:"):
        return convert_container(target, param, value, where)
    if base.startswith("array:"):
        dtype = np.dtype(base[6:])
        arr = buffer_array(value)
        if arr is None:
            return Raise((TypeError, rf"{where}.*must be numpy\.ndarray of {re.escape(str(dtype))}, not "))
        problems = []
        if arr.dtype != dtype or not arr.dtype.isnative:
            problems.append((TypeError, rf"{where}.*must be an array of {re.escape(str(dtype))}, not an array of "))
        n = ndim_of(target, param)
        if n is not None and arr.ndim != n:
            problems.append((TypeError, rf"{where}.*must be a {n}-dimensional array, not {arr.ndim}-dimensional"))
        if writes_to(target, param) and not arr.flags.writeable:
            problems.append((ValueError, rf"{where}.*is a read-only array, but .* writes to it"))
        return Raise(*problems) if problems else ("ok", arr)
    raise AssertionError(base)


class Unknown:
    """A converted container the model could not predict (a numpy array, a range, ...): no oracle applies."""


def convert_container(target, param, value, where):
    annotation = param.kind[0][10:] + (" | None" if param.kind[1] else "")
    rng = container_int_range(target, param)

    def element(a, v, w):
        if a == "int":
            r = expect_index(v)
            if r[0] == "raise":
                return Raise((r[1], rf"{w}.*must be int, not " if r[1] is TypeError and r[2] else r[2]))
            if rng and not rng[0] <= r[1] <= rng[1]:
                return Raise((OverflowError, rf"{w} = -?[0-9.]+ is out of range for \w+ \({rng[0]} to {rng[1]}\)"))
            return ("ok", r[1])
        return convert(target, Param(param.name, kind_of_text(a), None), v, w)

    try:
        return fuzz_containers.convert(annotation, value, where, element, lambda t, rx: Raise((t, rx)))
    except fuzz_containers.Unpredictable:
        return ("ok", Unknown())


def container_int_range(target, param):
    """The C# range of a container's int elements: from the OverflowError for 2**200 in every int place."""
    key = (target.id, param.name, "container-range")
    if key not in _PROBES:
        annotation = param.kind[0][10:]
        value = fuzz_containers.with_ints(annotation, _one(annotation), 2**200)
        e = _probe_call(target, param, value)
        m = re.search(r"is out of range for \w+ \((-?\d+) to (\d+)\)", str(e)) if isinstance(e, OverflowError) else None
        _PROBES[key] = (int(m.group(1)), int(m.group(2))) if m else None
    return _PROBES[key]


def _one(annotation):
    """A deterministic well-typed value with one element in every place (for probing)."""
    annotation = annotation.removesuffix(" | None")
    parsed = fuzz_containers.parse(annotation)
    if parsed is None:
        return {"int": 1, "float": 1.0, "str": "a", "bool": True}.get(annotation)
    kind, items = parsed
    if kind == "tuple":
        return tuple(_one(i) for i in items)
    first = _one(items[0])
    if kind in ("typing.Mapping", "dict"):
        return {first: _one(items[1])} if first is not None else {}
    if kind in ("typing.Iterable", "set"):
        return {first} if first is not None else set()
    return [first]


# --- memory snapshots: which array arguments may change, and how ----------------------------------

class Snapshot:
    """The bytes of the memory behind an array argument, to check what a call changed."""

    def __init__(self, arr):
        self.arr = arr
        root = arr
        while isinstance(root.base, np.ndarray):
            root = root.base
        # An object array's bytes are pointers numpy cannot wrap again: its elements compared instead.
        if (root.flags.c_contiguous or root.flags.f_contiguous) and arr.dtype != object:
            self.root, self.before = root, root.tobytes(order="A")
        else:
            self.root, self.before = None, arr.copy()

    def unchanged(self):
        if self.root is None:
            return same_array(self.arr, self.before)
        return self.root.tobytes(order="A") == self.before

    def only_view_changed(self):
        """Bytes outside the view are as before (the view's own elements are checked by an oracle)."""
        if self.root is None or self.arr.size == 0:
            return self.unchanged() if self.arr.size == 0 else True
        mirror = bytearray(self.before)
        offset = self.arr.__array_interface__["data"][0] - self.root.__array_interface__["data"][0]
        view = np.ndarray(self.arr.shape, self.arr.dtype, buffer=mirror, offset=offset, strides=self.arr.strides)
        view[...] = self.arr
        return self.root.tobytes(order="A") == bytes(mirror)


# --- oracles --------------------------------------------------------------------------------------

class Ok:
    """An expected result: an exact value, or a check, and the expected new contents of written arrays."""

    def __init__(self, value=..., check=None, writes=None, or_raise=None):
        self.value, self.check, self.writes, self.or_raise = value, check, writes or {}, or_raise


def wrap(x, bits=64, signed=True):
    x &= (1 << bits) - 1
    return x - (1 << bits) if signed and x >> (bits - 1) else x


def net_r(x):
    """.NET's double.ToString("R") parsed back: the value must survive it."""
    return float(x.replace("Infinity", "inf").replace("NaN", "nan").replace("∞", "inf"))


INT_NAMES = {"int8": (8, True), "uint8": (8, False), "int16": (16, True), "uint16": (16, False),
             "int32": (32, True), "uint32": (32, False), "int64": (64, True), "uint64": (64, False)}

EXCEPTIONS = {
    "ArgumentException": ValueError, "ArgumentOutOfRangeException": ValueError, "ArgumentNullException": ValueError,
    "IndexOutOfRangeException": IndexError, "KeyNotFoundException": KeyError, "OverflowException": OverflowError,
    "DivideByZeroException": ZeroDivisionError, "NotImplementedException": NotImplementedError,
    "OutOfMemoryException": MemoryError, "InsufficientExecutionStackException": RecursionError,
    "InvalidOperationException": RuntimeError, "NullReferenceException": RuntimeError, "FormatException": ValueError,
    "CustomError": RuntimeError, "InvalidCastException": TypeError, "ArithmeticException": ArithmeticError,
    "FileNotFoundException": FileNotFoundError, "IOException": OSError, "TimeoutException": TimeoutError,
    "NotSupportedException": RuntimeError,
}


def python_outcome(f, *args, **kwargs):
    try:
        with strict():
            return ("ok", f(*args, **kwargs))
    except Exception as e:
        return ("raise", e)


def o_raise_exception(a):
    kind = a["kind"]
    if kind in EXCEPTIONS:
        prefix = {"InvalidOperationException": "System.", "NullReferenceException": "System.",
                  "NotSupportedException": "System.", "CustomError": "NdTestModule."}.get(kind, "")
        prefix = prefix + kind + ": " if prefix else ""
        return Raise((EXCEPTIONS[kind], "^" + re.escape(prefix + f"boom: {kind}") + "$"))
    return Raise((ValueError, "^" + re.escape(f"unknown exception kind '{kind}' (Parameter 'kind')") + "$"))


def o_lookup(a):
    table = {"one": 1, "two": 2}
    if a["key"] in table:
        return Ok(table[a["key"]])
    return Raise((KeyError, "^" + re.escape(f"The given key '{a['key']}' was not present in the dictionary.") + "$"))


def c_div(x, y):
    q = abs(x) // abs(y)
    return q if (x >= 0) == (y > 0) else -q


def o_divide(a):
    if a["b"] == 0:
        return Raise((ZeroDivisionError, "Attempted to divide by zero."))
    if a["a"] == -2**31 and a["b"] == -1:
        return Raise((OverflowError, "overflow"))
    return Ok(c_div(a["a"], a["b"]))


def o_checked_multiply(a):
    p = a["a"] * a["b"]
    return Ok(p) if -2**31 <= p < 2**31 else Raise((OverflowError, "Arithmetic operation resulted in an overflow."))


def o_managed_index(a):
    return Ok([10, 20, 30][a["i"]]) if 0 <= a["i"] < 3 else Raise((IndexError, "Index was outside the bounds of the array."))


def o_float_round(value, f32):
    return Ok(to_float32(value) if f32 else value)


def utf16_units(s):
    return len(s.encode("utf-16-le")) // 2


def o_with_defaults(a):
    def check(text):
        fields = dict(part.split("=", 1) for part in text.split(" ") if "=" in part) if " f=" not in text else None
        head, rest = text.split(" f=", 1)
        f_value, tail = rest.rsplit(" g=", 1)
        parts = dict(p.split("=", 1) for p in head.split(" "))
        g_value, tail = tail.split(" h=", 1)
        tparts = dict(p.split("=", 1) for p in ("h=" + tail).split(" "))
        assert fields is None or fields
        assert parts["a"] == str(a["a"]) and same(net_r(parts["b"]), a["b"]) and parts["c"] == str(a["c"])
        assert same(to_float32(net_r(parts["d"])), to_float32(a["d"])) and parts["e"] == str(a["e"])
        assert f_value == a["f"] and g_value == ("null" if a["g"] is None else a["g"])
        assert tparts["h"] == ("null" if a["h"] is None else str(a["h"]))
        assert (tparts["i"] == "null") if a["i"] is None else same(net_r(tparts["i"]), a["i"])
        assert tparts["j"] == str(a["j"]) and tparts["k"] == str(a["k"])
        return True
    return Ok(check=check)


def o_edge_defaults(a):
    def check(text):
        parts = text.split("|", 7)
        assert parts[:3] == [str(a["lo"]), str(a["io"]), str(a["uhi"])]
        assert same(net_r(parts[3]), a["tiny"]) and same(net_r(parts[4]), a["big"])
        assert same(to_float32(net_r(parts[5])), to_float32(a["f32"]))
        x = a["neg0"]
        inv = (math.copysign(math.inf, x) if x == 0 else math.nan if math.isnan(x) else 1 / x)
        assert same(net_r(parts[6]), inv) and parts[7] == a["s"]
        return True
    return Ok(check=check)


def o_mixed(a):
    def check(text):
        x, y, z = text.split("|", 2)
        return x == str(a["a"]) and same(net_r(y), a["b"]) and z == a["c"]
    return Ok(check=check)


def o_copy(a):
    arr = a["arr"]

    def check(r):
        return type(r) is np.ndarray and r.flags.c_contiguous and r.flags.writeable and same_array(r, np.asarray(arr))
    return Ok(check=check)


def incremented(arr):
    if arr.dtype == np.bool_:
        return ~arr
    with np.errstate(over="ignore"):
        return arr + np.ones_like(arr)


def o_increment(a):
    return Ok(None, writes={"arr": incremented(a["arr"].copy())})


def o_fill(dtype):
    def oracle(a):
        value = a["value"]
        return Ok(None, writes={"arr": np.full(a["arr"].shape, value, dtype=dtype)})
    return oracle


def c_order(arr):
    return [x for x in np.ascontiguousarray(arr).reshape(-1)]


def o_sum_float64(a):
    s = 0.0
    for x in c_order(a["arr"]):
        s += float(x)
    return Ok(s)


def o_sum_int64(a):
    return Ok(wrap(sum(int(x) for x in c_order(a["arr"]))))


def layout_of(value, arr):
    """What describe() reports, from numpy's (or the buffer's) own view of the layout."""
    if isinstance(value, np.ndarray):
        contiguous = arr.flags.c_contiguous
    else:
        contiguous = memoryview(value).c_contiguous
    return (f"ndim={arr.ndim} shape={arr.shape} strides={arr.strides} contiguous={contiguous} "
            f"length={arr.size} span={contiguous}")


def o_describe(a):
    return Ok(layout_of(a.raw["arr"], a["arr"]))


def o_row_sums(a):
    m = a["matrix"]
    sums = []
    for i in range(m.shape[0]):
        s = 0.0
        for j in range(m.shape[1]):
            s += float(m[i, j])
        sums.append(s)
    return Ok(np.array(sums, dtype=np.float64).reshape(m.shape[0]))


def _bounds(arr, index):
    if arr.ndim != len(index):
        return Raise((RuntimeError, f"InvalidOperationException: a {len(index)}-dimensional index was used on a {arr.ndim}-dimensional array"))
    for axis, i in enumerate(index):
        if not 0 <= i < arr.shape[axis]:
            return Raise((IndexError, f"^index {i} is out of bounds for axis {axis} with size {arr.shape[axis]}$"))
    return None


def o_get(names):
    def oracle(a):
        index = tuple(a[n] for n in names)
        return _bounds(a["arr"], index) or Ok(float(a["arr"][index]))
    return oracle


def o_set(names):
    def oracle(a):
        arr, index = a["arr"], tuple(a[n] for n in names)
        error = _bounds(arr, index)
        if error:
            return error
        new = arr.copy()
        new[index] = a["value"]
        return Ok(None, writes={"arr": new})
    return oracle


def o_add_into(a):
    src, dst = a["src"], a["dst"]
    if src.shape != dst.shape:
        return Raise((ValueError, "^src and dst must have the same shape$"))
    return Ok(None, writes={"dst": dst + src})


def o_swap(a):
    x, y = a["a"], a["b"]
    if x.ndim != 1 or y.ndim != 1 or x.size != y.size:
        return Raise((ValueError, "^a and b must be 1-d and of the same length$"))
    return Ok(None, writes={"a": y.copy(), "b": x.copy()})


def o_shape_error(n):
    return Raise((ValueError, rf"^shape \('{n}'\) must be a non-negative value"))


ALLOC_FAILS = Raise((MemoryError, None), (OverflowError, "Arithmetic operation resulted in an overflow"))


def o_alloc(shape, make):
    for n in shape:
        if n < 0:
            return o_shape_error(n)
    count = math.prod(shape)
    if count * 8 >= 2**40 or any(n >= 2**40 for n in shape):
        if count == 0:   # numpy may refuse such a shape even without elements
            return Ok(check=lambda r: r.shape == tuple(shape), or_raise=Raise((ValueError, "array is too big"), *ALLOC_FAILS.alternatives))
        return ALLOC_FAILS
    return Ok(make())


def o_digits3d(a):
    shape = (a["a"], a["b"], a["c"])
    i, j, k = np.indices(tuple(max(n, 0) for n in shape)) if min(shape) >= 0 and math.prod(shape) < 2**20 else (0, 0, 0)
    return o_alloc(shape, lambda: (100 * i + 10 * j + k).astype(np.int32))


def o_index_past_end(a):
    n = a["n"]
    if n < 0:
        return o_shape_error(n)
    if n >= 2**40:
        return ALLOC_FAILS
    return Raise((IndexError, f"^index {n} is out of bounds for axis 0 with size {n}$"))


def o_eye(a):
    n = a["n"]
    if n < 0:
        return o_shape_error(n)
    if n >= 2**20:
        return ALLOC_FAILS
    return Ok(np.eye(n))


def kernel(x, k, repeat):
    for _ in range(max(repeat, 0)):
        for _ in range(8):
            x = math.sqrt(x * x + 1.0)
        x = x * k
    return x


SCALE_NOTE = {"nd_test.scale_parallel": "NdParallel"}


def o_scale(a):
    arr = a["arr"]
    if a["repeat"] <= 0 and "NdParallel" in SCALE_NOTE.get(a.target, ""):
        return Ok(None, writes={"arr": arr.copy()})    # scale_parallel checks the layout inside the loop
    if not arr.flags.c_contiguous:
        return Raise((ValueError, r"contiguous|C-contiguous"))
    if a["repeat"] > 3:   # repeat is a size: the cost grows with it; the result is still checked for small ones
        return Ok(None, writes={"arr": None})
    new = np.array([kernel(float(x), a["k"], a["repeat"]) for x in arr.reshape(-1)], dtype=np.float64).reshape(arr.shape)
    return Ok(None, writes={"arr": new})


def o_eval_float(a):
    kind, r = python_outcome(eval, a["expression"], {"FuzzError": None})
    if kind == "raise":
        return Raise((type(r), None))
    f = expect_float(r)
    return Ok(f[1]) if f[0] == "ok" else Raise((f[1], None))


def o_exec(a):
    kind, r = python_outcome(exec, a["code"], {})
    return Raise((type(r), None)) if kind == "raise" else Ok(None)


def o_exec_catching(a):
    kind, r = python_outcome(exec, a["code"], {})
    if kind == "raise":
        return Ok(check=lambda s: s.startswith(f"{type(r).__name__}: "))
    return Ok("ok")


def o_apply(a):
    arr, f = a["arr"], a["f"]
    results = []
    for x in c_order(arr):
        kind, r = python_outcome(f, float(x))
        if kind == "raise":
            if results:
                return None   # a partial write: not predicted
            return Raise((type(r), re.escape(str(r)) if isinstance(r, FuzzError) else None))
        conv = expect_float(r) if not isinstance(r, (str, bytes)) and r is not None else ("raise", TypeError)
        if conv[0] == "raise":
            if results:
                return None
            return Raise((conv[1], None))
        results.append(conv[1])
    if isinstance(f, Recorder):
        f.calls.clear()
    return Ok(None, writes={"arr": np.array(results, dtype=np.float64).reshape(arr.shape)})


def o_notify(a):
    f, message = a["f"], a["message"]
    if isinstance(f, Recorder):
        def check(r):
            ok = r is None and f.calls == [((message,), {})]
            f.calls.clear()
            return ok
        return Ok(check=check)
    kind, r = python_outcome(f, message)
    return Raise((type(r), None)) if kind == "raise" else Ok(None)


def o_call_with_keyword(a):
    f = a["func"]
    if isinstance(f, Recorder):
        def check(r):
            ok = (r == f.result and len(f.calls) == 1 and len(f.calls[0][0]) == 1 and same(f.calls[0][0][0], a["a"])
                  and list(f.calls[0][1]) == ["b"] and same(f.calls[0][1]["b"], a["b"]))
            f.calls.clear()
            return ok
        return Ok(check=check)
    kind, r = python_outcome(f, a["a"], b=a["b"])   # no value of anything() is callable: no side effects
    return Raise((type(r), re.escape(str(r)))) if kind == "raise" else Ok(check=lambda x: same_value(x, r) or x == r)


def o_swap_attr(a):
    obj = a["obj"]
    if isinstance(obj, types.SimpleNamespace):
        twin_obj = copy.copy(obj)
        kind, old = python_outcome(getattr, twin_obj, a["name"])
        if kind == "raise":
            return Raise((type(old), None))
        setattr(twin_obj, a["name"], a["value"])
        return Ok(check=lambda r: r is old and vars(obj) == vars(twin_obj))
    kind, old = python_outcome(getattr, obj, a["name"])
    if kind == "raise":
        return Raise((type(old), None))
    return None   # setattr on an arbitrary object: a result, or AttributeError/TypeError (BODY_ERRORS)


def o_call_sqrt(a):
    x = a["x"]
    return Raise((ValueError, "math domain error")) if x < 0 else Ok(math.sqrt(x))


def o_sleep(a):
    s = a["seconds"]
    if math.isnan(s):
        return Raise((ValueError, "Not-a-Number"))
    if math.isinf(s) or abs(s) > 1e9:
        return Raise((OverflowError, "TimeSpan overflowed"), (ValueError, "must be greater than or equal to '-1'"))
    if s * 1000 <= -1:
        return Raise((ValueError, "must be greater than or equal to '-1'"))
    return Ok(s)


def o_add_scalar_to_array(a):
    arr, s = a["arr"], a["scal"]

    def check(r):
        return type(r) is np.ndarray and r.dtype == np.float64 and r.flags.c_contiguous and same_array(r, np.asarray(arr + s))
    return Ok(check=check)


def o_add_scalar_to_array_inplace(a):
    return Ok(None, writes={"arr": a["arr"] + a["scal"]})


def o_make_animal(a):
    return Ok(check=lambda r: type(r) is nd_test.Animal and r.name == a["name"] and r.legs == a["legs"])


def o_add_money(a):
    x, y = a["a"], a["b"]
    if x.currency != y.currency:
        return Raise((ValueError, re.escape(f"cannot add {x.currency} to {y.currency}")))
    return Ok(check=lambda r: type(r) is nd_test.Money and r.cents == wrap(x.cents + y.cents) and r.currency == x.currency)


def o_null_deref(a):
    s = a["s"]
    return Raise((RuntimeError, "^System.NullReferenceException")) if s is None else Ok(utf16_units(s))


def o_fail_after_borrow(a):
    return Raise((RuntimeError, re.escape(f"System.InvalidOperationException: failed with {a['arr'].size} bytes borrowed")))


ORACLES = {
    # nd_ext
    "nd_ext.add_scalars": lambda a: Ok(a["x"] + a["y"]),
    "nd_ext.add_scalar_to_array": o_add_scalar_to_array,
    "nd_ext.add_scalar_to_array_inplace": o_add_scalar_to_array_inplace,
    "nd_ext.Point": lambda a: Ok(check=lambda p: same(p.x, a["x"]) and same(p.y, a["y"])),
    "nd_ext.PointClass": lambda a: Ok(check=lambda p: same(p.x, a["x"]) and same(p.y, a["y"])),
    "nd_ext.Node": lambda a: Ok(check=lambda n: n.value is a["value"] and n.parent is None and len(n) == 0),
    # tests/NdTestModule/ClassStructs.cs: struct [PyClass]es, their values inside the Python object
    "nd_test.SVec": lambda a: Ok(check=lambda v: same(v.x, a["x"]) and same(v.y, a["y"])),
    "nd_test.SCounter": lambda a: Ok(check=lambda c: c.count == a["count"] and c.step == a["step"]
                                     and same(c.scale, a["scale"])),
    "nd_test.midpoint": lambda a: Ok(check=lambda m: same(m.x, (a["a"].x + a["b"].x) * 0.5)
                                     and same(m.y, (a["a"].y + a["b"].y) * 0.5)),
    "nd_test.count_of": lambda a: Ok(-1 if a["c"] is None else a["c"].count),
    # nd_test scalars
    "nd_test.echo_bool": lambda a: Ok(a["x"]), "nd_test.echo_opt_bool": lambda a: Ok(a["x"]),
    "nd_test.echo_float64": lambda a: Ok(a["x"]), "nd_test.echo_opt_float64": lambda a: Ok(a["x"]),
    "nd_test.echo_float32": lambda a: Ok(to_float32(a["x"])),
    "nd_test.echo_str": lambda a: Ok(a["x"]), "nd_test.echo_opt_str": lambda a: Ok(a["x"]),
    "nd_test.echo_opt_int32": lambda a: Ok(a["x"]),
    "nd_test.describe_opt": lambda a: Ok("null" if a["x"] is None else f"value:{a['x']}"),
    "nd_test.utf16length": lambda a: Ok(utf16_units(a["x"])),
    "nd_test.lone_surrogate": lambda a: Ok("a\ufffdb"),
    "nd_test.non_ascii_default": lambda a: Ok(a["s"]),
    "nd_test.answer": lambda a: Ok(42), "nd_test.renamed": lambda a: Ok("renamed"),
    "nd_test.also_renamed": lambda a: Ok("also_renamed"), "nd_test.touch": lambda a: Ok(None),
    "nd_test.three": lambda a: Ok(wrap(a["a"] * 100 + a["b"] * 10 + a["c"])),
    "nd_test.mixed": o_mixed, "nd_test.with_defaults": o_with_defaults, "nd_test.edge_defaults": o_edge_defaults,
    # errors
    "nd_test.raise_exception": o_raise_exception, "nd_test.lookup": o_lookup, "nd_test.divide": o_divide,
    "nd_test.checked_multiply": o_checked_multiply, "nd_test.managed_index": o_managed_index,
    "nd_test.null_deref": o_null_deref,
    # arrays
    "nd_test.sum_float64": o_sum_float64, "nd_test.sum_int64": o_sum_int64,
    "nd_test.describe": o_describe, "nd_test.describe_mut": o_describe, "nd_test.describe_uint8": o_describe,
    "nd_test.row_sums": o_row_sums, "nd_test.scalar_value": lambda a: Ok(float(a["arr"][()])),
    "nd_test.get1": o_get("i"), "nd_test.get2": o_get("ij"), "nd_test.get3": o_get("ijk"),
    "nd_test.set1": o_set("i"), "nd_test.set2": o_set("ij"),
    "nd_test.add_into": o_add_into, "nd_test.swap": o_swap, "nd_test.fail_after_borrow": o_fail_after_borrow,
    "nd_test.total_length": lambda a: Ok(a["a"].size + a["b"].size),
    "nd_test.fill_int64": o_fill(np.int64), "nd_test.fill_float64": o_fill(np.float64), "nd_test.fill_uint8": o_fill(np.uint8),
    "nd_test.invert_bool": o_increment,
    "nd_test.scalar0d": lambda a: Ok(np.array(a["value"])),
    "nd_test.zeros2d": lambda a: o_alloc((a["rows"], a["cols"]), lambda: np.zeros((a["rows"], a["cols"]))),
    "nd_test.empty1d": lambda a: Ok(np.zeros(0, np.int32)),
    "nd_test.arange": lambda a: o_alloc((a["n"],), lambda: np.arange(a["n"], dtype=np.int64)),
    "nd_test.ones": lambda a: o_alloc((a["n"],), lambda: np.ones(a["n"])),
    "nd_test.eye": o_eye, "nd_test.digits3d": o_digits3d, "nd_test.index_past_end": o_index_past_end,
    "nd_test.scale_serial": o_scale, "nd_test.scale_parallel": o_scale,
    # runtime API
    "nd_test.call_sqrt": o_call_sqrt, "nd_test.eval_float": o_eval_float, "nd_test.exec": o_exec,
    "nd_test.exec_catching": o_exec_catching, "nd_test.apply": o_apply, "nd_test.notify": o_notify,
    "nd_test.call_with_keyword": o_call_with_keyword, "nd_test.swap_attr": o_swap_attr,
    "nd_test.sleep_without_gil": o_sleep, "nd_test.eval_loop": lambda a: Ok(2 if a["n"] > 0 else 0),
    "nd_test.keep_and_return": lambda a: Ok(check=lambda r: r is a["obj"]),
    "nd_test.borrowed_count": lambda a: Ok(check=lambda r: type(r) is int and r >= 1),
    "nd_test.owned_count": lambda a: Ok(check=lambda r: type(r) is int and r >= 2),
    "nd_test.dispose_without_gil": lambda a: Ok(check=lambda r: type(r) is int and r >= 1),
    "nd_test.describe_borrowed": lambda a: Ok(check=lambda r: re.fullmatch(r"\S+ \d+", r) is not None),
    # classes as parameters and results
    "nd_test.same_animal": lambda a: Ok(check=lambda r: r is a["animal"]),
    "nd_test.name_of": lambda a: Ok("nobody" if a["animal"] is None else a["animal"].name),
    "nd_test.make_animal": o_make_animal,
    "nd_test.maybe_animal": lambda a: Ok(check=lambda r: (type(r) is nd_test.Animal and r.name == "maybe") if a["give"] else r is None),
    "nd_test.keep": lambda a: Ok(None), "nd_test.keep_holder": lambda a: Ok(None),
    "nd_test.add_money": o_add_money,
    "nd_test.null_animal": lambda a: Raise((RuntimeError, "a null Animal was returned where None is not allowed")),
    # constructors
    "nd_test.Animal": lambda a: Ok(check=lambda r: r.name == a["name"] and r.legs == a["legs"]),
    "nd_test.Record": lambda a: Ok(check=lambda r: r.id == a["id"] and r.label == a["label"] and same(r.weight, a["weight"])),
    "nd_test.Money": lambda a: Ok(check=lambda r: r.cents == a["cents"] and r.currency == a["currency"]),
    "nd_test.Version2": lambda a: Ok(check=lambda r: (r.major, r.minor) == (a["major"], a["minor"])),
    "nd_test.Tally": lambda a: Ok(check=lambda r: r.value == a["count"]),
    "nd_test.Vec": lambda a: Ok(check=lambda r: same(r.x, a["x"]) and same(r.y, a["y"])),
    "nd_test.Fragile": lambda a: (Raise((ValueError, r"mode must not be negative \(Parameter 'mode'\)")) if a["mode"] < 0
                                  else Ok(check=lambda r: r.mode == a["mode"])),
    "nd_test.Samples": lambda a: (Raise((OverflowError, "overflow")) if a["size"] < 0 else ALLOC_FAILS if a["size"] >= 2**28
                                  else Ok(check=lambda r: len(r) == a["size"] and list(r) == [0.0] * a["size"])),
    "nd_test.Words": lambda a: Ok(check=lambda r: list(r) == [w for w in a["text"].split(" ") if w]),
    "nd_test.Holder": lambda a: Ok(check=lambda r: r.item is a["item"] and len(r) == 0),
    "nd_test.Registry": lambda a: Ok(check=lambda r: len(r) == 0),
    # methods
    "nd_test.Animal.speak": lambda a: Ok("..."),
    "nd_test.Animal.describe": lambda a: Ok(f"{a.self.name} has {a.self.legs} legs and says ..."),
    "nd_test.Animal.itself": lambda a: Ok(check=lambda r: r is a.self),
    "nd_test.Animal.rename": lambda a: Ok(check=lambda r: r is a.self and r.name == a["name"] + a["suffix"]),
    "nd_test.Animal.biped": lambda a: Ok(check=lambda r: isinstance(r, nd_test.Animal) and r.name == a["name"] and r.legs == 2),
    "nd_test.Animal.same_legs": lambda a: Ok(a["a"].legs == (4 if a["b"] is None else a["b"].legs)),
    "nd_test.Fragile.divide": lambda a: Raise((ZeroDivisionError, "Attempted to divide by zero.")) if a["by"] == 0 else Ok(c_div(100, a["by"])),
    "nd_test.Fragile.index": lambda a: Raise((IndexError, "^index 7 is out of range$")),
    "nd_test.Fragile.todo": lambda a: Raise((NotImplementedError, "^not done yet$")),
    "nd_test.Holder.peek": lambda a: (Ok(check=lambda r, x=a.state: r is x[a["index"]]) if 0 <= a["index"] < len(a.state)
                                      else Raise((ValueError, "Index was out of range"))),
    "nd_test.Holder.push": lambda a: Ok(check=lambda r: r is None and len(a.self) == len(a.state) + 1 and a.self.peek(len(a.state)) is a["item"]),
    "nd_test.Holder.drop": lambda a: Ok(check=lambda r: r is None and len(a.self) == 0),
    "nd_test.Registry.put": lambda a: Ok(check=lambda r: r is None and a.self.get(a["key"]) is a["value"]),
    "nd_test.Registry.get": lambda a: (Ok(check=lambda r: r is a.state[a["key"]]) if a["key"] in a.state
                                       else Raise((KeyError, re.escape(f"The given key '{a['key']}' was not present")))),
    "nd_test.Record.add": lambda a: Ok(wrap(a["a"] + a["b"])),
    "nd_test.Record.made": lambda a: Ok(check=lambda r: type(r) is int and r >= 1),
    "nd_test.Record.blank": lambda a: Ok(check=lambda r: type(r) is nd_test.Record and r.id == 0 and r.label == a["label"]),
    "nd_test.Record.double_weight": lambda a: Ok(check=lambda r: r is None and same(a.self.weight, a.state * 2)),
    "nd_test.Samples.total": lambda a: Ok(0.0),
    "nd_ext.Point.distance": lambda a: Ok(math.sqrt((a.self.x - (a["other"].x if a["other"] else 0.0)) ** 2
                                                    + (a.self.y - (a["other"].y if a["other"] else 0.0)) ** 2)),
    "nd_ext.PointClass.distance": lambda a: Ok(math.sqrt((a.self.x - (a["other"].x if a["other"] else 0.0)) ** 2
                                                         + (a.self.y - (a["other"].y if a["other"] else 0.0)) ** 2)),
    "nd_ext.Node.add": lambda a: (Raise((ValueError, r"the node already has a parent \(Parameter 'child'\)")) if a["child"].parent is not None
                                  else Ok(check=lambda r: r is a["child"] and r.parent is a.self and a.self[len(a.self) - 1] is r)),
}
for _dtype in DTYPES:
    ORACLES[f"nd_test.copy_{_dtype}"] = o_copy
    if _dtype != "bool":
        ORACLES[f"nd_test.increment_{_dtype}"] = o_increment
for _name in INT_NAMES:
    ORACLES[f"nd_test.echo_{_name}"] = lambda a: Ok(a["x"])
# Issue 20 item 5 (ArraysDtypes2.cs): complex64, datetime64/timedelta64 of each unit, object arrays.
ORACLES["nd_test.copy_complex64"] = o_copy
for _unit in ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds",
              "nanoseconds", "picoseconds", "femtoseconds", "attoseconds"):
    ORACLES[f"nd_test.copy_datetime_{_unit}"] = ORACLES[f"nd_test.copy_timedelta_{_unit}"] = o_copy
ORACLES["nd_test.conjugate_complex64"] = lambda a: Ok(None, writes={"arr": np.conj(a["arr"])})
ORACLES["nd_test.echo_complex32"] = lambda a: Ok(check=lambda r, e=complex(np.complex64(a["x"])): type(r) is complex
                                                and repr(r) == repr(e))   # NaN parts, -0.0
ORACLES["nd_test.count_none"] = lambda a: Ok(sum(1 for v in a["arr"].flat if v is None))
ORACLES["nd_test.count_nat"] = lambda a: Ok(int(np.isnat(a["times"]).sum()))
ORACLES["nd_test.fill_objects"] = lambda a: Ok(None, writes={"arr": np.full(a["arr"].shape, None, dtype=object)}) \
    if a["value"] is None else None
_NAT = np.iinfo(np.int64).min


def o_datetime_diffs(a):
    v = a["times"].view(np.int64)
    with np.errstate(over="ignore"):
        d = v[1:] - v[:-1]   # wraps, as numpy's and the C# subtraction do
    d[(v[1:] == _NAT) | (v[:-1] == _NAT)] = _NAT
    return Ok(check=lambda r: type(r) is np.ndarray and r.dtype == np.dtype("m8[ns]") and same_array(r.view(np.int64), d))


def o_shift_seconds(a):
    v = a["times"].view(np.int64)
    with np.errstate(over="ignore"):
        # seconds == long.MinValue is a NaT timedelta: every time becomes NaT, as in numpy
        moved = np.where((v == _NAT) | (a["seconds"] == _NAT), _NAT, v + np.int64(a["seconds"]))
    return Ok(None, writes={"times": moved.view("M8[s]")})


ORACLES["nd_test.datetime_diffs"] = o_datetime_diffs
ORACLES["nd_test.shift_seconds"] = o_shift_seconds

# Containers (tests/NdTestModule/Containers.cs, examples/NdExt/Containers.cs): the echo functions give back what
# arrived, converted (fuzz_containers predicts it element by element); the others compute from it.
def _has_unknown(v):
    if isinstance(v, Unknown):
        return True
    if isinstance(v, (list, tuple, set, frozenset)):
        return any(_has_unknown(x) for x in v)
    if isinstance(v, dict):
        return any(_has_unknown(x) for x in list(v) + list(v.values()))
    return False


def deep_same(result, expected):
    if result is expected:
        return True
    if isinstance(expected, (list, tuple)):
        return type(result) is type(expected) and len(result) == len(expected) and all(
            deep_same(r, e) for r, e in zip(result, expected))
    if isinstance(expected, dict):
        return type(result) is dict and result.keys() == expected.keys() and all(
            deep_same(result[k], expected[k]) for k in expected)
    if isinstance(expected, set):
        return type(result) is set and len(result) == len(expected) and all(
            any(deep_same(r, e) for r in result) for e in expected)
    if isinstance(expected, float):
        return type(result) is float and same(result, expected)
    if expected is None or type(expected).__module__ != "builtins":
        return result is expected
    return type(result) is type(expected) and result == expected


def o_echo(name, shape=lambda v: v):
    def oracle(a):
        v = a[name]
        if _has_unknown(v):
            return None
        expected = shape(v)
        return Ok(check=lambda r: deep_same(r, expected))
    return oracle


def _fold_sum(xs, start=0.0):
    total = start
    for x in xs:
        total += x
    return total


for _name, _param in [("echo_list", "xs"), ("echo_array", "xs"), ("echo_i_list", "xs"), ("echo_read_only_list", "xs"),
                      ("echo_enumerable", "xs"), ("echo_nullables", "xs"), ("echo_nullable_strings", "xs"),
                      ("echo_optional_list", "xs"), ("echo_nested", "m"), ("echo_jagged", "m"), ("echo_deep", "m"),
                      ("echo_money", "xs"), ("echo_refs", "xs"), ("echo_byte_list", "xs"), ("echo_dict", "d"),
                      ("echo_i_dict", "d"), ("echo_read_only_dict", "d"), ("echo_nullable_values", "d"),
                      ("echo_tuple_keys", "d"), ("echo_set", "s"), ("echo_i_set", "s"), ("echo_read_only_set", "s"),
                      ("echo_triple", "t"), ("echo_nine", "t"), ("echo_optional_pair", "t"), ("echo_pairs", "xs"),
                      ("echo_deep_dict", "d")]:
    ORACLES[f"nd_test.{_name}"] = o_echo(_param)
ORACLES["nd_test.swap_pair"] = o_echo("t", lambda t: (t[1], t[0]))
ORACLES["nd_test.appended"] = lambda a: None if _has_unknown(a["xs"]) else Ok(check=lambda r: deep_same(r, a["xs"] + [a["value"]]))
ORACLES["nd_test.count_items"] = lambda a: None if _has_unknown(a["xs"]) else Ok(len(a["xs"]))
ORACLES["nd_test.count_collection"] = lambda a: None if _has_unknown(a["xs"]) else Ok(len(a["xs"]))
ORACLES["nd_test.count_money_refs"] = lambda a: None if _has_unknown(a["xs"]) else Ok(len(a["xs"]))
ORACLES["nd_test.sum_array"] = lambda a: None if _has_unknown(a["xs"]) else Ok(_fold_sum(a["xs"]))
ORACLES["nd_ext.sum_list"] = lambda a: None if _has_unknown(a["xs"]) else Ok(_fold_sum(a["xs"]))
ORACLES["nd_test.sum_list"] = lambda a: None if _has_unknown(a["xs"]) else (
    Ok(sum(a["xs"])) if all(-2**63 <= _fold_sum(a["xs"][:i], 0) < 2**63 for i in range(len(a["xs"]) + 1))
    else Raise((OverflowError, "^Arithmetic operation resulted in an overflow.$")))
ORACLES["nd_test.sum_rows"] = lambda a: None if _has_unknown(a["m"]) else Ok(check=lambda r: deep_same(r, [_fold_sum(row) for row in a["m"]]))
ORACLES["nd_ext.bump_counts"] = lambda a: None if _has_unknown(a["counts"]) else (
    Ok(check=lambda r: deep_same(r, {k: v + 1 for k, v in a["counts"].items()}))
    if all(v < 2**63 - 1 for v in a["counts"].values())
    else Raise((OverflowError, None)))

# The reliability tests' hooks (Stress.cs): the numbers joined, this runtime's GC counts and heap.
ORACLES["nd_test.churn"] = lambda a: Ok(",".join(str(wrap(a["start"] + i, 32)) for i in range(a["count"]))) if a["count"] >= 0 \
    else Raise((ValueError, "Non-negative number required"))
# GC.CollectionCount: generations above the highest (2) count as it; negative ones are refused.
ORACLES["nd_test.gc_count"] = lambda a: Ok(check=lambda r: type(r) is int and r >= 0) if a["generation"] >= 0 \
    else Raise((ValueError, "generation"))
ORACLES["nd_test.managed_heap_bytes"] = lambda a: Ok(check=lambda r: type(r) is int and r > 0)

# Issue 17's values (tests/NdTestModule/Values.cs, Enums.cs): echoes return what went in, converted.
for _name in ("bytes", "opt_bytes", "memory", "span", "big_int", "opt_big_int", "decimal", "opt_decimal", "complex",
              "opt_complex", "date_time", "opt_date_time", "date", "opt_date", "time", "time_span", "opt_time_span",
              "color", "opt_color", "permission", "byte_level", "big_mask", "signed", "nested_enum", "other_color"):
    ORACLES[f"nd_test.echo_{_name}"] = lambda a: Ok(a["x"] if "x" in a else a["c"] if "c" in a else a["p"])
def o_date_time_offset(result):
    """DateTimeOffset takes an aware datetime of a whole-minute offset within 14 h (the conversion predicted the UTC value)."""
    def oracle(a):
        x = a["x"]
        if x is None:
            return Ok(None)
        if x.tzinfo is None:
            return Raise((ValueError, "not a naive one"))
        return Ok(check=lambda r: result(r, x))
    return oracle


ORACLES["nd_test.echo_date_time_offset"] = o_date_time_offset(lambda r, x: r == x)
ORACLES["nd_test.offset_minutes"] = o_date_time_offset(lambda r, x: type(r) is int)
for _name in ("complex", "opt_complex"):
    ORACLES[f"nd_test.echo_{_name}"] = lambda a: Ok(check=lambda r, v=a["x"]: same_value(r, v))
ORACLES["nd_test.mul_big_int"] = lambda a: Ok(a["x"] * a["y"])
ORACLES["nd_test.span_then_throw"] = lambda a: Raise((RuntimeError, f"read {len(a['x'])}"))
ORACLES["nd_test.color_of"] = lambda a: Ok(nd_test.Color(a["value"])) if a["value"] in (1, 2, 3) \
    else Raise((ValueError, "is not a valid Color"))

# Parameter kinds (tests/NdTestModule/Signatures.cs, examples/NdExt/Arithmetic.cs): *args arrive as a list,
# **kwargs as a dict in the call's order. Text results: doubles in .NET's "R" format (read back by net_r), keywords
# sorted by UTF-16 code units (string.CompareOrdinal).
def ordinal(keys):
    return sorted(keys, key=lambda k: k.encode("utf-16-be"))


def shown_pairs(text, kwargs, value_same):
    """Whether text is "{k1=v1, k2=v2}" of kwargs in ordinal order, each value read by value_same."""
    keys = ordinal(kwargs)
    if not (text.startswith("{") and text.endswith("}")):
        return False
    body, pos = text[1:-1], 0
    for i, k in enumerate(keys):
        if not body.startswith(k + "=", pos):
            return False
        pos += len(k) + 1
        end = body.index(", " + keys[i + 1] + "=", pos) if i + 1 < len(keys) else len(body)
        if not value_same(body[pos:end], kwargs[k]):
            return False
        pos = end + 2
    return pos >= len(body)


def o_sig_all(a):
    def check(text):
        m = re.fullmatch(r"a=(\S+) b=(\S+) args=\[(.*?)\] c=(-?\d+) kwargs=(\{.*\})", text, re.S)
        shown = m.group(3).split(", ") if m and m.group(3) else []
        return (m is not None and same(net_r(m.group(1)), a["a"]) and same(net_r(m.group(2)), a["b"])
                and len(shown) == len(a["args"]) and all(same(net_r(x), y) for x, y in zip(shown, a["args"]))
                and int(m.group(4)) == a["c"] and shown_pairs(m.group(5), a["kwargs"], lambda x, y: same(net_r(x), y)))
    return Ok(check=check)


def o_sig_box_numbered(a):
    keys = a["keys"]
    if len(set(keys)) < len(keys):   # Enumerable.ToDictionary: ArgumentException
        return Raise((ValueError, "An item with the same key has already been added"))
    cls = nd_test.SigBox if a.self is None else type(a.self)   # a classmethod: an instance of the class called on
    return Ok(check=lambda r: type(r) is cls and r.name == a["name"]
              and all(r.get(k) == i for i, k in enumerate(keys)))


ORACLES.update({
    "nd_test.sig_all": o_sig_all,
    "nd_test.pos_only": lambda a: Ok(wrap(a["a"] * 10 + a["b"])),
    "nd_test.pos_only_default": lambda a: Ok(a["a"] + a["b"]),
    "nd_test.kw_only": lambda a: Ok(f"{a['a']} {a['b']} {a['c']}"),
    "nd_test.kw_only_all": lambda a: Ok(wrap(a["x"] - a["y"])),
    "nd_test.star_args": lambda a: Ok(_fold_sum(a["args"])),
    "nd_test.star_span": lambda a: Ok(_fold_sum(a["values"], a["start"])),
    "nd_test.star_names": lambda a: Ok(a["sep"].join(a["names"])),
    "nd_test.star_objects": lambda a: Ok(len(a["items"])),
    "nd_test.keep_objects": lambda a: Ok(len(a["items"])),
    "nd_test.drop_kept": lambda a: Ok(None),
    "nd_test.star_kwargs": lambda a: Ok(check=lambda r: shown_pairs(r, a["kwargs"], lambda x, y: x == str(y))),
    "nd_test.kwargs_objects": lambda a: Ok(len(a["kwargs"])),
    "nd_test.pos_only_kwargs": lambda a: Ok(check=lambda r: r.startswith(f"a={a['a']} kw=")
                                            and shown_pairs(r[len(f"a={a['a']} kw="):], a["kw"], lambda x, y: x == str(y))),
    "nd_test.SigBox": lambda a: Ok(check=lambda r: r.name == a["name"] and all(r.get(k) == v for k, v in a["values"].items())),
    "nd_test.SigBox.get": lambda a: Ok(a.state.get(a["key"], a["fallback"])),
    "nd_test.SigBox.count_set": lambda a: Ok(sum(k in a.state for k in a["keys"])),
    "nd_test.SigBox.numbered": o_sig_box_numbered,
})


def o_scaled_sum(a):
    total = _fold_sum(a["values"])
    for scale in a["scales"].values():   # in the call's order
        total *= scale
    return Ok(total)


ORACLES["nd_test.scaled_sum"] = ORACLES["nd_ext.scaled_sum"] = o_scaled_sum

# Submodules (tests/NdTestModule/ModuleLevel.cs: nd_test.shapes): functions and a class like the top level's.
ORACLES.update({
    "nd_test.shapes.area": lambda a: Ok(a["w"] * a["h"]),
    "nd_test.shapes.unit_square": lambda a: Ok(check=lambda r: type(r) is nd_test.shapes.Rect and (r.w, r.h) == (1.0, 1.0)),
    "nd_test.shapes.to_corner": lambda a: Ok(check=lambda r: type(r) is nd_test.shapes.Rect and same(r.w, abs(a["corner"].x))
                                             and same(r.h, abs(a["corner"].y))),
    "nd_test.shapes.Rect": lambda a: Ok(check=lambda r: same(r.w, a["w"]) and same(r.h, a["h"])),
    "nd_test.shapes.Rect.area": lambda a: Ok(a.self.w * a.self.h),
    "nd_test.shapes.Rect.corner": lambda a: Ok(check=lambda r: type(r) is nd_test.ConstPoint and same(r.x, a.self.w)
                                               and same(r.y, a.self.h)),
})

# Exceptions a target's body may raise when no oracle predicts them (C# code that throws).
BODY_ERRORS = {
    # Sizes from a broad int: negative ones are .NET's OverflowException (a list of -1), huge ones MemoryError.
    "nd_test.range": (ValueError, OverflowError, MemoryError), "nd_test.make_dict": (ValueError, OverflowError, MemoryError),
    "nd_ext.make_list": (ValueError, OverflowError, MemoryError), "nd_test.aranges": (ValueError, OverflowError, MemoryError),
    "nd_test.two_arrays": (ValueError, OverflowError, MemoryError),
    # tests/NdTestModule/ClassStructs.cs: throws on purpose after changing its state.
    "nd_test.SCounter.fail": (ValueError,),
    # Issue 17's makers: C# constructors refuse ticks/kinds out of range (ArgumentOutOfRangeException).
    "nd_test.make_date_time": (ValueError,), "nd_test.make_date_time_offset": (ValueError,),
    "nd_test.make_time": (ValueError,), "nd_test.counting": (OverflowError, MemoryError),
    "nd_test.sum_span_after": (FuzzError, TypeError, ValueError, RuntimeError),
    "nd_test.swap_attr": (AttributeError, TypeError),
    "nd_test.spin_checking": (), "nd_test.dotnet_collect": (), "nd_test.touch_count": (), "nd_test.kept": (),
    "nd_test.kept_holder": (), "nd_test.make_and_drop_holder": (),
    # Class methods whose C# object is one class: called on a class it is not (Circle.unit() makes a Square,
    # Square.of a Quad), TypeError; test_class_inheritance.py checks which classes may be called.
    "nd_test.Figure.unit": (TypeError,), "nd_test.Quad.of": (TypeError,),
}

# Callbacks of every row (CallbackValues.cs): what the drawn callable raises or returns wrongly reaches the
# caller, by design (test_callback_values.py checks each case): its own error, a TypeError for a wrong arity or
# result type, ValueError/OverflowError for a result out of the row's range (an unknown enum value, a big int).
BODY_ERRORS.update({t.id: (FuzzError, TypeError, ValueError, OverflowError)
                    for t in discover(nd_test) if t.id.split(".")[1].startswith("cb_")})
BODY_ERRORS["nd_test.star_enumerable"] = (OverflowError,)
# Issue 20's array algebra (Algebra.cs, ArraysAlgebra.cs; test_array_algebra.py checks results per layout): shapes
# that do not broadcast and layouts a tensor span cannot take are ValueErrors; a huge `repeat` or tensor
# size overflows int.
BODY_ERRORS.update({f"nd_ext.{n}": (ValueError,) for n in ("axpy", "axpy_loop", "add_into")})
BODY_ERRORS.update({f"nd_ext.{n}": (ValueError,) for n in ("poly_span", "sumsq_span")})   # "a must be C-contiguous"
BODY_ERRORS.update({f"nd_test.{n}": (ValueError,) for n in (
    "zip_add", "zip_scale_add", "zip_subtract_func", "zip_fma", "map_negate", "tensor_strides", "tensor_sum",
    "tensor_fill", "row_sums_parallel", "add_row_index_parallel")})
BODY_ERRORS["nd_test.from_tensor"] = (ValueError, OverflowError, MemoryError)
BODY_ERRORS["nd_test.row_sums_parallel"] = (ValueError, TypeError)   # [Ndim(2)] a, [Ndim(1)] out


def o_broadcast_add(a):
    try:
        expected = np.add(a["a"], a["b"])
    except ValueError:
        return Raise((ValueError, r"^operands could not be broadcast together with shapes \(.*\) \(.*\)$"))
    return Ok(np.asarray(expected))


def o_dot(a):
    x, y = a["x"], a["y"]
    if x.ndim != 1 or y.ndim != 1 or x.size != y.size:
        return Raise((ValueError, r"^dot takes two 1-d arrays of one length, not shapes "))
    expected = float(np.dot(x, y))
    return Ok(check=lambda r: type(r) is float and (r == expected or math.isclose(r, expected, rel_tol=1e-9, abs_tol=1e-300)
                                                    or (math.isnan(r) and math.isnan(expected))))


ORACLES["nd_ext.add_broadcast"] = ORACLES["nd_test.zip_add_new"] = o_broadcast_add
ORACLES["nd_ext.dot"] = o_dot
   # the C# body's checked long Sum of the values
# Issue 19's call chains for the .NET frames in tracebacks (ExceptionsFrames.cs; test_exception_frames.py checks the
# frames): each throws by design, frames_call_back passes on what its callback raises, as the cb_ functions do.
BODY_ERRORS.update({"nd_test.frames_raise_chain": (RuntimeError,), "nd_test.frames_raise_with_cause": (ValueError,),
                    "nd_test.frames_through_linq": (OverflowError,), "nd_test.frames_through_lambda": (RuntimeError,),
                    "nd_test.frames_recurse": (RuntimeError, ValueError),
                    "nd_test.frames_call_back": (FuzzError, TypeError, ValueError, OverflowError)})
# The number classes' constructors: Fraction(n, 0) is ZeroDivisionError, its checked long arithmetic OverflowError.
BODY_ERRORS["nd_test.Fraction"] = (ZeroDivisionError, OverflowError)
# Issue 20 item 5 (ArraysDtypes2.cs): NaT has no DateTime/TimeSpan (RuntimeError), DateTime's years 1 to 9999 and
# TimeSpan's range (ValueError, OverflowError), an index past the end (IndexError), sizes from a broad int.
BODY_ERRORS.update({
    "nd_test.first_as_datetime": (RuntimeError, ValueError, IndexError), "nd_test.total_seconds": (RuntimeError, OverflowError),
    "nd_test.months_of": (ValueError,), "nd_test.days_from": (ValueError, OverflowError, MemoryError),
    "nd_test.object_at": (IndexError,), "nd_test.object_at2": (IndexError,), "nd_test.set_object": (IndexError,),
    "nd_test.copy_objects": (ValueError,), "nd_test.none_array": (ValueError, OverflowError, MemoryError),
    "nd_test.range_objects": (ValueError, OverflowError, MemoryError),
})
# Issue 19's raisers (ExceptionsRaising.cs): they raise on purpose, whatever their arguments name
# (test_exception_raising.py checks each); an unknown kind is ValueError, a kind that is no warning TypeError.
BODY_ERRORS.update({
    "nd_test.raise_builtin": (Exception,), "nd_test.raise_builtin_with_cause": (Exception,),
    "nd_test.catch_in_csharp": (ValueError,), "nd_test.raise_key": (KeyError,),
    "nd_test.raise_stop_iteration": (StopIteration,), "nd_test.raise_chain": (RuntimeError, ValueError),
    "nd_test.raise_wrapping": (RuntimeError,), "nd_test.propagate": (Exception,), "nd_test.match_caught": (),
    "nd_test.raise_empty_group": (RuntimeError,), "nd_test.raise_from_task": (Exception,),
    "nd_test.warn": (ValueError, TypeError, Warning), "nd_test.warn_catching": (),
})
# [PyException] classes (ExceptionsClasses.cs, test_exception_classes.py): the raise_* functions raise them by design,
# invert(0) raises the submodule's class, and warn_old_api's warning is an error under pytest.ini's filter.
BODY_ERRORS.update({
    "nd_test.raise_parse": (nd_test.ParseError,), "nd_test.raise_token": (nd_test.UnexpectedTokenError,),
    "nd_test.raise_empty": (nd_test.ParseError,), "nd_test.raise_oops": (nd_test.Oops,),
    "nd_test.raise_missing": (nd_test.StoreError,), "nd_test.raise_bad_shape": (nd_test.lin_alg.BadShapeError,),
    "nd_test.raise_load": (nd_test.LoadError,), "nd_test.raise_located": (nd_test.LocatedError,),
    "nd_test.raise_broken": (RuntimeError,), "nd_test.warn_old_api": (nd_test.OldApiWarning,),
    "nd_test.raise_row": (Exception,), "nd_test.lin_alg.invert": (nd_test.lin_alg.SingularMatrixError,),
})
# Issue 19: functions that raise on every call (the raise benchmark rows, the leak and refcount checks' raise paths).
BODY_ERRORS.update({"nd_ext.raise_mapped": (ValueError,), "nd_ext.raise_value_error": (ValueError,),
                    "nd_test.raise_path_argument": (ValueError,), "nd_test.raise_path_cause": (RuntimeError,),
                    "nd_test.raise_path_key": (KeyError,), "nd_test.raise_path_stop": (StopIteration,),
                    # n out of 1-16 is ValueError; the group an ExceptionGroup (3.11+) or a RuntimeError before
                    "nd_test.raise_path_group": (ValueError, RuntimeError) + ((ExceptionGroup,) if sys.version_info >= (3, 11) else ())})

# Issue 20's ownership checks (ArraysOwnership.cs, test_array_ownership.py): sizes outside 0-2,000,000 (counts
# outside 0-1000) are ValueError; temporary_then_throw raises on purpose; sum_kept/return_kept/use_not_kept say
# RuntimeError when nothing is kept or the stored array was released; the callback takers pass on its errors.
BODY_ERRORS.update({
    "nd_test.temporaries": (ValueError,), "nd_test.temporary_then_throw": (ValueError,),
    "nd_test.dispose_one_return_other": (ValueError,), "nd_test.keep_array": (ValueError,),
    "nd_test.sum_kept": (RuntimeError,), "nd_test.return_kept": (RuntimeError,),
    "nd_test.store_without_keep": (ValueError,), "nd_test.use_not_kept": (RuntimeError,),
    "nd_test.made_without_gil": (ValueError,), "nd_test.object_temporaries": (ValueError,),
    "nd_test.array_across_python": (FuzzError, TypeError, ValueError, OverflowError),
    "nd_test.call_it": (FuzzError, TypeError, ValueError, OverflowError),
})
# Issue 20's views of views (ArraysViews.cs; test_array_views.py checks each result against numpy): bounds, axes, steps
# and reshapes out of range are IndexError/ValueError; a view of a non-numpy buffer or of a new NdArray cannot be
# returned (TypeError/ValueError); checked shape arithmetic on huge drawn dims is OverflowError.
BODY_ERRORS.update({f"nd_test.{name}": (IndexError, ValueError, TypeError, OverflowError) for name in (
    "view_row", "view_index_axis", "view_slice", "view_slice_int32", "view_slice_mut", "fill_slice", "bump_row",
    "sum_transposed_row", "view_transpose", "view_permute", "view_reshape", "view_squeeze", "view_insert_axis",
    "view_same", "view_of_array_like", "view_of_new_array")})
# Typed views of objects that are not parameters: whatever the drawn object, its attribute, item or call raises,
# and the view's own TypeError/ValueError; use_after_dispose is ObjectDisposedException (RuntimeError) by design.
BODY_ERRORS.update({f"nd_test.{name}": (Exception,) for name in (
    "sum_dict_item", "sum_attribute", "sum_call_result", "scale_dict_item")})
BODY_ERRORS.update({f"nd_test.{name}": (TypeError, ValueError, IndexError) for name in (
    "trace_of", "sum_array_like_object", "sum_borrowed", "row_of_object", "ArrayHolder.total", "ArrayHolder.first")})
BODY_ERRORS["nd_test.use_after_dispose"] = (RuntimeError, TypeError, ValueError)

class Args(dict):
    """Converted arguments (by parameter name), the raw values, the instance and its state."""
    raw = self = state = target = None


# --- the generic check ----------------------------------------------------------------------------

# Names for **kwargs keywords: plain, non-ASCII, odd (the runtime takes any str a .NET string can hold).
KEYWORD_NAMES = st.sampled_from(["x", "zz", "scale", "caf\u00e9", "k_1", "self"]) \
    | st.text(st.sampled_from("abz_\u00e9\u03c0 =,0"), min_size=1, max_size=4)


def draw_call(data, target):
    """Draw (args, kwargs) for target: the form of the call and the values. Positional-only parameters go by
    position, keyword-only ones by keyword, *args gets 0-4 extra values of its element's kind, **kwargs keywords
    no named parameter takes (a positional-only parameter's name among them); the mutations make CPython's
    binding errors, those of the kinds too (positional-only by keyword, keyword-only by position, a keyword
    that is also given by position)."""
    named = [p for p in target.params if p.pkind in NAMED]
    star = next((p for p in target.params if p.pkind is P.VAR_POSITIONAL), None)
    star_star = next((p for p in target.params if p.pkind is P.VAR_KEYWORD), None)
    values = {p.name: data.draw(values_for(target, p), label=p.name) for p in named}
    names = [p.name for p in named if p.pkind is not P.KEYWORD_ONLY]   # those that may go by position
    keyword_only = [p.name for p in named if p.pkind is P.KEYWORD_ONLY]
    provided = [p.name for p in named if p.default is P.empty or data.draw(st.booleans())]
    split = data.draw(st.integers(0, len(names)))
    # positional-only parameters by position, as far as the last one provided
    split = max([split] + [i + 1 for i, p in enumerate(named) if p.pkind is P.POSITIONAL_ONLY and p.name in provided])
    extra = data.draw(st.lists(values_for(target, star), max_size=4), label=star.name) if star else []
    if extra:
        split = len(names)   # *args' values come after every positional parameter
    args = [values[n] for n in names[:split]] + extra
    kwargs = {n: values[n] for n in names[split:] + keyword_only if n in provided}
    if star_star is not None:
        taken = {p.name for p in named if p.pkind is not P.POSITIONAL_ONLY}
        free = KEYWORD_NAMES | st.sampled_from([p.name for p in named if p.pkind is P.POSITIONAL_ONLY] or ["x"])
        kwargs.update(data.draw(st.dictionaries(free.filter(lambda k: k not in taken), values_for(target, star_star),
                                                max_size=4), label=star_star.name))
    # keep positional arguments contiguous: a provided optional keyword may be left out only at the end
    mutation = data.draw(st.integers(0, 26 if has_other_kinds(target) else 23))   # 0..19: a well-formed call
    if mutation == 20 and named:                                                  # (Hypothesis favours small numbers)
        victim = data.draw(st.sampled_from([p.name for p in named]))
        kwargs.pop(victim, None)
        if victim in names[:split]:
            args = args[:names.index(victim)]
    elif mutation == 21:
        args.append(data.draw(anything()))
    elif mutation == 22:
        # NUL or a lone surrogate in a keyword's name is left to test_odd_keyword_names_in_messages:
        # one bug should fail one test, not all of them
        kwargs[data.draw(st.sampled_from(["zz", "x_", "self", "cls", "arr2"]) | st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1, max_size=4))] = 0
    elif mutation == 23 and args and names:
        kwargs[names[data.draw(st.integers(0, min(len(args), len(names)) - 1))]] = 0
    elif mutation == 24 and split and named[0].pkind is P.POSITIONAL_ONLY:   # positional-only by keyword
        i = data.draw(st.integers(0, sum(p.pkind is P.POSITIONAL_ONLY for p in named[:split]) - 1))
        kwargs.update({n: values[n] for n in names[i:split]})
        args = args[:i]
    elif mutation == 25 and keyword_only:   # keyword-only by position
        k = data.draw(st.sampled_from(keyword_only))
        args = [values[n] for n in names] + [values[k]]
        kwargs.pop(k, None)
    elif mutation == 26 and named:   # a keyword for a named parameter given by position, or free for **kwargs
        p = data.draw(st.sampled_from(named))
        kwargs[p.name] = data.draw(values_for(target, p))
    return args, kwargs


def predict(target, args, kwargs, instance=None):
    """The expected outcome of target(*args, **kwargs): a Raise, or (Ok, Args) after conversion."""
    message = binding_error(target, args, kwargs)
    if message is not None:
        return Raise((TypeError, "^" + re.escape(message) + "$")), None
    bound = bind(target, args, kwargs)
    converted = Args()
    converted.raw = bound
    arrays = []
    failures = []   # the first refused place among the named parameters, *args' elements, **kwargs' values
    prefix = rf"^{re.escape(target.qual)}\(\) argument "
    for p in target.params:
        if p.pkind in (P.VAR_POSITIONAL, P.VAR_KEYWORD):
            # Element by element, each named by its place: 'args'[1], or the keyword's own name.
            star = p.pkind is P.VAR_POSITIONAL
            items = bound.get(p.name, () if star else {})
            out = [] if star else {}
            for key, value in (enumerate(items) if star else items.items()):
                where = prefix + (rf"'{re.escape(p.name)}'\[{key}\]" if star else f"'{re.escape(key)}'")
                outcome = convert(target, p, value, where)
                if isinstance(outcome, Raise):
                    failures.append(outcome)
                    break
                if isinstance(outcome[1], Unknown):
                    return None, unknown_from(converted, target)
                if star:
                    out.append(outcome[1])
                else:
                    out[key] = outcome[1]
            converted[p.name] = out
            continue
        if any(f.named for f in failures):
            continue
        value = bound[p.name] if p.name in bound else p.default
        where = prefix + f"'{re.escape(p.name)}'"
        outcome = convert(target, p, value, where)
        if isinstance(outcome, Raise):
            if p.name not in bound:
                raise AssertionError(f"the default of {target.id}({p.name}) is refused: {outcome}")
            outcome.named = True
            failures.append(outcome)
            continue
        converted[p.name] = outcome[1]
        if isinstance(outcome[1], Unknown):   # a container the model does not follow: nothing after it is known
            return None, unknown_from(converted, target)
        if p.kind[0].startswith("array:"):
            arrays.append((p, outcome[1]))
    if failures:
        # Named parameters convert in their order. Which of the named ones, *args and **kwargs comes first follows
        # the C# declaration order, which the stub does not show (a [PyKwargs] dictionary may stand anywhere):
        # then the first refused place of any of them.
        return Raise(*[alternative for f in failures for alternative in f.alternatives]), None
    # a writable view and another array argument over the same memory are refused (may: by address ranges)
    for p, arr in arrays:
        if writes_to(target, p):
            for q, other in arrays:
                if q is not p and arr.size and other.size and np.may_share_memory(arr, other):
                    exact = np.shares_memory(arr, other)
                    return ("alias", exact, p, q), converted
    return None, converted


def unknown_from(converted, target):
    """converted, with everything not yet known Unknown."""
    for q in target.params:
        converted.setdefault(q.name, Unknown())
    return converted


def _reraise(error):
    raise error


def check_outcome(expected, call, converted, snapshots, target):
    with np.errstate(all="ignore"):   # the oracles' own numpy arithmetic (inf - inf) must not warn
        _check_outcome(expected, call, converted, snapshots, target)


def _check_outcome(expected, call, converted, snapshots, target):
    try:
        with strict():
            result = call()
    except Exception as e:
        error = e
    else:
        error = None
    OUTCOMES["exception" if error is not None else "result"] += 1
    PER_TARGET.setdefault(target.id, [0, 0])[error is not None] += 1
    if isinstance(expected, Raise):
        assert error is not None, f"{target.id}: expected {expected}, got result {result!r}"
        assert expected.matches(error), f"{target.id}: expected {expected}, got {type(error).__name__}: {error}"
        for s in snapshots.values():
            assert s.unchanged(), f"{target.id}: an argument array changed although the call failed"
        return
    if isinstance(expected, Ok) and error is not None and expected.or_raise is not None:
        return check_outcome(expected.or_raise, lambda: _reraise(error), converted, snapshots, target)
    if isinstance(expected, Ok):
        writes = expected.writes
        if error is not None:
            raise AssertionError(f"{target.id}: expected a result, got {type(error).__name__}: {error}") from error
        if expected.value is not ...:
            v = expected.value
            if isinstance(v, np.ndarray):
                assert type(result) is np.ndarray and same_array(result, v), f"{target.id}: {result!r} != {v!r}"
            elif isinstance(v, float):
                assert type(result) is float and same(result, v), f"{target.id}: {result!r} != {v!r}"
            else:
                assert type(result) is type(v) and result == v, f"{target.id}: {result!r} != {v!r}"
        if expected.check is not None:
            assert expected.check(result), f"{target.id}: wrong result {result!r}"
        for name, s in snapshots.items():
            if name in writes:
                if writes[name] is not None:
                    assert same_array(s.arr, np.asarray(writes[name]).astype(s.arr.dtype)), \
                        f"{target.id}: {name} became {s.arr!r}, expected {writes[name]!r}"
                assert s.only_view_changed(), f"{target.id}: bytes outside the view of {name} changed"
            else:
                assert s.unchanged(), f"{target.id}: argument {name} changed"
        return
    # no prediction for the body: a result, or a documented exception; read-only arguments unchanged
    allowed = BODY_ERRORS.get(target.id, ())
    if any(_has_unknown(v) for v in converted.values()):
        # A container argument the model does not follow (an object of its own sequence protocol, a numpy
        # array, a range): its conversion's errors are those of the elements' rows, or the object's own.
        allowed = allowed + (TypeError, ValueError, OverflowError, RuntimeError, IndexError, KeyError, AttributeError,
                             Warning)
    if error is not None:
        hostile = any(isinstance(v, (RaisingFloat, RaisingIndex)) or type(v).__module__ == "fuzz_values"
                      for v in raw_values(target, converted.raw or {}))
        if not (isinstance(error, allowed) or (hostile and isinstance(error, FuzzError))):
            raise AssertionError(f"{target.id}: undocumented {type(error).__name__}: {error}") from error
    for name, s in snapshots.items():
        p = next(p for p in target.params if p.name == name)
        if not writes_to(target, p):
            assert s.unchanged(), f"{target.id}: read-only argument {name} changed"
        else:
            assert s.only_view_changed(), f"{target.id}: bytes outside the view of {name} changed"


def snapshots_of(target, bound):
    result = {}
    for p in target.params:
        if p.name in bound and p.pkind in NAMED:
            arr = buffer_array(bound[p.name])
            if arr is not None and arr.flags.writeable:
                result[p.name] = Snapshot(arr)
    return result


def run_example(data, target, instance=None, state=None):
    args, kwargs = draw_call(data, target)
    expected, converted = predict(target, args, kwargs)
    snapshots = snapshots_of(target, bind(target, args, kwargs))
    fn = callable_of(target, instance)
    if converted is not None:
        converted.self, converted.state, converted.target = instance, state, target.id
        if isinstance(expected, tuple):   # possible aliasing of a written array
            _, exact, p, q = expected
            message = rf"arguments '({p.name}|{q.name})' and '({p.name}|{q.name})' share memory"
            expected = Raise((ValueError, message)) if exact else None
            if expected is None:
                try:
                    with strict():
                        fn(*args, **kwargs)
                except ValueError as e:
                    assert re.search(message, str(e)), f"{target.id}: {e}"
                except Exception:
                    pass
                return
        else:
            oracle = ORACLES.get(target.id)
            with np.errstate(all="ignore"):
                expected = oracle(converted) if oracle else None
    watched = watched_counts(target, args, kwargs)
    raised = []

    def call():
        try:
            return fn(*args, **kwargs)
        except BaseException as e:
            raised.append(e)
            raise
    with no_collection():
        check_outcome(expected, call, converted or Args(), snapshots, target)
        # The exception may hold the value it is about (UnicodeEncodeError.object, its args) as long as it lives.
        held = {id(x) for e in raised for x in (*e.args, getattr(e, "object", None))}
        for e in raised:   # its traceback's frames hold it in a cycle
            traceback.clear_frames(e.__traceback__)
            e.__traceback__ = None
        raised.clear()
        for recorder in (a for a in list(args) + list(kwargs.values()) if isinstance(a, Recorder)):
            recorder.calls.clear()   # a Recorder callback keeps what it was called with, on purpose
        changed = [(repr(v)[:60], n, now) for v, n in watched if (now := sys.getrefcount(v)) != n and id(v) not in held]
    assert not changed, f"{target.id}: reference counts of arguments changed (value, before, after): {changed}"


# Entry points of issue 17's kinds whose arguments' reference counts are watched (below) that keep them.
KEEP_ARGUMENTS = {
    "nd_test.keep_objects": "keeps its *items until the next call (drop_kept releases them)",
    # A known bug (test_refcounts.DEFERRED): PyRef elements of a container wait for .NET's finalizers.
    "nd_test.count_money_refs": "List<PyRef<Money>> elements are released by .NET's finalizers, not at return",
    "nd_test.echo_refs": "a returned List<PyRef>'s elements are released by .NET's finalizers, not at return",
}


def watches_counts(target):
    """Entry points with issue 17's parameters: positional-only, keyword-only, *args, **kwargs; containers, values."""
    return target.id not in KEEP_ARGUMENTS and (has_other_kinds(target) or any(
        p.kind[0].startswith(("container:", "value:", "enum:")) for p in target.params))


def watched_counts(target, args, kwargs):
    """Each argument (an *args element, a **kwargs value, everything inside a container) and its reference count,
    which the call (success or error) must leave as it was. Not watched: objects the whole interpreter shares
    (small ints, bools, None, one-character and empty strings), and fuzz_values' objects whose own Python methods
    run in the call (an exception's traceback holds them)."""
    if not watches_counts(target):
        return []
    values = [v for v in _parts(list(args) + list(kwargs.values()))[1:]
              if not (v is None or type(v) in (int, bool, np.bool_) or type(v).__module__ == "fuzz_values"
                      or callable(v)   # a callback's own count: test_callback_values.py and test_refcounts.py
                      or (isinstance(v, (str, bytes, tuple, frozenset)) and len(v) <= 1))]
    counts = [sys.getrefcount(v) for v in values]   # as counted after the call: one holder, the loop's name, the argument
    return list(zip(values, counts))


def _parts(value):
    """value, and every container and element inside it (lists, tuples, sets, dicts; exactly those types: a
    subclass's own iteration is not called)."""
    out = [value]
    if type(value) in (list, tuple, set, frozenset):
        out += [o for v in value for o in _parts(v)]
    elif type(value) is dict:
        out += [o for k, v in value.items() for o in _parts(k) + _parts(v)]
    return out


class no_collection:
    """The cyclic GC off: a collection during the call could free an earlier example's objects that hold one of
    the watched values."""

    def __enter__(self):
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        if self.enabled:
            gc.enable()


# --- the tests ------------------------------------------------------------------------------------

ALL_TARGETS = [t for m in MODULES.values() for t in discover(m)]
CALLABLE_TARGETS = [t for t in TARGETS if t.kind in ("function", "constructor", "method", "staticmethod", "classmethod")]
# Container attributes (Bag's): the attribute fuzzer does not model containers; test_containers.py covers them.
ATTRIBUTES = [t for t in TARGETS if t.kind == "attribute" and not t.params[0].kind[0].startswith("container:")]
PROTOCOLS = [t for t in TARGETS if t.kind == "protocols"]


def _count(target):
    COUNTS[target.id] = COUNTS.get(target.id, 0) + 1


def instance_for(data, target):
    """An instance for a method, and what the oracle needs to know of its state before the call."""
    obj = data.draw(instances(target.cls, target.module), label="self")
    state = None
    if target.cls == "Holder":
        state = data.draw(st.lists(anything(), max_size=3), label="items")
        for item in state:
            obj.push(item)
    elif target.cls == "Registry":
        state = data.draw(st.dictionaries(st.sampled_from(["a", "b", "one"]), anything(), max_size=2), label="entries")
        for k, v in state.items():
            obj.put(k, v)
    elif target.cls == "Record":
        state = obj.weight
    elif target.cls == "SigBox":   # settings through the constructor's **values
        state = data.draw(st.dictionaries(st.sampled_from(["a", "b", "key"]), st.integers(-2**63, 2**63 - 1), max_size=3),
                          label="values")
        obj = type(obj)(obj.name, **state)
    return obj, state


@pytest.mark.parametrize("target", CALLABLE_TARGETS, ids=str)
def test_fuzz_call(target):
    @FUZZ
    @given(st.data())
    def run(data):
        _count(target)
        instance, state = None, None
        if target.kind == "method":
            instance, state = instance_for(data, target)
        elif target.kind in ("staticmethod", "classmethod") and data.draw(st.booleans(), label="through an instance"):
            instance = data.draw(instances(target.cls, target.module), label="self")
        run_example(data, target, instance, state)
    run()



# --- attributes: get, set, delete -----------------------------------------------------------------

GETTER_ERRORS = {
    "nd_test.Fragile.broken": Raise((RuntimeError, "^System.InvalidOperationException: this getter always fails$")),
    "nd_test.Fragile.missing": Raise((KeyError, "^no such key$")),
}


def same_value(a, b):
    if a is b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return type(a) is type(b) and same(a, b)
    if isinstance(a, complex) or isinstance(b, complex):
        return type(a) is type(b) and repr(a) == repr(b)   # NaN parts, -0.0
    if a is None or b is None or type(a).__module__ not in ("builtins", "decimal", "datetime"):
        return a is b
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("target", ATTRIBUTES, ids=str)
def test_fuzz_attribute(target):
    p = target.params[0]
    where = rf"^'{re.escape(target.cls)}' attribute '{re.escape(target.name)}'"
    full = f"{target.module.__name__}.{target.cls}.{target.name}"

    @FUZZ
    @given(st.data())
    def run(data):
        _count(target)
        obj, _ = instance_for(data, target)
        op = data.draw(st.sampled_from(["get", "set", "set", "del"]), label="op")
        if not target.readable:
            message = f"attribute '{target.name}' of '{target.module.__name__}.{target.cls}' objects is not readable"
            check_outcome(Raise((AttributeError, "^" + re.escape(message) + "$")), lambda: getattr(obj, target.name),
                          Args(), {}, target)
            if op == "get":
                return
            before = None
        elif full in GETTER_ERRORS:
            check_outcome(GETTER_ERRORS[full], lambda: getattr(obj, target.name), Args(), {}, target)
            if op == "get":
                return
            before = None
        else:
            before = getattr(obj, target.name)
            expected = convert(target, p, before, where)
            assert not isinstance(expected, Raise), f"{full}: the getter returned {before!r}, which its setter would refuse"
        if op == "get":
            return
        if op == "del" and target.deletable:
            check_outcome(Ok(None), lambda: delattr(obj, target.name), Args(), {}, target)
            before = None      # del sets it to null
        elif op == "del":
            message = (f"attribute '{target.name}' of '{target.module.__name__}.{target.cls}' objects is not writable" if not target.writable
                       else f"cannot delete attribute '{target.name}' of '{target.cls}' objects")
            check_outcome(Raise((AttributeError, "^" + re.escape(message) + "$")), lambda: delattr(obj, target.name), Args(), {}, target)
        else:
            value = data.draw(values_for(target, p), label="value")
            if not target.writable:
                message = f"attribute '{target.name}' of '{target.module.__name__}.{target.cls}' objects is not writable"
                check_outcome(Raise((AttributeError, "^" + re.escape(message) + "$")), lambda: setattr(obj, target.name, value), Args(), {}, target)
            else:
                outcome = convert(target, p, value, where)
                if not isinstance(outcome, Raise) and full == "nd_test.Fragile.positive" and outcome[1] <= 0:
                    outcome = Raise((ValueError, r"^must be positive \(Parameter 'value'\)$"))
                if isinstance(outcome, Raise):
                    check_outcome(outcome, lambda: setattr(obj, target.name, value), Args(), {}, target)
                else:
                    check_outcome(Ok(None), lambda: setattr(obj, target.name, value), Args(), {}, target)
                    before = outcome[1]
        if full not in GETTER_ERRORS and target.readable:
            after = getattr(obj, target.name)
            assert same_value(after, before), f"{full}: reads back {after!r}, expected {before!r}"
    run()


# --- protocol slots -------------------------------------------------------------------------------

def money_key(m):
    return (m.currency.encode("utf-16-be"), m.cents)   # string.CompareOrdinal: UTF-16 code units


def version_key(v):
    return wrap(v.major * 100000 + v.minor, 32)


EQUAL = {"Money": lambda a, b: (a.cents, a.currency) == (b.cents, b.currency),
         "Vec": lambda a, b: a.x == b.x and a.y == b.y,
         "SVec": lambda a, b: a.x == b.x and a.y == b.y,   # C#'s ==: NaN is not equal to itself
         "Version2": lambda a, b: version_key(a) == version_key(b),
         "Tally": lambda a, b: a.value == b.value,
         "Fraction": lambda a, b: (a.numerator, a.denominator) == (b.numerator, b.denominator)}
ORDER = {"Money": money_key, "Version2": version_key}


def money_str(m):
    c = m.cents
    q = c_div(c, 100) if c else 0
    return f"{q}.{abs(c - q * 100):02d} {m.currency}"


TEXT = {
    ("Money", "__repr__"): lambda m: Ok(f"Money({m.cents}, '{m.currency}')"),
    ("Money", "__str__"): lambda m: Ok(money_str(m)),
    ("Vec", "__repr__"): lambda v: Ok(f"Vec({v.x!r}, {v.y!r})"),
    ("Version2", "__str__"): lambda v: Ok(f"{v.major}.{v.minor}"),
    ("Tally", "__str__"): lambda t: Ok(f"tally of {t.value}"),
    ("Point", "__repr__"): lambda p: Ok(f"Point ({p.x!r}, {p.y!r})"),
    ("PointClass", "__repr__"): lambda p: Ok(f"PointClass ({p.x!r}, {p.y!r})"),
    ("Fraction", "__repr__"): lambda f: Ok(f"Fraction({f.numerator}, {f.denominator})"),
    ("Bits", "__repr__"): lambda b: Ok(f"Bits(0x{b.mask & (2**64 - 1):x})"),
    ("Point", "__str__"): lambda p: Ok(f"({p.x!r}, {p.y!r})"),
    ("PointClass", "__str__"): lambda p: Ok(f"({p.x!r}, {p.y!r})"),
    ("Fragile", "__repr__"): lambda f: (Raise((RuntimeError, "^System.InvalidOperationException: cannot represent mode 3$")) if f.mode == 3
                                        else Ok(f"Fragile({f.mode})")),
    ("Fragile", "__str__"): lambda f: Raise((OverflowError, "^too big to print$")) if f.mode == 4 else Ok(f"fragile {f.mode}"),
}

OPERATORS = {"__add__": lambda a, b: Ok(check=lambda r: EQUAL["Vec"](r, nd_test.Vec(a.x + b.x, a.y + b.y))),
             "__sub__": lambda a, b: Ok(check=lambda r: EQUAL["Vec"](r, nd_test.Vec(a.x - b.x, a.y - b.y)))}


def vec_same(r, x, y):
    return type(r) is nd_test.Vec and same(r.x, x) and same(r.y, y)


def svec_same(r, x, y):
    return type(r) is nd_test.SVec and same(r.x, x) and same(r.y, y)


def svec_binary(op, v, other):
    """The expected result of the slot SVec.<op>(v, other): C#'s SVec + SVec and SVec * double
    (tests/NdTestModule/ClassStructs.cs), nothing reflected but the sum."""
    if op in ("__add__", "__radd__"):
        if not isinstance(other, nd_test.SVec):
            return Ok(NotImplemented)
        return Ok(check=lambda r: svec_same(r, v.x + other.x, v.y + other.y))
    if op == "__rmul__" or not isinstance(other, (float, int)):
        return Ok(NotImplemented)
    k = expect_float(other)
    if k[0] == "raise":
        return Ok(NotImplemented) if k[1] is TypeError else Raise((k[1], k[2]))
    return Ok(check=lambda r: svec_same(r, v.x * k[1], v.y * k[1]))


def vec_binary(op, v, other):
    """The expected result of the slot Vec.<op>(v, other)."""
    if isinstance(other, nd_test.Vec):
        if op == "__add__":
            return Ok(check=lambda r: vec_same(r, v.x + other.x, v.y + other.y))
        if op == "__sub__":
            return Ok(check=lambda r: vec_same(r, v.x - other.x, v.y - other.y))
        if op in ("__mul__", "__rmul__"):
            return Ok(v.x * other.x + v.y * other.y)
        return Ok(NotImplemented)
    if op in ("__add__", "__sub__"):
        return Ok(NotImplemented)
    if not isinstance(other, (float, int)):   # operands: the class, double, long, int; others NotImplemented
        return Ok(NotImplemented)
    k = expect_float(other)
    if k[0] == "raise":
        return Ok(NotImplemented) if k[1] is TypeError else Raise((k[1], k[2]))
    k = k[1]
    if op == "__truediv__":
        if k == 0.0:
            return Raise((ZeroDivisionError, "^cannot divide a Vec by zero$"))
        return Ok(check=lambda r: vec_same(r, v.x / k, v.y / k))
    return Ok(check=lambda r: vec_same(r, v.x * k, v.y * k))


def make_container(data, cls_name):
    """An instance of a container class and its expected contents."""
    if cls_name == "Samples":
        values = data.draw(st.lists(floats(), max_size=5), label="samples")
        obj = nd_test.Samples(len(values))
        for i, x in enumerate(values):
            obj[i] = x
        return obj, values
    if cls_name == "Words":
        words = data.draw(st.lists(st.text(st.characters(blacklist_characters=" ", blacklist_categories=("Cs",)), min_size=1, max_size=4), max_size=4), label="words")
        return nd_test.Words(" ".join(words)), words
    if cls_name == "Node":
        obj = nd_ext.Node(data.draw(anything(), label="value"))
        children = [nd_ext.Node(i) for i in range(data.draw(st.integers(0, 3), label="children"))]
        for c in children:
            obj.add(c)
        return obj, children
    return None, None


ELEMENT = {"Samples": ("float", False), "Words": ("str", False)}


@pytest.mark.parametrize("target", PROTOCOLS, ids=str)
def test_fuzz_protocols(target):
    cls = target.pycls
    name = target.cls

    @FUZZ
    @given(st.data())
    def run(data):
        _count(target)
        obj, contents = make_container(data, name)
        if obj is None:
            obj, contents = instance_for(data, target)
            if name == "Holder":
                contents = contents
            elif name == "Registry":
                contents = list(contents)
        op = data.draw(st.sampled_from(target.dunders), label="op")
        other = data.draw(instances(name, target.module) | anything(), label="other")
        if op in ("__repr__", "__str__"):
            f = repr if op == "__repr__" else str
            expected = TEXT.get((name, op), lambda o: Ok(check=lambda r: type(r) is str))(obj)
            check_outcome(expected, lambda: f(obj), Args(), {}, target)
        elif op in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
            if isinstance(other, cls):
                if op in ("__eq__", "__ne__"):
                    r = EQUAL[name](obj, other)
                    expected = Ok(r if op == "__eq__" else not r)
                else:
                    import operator
                    expected = Ok(getattr(operator, op.strip("_"))(ORDER[name](obj), ORDER[name](other)))
            else:
                expected = Ok(NotImplemented)
            check_outcome(expected, lambda: getattr(cls, op)(obj, other), Args(), {}, target)
        elif op == "__hash__":
            if cls.__hash__ is None:
                check_outcome(Raise((TypeError, f"^unhashable type: '{target.module.__name__}.{name}'$")), lambda: hash(obj), Args(), {}, target)
            else:
                h = hash(obj)
                assert type(h) is int
                if isinstance(other, cls) and EQUAL[name](obj, other):
                    assert hash(other) == h, f"{target.id}: equal objects, different hashes"
        elif op == "__len__":
            assert len(obj) == len(contents)
        elif op == "__iter__":
            items = list(obj)
            assert len(items) == len(contents) and all(same_value(a, b) for a, b in zip(items, contents)), (items, contents)
        elif op in ("__getitem__", "__setitem__"):
            index = data.draw(st.integers(-3, 8) | ints() | anything(), label="index")
            where = rf"^{re.escape(name)}\.{op}\(\) argument 'index'"
            key = convert(INDEXER, Param("index", ("int", False), None), index, where)
            value = data.draw(values_for(INDEXER, Param("value", ELEMENT.get(name, ("any", True)), None)), label="value") if op == "__setitem__" else None
            if isinstance(key, Raise):
                expected = key
            elif op == "__setitem__":
                conv = convert(INDEXER, Param("value", ELEMENT[name], None), value, rf"^{re.escape(name)}\.{op}\(\) argument 'value'")
                if not -2**31 <= key[1] < 2**31:
                    expected = Raise((OverflowError, "out of range for int32"))
                elif isinstance(conv, Raise):
                    expected = conv
                elif -len(contents) <= key[1] < len(contents):   # negative: from the end (issue 18)
                    expected = Ok(None)
                    contents[key[1]] = conv[1]
                else:
                    expected = Raise((IndexError, "Index was out"))
            else:
                if not -2**31 <= key[1] < 2**31:
                    expected = Raise((OverflowError, "out of range for int32"))
                elif -len(contents) <= key[1] < len(contents):
                    want = contents[key[1]]
                    expected = Ok(check=lambda r: same_value(r, want))
                else:
                    expected = Raise((IndexError, "Index was out"))
            call = (lambda: obj[index]) if op == "__getitem__" else (lambda: obj.__setitem__(index, value))
            check_outcome(expected, call, Args(), {}, target)
            assert [same_value(a, b) for a, b in zip(list(obj), contents)] == [True] * len(contents)
        elif name == "Vec" and op in ("__add__", "__sub__", "__mul__", "__rmul__", "__truediv__"):
            check_outcome(vec_binary(op, obj, other), lambda: getattr(cls, op)(obj, other), Args(), {}, target)
        elif op == "__neg__" and name == "Vec":
            check_outcome(Ok(check=lambda r: vec_same(r, -obj.x, -obj.y)), lambda: -obj, Args(), {}, target)
        elif name == "SVec" and op in ("__add__", "__radd__", "__mul__", "__rmul__"):
            check_outcome(svec_binary(op, obj, other), lambda: getattr(cls, op)(obj, other), Args(), {}, target)
        elif op == "__neg__" and name == "SVec":
            check_outcome(Ok(check=lambda r: svec_same(r, -obj.x, -obj.y)), lambda: -obj, Args(), {}, target)
        elif op in ("__getstate__", "__setstate__"):
            # Hand-written, on PCounter only (tests/NdTestModule/ClassesPickle.cs): the count; setting adds 1000.
            state = obj.__getstate__()
            assert type(state) is int
            if op == "__setstate__":
                obj.__setstate__(state)
                assert obj.__getstate__() == state + 1000
        elif op == "__reduce__":
            # Generated: rebuilt from the constructor's arguments (copy.copy calls the class with them), or a
            # TypeError saying why the class cannot be rebuilt.
            try:
                reduced = obj.__reduce__()
            except TypeError as e:
                assert str(e).startswith("cannot pickle '") and f"{name}' object: " in str(e), e
            else:
                import copy, copyreg
                assert reduced[0] in (cls, copyreg.__newobj__, copyreg.__newobj_ex__), reduced
                copied = copy.copy(obj)
                assert type(copied) is type(obj) and copied is not obj
                if name in EQUAL:
                    assert EQUAL[name](copied, obj), (copied, obj)
        elif name in NUMBER_SLOTS and op in NUMBER_OPS:
            call, expected = number_case(name, op, obj, other)
            check_outcome(expected, call, Args(), {}, target)
        elif name == "Quad" and op == "__add__":
            # Quad's C# operator + (tests/NdTestModule/ClassesInheritance.cs), inherited by Square and LabelledQuad:
            # widths add, the taller height stays (Math.Max: NaN if either is); another operand is NotImplemented.
            if isinstance(other, nd_test.Quad):
                w = obj.width + other.width
                h = math.nan if math.isnan(obj.height) or math.isnan(other.height) else max(obj.height, other.height)
                expected = Ok(check=lambda r: type(r) is nd_test.Quad and same(r.width, w) and same(r.height, h))
            else:
                expected = Ok(NotImplemented)
            check_outcome(expected, lambda: getattr(cls, op)(obj, other), Args(), {}, target)
        elif op in METHOD_DUNDERS:
            # Exported as methods (their behaviour: test_class_dunders.py, test_class_numbers.py): here, called
            # without arguments, each returns or raises a Python exception, and leaks nothing.
            try:
                getattr(obj, op)()
            except Exception:
                pass
        else:
            raise AssertionError(f"{target.id}: no check for {op}")
    run()


# The number protocol's classes (ClassesNumbers.cs, nd_ext's Point): each slot as the overloads the generated code tries
# in order, on (a, b): (left kind, right kind, result on the Python model), where a kind is "self" (an instance),
# "long" (an int: out of int64's range is OverflowError), "int" (int32), or "double" (a float or an int); "rself" marks a
# reflected dunder method (asked only when the operands' types differ). Results are on fractions.Fraction / int
# models; an exact result C#'s checked long arithmetic could not hold may be OverflowError instead.
def _fr(x):
    return fractions.Fraction(x.numerator, x.denominator) if isinstance(x, nd_test.Fraction) else x


def _floor(a, b):
    if b == 0:
        raise ZeroDivisionError
    return a // b


def _power(a, e):
    if e < 0 and a == 0:
        raise ZeroDivisionError
    if a not in (0, 1, -1) and abs(e) > 126:   # past int64 in C# (checked); too big to compute here
        raise OverflowError
    return a ** e


ANY_FLOAT = object()   # x ** f is C#'s Math.Pow, whose NaN and infinities Python's ** has as errors or complex


NUMBER_SLOTS = {
    "Fraction": {
        "add": [("self", "self", operator.add), ("self", "long", operator.add), ("long", "self", operator.add)],
        "sub": [("self", "self", operator.sub), ("self", "long", operator.sub), ("long", "self", operator.sub)],
        "mul": [("self", "self", operator.mul), ("self", "long", operator.mul), ("long", "self", operator.mul)],
        "truediv": [("self", "self", operator.truediv), ("self", "long", operator.truediv),
                    ("long", "rself", operator.truediv)],
        "mod": [("self", "self", operator.mod)],
        "floordiv": [("self", "self", _floor), ("self", "long", _floor), ("long", "rself", _floor)],
        "divmod": [("self", "self", lambda a, b: (_floor(a, b), a % b)), ("long", "rself", lambda a, b: (_floor(a, b), a % b))],
        "pow": [("self", "long", _power), ("double", "rself", lambda a, b: ANY_FLOAT)],
        "ipow": [("self", "long", _power)],
    },
    "Bits": {
        "and": [("self", "self", operator.and_)], "or": [("self", "self", operator.or_)],
        "xor": [("self", "self", operator.xor)],
        "lshift": [("self", "int", lambda a, n: wrap(a << n) if 0 <= n <= 63 else _raise(ValueError("shift count")))],
        "rshift": [("self", "int", lambda a, n: a >> n if 0 <= n <= 63 else _raise(ValueError("shift count")))],
    },
}
NUMBER_SLOTS["Bits"].update({"i" + n: NUMBER_SLOTS["Bits"][n] for n in ("and", "or", "xor", "lshift", "rshift")})
NUMBER_SLOTS.update({
    "Point": {"add": [("self", "self", lambda a, b: (a.x + b.x, a.y + b.y))]},
    "PointClass": {"add": [("self", "self", lambda a, b: (a.x + b.x, a.y + b.y))]},
})
NUMBER_OPS = {f"__{p}{n}__" for slots in NUMBER_SLOTS.values() for n in slots for p in ("", "r", "i")} | {
    "__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__int__", "__float__", "__index__", "__matmul__",
    "__rmatmul__", "__imatmul__"}
METHOD_DUNDERS = {"__format__", "__round__", "__bytes__", "__trunc__", "__complex__"}


def _raise(e):
    raise e


class _Overflow(Exception):
    pass


def _operand(kind, x, cls):
    """The operand's model value if it fits the kind, None if not; OverflowError as the generated test raises it."""
    if kind in ("self", "rself"):
        return (_fr(x) if cls is nd_test.Fraction else x.mask if cls is nd_test.Bits else x) if isinstance(x, cls) else None
    if kind == "double":
        if isinstance(x, float):
            return float(x)
        if isinstance(x, int):
            if abs(x) >= 2**1024:
                raise _Overflow
            return float(x)
        return None
    if not isinstance(x, int):
        return None
    if not -2**63 <= x < 2**63 or (kind == "int" and not -2**31 <= x < 2**31):
        raise _Overflow
    return int(x)


def number_case(name, op, obj, other):
    """(the call, its expected outcome) for one number dunder of a NUMBER_SLOTS class."""
    cls = type(obj).__mro__[-2]
    base = op.strip("_")
    if op in ("__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__int__", "__float__", "__index__"):
        builtin = {"__neg__": operator.neg, "__pos__": operator.pos, "__abs__": abs, "__invert__": operator.invert,
                   "__bool__": bool, "__int__": int, "__float__": float, "__index__": operator.index}[op]
        want = {"__index__": int}.get(op, builtin)(_operand("self", obj, cls))
        return (lambda: builtin(obj)), Ok(check=lambda r: _same_number(r, want), or_raise=Raise((OverflowError, None)))
    if base.endswith("matmul"):
        return (lambda: getattr(cls, op)(obj, other)), Ok(check=lambda r: r is NotImplemented or isinstance(r, (cls, nd_test.Bits)),
                                                          or_raise=Raise((OverflowError, None)))
    inplace = op.startswith("__i") and base[1:] in NUMBER_SLOTS[name]
    reflected = not inplace and op.startswith("__r") and base[1:] in NUMBER_SLOTS[name]
    slot = base[1:] if (inplace or reflected) else base
    overloads = NUMBER_SLOTS[name]["i" + slot] if inplace and "i" + slot in NUMBER_SLOTS[name] else [] if inplace else NUMBER_SLOTS[name][slot]
    a, b = (other, obj) if reflected else (obj, other)
    call = lambda: getattr(cls, op)(obj, other)
    try:
        for left, right, f in overloads:
            if right == "rself" and type(a) is type(b):
                continue
            la = _operand(left, a, cls)
            if la is None:
                continue
            rb = _operand(right, b, cls)
            if rb is None:
                continue
            try:
                want = f(la, rb)
            except ZeroDivisionError:
                return call, Raise((ZeroDivisionError, None), (OverflowError, None))
            except ValueError:
                return call, Raise((ValueError, None))
            except OverflowError:
                return call, Raise((OverflowError, None))
            return call, Ok(check=lambda r: _same_number(r, want), or_raise=Raise((OverflowError, None)))
    except _Overflow:
        return call, Raise((OverflowError, None))
    return call, Ok(NotImplemented)


def _same_number(r, want):
    if isinstance(r, nd_test.Fraction):
        return _fr(r) == want
    if isinstance(r, nd_test.Bits):
        return r.mask == want
    if want is ANY_FLOAT:
        return type(r) is float
    if isinstance(r, (nd_ext.Point, nd_ext.PointClass)):
        return all(same(u, v) for u, v in zip((r.x, r.y), want))
    if type(r) is float and isinstance(want, fractions.Fraction):   # C# divides the double numerator by the denominator
        return math.isclose(r, float(want), rel_tol=1e-15)
    if isinstance(r, tuple) and isinstance(want, tuple):
        return len(r) == len(want) and all(_same_number(u, v) for u, v in zip(r, want))
    if isinstance(r, float) and isinstance(want, float):
        return same(r, want)
    return type(r) is type(want) and r == want


class _Indexer:
    """Stands in for a target when converting an index or element (int32 indexers)."""
    id = qual = "indexer"
    module = nd_test
    params = ()


INDEXER = _Indexer()
_PROBES[("indexer", "index", "range")] = (-2**31, 2**31 - 1)
_PROBES[("indexer", "value", "range")] = None


# --- call_from_threads, in a child process ---------------------------------------------------------

THREADS_CHILD = r"""
import sys, warnings
import nd_test
from hypothesis import example, given, settings, strategies as st

class Boom(Exception):
    pass

def boom(i):
    raise Boom(f"callback {i}")

FUNCS = [("square", lambda i: i * i), ("identity", lambda i: i), ("str", lambda i: "x"), ("raises", boom), ("huge", lambda i: 2**70)]

@settings(max_examples=int(sys.argv[1]), deadline=None, database=None, derandomize=sys.argv[2] == "1")
@example(FUNCS[3], 1, 1)   # a callback that raises
@example(FUNCS[2], 1, 1)   # a callback whose result is not an int
@given(st.sampled_from(FUNCS), st.integers(-2, 3), st.integers(-2, 6))
def run(func, threads, calls):
    name, f = func
    expected_sum = sum(f(i) for i in range(max(calls, 0))) * max(threads, 0) if name in ("square", "identity") else None
    try:
        r = nd_test.call_from_threads(f, threads, calls)
    except OverflowError:
        assert threads < 0 or name == "huge", (name, threads, calls)
        return
    except Boom:
        assert name == "raises"
        return
    except TypeError:
        assert name == "str"
        return
    if name in ("square", "identity") or threads <= 0 or calls <= 0:
        assert r == (expected_sum or 0), (name, threads, calls, r)
    else:
        raise AssertionError(f"{name}: a result {r!r} from a callback that fails")

run()
print("ok")
"""


def test_call_from_threads_in_a_child_process():
    """C# threads call a Python callback: a callback that raises (or returns a non-int) must surface as
    that exception in the caller, not end the process."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.dirname(nd_test.__file__), os.path.dirname(__file__)]))
    result = subprocess.run([sys.executable, "-X", "faulthandler", "-c", THREADS_CHILD, str(max(EXAMPLES // 10, 20)),
                             "1" if settings.default.derandomize else "0"],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), \
        f"the child process ended with {result.returncode}:\n{result.stderr[-3000:]}"
    COUNTS["nd_test.call_from_threads"] = max(EXAMPLES // 10, 20)


# --- messages that carry the caller's text -------------------------------------------------------

@pytest.mark.parametrize("name", ["a\x00b", "\x00", "\ud800", "x\udfffy"], ids=["nul-inside", "nul", "surrogate", "surrogate-inside"])
def test_odd_keyword_names_in_messages(name):
    """An unexpected keyword is named in full, as CPython does (str() of the name's repr-less text)."""
    def python():
        pass

    with pytest.raises(TypeError) as expected:
        python(**{name: 1})
    assert str(expected.value).endswith(f"python() got an unexpected keyword argument '{name}'")   # CPython's wording
    for f, prefix in ((nd_test.answer, "answer"), (nd_test.echo_float64, "echo_float64"), (nd_ext.Point, "Point"),
                      (nd_test.Animal("a").rename, "Animal.rename")):
        args = () if f is nd_test.answer or f is nd_ext.Point else (1.0,) if f is nd_test.echo_float64 else ("n",)
        with pytest.raises(TypeError) as info:
            f(*args, **{name: 1})
        assert str(info.value) == f"{prefix}() got an unexpected keyword argument '{name}'"


@pytest.mark.parametrize("text", ["a\x00b", "\x00", "x\x00"], ids=["inside", "alone", "end"])
def test_nul_in_exception_messages(text):
    """A .NET exception message holding NUL reaches Python whole (not cut at the NUL)."""
    with pytest.raises(ValueError) as info:
        nd_test.raise_exception(text)
    assert info.value.args == (f"unknown exception kind '{text}' (Parameter 'kind')",)
    with pytest.raises(KeyError) as info:
        nd_test.lookup(text)
    assert info.value.args == (f"The given key '{text}' was not present in the dictionary.",)


@pytest.mark.parametrize("code", ["1\x00+5", "x = 1\x00raise SystemExit"])
def test_nul_in_source_code(code):
    """Source with NUL is refused as Python refuses it, not cut at the NUL and run."""
    with pytest.raises(ValueError, match="null bytes"):
        eval(code, {}) if "=" not in code else exec(code, {})
    with pytest.raises(ValueError, match="null bytes"):
        nd_test.exec(code)
    if "=" not in code:
        with pytest.raises(ValueError, match="null bytes"):
            nd_test.eval_float(code)


# --- generic functions: the array's dtype picks the instantiation, the scalar converts by it --------

GENERIC_ORACLES = {
    # target id -> (accepted dtypes, oracle(arrays, scalars) -> expected result or None to skip)
    "nd_ext.scale": (["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32",
                      "float64", "complex128"], lambda arrays, scalars: arrays[0] * np.array(scalars[0], dtype=arrays[0].dtype)),
    "nd_test.add_arrays": (["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16", "float32",
                            "float64", "complex128"], lambda arrays, scalars: arrays[0] + arrays[1] if arrays[0].shape == arrays[1].shape else None),
    "nd_test.fill_all": (["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16",
                          "float32", "float64", "complex128"], lambda arrays, scalars: arrays[0].size),
    "nd_test.mean_of": (["float32", "float64"], lambda arrays, scalars: float(np.mean(arrays[0], dtype=np.float64)) if arrays[0].size else None),
}


def generic_scalar_ok(dtype, value):
    """What the scalar converts to for an array of dtype, or the exception class the call must raise
    (the conversions of bool, the C# int widths, float/double/Half and Complex parameters)."""
    kind = np.dtype(dtype).kind
    if kind == "b":
        return bool(value) if type(value) is bool or isinstance(value, np.bool_) else TypeError
    if kind in "iu":
        outcome = expect_index(value)
        if outcome[0] == "raise":
            return outcome[1]
        info = np.iinfo(dtype)
        return outcome[1] if info.min <= outcome[1] <= info.max else OverflowError
    if kind == "f":
        outcome = expect_float(value)
        return outcome[1] if outcome[0] == "ok" else outcome[1]
    if kind == "c":
        if isinstance(value, (str, bytes, bytearray)) or value is None:
            return TypeError
        try:
            return complex(value)
        except (TypeError, ValueError):
            return TypeError
        except OverflowError:
            return OverflowError
    raise AssertionError(dtype)


@pytest.mark.parametrize("target", GENERIC_TARGETS, ids=lambda t: t.id)
def test_fuzz_generic(target):
    """Arrays of every dtype (accepted or not) in every layout, scalars of every kind: a result equal to
    numpy's in the array's own dtype, or the documented TypeError/OverflowError/ValueError."""
    accepted, oracle = GENERIC_ORACLES[target.id]
    fn = getattr(target.module, target.name)

    @FUZZ
    @given(st.data())
    def run(data):
        first = data.draw(arrays(max_dims=3) | odd_arrays())
        dtype = first.dtype
        arrays_, scalars, call_args = [], [], []
        for p in target.params:
            if p.kind[0] == "generic-array":
                arr = first if not arrays_ else data.draw(st.just(first.copy()) | arrays(max_dims=3))
                arrays_.append(arr)
                call_args.append(arr)
            else:
                value = data.draw(st.integers(-300, 300) | ints() | floats() | st.complex_numbers(allow_nan=False)
                                  | st.booleans() | st.none() | texts()
                                  | st.sampled_from([np.int8(3), np.float32(1.5), np.True_, IndexLike(2), FloatLike(0.5)]))
                scalars.append(value)
                call_args.append(value)
        before = [a.copy() for a in arrays_]
        writes = [p for p in target.params if p.kind[0] == "generic-array" and writes_to_generic(target)]
        try:
            with strict():
                result = fn(*call_args)
        except Exception as e:
            error = e
        else:
            error = None
        COUNTS[target.id] = COUNTS.get(target.id, 0) + 1
        d = dtype
        if d.name not in accepted or not d.isnative:
            assert isinstance(error, TypeError) and "must be an array of" in str(error), (dtype, error)
            return
        if len(arrays_) > 1 and arrays_[1].dtype != arrays_[0].dtype:
            assert isinstance(error, TypeError) and "must have the same dtype" in str(error), (arrays_[1].dtype, error)
            return
        if writes and not arrays_[0].flags.writeable:   # the array is converted before the scalar
            assert isinstance(error, ValueError) and "read-only array" in str(error), error
            return
        if scalars:
            expected_scalar = generic_scalar_ok(dtype, scalars[0])
            if isinstance(expected_scalar, type):
                assert isinstance(error, expected_scalar), (dtype, scalars[0], error)
                for a, b in zip(arrays_, before):
                    assert same_array(a, b)
                return
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")   # the oracle's own arithmetic (overflow to inf) must not raise
            expected = oracle(arrays_, [generic_scalar_ok(dtype, s) for s in scalars])
        if expected is None:
            return   # no oracle for this case (shapes differ: the C# method's own ArgumentException)
        if isinstance(expected, np.generic):
            expected = np.asarray(expected)   # numpy's arithmetic on 0-d arrays gives a scalar; the function an array
        assert error is None, (dtype, error)
        if writes:
            assert result == expected
            with np.errstate(all="ignore"):
                assert (arrays_[0] == np.array(generic_scalar_ok(dtype, scalars[0])).astype(dtype)).all() or arrays_[0].dtype.kind in "fc"
        elif isinstance(expected, np.ndarray):
            with np.errstate(all="ignore"):
                assert type(result) is np.ndarray and result.dtype == d and same_array(result, expected.astype(d)), (result, expected)
            for a, b in zip(arrays_, before):
                assert same_array(a, b)   # not written
        else:
            assert result == pytest.approx(expected, rel=1e-6, nan_ok=True), (result, expected)

    run()


def writes_to_generic(target):
    return target.id == "nd_test.fill_all"


# --- overloaded functions: one callable over several C# overloads -----------------------------------

@pytest.mark.parametrize("target", OVERLOADED_TARGETS, ids=lambda t: t.id)
def test_fuzz_overloaded(target):
    """Any arguments: an overload's result (a str naming the overload that ran, in the test module)
    or a TypeError — the listing of the signatures when none matches — or the chosen overload's own
    error (its conversion, e.g. __index__ raising). Never a crash, nothing else."""
    if target.cls is None:
        fn = getattr(target.module, target.name)
    elif target.name == "__init__":
        fn = target.pycls
    else:   # a method of an instance (a static or class method too: bound the same way)
        fn = getattr(placeholder_instance(target.pycls), target.name)
    names = ["x", "y", "text", "times", "z", "count", "value", "samples", "values", "other"]

    @FUZZ
    @given(st.lists(anything(), max_size=3), st.dictionaries(st.sampled_from(names), anything(), max_size=2))
    def run(args, kwargs):
        COUNTS[target.id] = COUNTS.get(target.id, 0) + 1
        try:
            with strict():
                fn(*args, **kwargs)
        except TypeError as e:
            message = str(e)
            if message.startswith(f"{target.qual}(): incompatible function arguments."):
                assert "The following argument types are supported:\n    1. " in message and "\nInvoked with types: " in message, message
        except (FuzzError, OverflowError, ValueError, UnicodeEncodeError, Warning):
            pass   # the chosen overload's own conversion of a value it accepted by type

    run()


# --- coverage of the discovery, and a summary -------------------------------------------------------

def test_every_entry_point_is_a_target():
    """Each public function and class member of both modules is fuzzed (or skipped with a reason)."""
    assert {t.id for t in GENERIC_TARGETS} == set(GENERIC_ORACLES)
    names = {t.id for t in ALL_TARGETS}
    for module in MODULES.values():
        for n in dir(module):
            obj = getattr(module, n)
            # Submodules and [PyConstant] values (test_module_level.py) are not entry points.
            if n.startswith("_") or n == "ndbindgen_pyi" or isinstance(obj, types.ModuleType) or not callable(obj):
                continue
            if isinstance(obj, type) and issubclass(obj, enum.Enum):
                continue   # a C# enum's class: its members are arguments of the targets that take it
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue   # a [PyException] class: raised by the targets (BODY_ERRORS), test_exception_classes.py
            if isinstance(obj, type):
                # A class Python cannot construct has no constructor to fuzz (test_class_inheritance.py calls it).
                assert f"{module.__name__}.{n}" in names or n in MADE_BY, n
                for member, value in vars(obj).items():
                    if not hasattr(type(value), "__get__") or type(value).__name__ == "class_attribute":
                        continue   # a class attribute: a constant's value, or a static property's descriptor
                    if not member.startswith("_"):
                        assert any(i in names for i in (f"{module.__name__}.{n}.{member}", f"{module.__name__}.{n}.{member}@attr")), (n, member)
                    elif member in ("__repr__", "__str__", "__len__", "__getitem__", "__iter__", "__eq__", "__add__"):
                        assert f"{module.__name__}.{n}@protocols" in names, (n, member)
            else:
                assert f"{module.__name__}.{n}" in names, n
    assert len(ALL_TARGETS) - len(TARGETS) == len(SKIP) + len(GENERIC_TARGETS) + len(OVERLOADED_TARGETS)


def _summary():
    if COUNTS:
        per_module = {}
        for k, v in COUNTS.items():
            per_module.setdefault(k.split(".")[0], []).append(v)
        sys.__stderr__.write(f"\nfuzz: {sum(COUNTS.values())} examples over {len(COUNTS)} targets "
                             + ", ".join(f"{m}: {len(v)} targets" for m, v in per_module.items())
                             + f"; calls that returned a result: {OUTCOMES['result']}, that raised: {OUTCOMES['exception']}\n")


    if os.environ.get("NDBINDGEN_FUZZ_SUMMARY") == "2":
        for k, (ok, bad) in sorted(PER_TARGET.items(), key=lambda kv: kv[1][0] / max(sum(kv[1]), 1)):
            sys.__stderr__.write(f"  {k}: {ok} results, {bad} exceptions\n")


atexit.register(_summary)
