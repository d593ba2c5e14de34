using System;
using NdBindgen;

namespace NdTestModule
{
    /// <summary>A primary colour.</summary>
    public enum Color
    {
        Red = 1,
        Green = 2,
        Blue = 3,
        /// <summary>An alias of Red.</summary>
        Crimson = 1,
    }

    /// <summary>File permissions, combinable.</summary>
    [Flags]
    public enum Permission
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        ReadWrite = Read | Write,
    }

    /// <summary>A level stored in one byte.</summary>
    public enum ByteLevel : byte
    {
        Low = 1,
        High = 255,
    }

    /// <summary>Huge values of an unsigned 64-bit enum.</summary>
    public enum BigMask : ulong
    {
        Small = 1,
        TopBit = 0x8000_0000_0000_0000,
        AllBits = ulong.MaxValue,
    }

    /// <summary>A signed enum with a negative member.</summary>
    public enum Signed : long
    {
        MinusOne = -1,
        HttpServerError = 500,
    }

    /// <summary>Enums in signatures (issue 17).</summary>
    public static class Enums
    {
        /// <summary>Returns <paramref name="c"/>.</summary>
        [PyFunction]
        public static Color EchoColor(Color c) => c;

        /// <summary>Returns <paramref name="c"/>, or None.</summary>
        [PyFunction]
        public static Color? EchoOptColor(Color? c) => c;

        /// <summary>The C# name of <paramref name="c"/>.</summary>
        [PyFunction]
        public static string ColorName(Color c) => c.ToString();

        /// <summary>Color.Green.</summary>
        [PyFunction]
        public static Color Green() => Color.Green;

        /// <summary>A Color of any int, defined or not (42 is not).</summary>
        [PyFunction]
        public static Color ColorOf(int value) => (Color)value;

        /// <summary>Returns <paramref name="p"/>.</summary>
        [PyFunction]
        public static Permission EchoPermission(Permission p) => p;

        /// <summary>Whether <paramref name="p"/> allows writing.</summary>
        [PyFunction]
        public static bool CanWrite(Permission p) => p.HasFlag(Permission.Write);

        /// <summary>Returns <paramref name="x"/>.</summary>
        [PyFunction]
        public static ByteLevel EchoByteLevel(ByteLevel x) => x;

        /// <summary>Returns <paramref name="x"/>.</summary>
        [PyFunction]
        public static BigMask EchoBigMask(BigMask x) => x;

        /// <summary>Returns <paramref name="x"/>.</summary>
        [PyFunction]
        public static Signed EchoSigned(Signed x) => x;

        /// <summary>Returns <paramref name="x"/>.</summary>
        [PyFunction]
        public static Outer.Nested EchoNestedEnum(Outer.Nested x) => x;

        /// <summary>Returns <paramref name="x"/>.</summary>
        [PyFunction]
        public static Other.Color EchoOtherColor(Other.Color x) => x;
    }

    /// <summary>A class holding an enum.</summary>
    public static class Outer
    {
        /// <summary>An enum nested in a class.</summary>
        public enum Nested
        {
            First,
            SecondValue,
        }
    }

    /// <summary>A class with an enum property.</summary>
    [PyClass]
    public sealed partial class Paint
    {
        /// <summary>A paint of <paramref name="color"/>.</summary>
        public Paint(Color color = Color.Blue) => Color = color;

        /// <summary>Its colour.</summary>
        [PyProperty]
        public Color Color { get; set; }
    }
}

namespace NdTestModule.Other
{
    /// <summary>Another Color, in another namespace: renamed for Python.</summary>
    [PyEnum("OtherColor")]
    public enum Color
    {
        Cyan,
        Magenta,
    }
}
