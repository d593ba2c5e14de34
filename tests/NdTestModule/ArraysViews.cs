using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Views of views (rows, slices, transposes, reshapes) returned to Python as arrays sharing the
/// input's memory, and typed views of arrays that are not parameters (dict items, attributes, call results).
/// </summary>
public static class ArraysViews
{
    /// <summary>Marks an open end of a range in <see cref="ViewSlice"/>'s spec (Python's None).</summary>
    private const long Open = long.MinValue;

    /// <summary>Row i of a (numpy's a[i]), sharing its memory.</summary>
    [PyFunction]
    public static NdView<double> ViewRow(NdView<double> a, long i) => a.Row((nint)i);

    /// <summary>Element i along axis (numpy's a[:, i] for axis 1).</summary>
    [PyFunction]
    public static NdView<double> ViewIndexAxis(NdView<double> a, int axis, long i) => a.IndexAxis(axis, (nint)i);

    /// <summary>a sliced by (start, stop, step) triples, one per leading axis; long.MinValue is an open end: numpy's a[start:stop][::step].</summary>
    [PyFunction]
    public static NdView<double> ViewSlice(NdView<double> a, long[] spec) => a.Slice(Slices(spec));

    /// <summary>As view_slice, on an int32 array.</summary>
    [PyFunction]
    public static NdView<int> ViewSliceInt32(NdView<int> a, long[] spec) => a.Slice(Slices(spec));

    /// <summary>The writable slice of a, returned (writes to the result land in a).</summary>
    [PyFunction]
    public static NdViewMut<double> ViewSliceMut(NdViewMut<double> a, long[] spec) => a.Slice(Slices(spec));

    /// <summary>Sets every element of a's slice to value, through the derived writable view.</summary>
    [PyFunction]
    public static void FillSlice(NdViewMut<double> a, long[] spec, double value) => a.Slice(Slices(spec)).Fill(value);

    /// <summary>Adds 1 to every element of row i of a, element by element (its own enumerator).</summary>
    [PyFunction]
    public static void BumpRow(NdViewMut<double> a, long i)
    {
        foreach (ref double x in a.Row((nint)i)) x += 1;
    }

    /// <summary>The sum of every row's i-th... of a.T's row i: exercises a derived view of a derived view.</summary>
    [PyFunction]
    public static double SumTransposedRow(NdView<double> a, long i)
    {
        double sum = 0;
        foreach (double x in a.Transpose().Row((nint)i)) sum += x;
        return sum;
    }

    /// <summary>a.T.</summary>
    [PyFunction]
    public static NdView<double> ViewTranspose(NdView<double> a) => a.Transpose();

    /// <summary>a.transpose(axes).</summary>
    [PyFunction]
    public static NdView<double> ViewPermute(NdView<double> a, int[] axes) => a.Permute(axes);

    /// <summary>a.reshape(shape) when it needs no copy; a ValueError otherwise.</summary>
    [PyFunction]
    public static NdView<double> ViewReshape(NdView<double> a, long[] shape)
    {
        var dims = new nint[shape.Length];
        for (int d = 0; d < shape.Length; d++) dims[d] = (nint)shape[d];
        return a.Reshape(dims);
    }

    /// <summary>a.squeeze().</summary>
    [PyFunction]
    public static NdView<double> ViewSqueeze(NdView<double> a) => a.Squeeze();

    /// <summary>numpy.expand_dims(a, axis).</summary>
    [PyFunction]
    public static NdView<double> ViewInsertAxis(NdView<double> a, int axis) => a.InsertAxis(axis);

    /// <summary>The input itself, returned as a view.</summary>
    [PyFunction]
    public static NdView<double> ViewSame(NdView<double> a) => a;

    /// <summary>An array-like's view returned: numpy's array made for the call becomes the result's base.</summary>
    [PyFunction]
    public static NdView<double> ViewOfArrayLike([ArrayLike] NdView<double> a) => a;

    /// <summary>A view of an NdArray made in the call: refused (no Python object owns that memory yet).</summary>
    [PyFunction]
    public static NdView<double> ViewOfNewArray()
    {
        var array = NdArray<double>.Zeros(3);
        return array.AsView();
    }

    private static NdSlice[] Slices(long[] spec)
    {
        if (spec.Length % 3 != 0) throw new ArgumentException("spec holds (start, stop, step) triples");
        var slices = new NdSlice[spec.Length / 3];
        for (int d = 0; d < slices.Length; d++)
            slices[d] = new NdSlice(new Range(Bound(spec[3 * d], Index.Start), Bound(spec[3 * d + 1], Index.End)), (nint)spec[3 * d + 2]);
        return slices;
    }

    // Python's negative bounds count from the end, as C#'s ^n.
    private static Index Bound(long value, Index open) =>
        value == Open ? open : value < 0 ? Index.FromEnd((int)Math.Min(-value, int.MaxValue)) : Index.FromStart((int)Math.Min(value, int.MaxValue));

    // ---- typed views of arrays that are not parameters ----

    private static double Sum(NdView<double> v)
    {
        double sum = 0;
        foreach (double x in v) sum += x;
        return sum;
    }

    // d[key], released by the caller (a Dictionary<string, PyRef> parameter's values wait for .NET's collector).
    private static PyRef Item(Python py, PyRef d, string key)
    {
        using PyRef k = py.From(key);
        return d.CallMethod(py, "__getitem__", k);
    }

    /// <summary>The sum of the float64 array d[key].</summary>
    [PyFunction]
    public static double SumDictItem(Python py, PyRef d, string key)
    {
        using PyRef item = Item(py, d, key);
        using var lease = item.AsNdView<double>(py);
        return Sum(lease.View);
    }

    /// <summary>The sum of the float64 array obj.name.</summary>
    [PyFunction]
    public static double SumAttribute(Python py, PyRef obj, string name)
    {
        using PyRef value = obj.GetAttr(py, name);
        using var lease = value.AsNdView<double>(py);
        return Sum(lease.View);
    }

    /// <summary>The sum of the float64 array func() returns.</summary>
    [PyFunction]
    public static double SumCallResult(Python py, PyRef func)
    {
        using PyRef value = func.Call(py);
        using var lease = value.AsNdView<double>(py);
        return Sum(lease.View);
    }

    /// <summary>The trace of obj, which must be a 2-d float64 array.</summary>
    [PyFunction]
    public static double TraceOf(Python py, PyRef obj)
    {
        using var lease = obj.AsNdView<double>(py, ndim: 2);
        NdView<double> m = lease.View;
        double sum = 0;
        for (nint i = 0; i < Math.Min(m.Shape[0], m.Shape[1]); i++) sum += m[i, i];
        return sum;
    }

    /// <summary>Multiplies every element of the float64 array d[key] by factor, in place.</summary>
    [PyFunction]
    public static void ScaleDictItem(Python py, PyRef d, string key, double factor)
    {
        using PyRef item = Item(py, d, key);
        using var lease = item.AsNdViewMut<double>(py);
        foreach (ref double x in lease.View) x *= factor;
    }

    /// <summary>The sum of anything numpy.asarray reads as float64 (a list is converted: a copy).</summary>
    [PyFunction]
    public static double SumArrayLikeObject(Python py, PyRef obj)
    {
        using var lease = obj.AsArrayLikeNdView<double>(py);
        return Sum(lease.View);
    }

    /// <summary>The sum of a borrowed argument viewed as a float64 array.</summary>
    [PyFunction]
    public static double SumBorrowed(Python py, PyBorrowed obj)
    {
        using var lease = obj.AsNdView<double>(py);
        return Sum(lease.View);
    }

    /// <summary>Row i of the float64 array obj refers to, returned as a view of it.</summary>
    [PyFunction]
    public static NdView<double> RowOfObject(Python py, PyRef obj, long i)
    {
        using var lease = obj.AsNdView<double>(py);
        return lease.View.Row((nint)i);
    }

    /// <summary>Reads the view after its lease was disposed: an ObjectDisposedException.</summary>
    [PyFunction]
    public static double UseAfterDispose(Python py, PyRef obj)
    {
        var lease = obj.AsNdView<double>(py);
        lease.Dispose();
        return Sum(lease.View);
    }
}

/// <summary>Keeps a numpy array in a PyRef field and reads it through a typed view.</summary>
[PyClass]
public partial class ArrayHolder
{
    private readonly PyRef _data;

    /// <param name="data">A float64 array (checked when it is read).</param>
    public ArrayHolder(PyRef data) => _data = data;

    /// <summary>The sum of the held array.</summary>
    [PyMethod]
    public double Total(Python py)
    {
        using var lease = _data.AsNdView<double>(py);
        double sum = 0;
        foreach (double x in lease.View) sum += x;
        return sum;
    }

    /// <summary>The first row of the held array, as a view sharing its memory.</summary>
    [PyMethod]
    public NdView<double> First(Python py)
    {
        using var lease = _data.AsNdView<double>(py);
        return lease.View.Row(0);
    }
}
