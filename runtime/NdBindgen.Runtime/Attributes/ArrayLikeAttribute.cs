using System;

namespace NdBindgen;

/// <summary>
/// Lets an <see cref="NdView{T}"/> parameter accept array-likes, as <c>numpy.asarray</c> does:
/// lists, nested lists, tuples, scalars (0-d) and objects with <c>__array__</c> or the buffer
/// protocol, besides arrays. An array of T's dtype is still borrowed without a copy; anything
/// else is converted once, for the call, if numpy's "safe" casting turns what it holds into T
/// (int64 -> float64 yes, float64 -> int64 no: a TypeError naming both dtypes).
/// Not allowed on <see cref="NdViewMut{T}"/> (diagnostic NDB0022): writes would go to a temporary copy.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ArrayLikeAttribute : Attribute
{
}
