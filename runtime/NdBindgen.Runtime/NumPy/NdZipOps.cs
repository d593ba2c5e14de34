using System;

namespace NdBindgen;

/// <summary>
/// An elementwise function of one array for <see cref="NdZip"/>: a struct whose static
/// <see cref="Invoke(A)"/> the compiler inlines into the loop (a delegate costs a call per element).
/// </summary>
public interface IUnaryOp<A, R> where A : unmanaged where R : unmanaged
{
    /// <summary>The result for one element.</summary>
    static abstract R Invoke(A a);

    /// <summary>
    /// The span form, called for each run of contiguous elements (the whole array when every
    /// operand is C-contiguous): implement it with <c>TensorPrimitives</c> or <c>Vector&lt;T&gt;</c>
    /// and return true. The default returns false: the loop calls <see cref="Invoke(A)"/> instead.
    /// </summary>
    static virtual bool TryInvoke(ReadOnlySpan<A> a, Span<R> result) => false;
}

/// <summary>An elementwise function of two arrays for <see cref="NdZip"/> (see <see cref="IUnaryOp{A, R}"/>).</summary>
public interface IBinaryOp<A, B, R> where A : unmanaged where B : unmanaged where R : unmanaged
{
    /// <summary>The result for one pair of elements.</summary>
    static abstract R Invoke(A a, B b);

    /// <summary>The span form for contiguous runs; false (the default) falls back to <see cref="Invoke(A, B)"/>.</summary>
    static virtual bool TryInvoke(ReadOnlySpan<A> a, ReadOnlySpan<B> b, Span<R> result) => false;
}

/// <summary>An elementwise function of three arrays for <see cref="NdZip"/> (see <see cref="IUnaryOp{A, R}"/>).</summary>
public interface ITernaryOp<A, B, C, R> where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
{
    /// <summary>The result for one triple of elements.</summary>
    static abstract R Invoke(A a, B b, C c);

    /// <summary>The span form for contiguous runs; false (the default) falls back to <see cref="Invoke(A, B, C)"/>.</summary>
    static virtual bool TryInvoke(ReadOnlySpan<A> a, ReadOnlySpan<B> b, ReadOnlySpan<C> c, Span<R> result) => false;
}
