"""Complex32 as a scalar parameter and result (tests/NdTestModule/ArraysDtypes2.cs echo_complex32): what
complex() accepts of a number, each part rounded to float32; no numpy needed."""
import struct
import sys

import pytest

import nd_test


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def test_parts_rounded_to_float32():
    r = nd_test.echo_complex32(1.1 + 2.2j)
    assert type(r) is complex
    assert r == complex(f32(1.1), f32(2.2))
    assert nd_test.echo_complex32(0.5 - 0.25j) == 0.5 - 0.25j   # exact in float32


def test_ints_floats_and_dunders():
    assert nd_test.echo_complex32(3) == 3 + 0j
    assert nd_test.echo_complex32(2.5) == 2.5 + 0j

    class C:
        def __complex__(self):
            return 1 + 1j
    assert nd_test.echo_complex32(C()) == 1 + 1j


def test_beyond_float32_is_infinity():
    assert nd_test.echo_complex32(complex(1e300, -1e300)) == complex(float("inf"), float("-inf"))


def test_refused_with_the_parameter_named():
    with pytest.raises(TypeError, match=r"^echo_complex32\(\) argument 'x' must be complex, not str$"):
        nd_test.echo_complex32("1j")
    with pytest.raises(TypeError, match=r"^echo_complex32\(\) argument 'x' must be complex, not None$"):
        nd_test.echo_complex32(None)


def test_no_reference_kept():
    x = complex(1.5, 2.5)
    before = sys.getrefcount(x)
    for _ in range(100):
        nd_test.echo_complex32(x)
    assert sys.getrefcount(x) == before
