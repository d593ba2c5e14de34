"""Borrow tracking (issue 20 item 6): a view is registered, for as long as its call runs, in the
borrow table numpy's multiarray module shares as the capsule _RUST_NUMPY_BORROW_CHECKING_API
(rust-numpy's ABI, version 1). Shared views coexist; a mutable view conflicts with any other view of
memory it may share. The same call's arguments: ValueError naming both; another call (nested, another
thread, another extension): BufferError naming the argument."""
import array
import ctypes
import pathlib
import subprocess
import sys
import sysconfig
import textwrap
import threading
import time

import pytest

from conftest import needs_numpy, np
import nd_test as t

HERE = pathlib.Path(__file__).resolve().parent
CAPSULE = "_RUST_NUMPY_BORROW_CHECKING_API"


def multiarray():
    import importlib
    return importlib.import_module("numpy._core.multiarray" if int(np.__version__.split(".")[0]) >= 2
                                   else "numpy.core.multiarray")


# ---- the same call ----

def test_interleaved_columns_are_accepted():
    b = np.zeros((5, 2))
    b[:, 1] = 7.0
    assert not np.shares_memory(b[:, 0], b[:, 1])
    t.borrow_swap(b[:, 0], b[:, 1])
    assert (b[:, 0] == 7.0).all() and (b[:, 1] == 0.0).all()
    t.borrow_copy_plus_one(b[:, 0], b[:, 1])
    assert (b[:, 1] == 8.0).all()


def test_even_and_odd_elements_are_accepted():
    a = np.arange(10.0)
    t.borrow_swap(a[::2], a[1::2])
    assert a.tolist() == [1, 0, 3, 2, 5, 4, 7, 6, 9, 8]


def test_halves_are_accepted():
    a = np.arange(10.0)
    t.borrow_copy_plus_one(a[:5], a[5:])
    assert a[5:].tolist() == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("first, second", [
    (lambda a: a, lambda a: a),
    (lambda a: a[:6], lambda a: a[4:]),
    (lambda a: a[::2], lambda a: a[-2::-2]),   # the same elements, walked from the other end
    (lambda a: a[::2], lambda a: a[2::4]),
])
def test_overlapping_views_are_refused_naming_both(first, second):
    a = np.arange(12.0)
    before = a.copy()
    with pytest.raises(ValueError, match=r"borrow_swap\(\) arguments 'a' and 'b' share memory; 'a' is written to"):
        t.borrow_swap(first(a), second(a))
    assert (a == before).all()
    t.borrow_swap(a[:6], a[6:])   # nothing was left borrowed


def test_same_array_shared_twice_in_one_call_is_accepted():
    a = np.arange(4.0)
    assert t.borrow_shared_around(a, lambda: None) == 6.0
    b = np.arange(4.0)
    with pytest.raises(ValueError, match="'dst' and 'src' share memory"):
        t.borrow_copy_plus_one(b, b)


def test_a_dtype_view_at_an_odd_offset_is_refused():
    # rust-numpy's rule (distance mod gcd == 0) misses these: float64 columns of a (n, 2) array,
    # the second one read as float64 from 4 bytes in. They share bytes; ours refuses them.
    raw = np.zeros(48, dtype=np.uint8)
    x = raw[:40].view(np.float64)[::2]                 # bytes 0-7, 16-23, 32-39
    y = raw[4:44].view(np.float64)[::2]                # bytes 4-11, 20-27, 36-43
    assert np.shares_memory(x, y)
    with pytest.raises(ValueError, match="share memory"):
        t.borrow_swap(x, y)


# ---- nested calls: a callback into Python while the outer call holds a view ----

def test_nested_shared_and_shared_coexist():
    a = np.arange(4.0)
    seen = []
    assert t.borrow_shared_around(a, lambda: seen.append(t.borrow_sum(a))) == 6.0
    assert seen == [6.0]


def test_nested_mutable_under_shared_is_refused():
    a = np.arange(4.0)
    errors = []

    def inner():
        with pytest.raises(BufferError) as e:
            t.borrow_fill(a, 9.0)
        errors.append(str(e.value))

    assert t.borrow_shared_around(a, inner) == 6.0
    assert errors == ["borrow_fill() argument 'arr' is in use by another call, which holds a view of the same "
                      "memory, and borrow_fill() writes to it; wait for that call to end, or pass a copy"]
    t.borrow_fill(a, 9.0)
    assert (a == 9.0).all()


def test_nested_shared_under_mutable_is_refused():
    a = np.arange(4.0)
    errors = []

    def inner():
        for call in (lambda: t.borrow_sum(a), lambda: t.borrow_sum(a[1:3]), lambda: t.borrow_like_around(a, lambda: None)):
            with pytest.raises(BufferError, match=r"argument 'arr' is in use by another call, which writes to the same memory"):
                call()
            errors.append(1)
        assert t.borrow_sum(np.arange(3.0)) == 3.0   # another array is free
        assert t.borrow_like_around([1.0, 2.0], lambda: None) == 3.0   # a list becomes a new array

    t.borrow_mut_around(a, inner, 5.0)
    assert errors == [1, 1, 1]
    assert (a == 5.0).all()


def test_nested_mutable_of_another_part_is_accepted():
    b = np.zeros((4, 2))
    t.borrow_mut_around(b[:, 0], lambda: t.borrow_fill(b[:, 1], 2.0), 1.0)
    assert (b[:, 0] == 1.0).all() and (b[:, 1] == 2.0).all()


def test_buffer_exporters_are_tracked_by_their_object():
    data = array.array("d", [1.0, 2.0, 3.0])
    with pytest.raises(BufferError, match="in use by another call"):
        t.borrow_mut_around(data, lambda: t.borrow_sum(data), 0.0)
    assert list(data) == [1.0, 2.0, 3.0]
    t.borrow_mut_around(data, lambda: None, 4.0)
    assert list(data) == [4.0, 4.0, 4.0]
    raw = bytearray(b"\x01\x02\x03\x04")
    with pytest.raises(ValueError, match="share memory"):
        t.borrow_add_bytes(raw, raw)
    view = memoryview(raw)
    t.borrow_add_bytes(view[::2], view[1::2])   # interleaved: accepted
    assert bytes(raw) == b"\x03\x02\x07\x04"


# ---- errors release the borrow ----

def test_borrow_released_after_the_call_raises():
    a = np.zeros(3)
    for _ in range(3):
        with pytest.raises(ValueError, match="raised while holding a view"):
            t.borrow_then_raise(a)
    t.borrow_fill(a, 2.0)
    assert (a == 2.0).all()


def test_borrow_released_after_a_later_argument_fails():
    a = np.zeros(3)
    with pytest.raises(TypeError):
        t.borrow_fill(a, "not a float")
    with pytest.raises(TypeError):
        t.borrow_copy_plus_one(a, np.zeros(3, dtype=np.int32))
    with pytest.raises(TypeError):
        t.borrow_mut_around(a, None, 1.0)
    t.borrow_fill(a, 2.0)   # nothing left borrowed
    assert (a == 2.0).all()


def test_refused_call_keeps_no_reference():
    a = np.arange(4.0)
    before = sys.getrefcount(a)
    for _ in range(100):
        t.borrow_shared_around(a, lambda: pytest.raises(BufferError, t.borrow_fill, a, 1.0))
        with pytest.raises(ValueError):
            t.borrow_swap(a, a)
    assert sys.getrefcount(a) == before


# ---- threads: a kernel holds a mutable view with the GIL released ----

def test_threads_racing_a_mutable_and_a_shared_view_are_refused_never_mixed():
    a = np.zeros(64)
    stop = time.monotonic() + 2.0
    outcomes = {"write ok": 0, "write refused": 0, "read same": 0, "read mixed": 0, "read refused": 0}
    failures = []

    def writer():
        value = 0.0
        try:
            while time.monotonic() < stop:
                value += 1.0
                try:
                    t.borrow_fill_slowly(a, value, 0.002)
                    outcomes["write ok"] += 1
                except BufferError:
                    outcomes["write refused"] += 1
                time.sleep(0.001)   # let the reader in between two writes
        except BaseException as e:   # pragma: no cover - reported below
            failures.append(e)

    def reader():
        try:
            while time.monotonic() < stop:
                try:
                    same = t.borrow_all_same_slowly(a, 0.001)
                    outcomes["read same" if same else "read mixed"] += 1
                except BufferError as e:
                    assert "in use by another call, which writes to the same memory" in str(e)
                    outcomes["read refused"] += 1
                time.sleep(0.0005)
        except BaseException as e:   # pragma: no cover
            failures.append(e)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(outcomes)
    assert failures == []
    assert outcomes["read mixed"] == 0, outcomes
    # The two really raced: each ran, and each was refused while the other held its view.
    assert outcomes["write ok"] > 0 and outcomes["read same"] > 0, outcomes
    assert outcomes["read refused"] > 0 and outcomes["write refused"] > 0, outcomes


# ---- the shared capsule ----

def test_capsule_installed_in_numpys_multiarray_module_with_version_1():
    t.borrow_sum(np.zeros(1))
    capsule = getattr(multiarray(), CAPSULE)
    assert type(capsule).__name__ == "PyCapsule"
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.py_object, ctypes.c_char_p]
    pointer = get(capsule, CAPSULE.encode())
    assert ctypes.c_uint64.from_address(pointer).value == 1
    # flags, then four function pointers, none null
    assert all(ctypes.c_void_p.from_address(pointer + 8 * k).value for k in range(1, 6))


@pytest.fixture(scope="module")
def borrowc(tmp_path_factory):
    out = tmp_path_factory.mktemp("borrowc")
    so = out / ("borrowc" + sysconfig.get_config_var("EXT_SUFFIX"))
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-I", sysconfig.get_paths()["include"],
                    str(HERE / "borrowc.c"), "-o", str(so)], check=True)
    sys.path.insert(0, str(out))
    try:
        import borrowc
    finally:
        sys.path.remove(str(out))
    return borrowc


def test_a_c_extension_shares_our_table(borrowc):
    a = np.arange(6.0)
    t.borrow_sum(a)   # installed (or found) before the C extension looks
    assert borrowc.version() == 1
    assert borrowc.acquire(a, True) == 0                 # the C extension writes to a
    with pytest.raises(BufferError, match="which writes to the same memory"):
        t.borrow_sum(a)
    t.borrow_sum(np.arange(3.0))
    assert borrowc.acquire(a[::2], False) == -1          # its own rule: the mutable borrow conflicts
    borrowc.release(a, True)
    assert t.borrow_sum(a) == 15.0
    assert borrowc.acquire(a[1::2], False) == 0
    t.borrow_fill(a[::2], 1.0)                           # interleaved with its shared view: accepted
    with pytest.raises(BufferError, match="holds a view of the same memory"):
        t.borrow_fill(a, 1.0)
    borrowc.release(a[1::2], False)
    t.borrow_fill(a, 1.0)
    # Our views, seen from the C extension while a call holds them.
    rcs = []
    t.borrow_mut_around(a, lambda: rcs.append(borrowc.acquire(a, False)), 2.0)
    t.borrow_shared_around(a, lambda: rcs.append(borrowc.acquire(a, True)))
    assert rcs == [-1, -1]
    readonly = np.zeros(2)
    readonly.setflags(write=False)
    assert borrowc.acquire(readonly, True) == -2


SUBPROCESS = textwrap.dedent("""
    import json, sys
    sys.path[:0] = [sys.argv[1], sys.argv[2]]
    import numpy as np
    import importlib
    name = "numpy._core.multiarray" if int(np.__version__.split(".")[0]) >= 2 else "numpy.core.multiarray"
    multiarray = importlib.import_module(name)
    report = {}
    {body}
    print(json.dumps(report))
""")


def run(body, borrowc_dir="."):
    import nd_test
    modules = str(pathlib.Path(nd_test.__file__).resolve().parent)
    script = SUBPROCESS.replace("{body}", textwrap.dedent(body))
    proc = subprocess.run([sys.executable, "-c", script, modules, str(borrowc_dir)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import json
    return json.loads(proc.stdout.strip().splitlines()[-1])


@needs_numpy
def test_an_extension_loaded_first_keeps_its_table(borrowc):
    # As a rust-numpy extension imported before any NdBindgen module: its capsule is used, never replaced.
    report = run("""
        import borrowc
        borrowc.install(0)
        capsule = getattr(multiarray, "_RUST_NUMPY_BORROW_CHECKING_API")
        import nd_test as t
        a = np.arange(4.0)
        report["sum"] = t.borrow_sum(a)
        t.borrow_copy_plus_one(a[:2], a[2:])
        report["counts_after_calls"] = borrowc.counts()
        borrowc.set_rc(-1)                         # it says: another borrow conflicts
        try:
            t.borrow_fill(a, 1.0)
        except BufferError as e:
            report["refused"] = str(e)
        report["same_capsule"] = getattr(multiarray, "_RUST_NUMPY_BORROW_CHECKING_API") is capsule
        report["counts"] = borrowc.counts()
    """, pathlib.Path(borrowc.__file__).parent)
    assert report["sum"] == 6.0
    # acquires, acquire_muts, releases, release_muts: each view acquired and released exactly once
    assert report["counts_after_calls"] == [2, 1, 2, 1]
    assert report["refused"].startswith("borrow_fill() argument 'arr' is in use by another call")
    assert report["counts"] == [2, 2, 2, 1]    # the refused view was never acquired: nothing to release
    assert report["same_capsule"]


@needs_numpy
def test_two_ndbindgen_modules_share_one_table():
    import nd_test
    if not (pathlib.Path(nd_test.__file__).resolve().parent / "nd_ext").exists() and not list(
            pathlib.Path(nd_test.__file__).resolve().parent.glob("nd_ext*")):
        pytest.skip("nd_ext is not published next to nd_test")
    report = run("""
        import nd_ext, nd_test as t
        a = np.arange(4.0)
        nd_ext.add_scalar_to_array_inplace(1.0, a)      # nd_ext sees an array first: it installs the table
        capsule = getattr(multiarray, "_RUST_NUMPY_BORROW_CHECKING_API")
        errors = []
        def inner():
            try:
                nd_ext.add_scalar_to_array_inplace(1.0, a)
            except BufferError as e:
                errors.append(str(e))
        report["sum"] = t.borrow_shared_around(a, inner)   # nd_test holds a view; nd_ext's call is refused
        def inner_mut():
            try:
                nd_ext.add_scalar_to_array(1.0, a)
            except BufferError as e:
                errors.append(str(e))
        t.borrow_mut_around(a, inner_mut, 7.0)
        nd_ext.add_scalar_to_array_inplace(1.0, a)         # and afterwards, free again
        report["after"] = a.tolist()
        report["errors"] = errors
        report["same_capsule"] = getattr(multiarray, "_RUST_NUMPY_BORROW_CHECKING_API") is capsule
    """)
    assert report["sum"] == 10.0
    assert report["after"] == [8.0] * 4
    assert len(report["errors"]) == 2, report
    assert all("is in use by another call" in e for e in report["errors"]), report
    assert report["same_capsule"]
