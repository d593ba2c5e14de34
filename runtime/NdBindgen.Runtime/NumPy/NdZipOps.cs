using System;

namespace NdBindgen;

/// <summary>
/// An elementwise function of one array for <see cref="NdZip"/>: a struct, whose
/// <see cref="Invoke(A)"/> the compiler inlines into the loop (a delegate costs a call per element)
/// and whose fields carry the function's parameters (<c>readonly struct Scale(double k)</c>).
/// </summary>
public interface IUnaryOp<A, R> where A : unmanaged where R : unmanaged
{
    /// <summary>The result for one element.</summary>
    R Invoke(A a);

    /// <summary>
    /// The span form, called for each run of elements contiguous in every operand (the whole array
    /// when all are C-contiguous): compute it with <c>TensorPrimitives</c> or <c>Vector&lt;T&gt;</c> and
    /// return true, or return false and the loop calls <see cref="Invoke(A)"/> per element. Not a
    /// default interface method on purpose: calling one on a struct boxes it (measured: 24 bytes per
    /// run, even fully optimized).
    /// </summary>
    bool TryInvoke(ReadOnlySpan<A> a, Span<R> result);
}

/// <summary>An elementwise function of two arrays for <see cref="NdZip"/> (see <see cref="IUnaryOp{A, R}"/>).</summary>
public interface IBinaryOp<A, B, R> where A : unmanaged where B : unmanaged where R : unmanaged
{
    /// <summary>The result for one pair of elements.</summary>
    R Invoke(A a, B b);

    /// <summary>The span form for contiguous runs (see <see cref="IUnaryOp{A, R}.TryInvoke"/>); false falls back to <see cref="Invoke(A, B)"/>.</summary>
    bool TryInvoke(ReadOnlySpan<A> a, ReadOnlySpan<B> b, Span<R> result);
}

/// <summary>An elementwise function of three arrays for <see cref="NdZip"/> (see <see cref="IUnaryOp{A, R}"/>).</summary>
public interface ITernaryOp<A, B, C, R> where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
{
    /// <summary>The result for one triple of elements.</summary>
    R Invoke(A a, B b, C c);

    /// <summary>The span form for contiguous runs (see <see cref="IUnaryOp{A, R}.TryInvoke"/>); false falls back to <see cref="Invoke(A, B, C)"/>.</summary>
    bool TryInvoke(ReadOnlySpan<A> a, ReadOnlySpan<B> b, ReadOnlySpan<C> c, Span<R> result);
}
