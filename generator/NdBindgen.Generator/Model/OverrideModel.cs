namespace NdBindgen.Generator.Model;

/// <summary>
/// An overridable (virtual, abstract, or non-sealed override) instance [PyMethod] of a non-sealed class:
/// the generated subclass behind instances of Python subclasses overrides it, so a call from C# reaches a Python
/// override.
/// </summary>
/// <param name="Accessibility">The C# accessibility the override repeats ("public", "internal", "protected
/// internal").</param>
/// <param name="Parameters">Every C# parameter, in order (the GIL token too: it is passed on, not to Python).</param>
/// <param name="ReturnType">The declared C# return type ("void" for none).</param>
/// <param name="Result">How the override's result converts from Python (Void: dropped).</param>
internal sealed record OverrideModel(
    string MethodName,
    string PythonName,
    string Accessibility,
    bool Abstract,
    EquatableArray<OverrideParameter> Parameters,
    string ReturnType,
    TypeModel Result);

/// <summary>A parameter of an overridden method: its declared C# type and how it converts to Python.</summary>
/// <param name="Type">Null for the GIL token, which is not passed to Python.</param>
internal sealed record OverrideParameter(string Name, string DeclaredType, TypeModel? Type);
