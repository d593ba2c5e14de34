using NdBindgen;

namespace Samples;

/// <summary>One identity function per supported scalar type: each conversion in and out.</summary>
public static class Scalars
{
    [PyFunction] public static bool EchoBool(bool value) => value;
    [PyFunction] public static sbyte EchoSByte(sbyte value) => value;
    [PyFunction] public static byte EchoByte(byte value) => value;
    [PyFunction] public static short EchoInt16(short value) => value;
    [PyFunction] public static ushort EchoUInt16(ushort value) => value;
    [PyFunction] public static int EchoInt32(int value) => value;
    [PyFunction] public static uint EchoUInt32(uint value) => value;
    [PyFunction] public static long EchoInt64(long value) => value;
    [PyFunction] public static ulong EchoUInt64(ulong value) => value;
    [PyFunction] public static float EchoSingle(float value) => value;
    [PyFunction] public static double EchoDouble(double value) => value;
    [PyFunction] public static string EchoString(string value) => value;
}
