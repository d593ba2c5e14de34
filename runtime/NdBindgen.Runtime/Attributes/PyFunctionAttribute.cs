using System;

namespace NdBindgen;

/// <summary>
/// Exports a static method as a function of the Python module. The Python name is the method's
/// name in snake_case (<c>AddScalarToArray</c> -> <c>add_scalar_to_array</c>) unless
/// <see cref="Name"/> is given. Parameters are positional-or-keyword under their snake_case names;
/// C# default values are Python defaults; the XML doc comment becomes <c>__doc__</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PyFunctionAttribute : Attribute
{
    public PyFunctionAttribute() { }

    public PyFunctionAttribute(string name) => Name = name;

    /// <summary>The Python name, when the snake_case of the C# name is not wanted.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Demands a number of dimensions of an <see cref="NdView{T}"/> or <see cref="NdViewMut{T}"/>
/// parameter; an array with another is refused with a TypeError before the method runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class NdimAttribute : Attribute
{
    public NdimAttribute(int ndim) => Ndim = ndim;

    public int Ndim { get; }
}

/// <summary>
/// Narrows the element types a generic <c>[PyFunction]</c> is instantiated for (by default, every
/// numpy element type its constraints admit: bool, the int widths, Half, float, double, Complex).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class DtypesAttribute : Attribute
{
    public DtypesAttribute(params Type[] elements) => Elements = elements;

    public Type[] Elements { get; }
}
