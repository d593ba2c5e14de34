using System;

namespace NdBindgen;

/// <summary>
/// One axis of a slice: a <see cref="System.Range"/> of elements and a step, as numpy's
/// <c>a[start:end][::step]</c>. A plain range converts to it (<c>view.Slice(1..3, ..)</c>); a step
/// is given with <see cref="NdSlice(System.Range, nint)"/> or <see cref="Step"/>:
/// <c>view.Slice(NdSlice.Step(.., -1))</c> reverses the first axis.
/// </summary>
/// <remarks>
/// The range picks the elements [start, end) of the axis, clamped to its length as numpy clamps
/// (<c>2..100</c> of 5 elements is <c>2..5</c>; an end before the start selects nothing); the step
/// takes every step-th of them, from the first when positive and from the last when negative. A
/// zero step is an ArgumentException (ValueError in Python), as in numpy.
/// </remarks>
public readonly struct NdSlice
{
    public NdSlice(Range range, nint step = 1)
    {
        Range = range;
        StepSize = step;
    }

    public Range Range { get; }

    /// <summary>The step (1 when not given; negative walks backwards).</summary>
    public nint StepSize { get; }

    /// <summary>Every <paramref name="step"/>-th element of <paramref name="range"/>.</summary>
    public static NdSlice Step(Range range, nint step) => new(range, step);

    /// <summary>The whole axis.</summary>
    public static NdSlice All => new(.., 1);

    public static implicit operator NdSlice(Range range) => new(range, 1);
}
