// numpy's datetime64/timedelta64 unit (ndarraytypes.h): PyArray_DatetimeDTypeMetaData, in the
// descriptor's c_metadata, which numpy 2 keeps only in legacy descriptors (_PyArray_LegacyDescr;
// datetime64 and timedelta64 are legacy dtypes in every numpy 2 release).
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>numpy 2's <c>_PyArray_LegacyDescr</c>: <see cref="_PyArray_DescrNumPy2"/> and four more fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct _PyArray_LegacyDescrNumPy2
{
    public _PyArray_DescrNumPy2 head;
    public void* subarray;
    public PyObject* fields;
    public PyObject* names;
    public void* c_metadata;
}

/// <summary>
/// <c>PyArray_DatetimeDTypeMetaData</c>: an <c>NpyAuxData</c> (free, clone, reserved[2]) and then
/// <c>PyArray_DatetimeMetaData</c> { NPY_DATETIMEUNIT base; int num; }.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyArray_DatetimeDTypeMetaData
{
    public void* free;
    public void* clone;
    public void* reserved0;
    public void* reserved1;
    public int unit;   // "base" in C
    public int num;
}
