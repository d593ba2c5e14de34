using NdBindgen;

namespace Samples;

/// <summary>Where bound arguments live: a PyArgSlots local up to its capacity (8), a stackalloc beyond.</summary>
public static class Slots
{
    /// <summary>Eight parameters: the most a PyArgSlots holds.</summary>
    [PyFunction]
    public static double Eight(double a, double b, double c, double d, double e, double f, double g, double h = 8.0) =>
        a + b + c + d + e + f + g + h;

    /// <summary>Nine parameters: one more than PyArgSlots holds, so a stackalloc.</summary>
    [PyFunction]
    public static double Nine(double a, double b, double c, double d, double e, double f, double g, double h, double i = 9.0) =>
        a + b + c + d + e + f + g + h + i;
}
