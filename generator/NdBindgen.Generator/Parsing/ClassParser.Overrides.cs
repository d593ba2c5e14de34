using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

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
    private static ImmutableArray<OverrideModel> ParseOverrides(INamedTypeSymbol type,
        IEnumerable<FunctionModel> methods, ImmutableArray<DiagnosticInfo>.Builder warnings)
    {
        if (type.IsSealed) return ImmutableArray<OverrideModel>.Empty;
        var overrides = ImmutableArray.CreateBuilder<OverrideModel>();
        foreach (ISymbol member in type.GetMembers())
        {
            string? why = null;
            if (member is IPropertySymbol property && IsVirtual(property)
                && Marked(property, KnownTypes.PyPropertyAttribute))
            {
                why = "a Python subclass overrides an attribute with a descriptor of its own, which C# does not look "
                    + "for (a virtual [PyProperty] is read and set as C# implements it)";
            }
            else if (member is IMethodSymbol method && Overridable(method))
            {
                FunctionModel? model = methods.FirstOrDefault(m =>
                    m.Kind == CallKind.Instance && SameMethod(m, method));
                if (model is not null)
                {
                    (OverrideModel? o, why) = Override(method, model);
                    if (o is not null) overrides.Add(o);
                }
                else if (FunctionParser.ExplicitName(member.GetAttributes().First(a =>
                    KnownTypes.Is(a, KnownTypes.PyMethodAttribute))) is { } name && name.StartsWith("__"))
                {
                    why = $"'{name}' fills a protocol slot, and C# does not look for Python overrides of a slot";
                }
            }
            else if (member is IMethodSymbol generic && generic.IsGenericMethod && IsVirtual(generic)
                && Marked(generic, KnownTypes.PyMethodAttribute))
            {
                why = "it is generic";
            }
            if (why is not null)
                warnings.Add(DiagnosticInfo.Create(D.OverrideNotSeen, member.Locations.FirstOrDefault(),
                    type.Name + "." + member.Name, why));
        }
        return overrides.ToImmutable();
    }

    private static bool IsVirtual(ISymbol member) =>
        !member.IsStatic && (member.IsVirtual || member.IsAbstract || member.IsOverride && !member.IsSealed);

    private static bool Marked(ISymbol member, string attribute) =>
        member.GetAttributes().Any(a => KnownTypes.Is(a, attribute));

    private static bool Overridable(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !method.IsStatic && !method.IsGenericMethod
        && IsVirtual(method)
        && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
            or Accessibility.ProtectedOrInternal
        && method.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PyMethodAttribute));

    /// <summary>The model of <paramref name="method"/>: same C# name and parameter names (overloads differ).</summary>
    private static bool SameMethod(FunctionModel m, IMethodSymbol method) =>
        m.MethodName == method.Name
        && m.Parameters.Select(p => p.CSharpName.TrimStart('@'))
            .SequenceEqual(method.Parameters.Select(p => p.Name));

    /// <summary>The override of <paramref name="method"/>, or why C# cannot call Python overrides of it.</summary>
    private static (OverrideModel?, string?) Override(IMethodSymbol method, FunctionModel model)
    {
        var parameters = ImmutableArray.CreateBuilder<OverrideParameter>();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol p = method.Parameters[i];
            ParameterModel pm = model.Parameters[i];
            if (pm.Kind is not (ParameterKind.PositionalOrKeyword or ParameterKind.PositionalOnly))
            {
                string kind = pm.Kind switch
                {
                    ParameterKind.VarArgs => "*args",
                    ParameterKind.VarKeywords => "**kwargs",
                    _ => "keyword-only",
                };
                return (null, $"its parameter '{p.Name}' is {kind}, and an override is called with positional "
                    + "arguments only");
            }
            string declared = p.Type.ToDisplayString(s_declared);
            if (!pm.IsPythonArgument)
            {
                parameters.Add(new OverrideParameter(p.Name, declared, null));
                continue;
            }
            // An argument goes to Python as a function's result does (as a callback's arguments).
            TypeModel? t = p.Type.IsRefLikeType || p.RefKind != RefKind.None ? null
                : ConversionTable.Resolve(p.Type, isReturn: true, out _, out _);
            if (t is null || !ContainerTypes.IsElementKind(t.Kind) || t.ToPython is null)
                return (null, $"its parameter '{p.Name}' of type '{p.Type.ToDisplayString()}' cannot be converted to "
                    + "Python (an override receives what a function's result can be)");
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
            if (result is null || !ContainerTypes.IsElementKind(result.Kind) || result.FromPython is null)
                return (null, $"its result type '{method.ReturnType.ToDisplayString()}' cannot be converted from "
                    + "Python (an override returns what a function's argument can be)");
        }
        string accessibility = method.DeclaredAccessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            _ => "protected internal",
        };
        return (new OverrideModel(method.Name, model.PythonName, accessibility, method.IsAbstract,
            parameters.ToImmutable(), method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(s_declared),
            result), null);
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
                && o.Parameters.Select(p => p.Name)
                    .SequenceEqual(m.Parameters.Select(p => p.CSharpName.TrimStart('@'))))
            ? m with { Subclass = subclass }
            : m;
}
