using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Interop;

namespace NdBindgen.Binding;

/// <summary>
/// Room for up to <see cref="Capacity"/> bound arguments in an entry point's own frame, where
/// <see cref="PySignature.Bind"/> puts them when the call is not purely positional. An inline array
/// local, not <c>stackalloc</c>: a <c>stackalloc</c> made the JIT guard every entry point's frame with a
/// stack cookie, a store and a compare paid on every call (6 instructions; callgrind, add_scalars).
/// Not cleared: Bind writes every slot it hands back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[InlineArray(Capacity)]
public struct PyArgSlots
{
    /// <summary>The most parameters a function may have for its entry point to use this room.</summary>
    public const int Capacity = 8;

#pragma warning disable CS0169, IDE0051   // the inline array's element: reached through Of
    private nint _first;
#pragma warning restore CS0169, IDE0051

    /// <summary>Uncleared room (the wrapper is [SkipLocalsInit]): what <c>new()</c> gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyArgSlots() => Unsafe.SkipInit(out this);

    /// <summary>The slots as Bind takes them. The room must be a local of the calling frame, which does not move.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe PyObject** Of(ref PyArgSlots room) => (PyObject**)Unsafe.AsPointer(ref room);
}
