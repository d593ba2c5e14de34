using NdBindgen;
using NdBindgen.TimeUnits;

namespace Samples;

public static class Kernels
{
    /// <summary>Each element times k, in single precision.</summary>
    [PyFunction]
    public static NdArray<Complex32> Scale(NdView<Complex32> z, Complex32 k)
    {
        var result = NdArray<Complex32>.Uninitialized(z.Shape);
        int i = 0;
        System.Span<Complex32> to = result.AsSpan();
        foreach (Complex32 x in z) to[i++] = x * k;
        return result;
    }

    /// <summary>The time since the first, for each time.</summary>
    [PyFunction]
    public static NdArray<Timedelta64<Nanoseconds>> Elapsed([Ndim(1)] NdView<Datetime64<Nanoseconds>> times)
    {
        var result = NdArray<Timedelta64<Nanoseconds>>.Uninitialized(times.Length);
        System.Span<Timedelta64<Nanoseconds>> to = result.AsSpan();
        for (nint i = 0; i < times.Length; i++) to[(int)i] = times[i] - times[0];
        return result;
    }

    /// <summary>Copies source into target: an object view written beside another view.</summary>
    [PyFunction]
    public static void CopyInto([Ndim(1)] NdObjectViewMut target, [Ndim(1)] NdObjectView source, NdViewMut<double> weights, PyRef fill)
    {
        for (nint i = 0; i < source.Length; i++) target.Set(i, source[i]);
        target.Set(0, fill);
    }

    /// <summary>A new object array, every element None.</summary>
    [PyFunction]
    public static NdObjectArray Nones(Python py, long n) => NdObjectArray.Create(py, (nint)n);
}
