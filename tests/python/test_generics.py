"""Generic kernels (issue 9): one generic C# method is one Python function over every dtype its
constraint admits; the array's dtype picks the instantiation, other arrays of T must share it,
the scalar T converts with that dtype's rules, and a dtype left out is a TypeError naming those
accepted."""
import pathlib

import numpy as np
import pytest

import nd_ext
import nd_test

NUMERIC = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
           "float16", "float32", "float64", "complex128"]
ACCEPTED = ", ".join(NUMERIC)


def error(exception, function, *args, **kwargs):
    with pytest.raises(exception) as info:
        function(*args, **kwargs)
    return str(info.value)


def factor_for(dtype):
    return 3 if np.dtype(dtype).kind in "iu" else (1.5 if np.dtype(dtype).kind == "f" else 1.5 - 2j)


@pytest.mark.parametrize("dtype", NUMERIC)
@pytest.mark.parametrize("layout", ["contiguous", "transposed", "reversed", "0-d", "empty"])
def test_scale_every_numeric_dtype(dtype, layout):
    base = (np.arange(12) % 7).astype(dtype).reshape(3, 4)
    arr = {"contiguous": base, "transposed": base.T, "reversed": base[::-1, ::-2],
           "0-d": base[1, 2][()], "empty": base[:0]}[layout]
    arr = np.asarray(arr, dtype=dtype)
    before = arr.copy()
    k = factor_for(dtype)
    result = nd_ext.scale(arr, k)
    expected = arr * np.array(k, dtype=dtype)   # numpy's arithmetic in the same dtype (wrapping ints)
    assert type(result) is np.ndarray and result.dtype == np.dtype(dtype) and result.shape == arr.shape
    np.testing.assert_array_equal(result, expected)
    np.testing.assert_array_equal(arr, before)   # the input is not changed


def test_scale_matches_the_float64_only_version():
    a = np.random.default_rng(3).random((50, 70))
    np.testing.assert_array_equal(nd_ext.scale(a, 2.5), nd_ext.scale_float64(a, 2.5))
    np.testing.assert_array_equal(nd_ext.scale(a[::3, ::-2], 2.5), nd_ext.scale_float64(a[::3, ::-2], 2.5))


def test_int_wraps_like_numpy():
    a = np.array([100, -100, 127], dtype=np.int8)
    np.testing.assert_array_equal(nd_ext.scale(a, 3), a * np.int8(3))


@pytest.mark.parametrize("arr, actual", [
    (np.ones(3, bool), "bool"),
    (np.array(["a", "b"]), "<U1"),
    (np.array([1, "x"], dtype=object), "object"),
    (np.ones(3, np.longdouble), "float128"),
    (np.ones(3, np.complex64), "complex64"),
    (np.ones(3, ">f8"), ">f8 (big-endian; convert with arr.astype(arr.dtype.newbyteorder('=')))"),
])
def test_a_dtype_left_out_is_a_type_error_listing_those_accepted(arr, actual):
    assert error(TypeError, nd_ext.scale, arr, 2) == \
        f"scale() argument 'arr' must be an array of {ACCEPTED}, not an array of {actual}"


@pytest.mark.parametrize("value, name", [([1.0, 2.0], "list"), ((1, 2), "tuple"), (3.0, "float"), (None, "None"),
                                         (memoryview(b"ab"), "memoryview")])
def test_a_generic_function_takes_numpy_arrays_only(value, name):
    assert error(TypeError, nd_ext.scale, value, 2) == \
        f"scale() argument 'arr' must be numpy.ndarray of {ACCEPTED}, not {name}"


def test_the_scalar_converts_to_the_chosen_dtype():
    assert error(OverflowError, nd_ext.scale, np.ones(2, np.int8), 300) == \
        "scale() argument 'factor' = 300 is out of range for int8 (-128 to 127)"
    assert error(OverflowError, nd_ext.scale, np.ones(2, np.uint16), -1) == \
        "scale() argument 'factor' = -1 is out of range for uint16 (0 to 65535)"
    assert "must be int, not float" in error(TypeError, nd_ext.scale, np.ones(2, np.int32), 2.5)
    assert error(TypeError, nd_ext.scale, np.ones(2), "x") == "scale() argument 'factor' must be float, not str"
    assert error(TypeError, nd_ext.scale, np.ones(2), 1j) == "scale() argument 'factor' must be float, not complex"
    np.testing.assert_array_equal(nd_ext.scale(np.ones(2, complex), 2), [2, 2])       # an int is a complex
    np.testing.assert_array_equal(nd_ext.scale(np.ones(2, np.float16), 70000), [np.inf, np.inf])   # as numpy.float16(70000)


def test_keyword_arguments_and_wrong_counts():
    np.testing.assert_array_equal(nd_ext.scale(factor=2, arr=np.arange(3)), [0, 2, 4])
    assert error(TypeError, nd_ext.scale, np.arange(3)) == "scale() missing 1 required positional argument: 'factor'"


def test_arrays_of_t_must_share_the_dtype():
    a = np.arange(3.0)
    np.testing.assert_array_equal(nd_test.add_arrays(a, a), a * 2)
    np.testing.assert_array_equal(nd_test.add_arrays(np.arange(3), np.arange(3, dtype=np.longlong)), [0, 2, 4])   # int64 twice
    assert error(TypeError, nd_test.add_arrays, a, np.ones(3, np.int32)) == \
        "add_arrays() arguments 'a' and 'b' must have the same dtype, not float64 and int32; convert one with .astype()"
    assert error(TypeError, nd_test.add_arrays, a, [1.0, 2.0, 3.0]) == \
        "add_arrays() argument 'b' must be numpy.ndarray of float64, not list"


def test_without_numeric_constraint_bool_is_in():
    for dtype in ["bool", *NUMERIC]:
        arr = np.zeros(5, dtype=dtype)
        value = True if dtype == "bool" else np.array(1, dtype=dtype).item()
        assert nd_test.fill_all(arr, value) == 5
        assert (arr == value).all()
    ro = np.zeros(3)
    ro.flags.writeable = False
    assert "read-only array" in error(ValueError, nd_test.fill_all, ro, 1.0)


def test_dtypes_attribute_narrows_the_instantiations():
    assert nd_test.mean_of(np.arange(4, dtype=np.float32)) == 1.5
    assert nd_test.mean_of(np.arange(4.0)) == 1.5
    assert error(TypeError, nd_test.mean_of, np.arange(4)) == \
        "mean_of() argument 'values' must be an array of float32, float64, not an array of int64"
    assert error(TypeError, nd_test.mean_of, np.arange(4, dtype=np.float16)) == \
        "mean_of() argument 'values' must be an array of float32, float64, not an array of float16"


def test_docstring_and_stub_name_the_dtypes():
    assert nd_ext.scale.__text_signature__ == "($module, arr, factor)"
    assert f"arr : numpy.ndarray[{' | '.join(NUMERIC)}]" in nd_ext.scale.__doc__
    assert "factor : int | float | complex" in nd_ext.scale.__doc__
    stub = pathlib.Path(nd_ext.__file__).with_name("nd_ext.pyi").read_text()
    assert ('_scale_T = typing.TypeVar("_scale_T", ' + ", ".join("numpy." + d for d in NUMERIC) + ")") in stub
    assert ("def scale(arr: numpy.typing.NDArray[_scale_T], factor: int | float | complex) -> "
            "numpy.typing.NDArray[_scale_T]:") in stub
    fill = pathlib.Path(nd_test.__file__).with_name("nd_test.pyi").read_text()
    assert '_fill_all_T = typing.TypeVar("_fill_all_T", numpy.bool_, numpy.int8' in fill
