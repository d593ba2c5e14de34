using NdBindgen;

namespace NdTestModule;

/// <summary>Echo functions for every scalar type: each returns its argument unchanged, so a round trip proves both directions.</summary>
public static class Scalars
{
    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static bool EchoBool(bool x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static sbyte EchoInt8(sbyte x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static byte EchoUint8(byte x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static short EchoInt16(short x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static ushort EchoUint16(ushort x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static int EchoInt32(int x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static uint EchoUint32(uint x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static long EchoInt64(long x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static ulong EchoUint64(ulong x) => x;

    /// <summary>Returns <paramref name="x"/>, rounded to float32 on the way in.</summary>
    [PyFunction]
    public static float EchoFloat32(float x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static double EchoFloat64(double x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static string EchoStr(string x) => x;

    /// <summary>The number of UTF-16 code units of <paramref name="x"/> as .NET sees it.</summary>
    [PyFunction]
    public static int Utf16Length(string x) => x.Length;

    /// <summary>A .NET string holding a lone surrogate: it reaches Python with the surrogate replaced by U+FFFD.</summary>
    [PyFunction]
    public static string LoneSurrogate() => "a\uD800b";
}
