using System;
using System.Runtime.CompilerServices;
using NdBindgen.NumPy;

namespace NdBindgen;

/// <summary>
/// Elementwise loops over one to three input views and an output view with numpy's broadcasting:
/// shapes align from the right and an axis of length 1 (or a missing one) repeats, so
/// <c>output[i, j] = op(a[i, j], b[j])</c> for <c>a</c> of shape (3, 4) and <c>b</c> of shape (4,).
/// Elements are visited in the output's memory order (numpy's <c>order='K'</c>): axes sorted by the
/// output's strides, negative ones walked forwards, and axes merged wherever every operand allows, so
/// C-contiguous or Fortran-contiguous operands make one long run. The innermost loop is a counted
/// pointer loop; a run that is contiguous in every operand goes to the op's span form
/// (<see cref="IBinaryOp{A, B, R}.TryInvoke"/>) as spans, where <c>TensorPrimitives</c> vectorizes it.
/// <para>
/// The op is a struct passed by value (<c>NdZip.Map(output, a, b, new Add())</c>): the loop is
/// compiled for its type, so its <c>Invoke</c> is inlined, and its fields carry parameters. The <see cref="Func{A, B, R}"/> overloads are the convenience
/// form: one delegate call per element. The output may be one of the inputs (an in-place update,
/// same layout); other overlaps between output and inputs give unspecified values (numpy copies).
/// </para>
/// </summary>
public static unsafe partial class NdZip
{
    /// <summary>output = op(a), elementwise, with <paramref name="a"/> broadcast to the output's shape.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast to the output's shape.</exception>
    public static void Map<TOp, A, R>(NdViewMut<R> output, NdView<A> a, TOp op)
        where TOp : struct, IUnaryOp<A, R> where A : unmanaged where R : unmanaged
    {
        var rows = new UnaryRows<TOp, A, R>(op);
        Run(ref rows, [output.Layout, a.Layout], [sizeof(R), sizeof(A)]);
    }

    /// <summary>output = op(a, b), elementwise, with both inputs broadcast to the output's shape.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast together, or not to the output's shape.</exception>
    public static void Map<TOp, A, B, R>(NdViewMut<R> output, NdView<A> a, NdView<B> b, TOp op)
        where TOp : struct, IBinaryOp<A, B, R> where A : unmanaged where B : unmanaged where R : unmanaged
    {
        var rows = new BinaryRows<TOp, A, B, R>(op);
        Run(ref rows, [output.Layout, a.Layout, b.Layout], [sizeof(R), sizeof(A), sizeof(B)]);
    }

    /// <summary>output = op(a, b, c), elementwise, with the inputs broadcast to the output's shape.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast together, or not to the output's shape.</exception>
    public static void Map<TOp, A, B, C, R>(NdViewMut<R> output, NdView<A> a, NdView<B> b, NdView<C> c, TOp op)
        where TOp : struct, ITernaryOp<A, B, C, R> where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
    {
        var rows = new TernaryRows<TOp, A, B, C, R>(op);
        Run(ref rows, [output.Layout, a.Layout, b.Layout, c.Layout], [sizeof(R), sizeof(A), sizeof(B), sizeof(C)]);
    }

    /// <summary>output = f(a), elementwise: a delegate call per element (prefer an <see cref="IUnaryOp{A, R}"/> in hot code).</summary>
    public static void Map<A, R>(NdViewMut<R> output, NdView<A> a, Func<A, R> f) where A : unmanaged where R : unmanaged
    {
        ArgumentNullException.ThrowIfNull(f);
        var rows = new UnaryFuncRows<A, R>(f);
        Run(ref rows, [output.Layout, a.Layout], [sizeof(R), sizeof(A)]);
    }

    /// <summary>output = f(a, b), elementwise with broadcasting: a delegate call per element.</summary>
    public static void Map<A, B, R>(NdViewMut<R> output, NdView<A> a, NdView<B> b, Func<A, B, R> f)
        where A : unmanaged where B : unmanaged where R : unmanaged
    {
        ArgumentNullException.ThrowIfNull(f);
        var rows = new BinaryFuncRows<A, B, R>(f);
        Run(ref rows, [output.Layout, a.Layout, b.Layout], [sizeof(R), sizeof(A), sizeof(B)]);
    }

    /// <summary>output = f(a, b, c), elementwise with broadcasting: a delegate call per element.</summary>
    public static void Map<A, B, C, R>(NdViewMut<R> output, NdView<A> a, NdView<B> b, NdView<C> c, Func<A, B, C, R> f)
        where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
    {
        ArgumentNullException.ThrowIfNull(f);
        var rows = new TernaryFuncRows<A, B, C, R>(f);
        Run(ref rows, [output.Layout, a.Layout, b.Layout, c.Layout], [sizeof(R), sizeof(A), sizeof(B), sizeof(C)]);
    }

    /// <summary>A new array of the broadcast shape of <paramref name="a"/> and <paramref name="b"/>, holding op(a, b).</summary>
    public static NdArray<R> MapNew<TOp, A, B, R>(NdView<A> a, NdView<B> b, TOp op)
        where TOp : struct, IBinaryOp<A, B, R> where A : unmanaged where B : unmanaged where R : unmanaged
    {
        var result = NdArray<R>.Uninitialized(BroadcastShape(a.Shape, b.Shape));
        try
        {
            Map(result.AsViewMut(), a, b, op);
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>A new array of the broadcast shape of the inputs, holding f(a, b).</summary>
    public static NdArray<R> MapNew<A, B, R>(NdView<A> a, NdView<B> b, Func<A, B, R> f)
        where A : unmanaged where B : unmanaged where R : unmanaged
    {
        ArgumentNullException.ThrowIfNull(f);
        var result = NdArray<R>.Uninitialized(BroadcastShape(a.Shape, b.Shape));
        try
        {
            Map(result.AsViewMut(), a, b, f);
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>numpy's <c>np.broadcast_shapes(a, b)</c>.</summary>
    /// <exception cref="ArgumentException">"operands could not be broadcast together with shapes (3,) (4,)".</exception>
    public static nint[] BroadcastShape(ReadOnlySpan<nint> a, ReadOnlySpan<nint> b)
    {
        var shape = Unset(Math.Max(a.Length, b.Length));
        if (!Broadcast(shape, a) | !Broadcast(shape, b)) throw Incompatible([a.ToArray(), b.ToArray()]);
        return shape;
    }

    /// <summary>numpy's <c>np.broadcast_shapes(a, b, c)</c>.</summary>
    public static nint[] BroadcastShape(ReadOnlySpan<nint> a, ReadOnlySpan<nint> b, ReadOnlySpan<nint> c)
    {
        var shape = Unset(Math.Max(a.Length, Math.Max(b.Length, c.Length)));
        if (!Broadcast(shape, a) | !Broadcast(shape, b) | !Broadcast(shape, c)) throw Incompatible([a.ToArray(), b.ToArray(), c.ToArray()]);
        return shape;
    }

    // Folds one shape into `shape` (right-aligned; -1 marks an axis no operand has set yet). False on a clash.
    private static bool Broadcast(Span<nint> shape, ReadOnlySpan<nint> operand)
    {
        bool ok = true;
        int offset = shape.Length - operand.Length;
        for (int d = 0; d < operand.Length; d++)
        {
            ref nint s = ref shape[offset + d];
            nint n = operand[d];
            if (s == -1 || s == 1) s = n;
            else if (n != 1 && n != s) ok = false;
        }
        return ok;
    }

    private static nint[] Unset(int ndim)
    {
        var shape = new nint[ndim];
        shape.AsSpan().Fill(-1);
        return shape;
    }

    internal static ArgumentException Incompatible(nint[][] shapes) =>
        new($"operands could not be broadcast together with shapes {string.Join(" ", Array.ConvertAll(shapes, FormatShape))}");

    internal static string FormatShape(nint[] shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(",", shape)})";
}
