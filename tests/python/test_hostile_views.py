"""Hostile programs against array views (issue 14, items 2, 3 and 8), each in a child interpreter.

A view must stay valid whatever Python code runs while the call holds it: a later argument's
__float__/__index__, an array-like's __array__/__len__/__getitem__, a callback, a destructor run
when the call lets go of a temporary. Such code may reshape the array (numpy frees the shape and
strides it had), change its values, drop its own references to it, try to resize it (numpy refuses:
the call holds a reference) or call the module again. Every case ends with an exact Python
exception or an exact result: never a signal, a hang or memory read past an array's end.

Foreign buffers (ctypes, array.array, memoryview, mmap, bytes) are read as PEP 3118 says: NULL
strides mean C-contiguous, a NULL shape a 1-d buffer.
"""
from __future__ import annotations

import os

import pytest

from hostile import run_hostile

PRELUDE = """
import gc, sys
import numpy as np
import nd_test

def raises(exc_type, fn, *args, match=None):
    try:
        result = fn(*args)
    except exc_type as e:
        assert match is None or match in str(e), f"{type(e).__name__}: {e}"
        return e
    raise AssertionError(f"expected {exc_type.__name__}, got the result {result!r}")

def memory(address, n=4):
    # The n doubles at address, read without a reference to (or a buffer export of) their array.
    import ctypes
    return list((ctypes.c_double * n).from_address(address))

junk = []
def churn():
    # Reuse the memory numpy just freed (the old shape and strides) with other arrays' shapes.
    junk.extend(np.full((3, 5, 7), 2.0e6)[i:] for i in range(50))
"""

# What a hostile conversion does to the array `a` (in scope as the global `a`, 4 float64 elements
# 0., 1., 2., 3. unless the case says otherwise). Each returns the error the call must end with
# (None: it must succeed) and the check on `a` afterwards.
ACTIONS = {
    "reshape": "a.shape = (2, 2); churn()",
    "retype": "a.dtype = np.uint8; churn()",        # numpy rewrites shape and strides in place
    "restride": "a.strides = (0,); churn()",         # every element is now the first one
    "mutate": "a[:] = 7.0",
    "delete": "holder.clear(); del globals()['a']; gc.collect(); churn()",
    "resize": "a.resize(1_000_000)",                # refused by numpy: the call holds a reference
    "reenter": "nd_test.fill_float64(a, 5.0)",
}


def action_expectations(action: str) -> tuple[str | None, str]:
    """(the exception the call ends with or None, the expression `a`'s flat values must equal after a set of 1.5 at index 3)."""
    return {
        "reshape": (None, "[0.0, 1.0, 2.0, 1.5]"),
        "retype": (None, "[0., 1., 2., 1.5]"),
        "restride": (None, "[0., 1., 2., 1.5]"),   # the view keeps the strides it copied
        "mutate": (None, "[7., 7., 7., 1.5]"),
        "delete": (None, "[0., 1., 2., 1.5]"),
        "resize": ("ValueError", "[0., 1., 2., 3.]"),
        "reenter": (None, "[5., 5., 5., 1.5]"),
    }[action]


def program(action: str, call: str, hook: str, *, result_check: str, setup: str = "") -> str:
    """A program: `a` and a `holder` list referring to it; a hostile object whose `hook` dunder runs the action."""
    error, _ = action_expectations(action)
    body = f"""
{PRELUDE}
a = np.arange(4.0)
holder = [a]
base = a  # keeps the memory alive after `delete` removes `a`
address = a.__array_interface__["data"][0]
{setup}
class Hostile:
    ran = 0
    def {hook}(self):
        Hostile.ran += 1
        {ACTIONS[action]}
        return RETURN
"""
    if error:
        body += f"""
e = raises({error}, lambda: {call})
assert Hostile.ran == 1, Hostile.ran
assert "cannot resize" in str(e), e
"""
    else:
        body += f"""
r = {call}
assert Hostile.ran == 1, Hostile.ran
{result_check}
"""
    body += "print('ok')\n"
    return body


# ---- item 2: a scalar converted after (or before) a view runs Python code ----

WRITERS = {
    # name: (the call, the dunder the call converts, what the dunder returns)
    "function NdViewMut": ("nd_test.set1(holder[0], 3, Hostile())", "__float__", "1.5"),
    "function NdViewMut, index": ("nd_test.set1(holder[0], Hostile(), 1.5)", "__index__", "3"),
    "method NdViewMut": ("nd_test.ViewTaker().set(holder[0], 3, Hostile())", "__float__", "1.5"),
    "generic NdViewMut<T>": ("nd_test.fill_all(holder[0][3:], Hostile())", "__float__", "1.5"),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("kind", WRITERS)
def test_writing_through_a_view_after_python_code_changed_the_array(kind, action):
    call, hook, returned = WRITERS[kind]
    _, expected = action_expectations(action)
    check = f"assert memory(address) == {expected}, memory(address)"
    run_hostile(program(action, call, hook, result_check=check).replace("RETURN", returned))


READERS = {
    "function NdView": ("nd_test.get1(holder[0], Hostile())", "__index__"),
    "method NdView": ("nd_test.ViewTaker().get(holder[0], Hostile())", "__index__"),
    "[ArrayLike] NdView": ("nd_test.get_like(holder[0], Hostile())", "__index__"),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("kind", READERS)
def test_reading_through_a_view_after_python_code_changed_the_array(kind, action):
    call, hook = READERS[kind]
    # The view reads index 3 of the memory it was given: the value there when the read happens.
    values = {"mutate": "7.0", "reenter": "5.0"}.get(action, "3.0")
    check = f"assert r == {values}, r"
    run_hostile(program(action, call, hook, result_check=check).replace("RETURN", "3"))


@pytest.mark.parametrize("kind", ["function", "method", "[ArrayLike]"])
def test_an_index_past_the_original_end_is_refused_after_a_reshape(kind):
    # The reproductions: the reshape freed the shape the view pointed at, the churn
    # reused it with large numbers, and set1 wrote 24 MB past the end / get1 read the heap.
    call = {"function": "nd_test.get1(a, Hostile())", "method": "nd_test.ViewTaker().get(a, Hostile())",
            "[ArrayLike]": "nd_test.get_like(a, Hostile())"}[kind]
    run_hostile(PRELUDE + f"""
a = np.arange(4.0)
class Hostile:
    def __index__(self):
        a.shape = (2, 2); churn(); return 40
    def __float__(self):
        a.shape = (2, 2); churn(); return 1.0
raises(IndexError, lambda: {call}, match="index 40 is out of bounds for axis 0 with size 4")
a = np.zeros(4)
raises(IndexError, lambda: nd_test.set1(a, 3_000_000, Hostile()), match="index 3000000 is out of bounds for axis 0 with size 4")
assert not a.any()
print('ok')
""")


@pytest.mark.parametrize("call", ["nd_test.shape_after(a, Hostile())", "nd_test.shape_after_like(a, Hostile())",
                                  "nd_test.ViewTaker().shape_after(a, Hostile())"])
def test_a_view_keeps_the_shape_and_strides_it_was_made_with(call):
    run_hostile(PRELUDE + f"""
a = np.arange(4.0)
class Hostile:
    def __float__(self):
        a.shape = (2, a.size // 2); churn(); return 1.0
assert {call} == "shape=(4,) strides=(8,)"
assert a.shape == (2, 2)
# More dimensions than the lease keeps inline (4): the copy is in native memory, freed by the call.
a = np.zeros((1, 2, 1, 2, 1, 2))
for _ in range(1000):
    a.shape = (1, 2, 1, 2, 1, 2)
    assert {call} == "shape=(1, 2, 1, 2, 1, 2) strides=(64, 32, 32, 16, 16, 8)"
print('ok')
""")


@pytest.mark.parametrize("action", ["reshape", "mutate", "resize", "reenter"])
def test_python_code_before_the_array_is_converted(action):
    # get_first(i, arr) / set_first(i, value, arr): the hostile scalar runs before the view is
    # made, so the view sees the array as the hook left it.
    run_hostile(PRELUDE + f"""
a = np.arange(4.0)
class Hostile:
    def __index__(self):
        {ACTIONS[action]}
        return 3
""" + {
        "reshape": """
raises(RuntimeError, lambda: nd_test.get_first(Hostile(), a), match="1-dimensional index was used on a 2-dimensional array")
""",
        "mutate": """
assert nd_test.get_first(Hostile(), a) == 7.0
nd_test.set_first(Hostile(), 1.5, a)
assert a.tolist() == [7.0, 7.0, 7.0, 1.5]
""",
        "resize": """
raises(ValueError, lambda: nd_test.get_first(Hostile(), a), match="cannot resize")
raises(ValueError, lambda: nd_test.set_first(Hostile(), 1.5, a), match="cannot resize")
assert a.tolist() == [0.0, 1.0, 2.0, 3.0]
""",
        "reenter": """
assert nd_test.get_first(Hostile(), a) == 5.0
""",
    }[action] + "print('ok')\n")


# ---- item 2: array-likes whose conversion runs Python code, beside a view made before them ----

ARRAY_LIKES = {
    "__array__": """
class Hostile:
    def __array__(self, dtype=None):
        ACTION
        return np.ones(4)
""",
    "__len__/__getitem__": """
class Hostile:
    def __len__(self):
        ACTION
        return 4
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return 1.0
""",
    "__iter__": """
class Hostile:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return 1.0
    def __iter__(self):
        ACTION
        return iter([1.0] * 4)
""",
}


@pytest.mark.parametrize("action", ["reshape", "mutate", "delete", "resize", "reenter"])
@pytest.mark.parametrize("like", ARRAY_LIKES)
def test_an_array_like_changing_the_view_made_before_it(like, action):
    # accumulate_like(total, values): total's view is made, then numpy reads values, running the
    # object's Python code, which goes after total.
    once = ACTIONS[action].replace("\n", "; ")
    hostile = ARRAY_LIKES[like].replace("ACTION", f"if not ran: ran.append(1); {once}")
    start = "[5.0, 5.0, 5.0, 5.0]" if action == "reenter" else "[7.0, 7.0, 7.0, 7.0]" if action == "mutate" else "[0.0, 1.0, 2.0, 3.0]"
    if action == "resize":
        # numpy reports the hook's error its own way for some protocols; it is an error all the same.
        outcome = """
try:
    nd_test.accumulate_like(holder[0], Hostile())
except ValueError as e:
    assert "cannot resize" in str(e), repr(e)
    assert base.tolist() == [0.0, 1.0, 2.0, 3.0], base
except TypeError as e:
    # numpy 1.24 drops an error raised by __len__ and reads the object as a scalar of dtype object.
    assert "numpy reads it as an array of object" in str(e), repr(e)
    assert base.tolist() == [0.0, 1.0, 2.0, 3.0], base
else:
    assert base.tolist() == [1.0, 2.0, 3.0, 4.0], base
"""
    else:
        outcome = f"""
nd_test.accumulate_like(holder[0], Hostile())
assert base.ravel().tolist() == [x + 1.0 for x in {start}], base
"""
    run_hostile(PRELUDE + """
a = np.arange(4.0)
holder = [a]
base = a
ran = []
""" + hostile + outcome + "assert ran\nprint('ok')\n")


def test_a_destructor_run_when_the_call_lets_go_of_a_temporary():
    # The array-like's temporary is the last reference to an ndarray subclass with __del__: it runs
    # when the call releases its leases, and re-enters the module with, reshapes and resizes the
    # other argument (the resize is refused: the call still holds total).
    run_hostile(PRELUDE + """
events = []
class Dying(np.ndarray):
    def __del__(self):
        nd_test.fill_float64(total, 2.0)
        total.shape = (2, 2); churn()
        try:
            total.resize(100)
        except ValueError as e:
            events.append("refused")
        events.append("del")
class Source:
    def __array__(self, dtype=None):
        return np.ones(4).view(Dying)
total = np.zeros(4)
for _ in range(100):
    total.shape = (4,)
    nd_test.accumulate_like(total, Source())
assert events == ["refused", "del"] * 100, events[:4]
assert total.ravel().tolist() == [2.0] * 4
print('ok')
""")


# ---- item 2: callbacks that change the array a view is being read through ----

@pytest.mark.parametrize("action", ["reshape", "restride", "mutate", "delete", "resize", "reenter"])
def test_a_callback_changing_the_array_mid_loop(action):
    expected = {"mutate": "0*0 + 1*1 + 7*2 + 7*3", "reenter": "0*0 + 1*1 + 5*2 + 5*3"}.get(action, "0*0 + 1*1 + 2*2 + 3*3")
    if action == "resize":
        outcome = "raises(ValueError, lambda: nd_test.weighted_sum(holder[0], f), match='cannot resize')"
    elif action == "reenter":   # fill_float64 writes to the array weighted_sum reads: refused (borrow tracking)
        outcome = ("raises(BufferError, lambda: nd_test.weighted_sum(holder[0], f), match='in use by another call')\n"
                   "assert a.tolist() == [0.0, 1.0, 2.0, 3.0]")
    else:
        outcome = f"assert nd_test.weighted_sum(holder[0], f) == {expected}"
    run_hostile(PRELUDE + f"""
a = np.arange(4.0)
holder = [a]
base = a
def f(k):
    if k == 1:
        {ACTIONS[action]}
    return float(k)
{outcome}
print('ok')
""")


def test_rows_keep_their_layout_across_a_callback():
    run_hostile(PRELUDE + """
a = np.arange(6.0).reshape(2, 3)
def f(row):
    if row == 0:
        a.shape = (3, 2); churn()
        a.strides = (8, 24)  # now a transpose-like view of the same memory
assert nd_test.rows_across_callback(a, f) == "0 1 2 3 4 5"
b = np.arange(6.0).reshape(2, 3)
def g(row):
    if row == 1:
        b[...] = -1.0
assert nd_test.rows_across_callback(b, g) == "0 1 2 -1 -1 -1"
print('ok')
""")


def test_apply_callback_reshaping_and_reentering():
    run_hostile(PRELUDE + """
a = np.arange(4.0)
refused = []
def f(x):
    a.shape = (2, 2) if a.shape == (4,) else (4,)
    churn()
    try:
        nd_test.get1(a.reshape(-1), 0)   # apply writes to a: a view of it is refused (borrow tracking)
    except BufferError:
        refused.append(x)
    return x * 10
nd_test.apply(a, f)
assert a.ravel().tolist() == [0.0, 10.0, 20.0, 30.0]
assert refused == [0.0, 1.0, 2.0, 3.0], refused
print('ok')
""")


def test_generic_entry_point_with_an_int_dtype():
    # fill_all<T>: the int64 instantiation converts its scalar with __index__, after the view.
    run_hostile(PRELUDE + """
a = np.arange(4, dtype=np.int64)
class V:
    def __index__(self):
        a.shape = (2, 2); churn(); return 9
assert nd_test.fill_all(a[1:], V()) == 3
assert a.ravel().tolist() == [0, 9, 9, 9]
print('ok')
""")


# ---- item 3: foreign buffers ----

def test_ctypes_arrays_export_null_strides():
    # faulthandler enabled after the import (a program may): it used to turn the
    # NullReferenceException from the NULL strides into a fatal signal.
    run_hostile(PRELUDE + """
import ctypes, faulthandler
faulthandler.enable()
c = (ctypes.c_double * 4)(1, 2, 3, 4)
assert nd_test.describe(c) == "ndim=1 shape=(4,) strides=(8,) contiguous=True length=4 span=True"
assert nd_test.sum_float64(c) == 10.0
nd_test.fill_float64(c, 2.5)
assert list(c) == [2.5] * 4
m = ((ctypes.c_double * 3) * 2)()
assert nd_test.describe(m) == "ndim=2 shape=(2, 3) strides=(24, 8) contiguous=True length=6 span=True"
nd_test.set2(m, 1, 2, 7.0)
assert m[1][2] == 7.0 and nd_test.get2(m, 1, 2) == 7.0
assert nd_test.row_sums(m).tolist() == [0.0, 7.0]
i = (ctypes.c_int64 * 3)(1, 2, 3)
assert nd_test.sum_int64(i) == 6
raises(TypeError, nd_test.sum_float64, (ctypes.c_float * 2)(), match="buffer format")
print('ok')
""", faulthandler=False)


def test_array_array_memoryview_mmap_bytes():
    run_hostile(PRELUDE + """
import array, mmap
x = array.array('d', [1.0, 2.0, 3.0])
assert nd_test.sum_float64(x) == 6.0
nd_test.fill_float64(x, 4.0)
assert x.tolist() == [4.0] * 3

v = np.arange(8.0)
assert nd_test.describe(memoryview(v)[::2]) == "ndim=1 shape=(4,) strides=(16,) contiguous=False length=4 span=False"
assert nd_test.sum_float64(memoryview(v)[::-3]) == 7.0 + 4.0 + 1.0
nd_test.fill_float64(memoryview(v)[1::2], -1.0)
assert v.tolist() == [0, -1, 2, -1, 4, -1, 6, -1]
m2 = memoryview(np.arange(6.0).reshape(2, 3).T)   # strided 2-d export
assert nd_test.describe(m2) == "ndim=2 shape=(3, 2) strides=(8, 24) contiguous=False length=6 span=False"
assert nd_test.scalar_value(memoryview(np.array(2.5))) == 2.5   # 0-d: no shape, no strides
raises(ValueError, nd_test.fill_float64, memoryview(v).toreadonly(), 1.0, match="read-only")

m = mmap.mmap(-1, 8)
assert nd_test.describe_uint8(m) == "ndim=1 shape=(8,) strides=(1,) contiguous=True length=8 span=True"
nd_test.fill_uint8(m, 7)
assert m[:] == bytes([7] * 8)

assert nd_test.describe_uint8(b"abc") == "ndim=1 shape=(3,) strides=(1,) contiguous=True length=3 span=True"
raises(ValueError, nd_test.fill_uint8, b"abc", 1, match="read-only")
ba = bytearray(b"abcd")
nd_test.fill_uint8(ba, 120)
assert ba == b"xxxx"
nd_test.fill_uint8(memoryview(ba).cast("B", shape=[2, 2]), 121)
assert ba == b"yyyy"
raises(TypeError, nd_test.sum_float64, b"abcdefgh", match="buffer format 'B'")
print('ok')
""")


def test_buffer_exporters_refuse_to_move_their_memory_during_a_call():
    # The call holds a buffer export: bytearray, array.array and mmap refuse to resize or close
    # (BufferError), and the hook's error is the call's.
    run_hostile(PRELUDE + """
import array, mmap
ba = bytearray(8)
class GrowBytes:
    def __index__(self):
        ba.extend(b"x" * 10_000_000); return 1
raises(BufferError, nd_test.fill_uint8, ba, GrowBytes())
x = array.array('d', [1.0] * 4)
class GrowArray:
    def __float__(self):
        x.extend([2.0] * 1_000_000); return 1.0
raises(BufferError, nd_test.fill_float64, x, GrowArray())
m = mmap.mmap(-1, 8)
class Close:
    def __index__(self):
        m.close(); return 1
raises(BufferError, nd_test.fill_uint8, m, Close())
assert m[:] == bytes(8)
class Resize:
    def __index__(self):
        m.resize(1 << 20); return 1
try:
    nd_test.fill_uint8(m, Resize())
except (BufferError, SystemError, OSError) as e:
    pass
else:
    raise AssertionError("mmap.resize during the call was allowed")
assert ba == bytes(8) and x.tolist() == [1.0] * 4
print('ok')
""")


# ---- item 8: messages ----

def test_big_endian_complex_to_an_array_like_names_its_dtype_once():
    run_hostile(PRELUDE + """
e = raises(TypeError, nd_test.sum_like, np.zeros(3, dtype=">c16"))
assert str(e) == ("sum_like() argument 'values' must be array-like of float64, not an array of >c16 "
                  "(>c16 does not cast safely to float64; if that is intended, convert it first with "
                  "values.astype(numpy.float64))"), str(e)
e = raises(TypeError, nd_test.sum_like_int64, np.zeros(3, dtype=">f8"))
assert str(e) == ("sum_like_int64() argument 'values' must be array-like of int64, not an array of >f8 "
                  "(>f8 does not cast safely to int64; if that is intended, convert it first with "
                  "values.astype(numpy.int64))"), str(e)
assert nd_test.sum_like(np.arange(3, dtype=">f8")) == 3.0   # a safe cast: converted
print('ok')
""")


@pytest.mark.skipif(not os.environ.get("NDBINDGEN_BIG_MEMORY"),
                    reason="allocates a 2 GiB str; set NDBINDGEN_BIG_MEMORY=1 (the boundary is unit-tested in StringLengthTests)")
def test_a_str_longer_than_a_dotnet_string_is_an_overflow_error_naming_the_argument():
    run_hostile(PRELUDE + """
s = "a" * 2**31
e = raises(OverflowError, nd_test.echo_str, s)
assert str(e) == ("echo_str() argument 'x' is a str of 2147483648 characters, too long for a .NET string "
                  "(at most 1073741791 UTF-16 code units and 2147483647 bytes of UTF-8)"), str(e)
del s
s = "a" * (2**30)   # 1 GiB: over .NET's limit too, counted
e = raises(OverflowError, nd_test.echo_str, s)
assert "is a str of 1073741824 characters" in str(e), str(e)
print('ok')
""", timeout=300)
