using System;
using NdBindgen;

namespace Samples
{
    /// <summary>A primary colour.</summary>
    public enum Color { Red = 1, Green = 2, Blue = 3, Crimson = Red }

    /// <summary>What a file allows.</summary>
    [Flags]
    public enum Access : byte { None = 0, Read = 1, Write = 2, ReadWrite = Read | Write }

    public enum Big : ulong { Top = 0x8000_0000_0000_0000 }

    public static class Painting
    {
        [PyFunction] public static Color Mix(Color a, Color? b = Color.Blue) => a;

        [PyFunction] public static bool Allows(Access access, Access wanted = Access.Read) => access.HasFlag(wanted);

        [PyFunction] public static Big Highest(Other.Color c) => Big.Top;
    }

    [PyClass]
    public sealed partial class Brush
    {
        public Brush() { }

        /// <summary>Its colour.</summary>
        [PyProperty] public Color Color { get; set; } = Color.Red;
    }
}

namespace Samples.Other
{
    /// <summary>Another Color, renamed for Python.</summary>
    [PyEnum("OtherColor")]
    public enum Color { @class, DarkRed }
}
