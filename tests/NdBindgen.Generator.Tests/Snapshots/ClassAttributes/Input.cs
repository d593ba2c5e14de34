using NdBindgen;

namespace Samples;

/// <summary>A tally: class attributes (constants and a static C# changes).</summary>
[PyClass]
public sealed partial class Tally
{
    public Tally() => Made++;

    /// <summary>The largest count.</summary>
    [PyConstant] public const int Limit = 100;

    [PyConstant] public static readonly double Rate = 0.5;

    /// <summary>The first tally, made with the type.</summary>
    [PyConstant] public static readonly Tally First = new();

    /// <summary>How many tallies C# has made.</summary>
    [PyProperty] public static int Made { get; private set; }

    [PyProperty("owner")] public static string? Owner => null;
}

/// <summary>A note: a write-only property, deletable ones, and a __dict__.</summary>
[PyClass(Dict = true)]
public partial class Note
{
    public Note() { }

    /// <summary>Set only.</summary>
    [PyProperty] public string Secret { private get; set; } = "";

    [PyProperty(Deletable = true)] public string? Text { get; set; }

    [PyProperty(Deletable = true)] public int? Size { get; set; }

    [PyProperty(Deletable = true)] public PyRef? Payload { get; set; }
}
