using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// [PyFunction] method symbol -> <see cref="FunctionModel"/> plus diagnostics. Never throws on bad input.
/// </summary>
internal static class FunctionParser
{
    public static ParseResult<FunctionModel> Parse(GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        // Marked twice ([PyMethod, PyFunction]): NDB0017, from the first mark's check, and no export.
        var marks = MemberMarks.Of(context.TargetSymbol);
        if (marks.Count > 1)
            return new ParseResult<FunctionModel>(null, MemberMarks.Check(context.TargetSymbol,
                KnownTypes.PyFunctionAttribute));
        return ParseMethod((IMethodSymbol)context.TargetSymbol, context.Attributes[0], CallKind.ModuleFunction, null,
            cancellationToken, context.SemanticModel.Compilation);
    }

    /// <summary>
    /// A method exported as a module function or as a member of a [PyClass]
    /// (<paramref name="pythonClass"/>: the class's Python name, which prefixes argument messages).
    /// </summary>
    /// <param name="compilation">
    /// To instantiate a generic module function over its element types; without it, generic methods are NDB0008.
    /// </param>
    public static ParseResult<FunctionModel> ParseMethod(IMethodSymbol method, AttributeData attribute, CallKind kind,
        string? pythonClass, CancellationToken cancellationToken, Compilation? compilation = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Location? location = method.Locations.FirstOrDefault();
        string display = method.ContainingType.Name + "." + method.Name;

        if (kind != CallKind.Instance && !method.IsStatic)
            diagnostics.Add(DiagnosticInfo.Create(D.FunctionNotStatic, location, display));
        if (method.IsAsync)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.AsyncFunction, location, display));
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        }
        bool definition = SymbolEqualityComparer.Default.Equals(method, method.OriginalDefinition);
        if (method.IsGenericMethod && definition && compilation is not null && kind == CallKind.ModuleFunction
            && !method.ContainingType.IsGenericType && method.TypeParameters.Length == 1
            && method.Parameters.Any(p => Generics.IsArrayOfT(p.Type, method.TypeParameters[0])))
        {
            return ParseGeneric(method, attribute, kind, pythonClass, cancellationToken, compilation, diagnostics);
        }
        // A method of a generic type is generic too: the wrapper could not name the type to call it on.
        if (method.IsGenericMethod && definition
            || (kind == CallKind.ModuleFunction && method.ContainingType.IsGenericType))
        {
            // One diagnostic: its type parameters would also be "unsupported types" below.
            diagnostics.Add(DiagnosticInfo.Create(D.GenericFunction, location, display,
                string.Join(", ", TypeParameters(method))));
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        }
        string? inaccessible = kind == CallKind.ModuleFunction
            ? Inaccessibility(method) : null;   // class members are called from inside the class
        if (inaccessible is not null)
            diagnostics.Add(DiagnosticInfo.Create(D.NotAccessible, location, display, inaccessible));

        string pythonName = ParsePythonName(method, attribute, diagnostics);
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (IParameterSymbol p in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParameterModel? parameter = ParseParameter(p, display, diagnostics);
            if (parameter is not null) parameters.Add(parameter);
        }
        ParameterKinds.CheckOrder(method, parameters, display, diagnostics);
        TypeModel? returns = ParseReturn(method, display, diagnostics);
        if (diagnostics.Count > 0 || returns is null)
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        var model = Build(method, kind, pythonClass, pythonName, parameters.ToImmutable(), returns, cancellationToken);
        if (model.Overload > 0 && (model.VarArgs ?? model.VarKeywords) is { } variadic)
        {
            string takes = variadic.Kind == ParameterKind.VarArgs ? "*args" : "**kwargs";
            diagnostics.Add(DiagnosticInfo.Create(D.VariadicOverload, location, display, takes, pythonName,
                "PyFunction"));
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        }
        return new ParseResult<FunctionModel>(model, ImmutableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The attribute's name, else the method's in snake_case; NDB0006 where Python cannot take it.</summary>
    private static string ParsePythonName(IMethodSymbol method, AttributeData attribute,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        string? explicitName = ExplicitName(attribute);
        string pythonName = explicitName ?? PythonIdentifiers.ToSnakeCase(method.Name);
        string? whyNot = PythonIdentifiers.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
        {
            // Point at where the name came from: the attribute's argument, or the method's own name.
            Location? location = method.Locations.FirstOrDefault();
            Location? nameLocation = explicitName is not null ? AttributeLocation(attribute) ?? location : location;
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, nameLocation, pythonName, whyNot));
        }
        return pythonName;
    }

    /// <summary>The result's conversion, or null with NDB0003 (NDB0004 for an unsupported element type).</summary>
    private static TypeModel? ParseReturn(IMethodSymbol method, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        TypeModel? returns = ConversionTable.Resolve(method.ReturnType, isReturn: true, out var failure,
            out string? element);
        // A new reference nothing else holds goes to Python as it is (FreshReturns).
        if (returns is { Kind: ValueKind.Reference, AcceptsNone: false } && FreshReturns.AllNew(method))
            return returns with { ToPython = Naming.RuntimeNames.PyRefs + ".HandOver" };
        if (returns is not null) return returns;
        Location? location = ReturnTypeLocation(method) ?? method.Locations.FirstOrDefault();
        diagnostics.Add(failure == ConversionTable.Failure.BadElement
            ? DiagnosticInfo.Create(D.UnsupportedElementType, location, $"The return value of '{display}'", element,
                ConversionTable.SupportedElements)
            : DiagnosticInfo.Create(D.UnsupportedReturnType, location, display,
                method.ReturnType.ToDisplayString(), failure == ConversionTable.Failure.BadContainerElement
                    ? ConversionTable.SupportedInContainer(element!) : ConversionTable.SupportedReturns));
        return null;
    }

    /// <summary>The model of a method that passed every check: its names, wrapper, file and doc.</summary>
    private static FunctionModel Build(IMethodSymbol method, CallKind kind, string? pythonClass, string pythonName,
        ImmutableArray<ParameterModel> parameters, TypeModel returns, CancellationToken cancellationToken)
    {
        bool definition = SymbolEqualityComparer.Default.Equals(method, method.OriginalDefinition);
        string containing = ConversionTable.FullName(method.ContainingType);
        string methodPart = method.Name + OverloadSuffix(method.OriginalDefinition);
        string wrapperName = Mangle(method.ContainingType) + "_" + methodPart;
        string methodName = method.Name;
        if (!definition)
        {
            // A generic function's instantiation: its own body in the generic function's source.
            string dtype = ConversionTable.ElementDtype(method.TypeArguments[0]) ?? method.TypeArguments[0].Name;
            wrapperName += "__" + dtype;
            methodName += "<" + ConversionTable.FullName(method.TypeArguments[0]) + ">";
        }
        DocModel? doc = DocComments.Parse(method.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase, ExceptionParser.RaisedAs(method));

        string messageName = pythonClass is null ? pythonName : pythonClass + "." + pythonName;
        return new FunctionModel(containing, methodName, pythonName, messageName, kind, wrapperName,
            Mangle(method.ContainingType) + "." + methodPart + ".g.cs", doc, parameters, returns,
            LocationInfo.From(method.Locations.FirstOrDefault()))
        {
            Display = method.ContainingType.Name + "." + method.Name,
            Overload = kind == CallKind.ModuleFunction ? OverloadPosition(method, pythonName) : 0,
            Submodule = kind == CallKind.ModuleFunction ? SubmoduleParser.NameOf(method.ContainingType) : null,
        };
    }

    internal static ParameterModel? ParseParameter(IParameterSymbol p, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = p.Locations.FirstOrDefault();
        if (p.RefKind != RefKind.None)
        {
            string mode = p.RefKind.ToString().ToLowerInvariant();
            diagnostics.Add(DiagnosticInfo.Create(D.ByRefParameter, location, p.Name, display, mode));
            return null;
        }
        if (ParameterKinds.Of(p, display, diagnostics) is not { } kind) return null;
        if (kind is ParameterKind.VarArgs or ParameterKind.VarKeywords)
            return ParameterKinds.ParseVariadic(p, kind, display, diagnostics);
        TypeModel? type = ConversionTable.Resolve(p.Type, isReturn: false, out var failure, out string? element);
        if (type is null)
        {
            diagnostics.Add(failure == ConversionTable.Failure.BadElement
                ? DiagnosticInfo.Create(D.UnsupportedElementType, location, $"Parameter '{p.Name}' of '{display}'",
                    element, ConversionTable.SupportedElements)
                : DiagnosticInfo.Create(D.UnsupportedParameterType, location, p.Name, display,
                    p.Type.ToDisplayString(), failure switch
                    {
                        ConversionTable.Failure.BadContainerElement => ConversionTable.SupportedInContainer(element!),
                        ConversionTable.Failure.BadCallbackType => ConversionTable.SupportedInCallback(element!),
                        _ => ConversionTable.SupportedParameters,
                    }));
            return null;
        }

        string? defaultCSharp = null, defaultPython = null;
        if (p.HasExplicitDefaultValue)
        {
            if (!DefaultValues.TryFormat(p, p.Type, out string cs, out string py))
            {
                diagnostics.Add(DiagnosticInfo.Create(D.DefaultNotExpressible, location, p.Name, display,
                    p.ExplicitDefaultValue ?? "default"));
                return null;
            }
            defaultCSharp = cs;
            defaultPython = py;
        }

        int ndim = -1;
        AttributeData? ndimAttribute = p.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.NdimAttribute));
        if (ndimAttribute is { ConstructorArguments.Length: 1 } && ndimAttribute.ConstructorArguments[0].Value is int n)
        {
            if (n < 0 || !type.IsView)
            {
                diagnostics.Add(DiagnosticInfo.Create(D.NdimOnNonArray, AttributeLocation(ndimAttribute) ?? location,
                    n, p.Name, display));
                return null;
            }
            ndim = n;
        }
        if (!ArrayLikes.TryApply(p, ref type, display, diagnostics)) return null;

        string pythonName = PythonIdentifiers.ToSnakeCase(p.Name);
        string? whyNot = PythonIdentifiers.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));
            return null;
        }
        bool release = type.OwnsReference && !Escapes.MayKeep(p);
        return new ParameterModel(p.Name, pythonName, type, defaultCSharp, defaultPython, ndim, release)
        {
            Kind = kind,
        };
    }

    /// <summary>
    /// A generic module function: one instantiation per admitted element type (each parsed as the
    /// non-generic method it becomes), and which Python argument's dtype picks among them.
    /// </summary>
    private static ParseResult<FunctionModel> ParseGeneric(IMethodSymbol method, AttributeData attribute,
        CallKind kind, string? pythonClass,
        CancellationToken cancellationToken, Compilation compilation,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = method.Locations.FirstOrDefault();
        string display = method.ContainingType.Name + "." + method.Name;
        ITypeParameterSymbol t = method.TypeParameters[0];
        List<ITypeSymbol> elements = Generics.Instantiations(method, compilation, out List<string> notAdmitted);
        AttributeData? dtypes = method.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.DtypesAttribute));
        if (notAdmitted.Count > 0 || elements.Count == 0)
        {
            string why = notAdmitted.Count > 0
                ? $"[Dtypes] lists {string.Join(", ", notAdmitted)}, which "
                    + $"{(notAdmitted.Count == 1 ? "is" : "are")} not a numpy element type meeting {t.Name}'s "
                    + $"constraints"
                : $"no numpy element type ({ConversionTable.GenericElements}) meets {t.Name}'s constraints (it "
                    + $"needs 'unmanaged')";
            diagnostics.Add(DiagnosticInfo.Create(D.GenericNoElements,
                (dtypes is null ? null : AttributeLocation(dtypes)) ?? location, display, why));
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        }

        var specializations = new List<FunctionModel>();
        foreach (ITypeSymbol element in elements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = ParseMethod(method.Construct(element), attribute, kind, pythonClass, cancellationToken,
                compilation);
            if (result.Model is null)
            {
                // A problem not about T (every instantiation has it): reported once, at the method.
                diagnostics.AddRange(result.Diagnostics
                    .Select(d => d with { Location = LocationInfo.From(location) }).Take(1));
                return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
            }
            specializations.Add(result.Model);
        }
        // The dtype dispatcher hands its instantiations the bound slots only.
        if (specializations[0].Parameters.FirstOrDefault(p => p.IsVariadic) is { } variadic)
        {
            IParameterSymbol symbol = method.Parameters.First(p => p.Name == variadic.CSharpName);
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidVariadic, symbol.Locations.FirstOrDefault(), symbol.Name,
                display, variadic.Kind == ParameterKind.VarArgs ? "*args" : "**kwargs",
                "a generic function dispatched on a dtype takes named parameters only"));
            return new ParseResult<FunctionModel>(null, diagnostics.ToImmutable());
        }

        // Python parameter indexes: the first NdView<T>/NdViewMut<T> decides T; the others must match it.
        // The Python parameters as symbols of T: those an instantiation parsed as Python arguments (not the GIL token).
        var python = method.Parameters.Where((p, i) => specializations[0].Parameters[i].IsPythonArgument).ToList();
        var arrays = python.Select((p, i) => (p, i)).Where(x => Generics.IsArrayOfT(x.p.Type, t)).Select(x => x.i)
            .ToList();
        var mentions = python.Select((p, i) => (p, i)).Where(x => Generics.Mentions(x.p.Type, t)).Select(x => x.i)
            .ToList();
        FunctionModel first = specializations[0];
        var generic = new GenericModel(
            new EquatableArray<FunctionModel>(specializations.ToImmutableArray()),
            new EquatableArray<string>(elements.Select(e => ConversionTable.ElementDtype(e)!).ToImmutableArray()),
            arrays[0],
            new EquatableArray<int>(arrays.Skip(1).ToImmutableArray()),
            new EquatableArray<int>(mentions.ToImmutableArray()),
            Generics.Mentions(method.ReturnType, t));
        string wrapperName = Mangle(method.ContainingType) + "_" + method.Name + OverloadSuffix(method);
        // The generic method's own doc; Emitting names its types across the dtypes ("numpy.ndarray[int8 | float64]").
        DocModel? doc = DocComments.Parse(method.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase, ExceptionParser.RaisedAs(method));
        var model = first with
        {
            MethodName = method.Name,
            WrapperName = wrapperName,
            HintName = Mangle(method.ContainingType) + "." + method.Name + OverloadSuffix(method) + ".g.cs",
            Doc = doc,
            Generic = generic,
        };
        return new ParseResult<FunctionModel>(model, diagnostics.ToImmutable());
    }

    internal static string? ExplicitName(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string fromCtor)
            return fromCtor;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Name" && named.Value.Value is string s) return s;
        }
        return null;
    }

    /// <summary>Why generated code in the same assembly cannot call the method, or null when it can.</summary>
    internal static string? Inaccessibility(ISymbol method)
    {
        for (ISymbol? s = method; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            switch (s.DeclaredAccessibility)
            {
                case Accessibility.Private:
                    return s.Equals(method, SymbolEqualityComparer.Default)
                        ? "private" : $"inside private type '{s.Name}'";
                case Accessibility.Protected:
                case Accessibility.ProtectedAndInternal:
                    return s.Equals(method, SymbolEqualityComparer.Default)
                        ? "protected" : $"inside protected type '{s.Name}'";
            }
            if (s is INamedTypeSymbol { IsFileLocal: true }) return $"inside file-local type '{s.Name}'";
        }
        return null;
    }

    private static IEnumerable<string> TypeParameters(IMethodSymbol method)
    {
        var names = new List<string>(method.TypeParameters.Select(t => t.Name));
        for (INamedTypeSymbol? t = method.ContainingType; t is not null; t = t.ContainingType)
            names.InsertRange(0, t.TypeParameters.Select(p => p.Name));
        return names;
    }

    /// <summary>
    /// The method's 1-based place among its type's members of the same name when another of them is
    /// a [PyFunction] with the same Python name (they become one overloaded callable), else 0.
    /// </summary>
    private static int OverloadPosition(IMethodSymbol method, string pythonName)
    {
        var sameName = method.ContainingType.GetMembers(method.Name);
        bool overloaded = sameName.OfType<IMethodSymbol>().Any(m =>
            !m.Equals(method, SymbolEqualityComparer.Default)
            && m.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyFunctionAttribute)) is { } attribute
            && (ExplicitName(attribute) ?? PythonIdentifiers.ToSnakeCase(m.Name)) == pythonName);
        return overloaded ? sameName.IndexOf(method, SymbolEqualityComparer.Default) + 1 : 0;
    }

    /// <summary>
    /// "_2" for the second of several methods sharing a name (so overloads get distinct wrappers and files), "" for a
    /// unique name.
    /// </summary>
    private static string OverloadSuffix(IMethodSymbol method)
    {
        var sameName = method.ContainingType.GetMembers(method.Name);
        if (sameName.Length < 2) return "";
        int index = sameName.IndexOf(method, SymbolEqualityComparer.Default);
        return "_" + (index + 1);
    }

    /// <summary>
    /// A C# identifier unique to the type: its namespace and type names joined by '_', with the
    /// names' own underscores doubled so that A_B.C and A.B_C cannot meet.
    /// </summary>
    internal static string Mangle(INamedTypeSymbol type)
    {
        static string Escape(string name) => name.Replace("_", "__");
        var parts = new List<string>();
        for (ISymbol? s = type; s is INamedTypeSymbol t; s = t.ContainingSymbol)
            parts.Insert(0, Escape(t.Name) + (t.Arity > 0 ? "_" + t.Arity : ""));
        if (type.ContainingNamespace is { IsGlobalNamespace: false } n)
            parts.InsertRange(0, n.ToDisplayString().Split('.').Select(Escape));
        return string.Join("_", parts);
    }

    internal static Location? AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();

    private static Location? ReturnTypeLocation(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax()
            is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax m
            ? m.ReturnType.GetLocation()
            : null;
}
