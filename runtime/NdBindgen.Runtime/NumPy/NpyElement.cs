using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NdBindgen.Interop;

namespace NdBindgen.NumPy;

/// <summary>
/// The element-type table: which numpy dtype and buffer format each supported C# element type
/// stands for. The <c>typeof</c> tests fold to constants for each value type at compile time,
/// so this costs nothing at run time and uses no reflection.
/// </summary>
internal static unsafe partial class NpyElement<T> where T : unmanaged
{
    /// <summary>numpy's NPY_TYPES number, or -1 for an unsupported element type.</summary>
    internal static int TypeNum
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(bool) ? Npy.NPY_BOOL :
        typeof(T) == typeof(sbyte) ? Npy.NPY_BYTE :
        typeof(T) == typeof(byte) ? Npy.NPY_UBYTE :
        typeof(T) == typeof(short) ? Npy.NPY_SHORT :
        typeof(T) == typeof(ushort) ? Npy.NPY_USHORT :
        typeof(T) == typeof(int) ? Npy.NPY_INT :
        typeof(T) == typeof(uint) ? Npy.NPY_UINT :
        typeof(T) == typeof(long) ? Npy.NPY_LONG :
        typeof(T) == typeof(ulong) ? Npy.NPY_ULONG :
        typeof(T) == typeof(Half) ? Npy.NPY_HALF :
        typeof(T) == typeof(float) ? Npy.NPY_FLOAT :
        typeof(T) == typeof(double) ? Npy.NPY_DOUBLE :
        typeof(T) == typeof(Complex) ? Npy.NPY_CDOUBLE :
        typeof(T) == typeof(Complex32) ? Npy.NPY_CFLOAT :
        TimeTypeNum;
    }

    /// <summary>The numpy dtype name, as <c>str(arr.dtype)</c> prints it.</summary>
    internal static string Name => TypeNum switch
    {
        Npy.NPY_BOOL => "bool",
        Npy.NPY_BYTE => "int8",
        Npy.NPY_UBYTE => "uint8",
        Npy.NPY_SHORT => "int16",
        Npy.NPY_USHORT => "uint16",
        Npy.NPY_INT => "int32",
        Npy.NPY_UINT => "uint32",
        Npy.NPY_LONG => "int64",
        Npy.NPY_ULONG => "uint64",
        Npy.NPY_HALF => "float16",
        Npy.NPY_FLOAT => "float32",
        Npy.NPY_DOUBLE => "float64",
        Npy.NPY_CDOUBLE => "complex128",
        Npy.NPY_CFLOAT => "complex64",
        _ => TimeName ?? typeof(T).Name,
    };

    internal static bool IsSupported => TypeNum >= 0;

    /// <summary>True for numpy type numbers that have T's layout (int64 is both NPY_LONG and NPY_LONGLONG here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool MatchesTypeNum(int typeNum) =>
        typeNum == TypeNum
        || (TypeNum == Npy.NPY_LONG && typeNum == Npy.NPY_LONGLONG)
        || (TypeNum == Npy.NPY_ULONG && typeNum == Npy.NPY_ULONGLONG);

    /// <summary>Whether a struct-module format string (the buffer protocol's) describes T in native byte order.</summary>
    internal static bool MatchesFormat(byte* format, nint itemsize)
    {
        if (itemsize != sizeof(T)) return false;
        if (format == null) return typeof(T) == typeof(byte);   // NULL means unsigned bytes
        byte* f = format;
        if (*f == (byte)'@' || *f == (byte)'=' || (*f == (byte)'<' && BitConverter.IsLittleEndian)) f++;
        byte c = f[0];
        if (c == 0) return false;
        if (typeof(T) == typeof(Complex)) return c == (byte)'Z' && f[1] == (byte)'d' && f[2] == 0;
        if (typeof(T) == typeof(Complex32)) return c == (byte)'Z' && f[1] == (byte)'f' && f[2] == 0;
        if (f[1] != 0) return false;
        return TypeNum switch
        {
            Npy.NPY_BOOL => c == (byte)'?',
            Npy.NPY_BYTE or Npy.NPY_SHORT or Npy.NPY_INT or Npy.NPY_LONG => "bhilqn"u8.IndexOf(c) >= 0,
            Npy.NPY_UBYTE or Npy.NPY_USHORT or Npy.NPY_UINT or Npy.NPY_ULONG => "BHILQNc"u8.IndexOf(c) >= 0,
            Npy.NPY_HALF => c == (byte)'e',
            Npy.NPY_FLOAT => c == (byte)'f',
            Npy.NPY_DOUBLE => c == (byte)'d',
            _ => false,
        };
    }
}
