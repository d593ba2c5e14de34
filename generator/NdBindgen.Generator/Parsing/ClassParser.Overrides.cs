using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Python overrides seen from C# (pybind11's trampolines): the overridable instance [PyMethod]s of a
/// non-sealed class, which the generated Python-subclass class overrides. <c>virtual</c> is the opt-in.
/// </summary>
internal static partial class ClassParser
{
    private static readonly SymbolDisplayFormat s_declared = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The generated class behind instances of Python subclasses of the class.</summary>
    internal static string SubclassName(string wrapperClass) =>
        "global::NdBindgen.Generated." + wrapperClass + ".PythonSubclass";

    /// <summary>
    /// The methods a Python subclass can override as C# sees it: virtual, abstract or non-sealed override
    /// instance [PyMethod]s whose arguments convert to Python and whose result converts back, with positional
    /// parameters only (the override is called as Python calls a method: <c>self.speak(a, b)</c>).
    /// </summary>
    private static ImmutableArray<OverrideModel> ParseOverrides(INamedTypeSymbol type, IEnumerable<FunctionModel> methods)
    {
        if (type.IsSealed) return ImmutableArray<OverrideModel>.Empty;
        var overrides = ImmutableArray.CreateBuilder<OverrideModel>();
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (!Overridable(method)) continue;
            FunctionModel? model = methods.FirstOrDefault(m => m.Kind == CallKind.Instance && SameMethod(m, method));
            if (model is null || model.Generic is not null) continue;
            OverrideModel? o = Override(method, model);
            if (o is not null) overrides.Add(o);
        }
        return overrides.ToImmutable();
    }

    private static bool Overridable(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !method.IsStatic && !method.IsGenericMethod
        && (method.IsVirtual || method.IsAbstract || method.IsOverride && !method.IsSealed)
        && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            or Accessibility.ProtectedOrInternal
        && method.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PyMethodAttribute));

    /// <summary>The model of <paramref name="method"/>: same C# name, same parameter names (overloads differ).</summary>
    private static bool SameMethod(FunctionModel m, IMethodSymbol method) =>
        m.MethodName == method.Name
        && m.Parameters.Select(p => p.CSharpName.TrimStart('@'))
            .SequenceEqual(method.Parameters.Select(p => p.Name));

    private static OverrideModel? Override(IMethodSymbol method, FunctionModel model)
    {
        var parameters = ImmutableArray.CreateBuilder<OverrideParameter>();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol p = method.Parameters[i];
            ParameterModel pm = model.Parameters[i];
            if (p.RefKind != RefKind.None || pm.Kind is not (ParameterKind.PositionalOrKeyword
                or ParameterKind.PositionalOnly))
                return null;
            string declared = p.Type.ToDisplayString(s_declared);
            if (!pm.IsPythonArgument)
            {
                parameters.Add(new OverrideParameter(p.Name, declared, null));
                continue;
            }
            // An argument goes to Python as a function's result does (as a callback's arguments).
            TypeModel? t = p.Type.IsRefLikeType ? null : ConversionTable.Resolve(p.Type, isReturn: true, out _, out _);
            if (t is null || !ContainerTypes.IsElementKind(t.Kind) || t.ToPython is null) return null;
            parameters.Add(new OverrideParameter(p.Name, declared, t));
        }
        TypeModel? result;
        if (method.ReturnsVoid)
        {
            result = new TypeModel(ValueKind.Void, "void", "None");
        }
        else
        {
            // The result comes back as an argument does.
            result = method.ReturnsByRef || method.ReturnType.IsRefLikeType ? null
                : ConversionTable.Resolve(method.ReturnType, isReturn: false, out _, out _);
            if (result is null || !ContainerTypes.IsElementKind(result.Kind) || result.FromPython is null) return null;
        }
        string accessibility = method.DeclaredAccessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            _ => "protected internal",
        };
        return new OverrideModel(method.Name, model.PythonName, accessibility, method.IsAbstract,
            parameters.ToImmutable(), method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(s_declared),
            result);
    }

    private static (ImmutableArray<FunctionModel>, ImmutableArray<OverloadSetModel>, ConstructorModel) WithSubclass(
        ImmutableArray<FunctionModel> methods, ImmutableArray<OverloadSetModel> sets, ConstructorModel constructor,
        ImmutableArray<OverrideModel> overrides, string subclass)
    {
        OverloadSetModel Set(OverloadSetModel set) => set with
        {
            Overloads = set.Overloads.Select(m => WithSubclass(m, overrides, subclass)).ToImmutableArray(),
        };
        return (methods.Select(m => WithSubclass(m, overrides, subclass)).ToImmutableArray(),
            sets.Select(Set).ToImmutableArray(),
            constructor.Overloads is { } ctors ? constructor with { Overloads = Set(ctors) } : constructor);
    }

    /// <summary>
    /// The class's methods and constructors once it has overrides: overridable methods' wrappers call the C#
    /// implementation through the Python-subclass class (non-virtually), constructors make that class for
    /// Python subclasses.
    /// </summary>
    private static FunctionModel WithSubclass(FunctionModel m, ImmutableArray<OverrideModel> overrides,
        string subclass) =>
        m.Kind == CallKind.Constructor
            || m.Kind == CallKind.Instance && overrides.Any(o => o.MethodName == m.MethodName
                && o.Parameters.Select(p => p.Name).SequenceEqual(m.Parameters.Select(p => p.CSharpName.TrimStart('@'))))
            ? m with { Subclass = subclass }
            : m;
}
