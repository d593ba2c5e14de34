using NdBindgen.Interop;

namespace NdBindgen.NumPy;

/// <summary>Which <c>PyArray_Descr</c> layout the running numpy has (see Interop/NumPy.cs).</summary>
internal enum NpyDescrLayout : byte
{
    /// <summary><c>PyArray_DescrProto</c>: char flags, int elsize and alignment.</summary>
    NumPy1,

    /// <summary><c>_PyArray_DescrNumPy2</c>: 64-bit flags, npy_intp elsize and alignment.</summary>
    NumPy2,
}

/// <summary>
/// The C API versions the running numpy reports from its table: the ABI version (slot 0, the major
/// in its top byte: 1 for numpy 1.x, 2 for 2.x) and the feature version (slot 211). Read once when
/// the table loads; they decide whether NdBindgen can use this numpy and which descriptor layout
/// it has, as numpy's own <c>import_array</c> and <c>npy_2_compat.h</c> decide for an extension
/// compiled for both 1.x and 2.x.
/// </summary>
internal readonly record struct NumPyCVersion(uint Abi, uint Feature)
{
    internal uint AbiMajor => Abi >> 24;

    /// <summary>
    /// numpy's headers choose by the feature version (<c>PyArray_RUNTIME_VERSION &gt;= NPY_2_0_API_VERSION</c>),
    /// not by module name: numpy 1.26 also has a <c>numpy._core</c>, whose table is 1.x's.
    /// </summary>
    internal NpyDescrLayout DescrLayout =>
        Feature >= Npy.NPY_2_0_API_VERSION ? NpyDescrLayout.NumPy2 : NpyDescrLayout.NumPy1;

    /// <summary>Reads both versions; the feature slot only from an ABI whose table is known to have it.</summary>
    internal static unsafe NumPyCVersion Read(void** api)
    {
        uint abi = NumPyApiTable.PyArray_GetNDArrayCVersion(api)();
        uint feature = (abi >> 24) is 1 or 2 ? NumPyApiTable.PyArray_GetNDArrayCFeatureVersion(api)() : 0;
        return new NumPyCVersion(abi, feature);
    }

    /// <summary>Whether NdBindgen can use this numpy (else <see cref="Refusal"/> says why).</summary>
    internal bool IsUsable => Refusal("") is null;

    /// <summary>
    /// Null when NdBindgen can use this numpy; else the reason, the message of an ImportError.
    /// <paramref name="numpyVersion"/> is <c>numpy.__version__</c>, for the message.
    /// </summary>
    internal string? Refusal(string numpyVersion)
    {
        const string Knows = "NdBindgen modules use numpy 1.7 to 1.26 (C ABI 1) and numpy 2 (C ABI 2)";
        string running = $"numpy {numpyVersion} (C ABI version 0x{Abi:x8}, C API feature version 0x{Feature:x})";
        return AbiMajor switch
        {
            1 when Feature < Npy.NPY_1_7_API_VERSION => $"{running} is older than numpy 1.7. {Knows}: upgrade numpy",
            1 when Feature >= Npy.NPY_2_0_API_VERSION => $"{running} has a numpy 2 C API on a numpy 1 ABI. {Knows}",
            2 when Feature < Npy.NPY_2_0_API_VERSION => $"{running} has a numpy 1 C API on a numpy 2 ABI. {Knows}",
            1 or 2 => null,
            _ => $"numpy {numpyVersion} has C ABI version 0x{Abi:x8} (C ABI {AbiMajor}), which this module does not " +
                $"know. {Knows}: install numpy<{AbiMajor}, or rebuild the module with an NdBindgen that supports " +
                $"numpy {AbiMajor}",
        };
    }
}
