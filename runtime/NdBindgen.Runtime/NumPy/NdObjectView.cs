using System;
using System.Runtime.CompilerServices;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A read-only view of a numpy array of dtype <c>object</c> that Python passed in, valid for the call.
/// Its elements are Python objects, read as <see cref="PyBorrowed"/> references (a NULL element,
/// which a C extension may leave, reads as None). Keep one past the call with
/// <see cref="PyBorrowed.ToOwned"/>. A ref struct, like <see cref="NdView{T}"/>.
/// </summary>
/// <remarks>
/// There is no <c>NdView&lt;PyRef&gt;</c>: a reference is not a plain value, and a raw copy of the
/// pointer (what <c>ref T</c> would allow) would corrupt reference counts. A borrowed element stays
/// valid while the array holds it: a write to the same element through an
/// <see cref="NdObjectViewMut"/> (or Python code the call runs) may free it. Take an owned
/// reference first if you write to the element you read.
/// </remarks>
public readonly unsafe ref struct NdObjectView
{
    internal readonly NumPy.NdLayout Layout;

    internal NdObjectView(NumPy.NdLayout layout) => Layout = layout;

    /// <summary>The number of dimensions (0 for a scalar array).</summary>
    public int Ndim => Layout.Ndim;

    /// <summary>The length of each dimension.</summary>
    public ReadOnlySpan<nint> Shape => new(Layout.Shape, Layout.Ndim);

    /// <summary>The step in bytes between neighbours along each dimension.</summary>
    public ReadOnlySpan<nint> Strides => new(Layout.Strides, Layout.Ndim);

    /// <summary>The number of elements.</summary>
    public nint Length => Layout.Length;

    /// <summary>The element at <paramref name="i"/> of a 1-d view (borrowed; None for NULL).</summary>
    public PyBorrowed this[nint i] => NdObjects.Read(Layout.At(i));

    /// <summary>The element at row <paramref name="i"/>, column <paramref name="j"/> of a 2-d view.</summary>
    public PyBorrowed this[nint i, nint j] => NdObjects.Read(Layout.At(i, j));

    /// <summary>The element at a full index (one entry per dimension).</summary>
    public PyBorrowed this[ReadOnlySpan<nint> index] => NdObjects.Read(Layout.At(index));

    public NdObjects.Enumerator GetEnumerator() => new(Layout);
}

/// <summary>
/// A writable view of a numpy array of dtype <c>object</c>. Reads as <see cref="NdObjectView"/>;
/// writes go through <see cref="Set(nint, PyBorrowed)"/> and its overloads only, which take a
/// reference to the new object and then release the old one: counts stay exact, and the write is
/// visible to Python at once.
/// </summary>
/// <remarks>
/// Releasing the old object may run Python code (a <c>__del__</c>, a weakref callback), which may
/// read or write this same array. The view stays valid whatever it does: its shape and strides are
/// the call's own copy, and numpy refuses to resize an array the caller still holds. The element
/// is already the new object when that code runs.
/// </remarks>
public readonly unsafe ref struct NdObjectViewMut
{
    internal readonly NumPy.NdLayout Layout;

    internal NdObjectViewMut(NumPy.NdLayout layout) => Layout = layout;

    public int Ndim => Layout.Ndim;
    public ReadOnlySpan<nint> Shape => new(Layout.Shape, Layout.Ndim);
    public ReadOnlySpan<nint> Strides => new(Layout.Strides, Layout.Ndim);
    public nint Length => Layout.Length;

    public PyBorrowed this[nint i] => NdObjects.Read(Layout.At(i));
    public PyBorrowed this[nint i, nint j] => NdObjects.Read(Layout.At(i, j));
    public PyBorrowed this[ReadOnlySpan<nint> index] => NdObjects.Read(Layout.At(index));

    /// <summary>Stores <paramref name="value"/> at <paramref name="i"/> of a 1-d view (see the remarks).</summary>
    public void Set(nint i, PyBorrowed value) => NdObjects.Write(Layout.At(i), value.Handle);
    public void Set(nint i, PyRef value) => NdObjects.Write(Layout.At(i), value.Handle);
    public void Set(nint i, nint j, PyBorrowed value) => NdObjects.Write(Layout.At(i, j), value.Handle);
    public void Set(nint i, nint j, PyRef value) => NdObjects.Write(Layout.At(i, j), value.Handle);
    public void Set(ReadOnlySpan<nint> index, PyBorrowed value) => NdObjects.Write(Layout.At(index), value.Handle);
    public void Set(ReadOnlySpan<nint> index, PyRef value) => NdObjects.Write(Layout.At(index), value.Handle);

    /// <summary>Stores <paramref name="value"/> in every element (one reference each).</summary>
    public void Fill(PyBorrowed value) => NdObjects.Fill(Layout, value.Handle);
    public void Fill(PyRef value) => NdObjects.Fill(Layout, value.Handle);

    public NdObjectView AsReadOnly() => new(Layout);

    public static implicit operator NdObjectView(NdObjectViewMut view) => view.AsReadOnly();

    public NdObjects.Enumerator GetEnumerator() => new(Layout);
}

/// <summary>The element reads and writes of object arrays, and their enumerator.</summary>
public static unsafe class NdObjects
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyBorrowed Read(byte* element)
    {
        PyObject* o = *(PyObject**)element;
        return new PyBorrowed(o != null ? o : Core.Builtins.None);
    }

    /// <summary>The one way an object element is written: the new reference first, the old released last.</summary>
    internal static void Write(byte* element, PyObject* value)
    {
        if (value == null) throw new ArgumentNullException(nameof(value), "an object array element cannot be set to a released reference");
        Py_INCREF(value);
        PyObject* old = *(PyObject**)element;
        *(PyObject**)element = value;
        Py_XDECREF(old);   // may run Python code: the array is consistent by now
    }

    internal static void Fill(NumPy.NdLayout layout, PyObject* value)
    {
        var cursor = new NumPy.NdCursor(layout);
        while (cursor.MoveNext()) Write(cursor.Current, value);
    }

    /// <summary>Visits every element in C order, borrowed (None for NULL).</summary>
    public ref struct Enumerator
    {
        private NumPy.NdCursor _cursor;

        internal Enumerator(NumPy.NdLayout layout) => _cursor = new NumPy.NdCursor(layout);

        public bool MoveNext() => _cursor.MoveNext();

        public readonly PyBorrowed Current => Read(_cursor.Current);
    }
}
