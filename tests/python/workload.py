"""Rounds of calls into nd_ext and nd_test that check every result, for the thread tests
(test_runtime_api.py) and the two-modules stress run (stress_two_modules.py).

Each round function takes a numpy Generator and a round number, calls its entry points once
and raises AssertionError on any wrong result. The rounds cover every nd_ext entry point and
every kind of nd_test entry point: scalar functions, array results of several dtypes, in-place
kernels, GIL-releasing kernels (AllowThreads, the parallel kernel), callbacks into Python, class
construction / attributes / methods / operators / iteration, exceptions, cycles and C#
allocation; cross_round passes one module's objects to the other.
"""
import numpy as np

import nd_ext
import nd_test


class Thing:
    """A plain Python object, to run cycles through."""


def expect(exception, call, *args, contains=""):
    """call(*args) must raise exactly `exception` with `contains` in its message."""
    try:
        call(*args)
    except exception as e:
        assert type(e) is exception, f"{type(e).__name__} instead of {exception.__name__}"
        assert contains in str(e), f"{contains!r} not in {str(e)!r}"
    else:
        raise AssertionError(f"{call.__name__}{args} raised nothing")


def nd_ext_round(rng, i):
    """Every nd_ext entry point once."""
    x = float(i % 1000)
    assert nd_ext.add_scalars(x, 0.5) == x + 0.5
    a = rng.random(int(rng.integers(1, 200)))
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(x, a), a + x)
    m = rng.random((6, 8))
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(2.0, m.T[::2]), m.T[::2] + 2.0)  # strided
    b = a.copy()
    nd_ext.add_scalar_to_array_inplace(-1.0, b)
    np.testing.assert_array_equal(b, a - 1.0)
    c = m.copy()
    nd_ext.add_scalar_to_array_inplace(1.0, c.T)                                            # transposed
    np.testing.assert_array_equal(c, m + 1.0)

    p = nd_ext.Point(3.0, 4.0)
    assert p.distance() == 5.0 and p.distance(nd_ext.Point(3.0, 0.0)) == 4.0
    p.x, p.y = x, 1.0
    assert (p.x, p.y) == (x, 1.0)
    assert repr(p) == f"Point ({x!r}, 1.0)" and str(p) == f"({x!r}, 1.0)"

    root = nd_ext.Node("root")
    kids = [root.add(nd_ext.Node(k)) for k in range(3)]
    assert len(root) == 3 and root[1] is kids[1] and kids[2].parent is root
    assert [n.value for n in root] == [0, 1, 2]
    root.value = a
    assert root.value is a
    expect(ValueError, root.add, kids[0], contains="already has a parent")
    expect(TypeError, nd_ext.add_scalars, "x", 1.0, contains="must be float, not str")
    expect(TypeError, nd_ext.add_scalar_to_array, 1.0, np.arange(3), contains="array of float64")


def nd_test_round(rng, i):
    """A representative call of every kind of nd_test entry point once."""
    # scalars, strings, defaults
    assert nd_test.echo_int64(-i) == -i and nd_test.echo_uint8(i % 256) == i % 256
    assert nd_test.echo_float32(0.5) == 0.5 and nd_test.echo_bool(i % 2 == 0) is (i % 2 == 0)
    s = f"caf\u00e9 {i}"
    assert nd_test.echo_str(s) == s and nd_test.echo_opt_int32(None) is None
    assert nd_test.mixed(i, 0.5) == nd_test.mixed(a=i, b=0.5, c="x")
    assert nd_test.churn(i, 50) == ",".join(str(i + k) for k in range(50))        # C# garbage

    # array results of several dtypes, in-place kernels
    for dtype, copy in ((np.float32, nd_test.copy_float32), (np.int16, nd_test.copy_int16),
                        (np.uint64, nd_test.copy_uint64), (np.complex128, nd_test.copy_complex128),
                        (np.bool_, nd_test.copy_bool)):
        src = (rng.random(17) * 100).astype(dtype)
        r = copy(src[::-1])
        assert r.dtype == dtype and r.flags.c_contiguous
        np.testing.assert_array_equal(r, src[::-1])
    n = int(rng.integers(1, 50))
    np.testing.assert_array_equal(nd_test.arange(n), np.arange(n))
    np.testing.assert_array_equal(nd_test.eye(4), np.eye(4))
    ints = rng.integers(-1000, 1000, 33).astype(np.int32)
    inc = ints.copy()
    nd_test.increment_int32(inc)
    np.testing.assert_array_equal(inc, ints + 1)
    f = rng.random((5, 7))
    nd_test.fill_float64(f[:, 1::3], x := float(i))
    assert (f[:, 1::3] == x).all()
    assert abs(nd_test.sum_float64(f) - f.sum()) < 1e-9

    # GIL-releasing kernels: the parallel one (AllowThreads + NdParallel.For) and a sleep
    big = rng.random(20_000)
    par, ser = big.copy(), big.copy()
    nd_test.scale_parallel(par, 3.0)
    nd_test.scale_serial(ser, 3.0)
    np.testing.assert_array_equal(par, ser)
    np.testing.assert_allclose(par, np.sqrt(big * big + 8.0) * 3.0, rtol=1e-12)
    assert nd_test.sleep_without_gil(0.0005) == 0.0005

    # callbacks into Python
    v = rng.random(10)
    w = v.copy()
    nd_test.apply(w, lambda e: e * 2.0 + 1.0)
    np.testing.assert_array_equal(w, v * 2.0 + 1.0)
    seen = []
    nd_test.notify(seen.append, s)
    assert seen == [s]
    assert nd_test.call_with_keyword(lambda a, b: a - b, 5.0, 2.0) == 3.0
    assert nd_test.call_sqrt(16.0) == 4.0 and nd_test.eval_float("2.0 ** 3") == 8.0

    # classes: construction, attributes, methods, operators, iteration
    dog = nd_test.Animal("rex")
    dog.name = f"rex{i}"
    assert dog.rename("fido", suffix=str(i)) is dog and dog.name == f"fido{i}"
    assert dog.describe() == f"fido{i} has 4 legs and says ..."
    assert nd_test.Animal.biped("b").legs == 2 and nd_test.name_of(dog) == f"fido{i}"
    rec = nd_test.Record(i, "r")
    rec.score, rec.tag = 1.5, None
    assert (rec.id, rec.label, rec.score, rec.tag) == (i, "r", 1.5, None)
    u, t = nd_test.Vec(1.0, 2.0), nd_test.Vec(3.0, -1.0)
    assert u + t == nd_test.Vec(4.0, 1.0) and u * t == 1.0 and -(u * 2.0) == nd_test.Vec(-2.0, -4.0)
    assert hash(u) == hash(nd_test.Vec(1.0, 2.0)) and repr(t / 2.0) == "Vec(1.5, -0.5)"
    a5, b7 = nd_test.Money(500), nd_test.Money(700)
    assert a5 < b7 and nd_test.add_money(a5, b7) == nd_test.Money(1200) and str(a5) == "5.00 EUR"
    assert nd_test.Version2(1, 2) < nd_test.Version2(1, 10)
    samples = nd_test.Samples(4)
    samples[2] = x
    assert list(samples) == [0.0, 0.0, x, 0.0] and samples.total() == x
    words = nd_test.Words(f"a b {i}")
    assert list(words) == ["a", "b", str(i)] and words[2] == str(i)

    # exceptions: thrown by C#, by the runtime, by a getter; conversion errors
    expect(RuntimeError, nd_test.raise_exception, "InvalidOperationException", contains="boom")
    expect(KeyError, nd_test.raise_exception, "KeyNotFoundException", contains="boom")
    expect(ZeroDivisionError, nd_test.divide, i, 0)
    expect(RuntimeError, getattr, nd_test.Fragile(), "broken", contains="always fails")
    expect(IndexError, words.__getitem__, 5, contains="Index was out of range")
    expect(OverflowError, nd_test.echo_int8, 1000)
    expect(TypeError, nd_test.echo_int32, "x")
    expect(ZeroDivisionError, nd_test.apply, np.ones(2), lambda e: 1 / 0)            # through a callback

    # a cycle for gc (Registry: a user-written traverse)
    r = nd_test.Registry()
    r.put("self", r)
    assert r.get("self") is r


def cross_round(rng, i):
    """One module's arrays and instances given to the other's functions and classes."""
    a = rng.random(64)
    made_by_ext = nd_ext.add_scalar_to_array(1.0, a)
    assert abs(nd_test.sum_float64(made_by_ext) - (a + 1.0).sum()) < 1e-9
    np.testing.assert_array_equal(nd_test.copy_float64(made_by_ext[::3]), (a + 1.0)[::3])
    made_by_test = nd_test.eye(5)
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(1.0, made_by_test), np.eye(5) + 1.0)
    nd_ext.add_scalar_to_array_inplace(2.0, made_by_test)
    assert nd_test.get2(made_by_test, 1, 1) == 3.0 and nd_test.get2(made_by_test, 0, 1) == 2.0
    nd_test.apply(made_by_ext, lambda e: nd_ext.add_scalars(e, -1.0))                 # ext inside test's callback
    np.testing.assert_array_equal(made_by_ext, (a + 1.0) - 1.0)

    # instances of one module held by the other's; a cycle through both runtimes
    node = nd_ext.Node(nd_test.Vec(1.0, float(i)))
    assert node.value.y == float(i)
    reg = nd_test.Registry()
    reg.put("node", node)
    node.value = reg                                                                    # node <-> reg
    assert reg.get("node") is node and node.value is reg
    holder_of_point = nd_test.Registry()
    holder_of_point.put("p", nd_ext.Point(6.0, 8.0))
    assert holder_of_point.get("p").distance() == 10.0
    t = Thing()
    t.node = nd_ext.Node(t)                                                             # ext <-> Python

    # garbage for nd_test's .NET GC: 100 strings, a list, an array and the joined string
    joined = nd_test.churn(i, 100)
    assert joined.startswith(f"{i},{i + 1},") and joined.endswith(f",{i + 99}") and joined.count(",") == 99
