using System;
using System.Collections.Generic;
using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>A swatch: class attributes, constants (Swatch.RED) and static properties C# changes (Swatch.made).</summary>
[PyClass]
public sealed partial class Swatch
{
    public Swatch(string name)
    {
        Name = name;
        Made++;
        LastName = name;
        s_history.Add(name.Length);
        if (s_history.Count > 10) s_history.RemoveAt(0);    // the fuzzer makes many
    }

    [PyProperty] public string Name { get; }

    // Before White: static fields are initialized in order, and White's constructor adds to it.
    private static readonly List<int> s_history = new();

    /// <summary>The code of red.</summary>
    [PyConstant] public const int Red = 1;

    [PyConstant] public const string Kind = "swatch";

    [PyConstant] public const bool Glossy = false;

    [PyConstant] public static readonly double Gamma = 2.2;

    [PyConstant] public static readonly BigInteger Shades = BigInteger.Pow(2, 80);

    [PyConstant] public static readonly string? Nothing = null;

    [PyConstant] public static readonly (int, string) Pair = (1, "one");

    [PyConstant] public static readonly DateTime Epoch = new(2000, 1, 2, 3, 4, 5);

    [PyConstant] public static readonly Color Primary = Color.Blue;

    [PyConstant] public static IReadOnlyList<int> Sizes => new[] { 1, 2, 3 };

    /// <summary>A swatch of this very class, made when the type is.</summary>
    [PyConstant] public static readonly Swatch White = new("white");

    [PyConstant("custom_name")] public const double Renamed = 0.5;

    /// <summary>How many swatches C# has made (read on each access).</summary>
    [PyProperty] public static int Made { get; private set; }

    /// <summary>The name of the last swatch made, or None before any.</summary>
    [PyProperty] public static string? LastName { get; private set; }

    /// <summary>A new list on each read.</summary>
    [PyProperty] public static List<int> History => new(s_history);

    [PyProperty] public static readonly int Limit = 16;

    [PyProperty("max_size")] public const long MaxSize = long.MaxValue;

    /// <summary>Throws on each read: Python sees the exception.</summary>
    [PyProperty] public static int Broken => throw new InvalidOperationException("no value yet");

    /// <summary>Sets what made reads, from C#.</summary>
    [PyMethod] public static void SetMade(int value) => Made = value;
}

/// <summary>A box: a write-only property, deletable ones, and a __dict__ for attributes of Python's own.</summary>
[PyClass(Dict = true)]
public partial class Box
{
    public Box() { }

    /// <summary>Set only: reading raises AttributeError.</summary>
    [PyProperty] public string Secret { private get; set; } = "";

    [PyMethod] public int SecretLength() => Secret.Length;

    /// <summary>Deleting sets it to None.</summary>
    [PyProperty(Deletable = true)]
    public string? Label
    {
        get => _label;
        set
        {
            _label = value;
            LabelChanges++;
        }
    }

    private string? _label = "new";

    [PyProperty] public int LabelChanges { get; private set; }

    [PyProperty(Deletable = true)] public int? Size { get; set; } = 3;

    /// <summary>A Python object the box owns: released when deleted.</summary>
    [PyProperty(Deletable = true)] public PyRef? Payload { get; set; }

    /// <summary>A class attribute a Python subclass inherits (or replaces with its own).</summary>
    [PyProperty] public static string Kind => "box";

    /// <summary>Settable, not deletable.</summary>
    [PyProperty] public double Weight { get; set; }
}

/// <summary>A box without a __dict__: attributes of Python's own are refused, as today.</summary>
[PyClass]
public partial class PlainBox
{
    public PlainBox() { }

    [PyProperty] public int Level { get; set; }
}
