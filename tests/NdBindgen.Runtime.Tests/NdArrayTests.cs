using NdBindgen.Conversions;
using NdBindgen.Binding;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>NdArray allocation and hand-off to numpy; NdView/NdViewMut borrowing numpy arrays.</summary>
public unsafe class NdArrayTests
{
    private static readonly PySignature Sig = new("f", ["arr"], required: 1);

    [Fact]
    public void ShapesAreCheckedAndZerosAreZero()
    {
        using var a = NdArray<int>.Zeros(2, 3, 4);
        Assert.Equal([2, 3, 4], a.Shape.ToArray());
        Assert.Equal(24, a.Length);
        Assert.All(a.AsSpan().ToArray(), x => Assert.Equal(0, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => NdArray<int>.Zeros(-1));
        Assert.Throws<OverflowException>(() => NdArray<long>.Zeros(nint.MaxValue, 4));
        using var full = NdArray<float>.Full(1.5f, 3);
        Assert.Equal([1.5f, 1.5f, 1.5f], full.AsSpan().ToArray());
        using var scalar = NdArray<double>.Zeros();
        Assert.Equal(1, scalar.Length);
    }

    [Fact]
    public void WithTheGilAndNumpyItIsNumpysArrayFromTheStart()
    {
        Run(() =>
        {
            Py_DECREF(Arrays.FromArray(NdArray<double>.Zeros(1)));   // numpy's C API loaded
            var a = NdArray<double>.Zeros(2, 3);
            a[1, 2] = 42;
            nint data = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref a[0, 0]);
            var numpyArray = Arrays.FromArray(a);
            Assert.Equal(data, (nint)((Interop.PyArrayObject*)numpyArray)->data);   // the same memory: no copy
            Assert.Equal("[[ 0.  0.  0.]\n [ 0.  0. 42.]]", Str(numpyArray));
            Assert.Throws<ObjectDisposedException>(() => a.AsSpan());
            string flags = Flags(numpyArray);
            Assert.Contains("C_CONTIGUOUS : True", flags);
            Assert.Contains("OWNDATA : True", flags);   // numpy's allocator, as a C extension's new array
            Assert.Contains("WRITEABLE : True", flags);
            Py_DECREF(numpyArray);
        });
    }

    [Fact]
    public void WithoutTheGilDotNetMemoryIsHandedToNumpyWithoutCopy()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            // Made where the GIL is released (a parallel kernel's output): .NET memory, 64-byte aligned.
            var a = py.AllowThreads(0, static _ =>
            {
                var made = NdArray<double>.Zeros(2, 3);
                made[1, 2] = 42;
                return made;
            });
            nint data = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref a[0, 0]);
            Assert.Equal(0, data % 64);
            var numpyArray = Arrays.FromArray(a);
            Assert.Equal(data, (nint)((Interop.PyArrayObject*)numpyArray)->data);
            Assert.Equal("[[ 0.  0.  0.]\n [ 0.  0. 42.]]", Str(numpyArray));
            Assert.Throws<ObjectDisposedException>(() => a.AsSpan());
            string flags = Flags(numpyArray);
            Assert.Contains("C_CONTIGUOUS : True", flags);
            Assert.Contains("OWNDATA : False", flags);   // the memory is .NET's, owned by the array's base
            Assert.Contains("WRITEABLE : True", flags);
            Py_DECREF(numpyArray);
        });
    }

    [Fact]
    public void ANumpyBackedArrayDisposedWithoutTheGilIsReleasedWithTheNextGil()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            Py_DECREF(Arrays.FromArray(NdArray<double>.Zeros(1)));
            var a = NdArray<double>.Zeros(1000);
            Interop.PyObject* array = a.Owner;
            Assert.True(array != null);
            Py_INCREF(array);   // ours, to watch the count: 2 with the NdArray's
            Assert.Equal(2, array->ob_refcnt);
            py.AllowThreads(a, static made => { made.Dispose(); return 0; });
            Assert.Equal(2, array->ob_refcnt);   // without the GIL the release is queued, not done
            using (Python.Acquire()) { }
            Assert.Equal(1, array->ob_refcnt);   // drained by the next GIL acquisition
            Py_DECREF(array);
            Assert.Throws<ObjectDisposedException>(() => a.AsSpan());
        });
    }

    private static string Flags(Interop.PyObject* array)
    {
        var flags = PyObject_GetAttrString(array, Core.Utf8.Z("flags"u8));
        string text = Str(flags);
        Py_DECREF(flags);
        return text;
    }

    [Fact]
    public void EveryElementTypeMapsToItsDtype()
    {
        Run(() =>
        {
            Assert.Equal("bool", Dtype(NdArray<bool>.Zeros(1)));
            Assert.Equal("int8", Dtype(NdArray<sbyte>.Zeros(1)));
            Assert.Equal("uint8", Dtype(NdArray<byte>.Zeros(1)));
            Assert.Equal("int16", Dtype(NdArray<short>.Zeros(1)));
            Assert.Equal("uint16", Dtype(NdArray<ushort>.Zeros(1)));
            Assert.Equal("int32", Dtype(NdArray<int>.Zeros(1)));
            Assert.Equal("uint32", Dtype(NdArray<uint>.Zeros(1)));
            Assert.Equal("int64", Dtype(NdArray<long>.Zeros(1)));
            Assert.Equal("uint64", Dtype(NdArray<ulong>.Zeros(1)));
            Assert.Equal("float16", Dtype(NdArray<Half>.Zeros(1)));
            Assert.Equal("float32", Dtype(NdArray<float>.Zeros(1)));
            Assert.Equal("float64", Dtype(NdArray<double>.Zeros(1)));
            Assert.Equal("complex128", Dtype(NdArray<System.Numerics.Complex>.Zeros(1)));
        });
    }

    private static string Dtype<T>(NdArray<T> array) where T : unmanaged
    {
        var o = Arrays.FromArray(array);
        var dtype = PyObject_GetAttrString(o, Core.Utf8.Z("dtype"u8));
        string name = Str(dtype);
        Py_DECREF(dtype);
        Py_DECREF(o);
        return name;
    }

    /// <summary>Borrows the array of a Python expression as a view of T; returns its C-order elements or "Type: message".</summary>
    private static string View<T>(string expression, bool writable = false, int ndim = -1) where T : unmanaged
    {
        string result = "";
        Run(() =>
        {
            var o = Eval(expression);
            var lease = new ArrayLease();
            try
            {
                NdView<T> view = writable ? Arrays.ToViewMut<T>(o, Sig, 0, ref lease, ndim) : Arrays.ToView<T>(o, Sig, 0, ref lease, ndim);
                result = string.Join(",", view.ToArray());
            }
            catch (PythonException e)
            {
                result = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                lease.Dispose();
                Py_DECREF(o);
            }
        });
        return result;
    }

    [Theory]
    [InlineData("np.arange(6.).reshape(2, 3)", "0,1,2,3,4,5")]
    [InlineData("np.arange(6.).reshape(2, 3).T", "0,3,1,4,2,5")]
    [InlineData("np.arange(6.)[::-2]", "5,3,1")]
    [InlineData("np.array(7.)", "7")]
    [InlineData("np.zeros((0, 3))", "")]
    [InlineData("memoryview(np.arange(3.))", "0,1,2")]
    [InlineData("np.arange(3)", "TypeError: f() argument 'arr' must be an array of float64, not an array of int64")]
    [InlineData("np.arange(3.).astype('>f8')", "TypeError: f() argument 'arr' must be an array of float64, not an array of >f8 (big-endian; convert with arr.astype(arr.dtype.newbyteorder('=')))")]
    [InlineData("[1.0, 2.0]", "TypeError: f() argument 'arr' must be numpy.ndarray of float64, not list")]
    [InlineData("memoryview(b'ab')", "TypeError: f() argument 'arr' must be an array of float64, not an array of buffer format 'B' with item size 1")]
    public void ViewsOfFloat64(string expression, string expected) =>
        Assert.Equal(expected, View<double>(expression));

    [Fact]
    public void ViewsRefuseWrongNdimAndReadOnlyForWriting()
    {
        Assert.Equal("TypeError: f() argument 'arr' must be a 2-dimensional array, not 1-dimensional", View<double>("np.zeros(3)", ndim: 2));
        Assert.Equal("ValueError: f() argument 'arr' is a read-only array, but f() writes to it; pass a writable array (for example a copy)",
            View<double>("np.broadcast_to(np.zeros(1), (3,))", writable: true));
        Assert.Equal("ValueError: f() argument 'arr' is a read-only array, but f() writes to it; pass a writable array (for example a copy)",
            View<byte>("memoryview(b'abc')", writable: true));
        Assert.Equal("1,2", View<long>("np.array([1, 2], dtype=np.longlong)"));
    }
}
