using NdBindgen.Interop;

namespace NdBindgen;

/// <summary>What a class's tp_traverse gets: report each Python reference the object owns.</summary>
public readonly unsafe struct PyVisit
{
    private readonly delegate* unmanaged<PyObject*, void*, int> _visit;
    private readonly void* _arg;

    internal PyVisit(delegate* unmanaged<PyObject*, void*, int> visit, void* arg)
    {
        _visit = visit;
        _arg = arg;
    }

    /// <summary>Reports one reference (null or released ones are skipped); a non-zero result must be returned at once.</summary>
    public int Visit(PyRef? reference) => reference is null ? 0 : reference.Visit(_visit, _arg);
}

/// <summary>
/// A <c>[PyClass]</c> that owns Python references reports them to Python's cyclic GC. The generator
/// implements it for fields and properties of type <see cref="PyRef"/>, <see cref="PyRef{T}"/> and
/// arrays or lists of them; implement it yourself for other shapes (dictionaries, nested objects).
/// </summary>
public interface IPyTraverse
{
    /// <summary>Calls <see cref="PyVisit.Visit"/> for every owned reference; returns the first non-zero result.</summary>
    int Traverse(PyVisit visit);

    /// <summary>Releases (disposes) every owned reference: to break a cycle (tp_clear), and when the Python object dies.</summary>
    void Clear();
}
