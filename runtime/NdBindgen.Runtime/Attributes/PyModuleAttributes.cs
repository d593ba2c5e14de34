using System;

namespace NdBindgen;

/// <summary>
/// Exports a constant as an attribute of the module (or of the submodule whose class declares it, or of the
/// <c>[PyClass]</c> that declares it: <c>Color.RED</c>): a
/// <c>const</c> or <c>static readonly</c> field, or a static property with only a getter, of a type a
/// function could return. Its value is converted once, when the module is imported (Python sees that
/// value, as it sees <c>math.pi</c>). The Python name is the C# name in UPPER_SNAKE_CASE, as PEP 8 names
/// module constants (<c>MaxSize</c> -> <c>MAX_SIZE</c>), unless <see cref="Name"/> is given.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class PyConstantAttribute : Attribute
{
    public PyConstantAttribute() { }

    public PyConstantAttribute(string name) => Name = name;

    /// <summary>The Python name, when the UPPER_SNAKE_CASE of the C# name is not wanted.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// Makes a static class a submodule of the module: its <c>[PyFunction]</c>s and <c>[PyConstant]</c>s, and
/// the <c>[PyClass]</c>es that name it (<c>[PyClass(Submodule = typeof(LinAlg))]</c>), are found as
/// <c>module.name.*</c>; <c>import module.name</c> and <c>from module import name</c> both work. The
/// Python name is the class name in snake_case (<c>LinAlg</c> -> <c>lin_alg</c>) unless <see cref="Name"/>
/// is given; the class's XML doc comment becomes the submodule's <c>__doc__</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class PySubmoduleAttribute : Attribute
{
    public PySubmoduleAttribute() { }

    public PySubmoduleAttribute(string name) => Name = name;

    /// <summary>The Python name, when the snake_case of the class name is not wanted.</summary>
    public string? Name { get; set; }
}
