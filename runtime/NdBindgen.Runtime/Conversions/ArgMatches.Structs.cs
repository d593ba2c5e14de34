using NdBindgen.Classes;
using NdBindgen.Interop;

namespace NdBindgen.Conversions;

// The check of a [PyClass] struct parameter (same rules as the other ArgMatches).
public static unsafe partial class ArgMatches
{
    /// <summary>A [PyClass] struct parameter: an instance of its type (or a Python subclass); its value is copied.</summary>
    public static ArgMatch ToStruct<T>(PyObject* o) where T : unmanaged, IPyStruct =>
        PyStructInstance.Is<T>(o) ? ArgMatch.Exact : ArgMatch.No;
}
