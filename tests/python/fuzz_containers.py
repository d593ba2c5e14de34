"""Containers and tuples for test_fuzz.py: strategies for a stub's container annotations
(typing.Sequence[float], typing.Mapping[str, int], typing.Iterable[int], tuple[float, int], nested)
and the prediction of a conversion, place by place: ("ok", the value as the C# side sees it, in
Python terms) or a Raise naming the element ("f() argument 'xs'[3] must be float, not str")."""
from __future__ import annotations

import ast
import re

from hypothesis import strategies as st

GENERICS = ("typing.Sequence", "list", "typing.Mapping", "dict", "typing.Iterable", "set", "tuple")


def parse(annotation: str):
    """("typing.Sequence", ["float"]) for a container annotation, else None."""
    m = re.fullmatch(r"(" + "|".join(re.escape(g) for g in GENERICS) + r")\[(.*)\]", annotation)
    if m is None:
        return None
    node = ast.parse(annotation, mode="eval").body
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    return m.group(1), [ast.unparse(i) for i in items]


def strategy(annotation: str, element):
    """Well-typed values: element(annotation) gives the strategy of a non-container element."""
    nullable = annotation.endswith(" | None")
    core = annotation.removesuffix(" | None")
    parsed = parse(core)
    if parsed is None:
        s = element(core)
    else:
        kind, items = parsed
        inner = [strategy(i, element) for i in items]
        if kind == "tuple":
            s = st.tuples(*inner) | st.tuples(*inner).map(list)
        elif kind in ("typing.Mapping", "dict"):
            s = st.dictionaries(_hashable(items[0], inner[0]), inner[1], max_size=3)
        elif kind in ("typing.Iterable", "set"):
            h = _hashable(items[0], inner[0])
            s = st.sets(h, max_size=3) | st.frozensets(h, max_size=3) | st.lists(h, max_size=3)
        else:
            s = st.lists(inner[0], max_size=4) | st.lists(inner[0], max_size=4).map(tuple)
    return s | st.none() if nullable else s


def _hashable(annotation, s):
    return s.filter(lambda v: _is_hashable(v))


def _is_hashable(v):
    try:
        hash(v)
        return True
    except Exception:   # unhashable, or a hostile __hash__: not a key
        return False


class Unpredictable(Exception):
    """A value whose conversion this model does not predict exactly (the caller then checks less)."""


def convert(annotation, value, where, convert_element, raise_):
    """("ok", converted) or raise_(...) for a value at the place `where` (a regex of the message's start).

    convert_element(annotation, value, where) predicts a non-container element the same way."""
    if annotation.endswith(" | None"):
        if value is None:
            return ("ok", None)
        annotation = annotation.removesuffix(" | None")
    parsed = parse(annotation)
    if parsed is None:
        return convert_element(annotation, value, where)
    kind, items = parsed
    text = "(a str is not taken as a sequence of its characters)"
    if kind == "tuple":
        expected = r"tuple\[.*\]"   # the items as a parameter or as a result shows them (one converter for both)
        if isinstance(value, str):
            return raise_(TypeError, where + rf" must be {expected}, not str {re.escape(text)}")
        if value is None or isinstance(value, (int, float, complex, set, frozenset, dict)):
            return raise_(TypeError, where + rf" must be {expected}, not ")
        if not isinstance(value, (tuple, list)):
            raise Unpredictable
        if len(value) != len(items):
            return raise_(TypeError, where + rf" must be a tuple of {len(items)} items?, not {len(value)}$")
        out = []
        for i, (a, v) in enumerate(zip(items, value)):
            r = convert(a, v, where + re.escape(f"[{i}]"), convert_element, raise_)
            if not _ok(r):
                return r
            out.append(r[1])
        return ("ok", tuple(out))
    if kind in ("typing.Mapping", "dict"):
        if value is None or isinstance(value, (int, float, complex, str, bytes, list, tuple, set, frozenset)):
            return raise_(TypeError, where + r" must be a mapping of .*, not ")
        if not isinstance(value, dict):
            raise Unpredictable
        out = {}
        for k, v in value.items():
            rk = convert(items[0], k, where + re.escape(f" key {_repr(k)}"), convert_element, raise_)
            if not _ok(rk):
                return rk
            rv = convert(items[1], v, where + re.escape(f"[{_repr(k)}]"), convert_element, raise_)
            if not _ok(rv):
                return rv
            out[rk[1]] = rv[1]
        return ("ok", out)
    if kind in ("typing.Iterable", "set"):
        if isinstance(value, str):
            return raise_(TypeError, where + " must be an iterable of .*, not str")
        if value is None or isinstance(value, (int, float, complex)):
            return raise_(TypeError, where + r" must be a set \(or other iterable\) of .*, not ")
        if isinstance(value, dict):
            value = list(value)
        if not isinstance(value, (set, frozenset, list, tuple)):
            raise Unpredictable
        out = set()
        for v in value:
            r = convert(items[0], v, where + re.escape(f" element {_repr(v)}"), convert_element, raise_)
            if not _ok(r):
                return r
            if not (isinstance(r[1], float) and r[1] != r[1] and any(isinstance(x, float) and x != x for x in out)):
                out.add(r[1])   # .NET's double.Equals: NaN equals NaN, so a HashSet keeps one
        return ("ok", out)
    # sequences
    if isinstance(value, str):
        return raise_(TypeError, where + rf" must be a sequence of .*, not str {re.escape(text)}")
    if value is None or isinstance(value, (int, float, complex, bool, set, frozenset, dict)):
        return raise_(TypeError, where + r" must be a sequence of .*, not ")
    if not isinstance(value, (list, tuple)):
        raise Unpredictable
    out = []
    for i, v in enumerate(value):
        r = convert(items[0], v, where + re.escape(f"[{i}]"), convert_element, raise_)
        if not _ok(r):
            return r
        out.append(r[1])
    return ("ok", out)


def with_ints(annotation, value, replacement):
    """value (well-typed for annotation) with every int element replaced: for probing the C# int range."""
    annotation = annotation.removesuffix(" | None")
    parsed = parse(annotation)
    if value is None:
        return None
    if parsed is None:
        return replacement if annotation == "int" else value
    kind, items = parsed
    if kind == "tuple":
        return tuple(with_ints(a, v, replacement) for a, v in zip(items, value))
    if kind in ("typing.Mapping", "dict"):
        return {with_ints(items[0], k, replacement): with_ints(items[1], v, replacement) for k, v in value.items()}
    if kind in ("typing.Iterable", "set"):
        return {with_ints(items[0], v, replacement) for v in value}
    return [with_ints(items[0], v, replacement) for v in value]


def _ok(outcome):
    return isinstance(outcome, tuple) and len(outcome) == 2 and outcome[0] == "ok"


def _repr(v):
    """repr as the runtime's messages show it (Places.Repr): a long one shortened, "?" when it raises."""
    try:
        text = repr(v)
    except Exception:
        return "?"
    return text[:40] + "..." + text[-10:] if len(text) > 60 else text
