using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NdBindgen.NumPy;

namespace NdBindgen;

/// <summary>
/// An elementwise function of one array whose result has the element type of its argument, in two
/// forms: one element, and a <see cref="Vector{T}"/> of them (the same formula; .NET's compilers do
/// not vectorize loops, so this form is what makes <see cref="NdZip.Map{TOp, T}(NdViewMut{T}, TOp)"/>
/// and <see cref="NdZip.Sum{TOp, T}(NdView{T}, TOp)"/> run as a C compiler's vectorized loop does).
/// A struct: the loop is compiled for its type and both forms are inlined; its fields carry parameters.
/// <code>
/// readonly struct Square : IVectorOp&lt;double&gt;
/// {
///     public double Invoke(double x) =&gt; x * x;
///     public Vector&lt;double&gt; Invoke(Vector&lt;double&gt; x) =&gt; x * x;
/// }
/// </code>
/// </summary>
public interface IVectorOp<T> where T : unmanaged
{
    /// <summary>The result for one element (the tail of a run, and strided runs).</summary>
    T Invoke(T x);

    /// <summary>The results for <see cref="Vector{T}.Count"/> adjacent elements at once.</summary>
    Vector<T> Invoke(Vector<T> x);
}

public static unsafe partial class NdZip
{
    /// <summary>
    /// <c>view[i] = op(view[i])</c> for every element, in place: contiguous runs through the op's vector
    /// form, strided ones element by element (any shape and layout; the order of visits is memory's).
    /// <c>NdZip.Map(a, new Poly3(0.5, 1.5, 2.5, 3.5))</c> runs as fast as gcc -O3's loop.
    /// </summary>
    public static void Map<TOp, T>(NdViewMut<T> view, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged
    {
        if (view.TryGetSpan(out Span<T> span))
        {
            MapRun(ref MemoryMarshal.GetReference(span), (nuint)span.Length, op);
            return;
        }
        var rows = new NdRowCursor(view.Layout, memoryOrder: true);
        while (rows.MoveNext()) MapRow<TOp, T>(rows.Current, rows.Length, rows.Stride, op);
    }

    /// <summary>
    /// The sum of <c>op(x)</c> over every element: <c>NdZip.Sum(a, new Square())</c> is the sum of squares.
    /// Contiguous runs are summed with several vector accumulators (the order of additions is not C
    /// order: results may differ from a sequential loop in the last bits, as numpy's pairwise sum does).
    /// 0 for an empty view.
    /// </summary>
    public static T Sum<TOp, T>(NdView<T> view, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged, INumberBase<T>
    {
        if (view.TryGetSpan(out ReadOnlySpan<T> span))
            return SumRun(ref MemoryMarshal.GetReference(span), (nuint)span.Length, op);
        T sum = T.AdditiveIdentity;
        var rows = new NdRowCursor(view.Layout, memoryOrder: true);
        while (rows.MoveNext()) sum += SumRow<TOp, T>(rows.Current, rows.Length, rows.Stride, op);
        return sum;
    }

    // One row of a strided view, in a method of its own: its loop keeps the op and the sum in
    // registers (inlined into the row loop, the calls there made the JIT keep them in memory).
    // The op by value everywhere: by reference, the JIT reloads its fields after every store.
    private static void MapRow<TOp, T>(byte* p, nint n, nint stride, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged
    {
        if (stride == sizeof(T))
        {
            MapRun(ref Unsafe.AsRef<T>(p), (nuint)n, op);
            return;
        }
        nint i = 0;
        // Two-element vectors (float64 at the default width): two elements a stride apart loaded
        // into one vector and stored back, as gcc vectorizes a strided loop (measured 1.3x C's
        // `a[::2]` loop element by element).
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && Vector<T>.Count == 2 && Vector128<T>.Count == 2)
        {
            for (nint last = n - 2; i <= last; i += 2, p += 2 * stride)
            {
                Vector128<T> x = Vector128.CreateScalarUnsafe(*(T*)p).WithElement(1, *(T*)(p + stride));
                Vector128<T> r = op.Invoke(x.AsVector()).AsVector128();
                *(T*)p = r.GetElement(0);
                *(T*)(p + stride) = r.GetElement(1);
            }
        }
        for (; i < n; i++, p += stride) *(T*)p = op.Invoke(*(T*)p);
    }

    private static T SumRow<TOp, T>(byte* p, nint n, nint stride, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged, INumberBase<T>
    {
        if (stride == sizeof(T)) return SumRun(ref Unsafe.AsRef<T>(p), (nuint)n, op);
        T sum = T.AdditiveIdentity;
        for (nint i = 0; i < n; i++, p += stride) sum += op.Invoke(*(T*)p);
        return sum;
    }

    // One vector per iteration, as gcc's loop: with the vector form called at two places the JIT
    // inlined one of them only, and the call left the op in memory, its constants reloaded per vector.
    private static void MapRun<TOp, T>(ref T first, nuint n, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged
    {
        nuint i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && n >= (nuint)Vector<T>.Count)
        {
            // Against the last start, not i + w <= n: one instruction less per vector (callgrind: 1.08x C's -> 1.00x).
            nuint w = (nuint)Vector<T>.Count, last = n - w;
            for (; i <= last; i += w) Vector.StoreUnsafe(op.Invoke(Vector.LoadUnsafe(ref first, i)), ref first, i);
        }
        for (; i < n; i++) Unsafe.Add(ref first, i) = op.Invoke(Unsafe.Add(ref first, i));
    }

    // Four accumulators: a floating-point add takes 3-4 cycles, one accumulator would wait on it
    // (a C loop's `s += x*x` does: gcc may not reorder the additions, so it cannot vectorize it).
    private static T SumRun<TOp, T>(ref T first, nuint n, TOp op) where TOp : struct, IVectorOp<T> where T : unmanaged, INumberBase<T>
    {
        nuint i = 0;
        T sum = T.AdditiveIdentity;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && n >= (nuint)Vector<T>.Count)
        {
            nuint w = (nuint)Vector<T>.Count;
            Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero, s2 = Vector<T>.Zero, s3 = Vector<T>.Zero;
            for (; i + 4 * w <= n; i += 4 * w)
            {
                s0 += op.Invoke(Vector.LoadUnsafe(ref first, i));
                s1 += op.Invoke(Vector.LoadUnsafe(ref first, i + w));
                s2 += op.Invoke(Vector.LoadUnsafe(ref first, i + 2 * w));
                s3 += op.Invoke(Vector.LoadUnsafe(ref first, i + 3 * w));
            }
            for (; i + w <= n; i += w) s0 += op.Invoke(Vector.LoadUnsafe(ref first, i));
            sum = Vector.Sum((s0 + s1) + (s2 + s3));
        }
        for (; i < n; i++) sum += op.Invoke(Unsafe.Add(ref first, i));
        return sum;
    }
}
