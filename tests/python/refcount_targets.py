"""Every entry point of a published module, with arguments, for the reference-leak checks.

Read from the module's own type stub (`<module>.pyi`, written from the C# signatures at
publish), so a new function, method or attribute is checked without a change here. For each
entry point there is one call with well-typed arguments (the success path, or the function's
own error for these values) and one call per parameter with a wrong-typed argument (the
conversion's error path). Imported by test_refcounts.py, and run as a script by the debug
interpreter (python3.11-dbg, no numpy there): it needs no numpy until an array is asked for.
"""
from __future__ import annotations

import ast
import gc
import importlib
import itertools
import pathlib
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

# Entry points not called here, and why.
SKIP = {
    "sleep_without_gil": "sleeps for its argument's seconds",
    "spin_checking": "spins for its argument's seconds",
    "call_from_threads": "starts C# threads; covered by the thread tests",
    "dispose_without_gil": "queues a release on purpose, done at a later call",
    "null_deref": "a hardware fault turned into NullReferenceException; covered by test_exceptions",
    "dotnet_collect": "runs .NET's collector to completion on every call (slow, nothing to count)",
    "scale_parallel": "starts worker threads; covered by the thread tests",
    "call_until_refused": "starts C# threads that call back until the interpreter exits (test_hostile_threads)",
    "spin_without_gil": "spins for its argument's seconds, until Ctrl-C (test_hostile_threads)",
    "call_in_scope": "calls its argument; covered by test_hostile_threads",
    "store_eval": "evaluates its argument; covered by test_hostile_threads",
    # Takes any object (PyRef) and converts it with numpy, which the debug interpreter then loads: numpy's own
    # total reference count moves on that path (sum_like's [ArrayLike] path moves it the same, -1 a call, and is
    # skipped as needing numpy); test_array_views.py checks the object's own count with sys.getrefcount.
    "sum_array_like_object": "converts its argument with numpy (test_array_views.py counts its references)",
    # Make numpy arrays (issue 20's ownership checks) that numpy itself frees: Debian's numpy is built for the
    # release interpreter, so its Py_DECREFs in the array's dealloc (of the array's elements, for object arrays)
    # do not count in the debug interpreter's total, which then grows by one per array (+3 per None filled) though
    # nothing leaks. test_array_ownership.py checks them with sys.getrefcount and RSS instead.
    "temporaries": "makes numpy arrays that numpy frees (the debug total does not see numpy's decrefs)",
    "temporary_then_throw": "makes a numpy array that numpy frees (test_array_ownership.py)",
    "store_without_keep": "makes a numpy array that numpy frees (test_array_ownership.py)",
    "keep_array": "makes a numpy array that numpy frees (test_array_ownership.py)",
    "object_temporaries": "makes object arrays that numpy frees with their elements (test_array_ownership.py)",
}


class Wrong:
    """An argument no conversion accepts (except those taking any object)."""


@dataclass
class Target:
    name: str                      # e.g. "nd_test.Money.__lt__ (wrong other)"
    call: Callable[[], Any]
    objects: list = field(default_factory=list)   # whose reference counts must not change
    needs_numpy: bool = False


def _annotation(node: ast.expr | None) -> str:
    return ast.unparse(node) if node is not None else "typing.Any"


class Values:
    """Well-typed values for a stub's annotations; instances of the module's classes made on demand."""

    def __init__(self, module, classes: dict[str, ast.ClassDef], homes: dict[str, Any] | None = None,
                 factories: dict[str, tuple[Callable, list[ast.arg]]] | None = None):
        self.module = module
        self.classes = classes
        self.homes = homes or {}   # class name -> the module that defines it, where not `module` (a parent's)
        self.factories = factories or {}   # class name -> a function returning one, and its parameters

    def _constructible(self, cls: str) -> bool:
        # The stub gives a class Python cannot construct (abstract, or made by C# only) no __init__.
        return any(isinstance(i, ast.FunctionDef) and i.name == "__init__" for i in self.classes[cls].body) \
            or self._is_enum(cls)

    def _class(self, name: str):
        return getattr(self.homes.get(name, self.module), name)

    def needs_numpy(self, annotation: str) -> bool:
        container = _container(annotation.split(" | ")[0])
        if container is not None:
            return any(self.needs_numpy(i) for i in container[1])
        return "numpy" in annotation or any(
            self.needs_numpy(_annotation(a.annotation))
            for a in self._init_args(annotation.split(" | ")[0]))

    def _is_enum(self, cls: str) -> bool:
        return any(ast.unparse(b) in ("enum.IntEnum", "enum.IntFlag") for b in self.classes[cls].bases)

    def _init_args(self, cls: str) -> list[ast.arg]:
        node = self.classes.get(cls)
        if node is None:
            return []
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                return _required(item)[1:]
        return []

    def make(self, annotation: str) -> Any:
        a = annotation
        if a.endswith(" | None"):
            return self.make(a[: -len(" | None")])
        if a == "float":
            return float("1.25")                    # a float object of our own
        if a == "int":
            return 7
        if a == "bool":
            return True
        if a == "str":
            return "".join(["a", "b"])
        if a in ("typing.Any", "object"):
            return object()
        if a == "complex":
            return complex("1+2j")
        if a == "slice":                            # a slice key (issue 18): bounds of our own
            return slice(int("0"), int("1"))
        if a == "bytes":
            return bytes([1, 2, 3])                 # a bytes object of our own
        if a == "decimal.Decimal":
            import decimal
            return decimal.Decimal("1.25")
        if a.startswith("datetime."):
            import datetime
            return {
                # aware, whole minutes: what DateTime and DateTimeOffset both take
                "datetime.datetime": lambda: datetime.datetime(
                    2024, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
                "datetime.date": lambda: datetime.date(2024, 1, 2),
                "datetime.time": lambda: datetime.time(3, 4, 5, 6),
                "datetime.timedelta": lambda: datetime.timedelta(days=1, microseconds=5),
            }[a]()
        if a in self.classes and self._is_enum(a):
            return next(iter(self._class(a)))   # its first member
        if a.startswith("typing.Callable"):
            return (lambda *args: None) if a.endswith("None]") else (lambda x: x)
        if re.fullmatch(r"numpy\.typing\.NDArray\[_\w+_T\]", a):   # a generic function's array of T
            import numpy as np
            return np.ones(4)
        if re.fullmatch(r"(bool|int|float|complex)( \| (bool|int|float|complex))+", a):   # its scalar T (for float64)
            return float("1.25")
        if a == "numpy.typing.ArrayLike":           # an [ArrayLike] view: a list numpy converts for the call
            return [float("1.25"), float("2.5"), float("0.5"), float("4.0")]
        if a.startswith("numpy.typing.NDArray["):
            import numpy as np
            dtype = a[len("numpy.typing.NDArray[numpy."):-1]
            if dtype in ("datetime64", "timedelta64"):   # the stub has no unit: nanoseconds (other units: the unit error)
                return np.arange(4, dtype=np.int64).view({"datetime64": "M8[ns]", "timedelta64": "m8[ns]"}[dtype])
            return np.ones(4, dtype=np.bool_ if dtype == "bool_" else dtype)
        container = _container(a)
        if container is not None:   # containers and tuples: two elements each (a tuple its items), of our own
            kind, items = container
            if kind == "tuple":
                return tuple(self.make(i) for i in items)
            if kind in ("typing.Mapping", "dict"):
                return {self.make(items[0]): self.make(items[1])}
            if kind in ("typing.Iterable", "set"):
                return {self.make(items[0])}
            return [self.make(items[0]), self.make(items[0])]
        if a in self.classes and not self._constructible(a):
            # One of its [PyClass] subclasses (in the stub), else what the module makes it with.
            for name, node in self.classes.items():
                if a in (ast.unparse(b) for b in node.bases):
                    return self.make(name)
            fn, params = self.factories[a]
            return fn(*[self.make(_annotation(p.annotation)) for p in params])
        if a in self.classes:
            cls = self._class(a)
            return cls(*[self.make(_annotation(p.annotation)) for p in self._init_args(a)])
        raise ValueError(f"no value for annotation {a!r}")

    def make_wrong_inside(self, annotation: str) -> Any:
        """A container of the annotation whose last place, at the deepest level, holds a Wrong(): the conversion
        fails after it converted the elements before (nested containers half-converted). Not a container: None."""
        a = annotation.removesuffix(" | None")
        container = _container(a)
        if container is None:
            return None
        kind, items = container

        def wrong(item: str) -> Any:
            inner = self.make_wrong_inside(item)
            return Wrong() if inner is None else inner
        if kind == "tuple":
            return tuple(self.make(i) for i in items[:-1]) + (wrong(items[-1]),)
        if kind in ("typing.Mapping", "dict"):
            if _container(items[1]) is None:   # a wrong key after a good entry, and a wrong value
                return {self.make(items[0]): self.make(items[1]), Wrong(): self.make(items[1])}
            return {self.make(items[0]): wrong(items[1])}
        if kind in ("typing.Iterable", "set"):
            try:
                return {self.make(items[0]), wrong(items[0])}
            except TypeError:   # an unhashable element: no such set
                return None
        return [self.make(items[0]), wrong(items[0])]


def _container(annotation: str) -> tuple[str, list[str]] | None:
    """("typing.Sequence", ["float"]) for "typing.Sequence[float]": a container's generic and its items."""
    m = re.fullmatch(r"(typing\.Sequence|list|typing\.Mapping|dict|typing\.Iterable|set|tuple)\[(.*)\]", annotation)
    if m is None:
        return None
    node = ast.parse(annotation, mode="eval").body
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    return m.group(1), [ast.unparse(i) for i in items]


def _required(fn: ast.FunctionDef) -> list[ast.arg]:
    """Every positional parameter, those with defaults too (given a value, so their conversions run)."""
    return fn.args.posonlyargs + fn.args.args


def _extras(fn: ast.FunctionDef) -> list[tuple[str, ast.arg]]:
    """What a call passes beyond the positional parameters: three *args elements, each keyword-only
    parameter, two **kwargs keywords; each with where it goes ("*" positional, else its keyword)."""
    a = fn.args
    out: list[tuple[str, ast.arg]] = []
    if a.vararg is not None:
        out += [("*", a.vararg)] * 3
    out += [(k.arg, k) for k in a.kwonlyargs]
    if a.kwarg is not None:
        out += [("extra_one", a.kwarg), ("extra_two", a.kwarg)]
    return out


def _decorators(fn: ast.FunctionDef) -> set[str]:
    return {ast.unparse(d) for d in fn.decorator_list}


def _stub_classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def _factories(module, tree: ast.Module) -> dict[str, tuple[Callable, list[ast.arg]]]:
    """The module's functions and their parameters, by the class they return."""
    return {ast.unparse(n.returns): (getattr(module, n.name), _required(n)) for n in tree.body
            if isinstance(n, ast.FunctionDef) and n.returns is not None}


def targets(module) -> list[Target]:
    """The module's entry points, then its submodules' (each imported as module.sub, stub <module>/<sub>.pyi)."""
    stub = pathlib.Path(module.__file__).with_name(module.__name__ + ".pyi")
    tree = ast.parse(stub.read_text())
    classes = _stub_classes(tree)
    out = _targets(module, tree, Values(module, classes, factories=_factories(module, tree)), classes)
    for sub_stub in sorted(stub.with_suffix("").glob("*.pyi")):
        sub = importlib.import_module(f"{module.__name__}.{sub_stub.stem}")
        sub_tree = ast.parse(sub_stub.read_text())
        own = _stub_classes(sub_tree)
        # The submodule's stub names the parent's classes too (imported from it).
        values = Values(sub, {**classes, **own}, {name: module for name in classes if name not in own})
        out += _targets(sub, sub_tree, values, own)
    return out


def _binding_mistakes(node: ast.FunctionDef, params: list[ast.arg]) -> list[tuple[str, Callable]]:
    """For an entry point with other parameter kinds than positional-or-keyword: calls CPython refuses while binding
    (positional-only by keyword, keyword-only by position, too many positional values, a keyword also given by
    position, an unexpected keyword), each as (what, make) where make(values of the places) -> (args, kwargs)."""
    a = node.args
    if not (a.posonlyargs or a.kwonlyargs or a.vararg or a.kwarg):
        return []
    names = [p.arg for p in params]
    positional = len(params)
    posonly = [p.arg for p in a.posonlyargs if p.arg in names]
    kwonly = [k.arg for k in a.kwonlyargs]

    def split(values, places):
        args = [v for (where, _), v in zip(places, values) if where in ("", "*")]
        kwargs = {where: v for (where, _), v in zip(places, values) if where not in ("", "*")}
        return args, kwargs
    out = []
    if posonly:
        def by_keyword(values, places):
            args, kwargs = split(values, places)
            return [], {**dict(zip(names, args[:positional])), **{k: v for k, v in kwargs.items() if k in kwonly}}
        out.append(("positional-only by keyword", by_keyword))
    if kwonly:
        def by_position(values, places):
            args, kwargs = split(values, places)
            return args[:positional] + [kwargs[k] for k in kwonly], {}
        out.append(("keyword-only by position", by_position))
    if a.vararg is None:
        out.append(("too many positional", lambda values, places: (split(values, places)[0] + [Wrong()],
                                                                    split(values, places)[1])))
    if a.kwarg is None:
        out.append(("unexpected keyword", lambda values, places: (split(values, places)[0],
                                                                   {**split(values, places)[1], "unexpected": Wrong()})))
    if len(names) > len(posonly):   # a positional-or-keyword parameter given twice
        twice = names[len(posonly)]
        out.append(("given twice", lambda values, places: (split(values, places)[0],
                                                            {**split(values, places)[1], twice: Wrong()})))
    return out


def _targets(module, tree: ast.Module, values: Values, classes: dict[str, ast.ClassDef]) -> list[Target]:
    out: list[Target] = []

    def add_calls(label: str, fn: Callable, params: list[ast.arg], extra: list, base_numpy: bool = False,
                  returns: ast.expr | None = None, node: ast.FunctionDef | None = None):
        # Positional parameters, then *args elements, keyword-only parameters and **kwargs keywords.
        places = [("", p) for p in params] + (_extras(node) if node is not None else [])
        annotations = [_annotation(p.annotation) for _, p in places]
        numpy_needed = (base_numpy or any(values.needs_numpy(a) for a in annotations)
                        or values.needs_numpy(_annotation(returns)))
        for variant, name in _variants(values, places, node, params):
            out.append(_Lazy(_call_factory(values, fn, extra, places, variant, name(label), numpy_needed), name(label),
                             numpy_needed))

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name not in SKIP:
            add_calls(f"{module.__name__}.{node.name}", getattr(module, node.name), _required(node), [],
                      returns=node.returns, node=node)

    for cname, cnode in classes.items():
        if values._is_enum(cname):
            continue   # a Python enum class (from a C# enum): its members are arguments above, nothing to call
        cls = getattr(module, cname)
        if issubclass(cls, BaseException):
            # A [PyException] class: no entry point of its own (Python's exception type; its attributes are set
            # when C# raises it), so the functions raising it are the targets.
            continue
        init_params = values._init_args(cname)
        cls_numpy = any(values.needs_numpy(_annotation(p.annotation)) for p in init_params)
        first_init = next((item for item in cnode.body
                           if isinstance(item, ast.FunctionDef) and item.name == "__init__"), None)
        add_calls(f"{module.__name__}.{cname}()", cls, init_params, [], cls_numpy, node=first_init)
        # Several constructors (overloads of one __init__): each one's arguments too.
        inits = [item for item in cnode.body if isinstance(item, ast.FunctionDef) and item.name == "__init__"]
        for i, init in enumerate(inits[1:], start=2):
            params = _required(init)[1:]
            add_calls(f"{module.__name__}.{cname}() [overload {i}]", cls, params, [],
                      any(values.needs_numpy(_annotation(p.annotation)) for p in params))
        for item in cnode.body:
            label = f"{module.__name__}.{cname}.{getattr(item, 'name', '')}"
            if isinstance(item, ast.AnnAssign):         # a writable attribute
                annotation = _annotation(item.annotation)
                if annotation.startswith(("typing.ClassVar", "typing.Final")):
                    # A class attribute: read on the class (a static property runs C# each time).
                    out.append(_class_attribute(cls, item.target.id, label + item.target.id, cls_numpy))
                    continue
                attr = item.target.id
                label = f"{module.__name__}.{cname}.{attr}"
                out.append(_attribute(values, cname, attr, _annotation(item.annotation), label, cls_numpy))
                continue
            if not isinstance(item, ast.FunctionDef) or item.name in _ANY_ATTRIBUTE:
                continue
            decorators = _decorators(item)
            if "property" in decorators:
                out.append(_attribute(values, cname, item.name, None, label, cls_numpy))
                continue
            if f"{item.name}.setter" in decorators or f"{item.name}.deleter" in decorators:
                # A write-only or deletable property's accessors: set (a good value, a wrong one) and delete.
                value = _annotation(item.args.args[1].annotation) if len(item.args.args) > 1 else None
                out.append(_accessor(values, cname, item.name, value, f"{label} ({decorators.pop()})", cls_numpy))
                continue
            if item.name == "__iter__":
                out.append(_Lazy(lambda c=cname: _instance_target(values, c, lambda o: list(iter(o)), "iter"),
                                 label, cls_numpy))
                continue
            if "staticmethod" in decorators:
                add_calls(label, getattr(cls, item.name), _required(item), [], cls_numpy, item.returns, item)
            elif "classmethod" in decorators:
                add_calls(label, getattr(cls, item.name), _required(item)[1:], [], cls_numpy, item.returns, item)
            else:
                params = _required(item)[1:]
                # A wrong value for one parameter still makes good values (arrays too) for the others.
                method_numpy = (cls_numpy or values.needs_numpy(_annotation(item.returns))
                                or any(values.needs_numpy(_annotation(p.annotation)) for p in params))
                places = [("", p) for p in params] + _extras(item)
                for variant, name in _variants(values, places, item, params):
                    out.append(_Lazy(_method_factory(values, cname, item.name, places, variant, name(label)),
                                     name(label), method_numpy))
    return out


def _variants(values: Values, places: list[tuple[str, ast.arg]], node: ast.FunctionDef | None, params: list[ast.arg]):
    """What each call of an entry point varies, with the name it adds to the label: none (well-typed values), a
    Wrong() in one place, a Wrong() deep inside one container place, a binding mistake."""
    yield None, lambda label: label
    for i in range(len(places)):
        yield ("wrong", i), lambda label, i=i: f"{label} (wrong {_place_name(places, i)})"
    for i, (_, p) in enumerate(places):
        if values.make_wrong_inside(_annotation(p.annotation)) is not None:
            yield ("inside", i), lambda label, i=i: f"{label} (wrong inside {_place_name(places, i)})"
    for what, make in (_binding_mistakes(node, params) if node is not None else []):
        yield ("binding", make), lambda label, what=what: f"{label} (binding: {what})"


def _call_values(values: Values, places: list[tuple[str, ast.arg]], variant):
    """The values of the places and the call's (args, kwargs), for a variant of _variants."""
    values_ = [values.make(_annotation(p.annotation)) for _, p in places]
    if variant is not None and variant[0] == "wrong":
        values_[variant[1]] = Wrong()
    elif variant is not None and variant[0] == "inside":
        values_[variant[1]] = values.make_wrong_inside(_annotation(places[variant[1]][1].annotation))
    if variant is not None and variant[0] == "binding":
        args, kwargs = variant[1](values_, places)
    else:
        args = [v for (where, _), v in zip(places, values_) if where in ("", "*")]
        kwargs = {where: v for (where, _), v in zip(places, values_) if where not in ("", "*")}
    # Whose counts must not change: every value, and everything inside a container value.
    objects = [o for v in values_ for o in _parts(v)]
    objects += [v for v in args + list(kwargs.values()) if type(v) is Wrong and not any(v is o for o in objects)]
    return objects, args, kwargs


def _parts(value) -> list:
    """value, and every container and element inside it."""
    out = [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        out += [o for v in value for o in _parts(v)]
    elif isinstance(value, dict):
        out += [o for k, v in value.items() for o in _parts(k) + _parts(v)]
    return out


def _call_factory(values: Values, fn: Callable, extra: list, places, variant, label: str, needs_numpy: bool):
    def factory():
        objects, args, kwargs = _call_values(values, places, variant)
        return Target(label, lambda: fn(*args, **kwargs), [fn, *extra, *objects], needs_numpy)
    return factory


def _place_name(places: list[tuple[str, ast.arg]], i: int) -> str:
    """A parameter's name, an *args element's "args[3]", a **kwargs keyword's "kwargs.extra_one"."""
    where, p = places[i]
    element = sum(1 for w, _ in places[:i] if w == "*")
    return p.arg if where in ("", p.arg) else f"{p.arg}[{element}]" if where == "*" else f"{p.arg}.{where}"


class _Lazy:
    """A target whose values are made only when it runs (arrays need numpy, which may be absent)."""

    def __init__(self, factory: Callable[[], Target], name: str, needs_numpy: bool):
        self.factory, self.name, self.needs_numpy = factory, name, needs_numpy

    def make(self) -> Target:
        return self.factory()


_DUNDER_CALLS = {
    "__repr__": lambda o: repr(o),
    "__str__": lambda o: str(o),
    "__len__": lambda o: len(o),
    "__hash__": lambda o: hash(o),
    "__neg__": lambda o: -o,
}


def _instance_target(values: Values, cname: str, use: Callable, what: str) -> Target:
    instance = values.make(cname)
    return Target(f"{cname} {what}", lambda: use(instance), [instance])


def _method_factory(values: Values, cname: str, name: str, places: list[tuple[str, ast.arg]], variant, label):
    def factory():
        instance = values.make(cname)
        objects, args, kwargs = _call_values(values, places, variant)
        if name in _DUNDER_CALLS and not places:
            call = _DUNDER_CALLS[name]
            return Target(label, lambda: call(instance), [instance])
        bound = getattr(instance, name)   # a dunder: the slot wrapper CPython made from the C# slot
        return Target(label, lambda: bound(*args, **kwargs), [instance, *objects])
    return factory


def _attribute(values: Values, cname: str, attr: str, annotation: str | None, label: str, needs_numpy: bool):
    def factory():
        instance = values.make(cname)
        if annotation is None:
            return Target(f"{label} (get)", lambda: getattr(instance, attr), [instance])
        value = values.make(annotation)
        wrong = Wrong()

        def get_and_set():
            setattr(instance, attr, getattr(instance, attr))
            setattr(instance, attr, value)
            try:
                setattr(instance, attr, wrong)
            except Exception:
                pass
        return Target(f"{label} (get, set, wrong set)", get_and_set, [instance, value, wrong])
    return _Lazy(factory, label, needs_numpy)


# __init__, and what a [PyClass(Dict = true)]'s stub declares so that checkers take any attribute: CPython's own.
_ANY_ATTRIBUTE = {"__init__", "__getattr__", "__setattr__", "__delattr__"}


def _class_attribute(cls, attr: str, label: str, needs_numpy: bool):
    def factory():
        # The type, and what its dict holds: the constant's value, or the static property's descriptor (not None,
        # which the whole interpreter shares, as _shared says of small ints).
        held = cls.__dict__[attr]
        return Target(f"{label} (class attribute)", lambda: getattr(cls, attr),
                      [cls] + ([] if held is None else [held]))
    return _Lazy(factory, label, needs_numpy)


def _accessor(values: Values, cname: str, attr: str, annotation: str | None, label: str, needs_numpy: bool):
    def factory():
        instance = values.make(cname)
        if annotation is None:                   # the deleter
            return Target(label, lambda: delattr(instance, attr), [instance])
        value = values.make(annotation)
        wrong = Wrong()

        def set_good_and_wrong():
            setattr(instance, attr, value)
            try:
                setattr(instance, attr, wrong)
            except Exception:
                pass
        return Target(label, set_good_and_wrong, [instance, value, wrong])
    return _Lazy(factory, label, needs_numpy)


def run_quietly(call: Callable[[], Any]) -> None:
    try:
        call()
    except Exception:
        pass
    except BaseException as e:   # a group holding a KeyboardInterrupt (raise_group(True)) is raised on purpose
        if type(e).__name__ != "BaseExceptionGroup":
            raise


def _shared(o) -> bool:
    """Small ints and bools are one object for the whole interpreter: other threads move their
    counts too. Their leaks show in the debug interpreter's total instead."""
    return type(o) in (int, bool)


def refcount_change(target: Target, calls: int) -> list[tuple[str, int, int]]:
    """Objects whose reference count changed over `calls` calls, after three warm-up calls."""
    for _ in range(3):
        run_quietly(target.call)
    objects = [o for o in target.objects if not _shared(o)]
    before = [sys.getrefcount(o) for o in objects]
    for _ in itertools.repeat(None, calls):
        run_quietly(target.call)
    after = [sys.getrefcount(o) for o in objects]
    return [(repr(o)[:60], b, a) for o, b, a in zip(objects, before, after) if a != b]


def total_refcount_change(target: Target, calls: int, settle: Callable[[], None] = lambda: None) -> int:
    """sys.gettotalrefcount() after `calls` calls minus before (a debug interpreter only), less the
    same loop's change with an empty call. Each side is measured after warm-up calls, `settle()`
    (runs .NET's finalizers and the releases they queue: a PyRef that C# code dropped is released
    then, not at the next call of an unrelated target) and a Python collection."""
    def measure(call):
        for _ in range(3):
            run_quietly(call)
        settle()
        gc.collect()
        before = sys.gettotalrefcount()
        for _ in itertools.repeat(None, calls):
            run_quietly(call)
        settle()
        gc.collect()
        return sys.gettotalrefcount() - before
    return measure(target.call) - measure(lambda: None)


if __name__ == "__main__":
    # Under the debug interpreter: python3.11-dbg refcount_targets.py <calls> <module>...
    # prints one line per target: "<total change> <name>", or "skipped-numpy <name>".
    calls = int(sys.argv[1])
    mods = [__import__(name) for name in sys.argv[2:]]

    def settle():
        for m in mods:
            if hasattr(m, "dotnet_collect"):       # nd_test: .NET collection and finalizers, then
                m.dotnet_collect()                 # a GIL acquisition that drains queued releases
                m.call_from_threads(lambda i: i, 1, 1)

    for mod in mods:
        for lazy in targets(mod):
            if lazy.needs_numpy:
                print(f"skipped-numpy {lazy.name}")
                continue
            target = lazy.make()
            print(f"{total_refcount_change(target, calls, settle)} {lazy.name}", flush=True)
