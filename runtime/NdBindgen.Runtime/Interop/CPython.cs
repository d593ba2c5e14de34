// The CPython C API, declared once. Each file CPython.<Area>.cs mirrors one header area with the
// exact C names and blittable signatures; turning NULL/-1 into exceptions happens one layer up.
// "python3" never resolves to a file in a published module: <DirectPInvoke Include="python3"/>
// makes these direct calls whose symbols the host interpreter provides at import.
namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    internal const string Lib = "python3";
}
