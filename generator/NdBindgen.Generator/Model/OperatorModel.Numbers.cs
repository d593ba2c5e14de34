namespace NdBindgen.Generator.Model;

/// <summary>How a number slot's overload reaches C#.</summary>
internal enum OperatorSource
{
    /// <summary>A C# operator: <c>l + r</c>, <c>-l</c> (static, either operand of the class).</summary>
    Operator,
    /// <summary>A [PyMethod("__add__")]: <c>self.Method(other)</c>.</summary>
    Method,
    /// <summary>A C# conversion operator to a number: <c>(double)l</c>.</summary>
    Conversion,
    /// <summary>C#'s operator true: <c>l ? true : false</c>.</summary>
    Truth,
    /// <summary>A C# 14 compound assignment operator (an instance <c>operator +=</c>): <c>l += r</c>.</summary>
    CompoundAssignment,
}

internal sealed partial record OperatorModel
{
    public OperatorSource Source { get; init; }

    /// <summary>The C# method of a <see cref="OperatorSource.Method"/>; the target type of a conversion.</summary>
    public string? Member { get; init; }

    /// <summary>A dunder method serving the reflected form (<c>__radd__</c>): the instance is the right
    /// operand.</summary>
    public bool SelfIsRight { get; init; }

    /// <summary>ternary pow's modulo, when the method takes one (<c>__pow__(other, modulo)</c>).</summary>
    public TypeModel? Modulo { get; init; }
}
