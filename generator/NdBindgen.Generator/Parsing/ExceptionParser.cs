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
/// [PyException] class symbol -> <see cref="ExceptionModel"/> plus diagnostics: a class that cannot be a Python
/// exception class (NDB0045), an invalid Python name (NDB0006), a Submodule that is not one (NDB0042), and a public
/// property that cannot be an attribute (NDB0046, a warning: the rest still generates).
/// </summary>
internal static class ExceptionParser
{
    public static ParseResult<ExceptionModel> Parse(GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken) =>
        ParseClass((INamedTypeSymbol)context.TargetSymbol, cancellationToken);

    /// <summary>The generator and the analyzer share this.</summary>
    public static ParseResult<ExceptionModel> ParseClass(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Location? location = type.Locations.FirstOrDefault();
        ParseResult<ExceptionModel> Refused() => new(null, diagnostics.ToImmutable());

        AttributeData mark = Mark(type)!;
        if (ShapeProblem(type) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidException, location, type.Name, problem));
            return Refused();
        }
        string? explicitName = FunctionParser.ExplicitName(mark);
        string pythonName = PythonName(type, mark);
        if (PythonIdentifiers.WhyNotIdentifier(pythonName) is { } whyNot)
        {
            Location? nameLocation = explicitName is not null
                ? FunctionParser.AttributeLocation(mark) ?? location : location;
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, nameLocation, pythonName, whyNot));
            return Refused();
        }
        string? submodule = SubmoduleParser.OfClass(type, mark, diagnostics);
        if (diagnostics.Count > 0) return Refused();

        var attributes = Attributes(type, diagnostics, cancellationToken);
        DocModel? doc = DocComments.Parse(type.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase);
        var model = new ExceptionModel(ConversionTable.FullName(type), type.Name, FunctionParser.Mangle(type),
            pythonName, doc, submodule, Base(type), attributes, LocationInfo.From(location));
        return new ParseResult<ExceptionModel>(model, diagnostics.ToImmutable());
    }

    /// <summary>
    /// Why the class cannot be a Python exception class, and what to do: the end of NDB0045's message. Abstract is
    /// fine (a base Python code catches; Python itself can still make one), and so is internal (the generated code
    /// is in the same assembly).
    /// </summary>
    internal static string? ShapeProblem(INamedTypeSymbol type) =>
        type.TypeKind != TypeKind.Class || !PythonExceptions.IsException(type)
            ? "does not derive from System.Exception; a Python exception class is made for a .NET exception, so "
                + "derive it from Exception (or from ArgumentException, PyValueError, another [PyException] class...)"
        : type.IsGenericType
            ? "is generic; Python has no type arguments to choose an instantiation with, so mark a non-generic "
                + "class (one deriving from an instantiation)"
        : type.ContainingType is not null
            ? $"is nested in '{type.ContainingType.Name}'; declare it directly in its namespace (a [PyException] "
                + "goes in a submodule with Submodule = typeof(...))"
        : ConversionTable.IsPyClass(type)
            ? "is also marked [PyClass]; an exception's Python class is made by [PyException] alone, so remove "
                + "[PyClass]"
        : null;

    /// <summary>
    /// The Python name: [PyException("...")]'s, else the C# name with a trailing Exception made Error, as PEP 8
    /// names exception classes (a name ending in Error or Warning, or in neither, stays).
    /// </summary>
    internal static string PythonName(INamedTypeSymbol type, AttributeData mark) =>
        FunctionParser.ExplicitName(mark) ?? FromCSharpName(type.Name);

    private static string FromCSharpName(string name) =>
        name.EndsWith("Exception", System.StringComparison.Ordinal)
            ? name.Substring(0, name.Length - "Exception".Length) + "Error"
            : name;

    /// <summary>
    /// The Python base: that of the nearest C# base that is marked, has a row in the runtime's table, or is of the
    /// PyBaseException family (System.Exception's row is Exception, so every exception finds one).
    /// </summary>
    private static ExceptionBaseModel Base(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (Mark(t) is { } mark)
            {
                var ignored = ImmutableArray.CreateBuilder<DiagnosticInfo>();   // the base's own parse reports them
                return new ExceptionBaseModel(ExceptionBaseKind.Marked, ConversionTable.FullName(t),
                    PythonName(t, mark), SubmoduleParser.OfClass(t, mark, ignored));
            }
            if (PythonExceptions.Row(t) is var (kind, python))
                return new ExceptionBaseModel(kind, ConversionTable.FullName(t), python, null);
        }
        return new ExceptionBaseModel(ExceptionBaseKind.DotNet, "global::" + PythonExceptions.SystemException,
            "Exception", null);
    }

    /// <summary>Python names an attribute of an exception must not take: BaseException's own.</summary>
    private static readonly Dictionary<string, string> s_reserved = new()
    {
        ["args"] = "the exception's arguments, which str(), repr() and pickling read",
        ["with_traceback"] = "a method of every exception",
        ["add_note"] = "a method of every exception (3.11+)",
    };

    /// <summary>
    /// The public instance properties with a public getter, from the class up to the first base not declared in
    /// the compilation's source (so Exception's Message, Data, StackTrace... are not attributes), each name once (an
    /// override or a hiding property stands for the base's). A property whose type has no conversion to Python, or
    /// whose Python name is taken, is left out with NDB0046 — reported for the class and its unmarked bases, not for
    /// a marked base's (its own parse reports those).
    /// </summary>
    private static ImmutableArray<ExceptionAttributeModel> Attributes(INamedTypeSymbol type,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<ExceptionAttributeModel>();
        var csharpNames = new HashSet<string>();
        var pythonNames = new Dictionary<string, string>();
        bool inherited = false;
        for (INamedTypeSymbol? t = type; t is not null && t.DeclaringSyntaxReferences.Length > 0; t = t.BaseType)
        {
            inherited |= !SymbolEqualityComparer.Default.Equals(t, type) && Mark(t) is not null;
            foreach (IPropertySymbol p in t.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (p.IsStatic || p.IsIndexer || p.IsImplicitlyDeclared
                    || p.DeclaredAccessibility != Accessibility.Public
                    || p.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || OverridesForeign(p)
                    || !csharpNames.Add(p.Name))
                    continue;
                string display = t.Name + "." + p.Name;
                string pythonName = PythonIdentifiers.ToSnakeCase(p.Name);
                TypeModel? model = ConversionTable.Resolve(p.Type, isReturn: true, out _, out _);
                string? why = model is null || !ConstantParser.Convertible(model)
                    ? $"its type '{p.Type.ToDisplayString()}' cannot be converted to Python; an exception attribute "
                        + $"can be {ConversionTable.SupportedConstants}, so change its type, or make the property "
                        + "internal to keep it out of Python"
                    : s_reserved.TryGetValue(pythonName, out string? whose)
                        ? $"its Python name '{pythonName}' is BaseException's own ({whose}), which the attribute "
                            + "would replace; rename the property, or make it internal to keep it out of Python"
                    : pythonNames.TryGetValue(pythonName, out string? first)
                        ? $"its Python name '{pythonName}' is already that of '{first}'; rename one of them"
                    : PythonIdentifiers.WhyNotIdentifier(pythonName) is { } whyNot
                        ? $"'{pythonName}' is not a valid Python identifier{whyNot}; rename the property"
                    : null;
                if (why is not null)
                {
                    if (!inherited)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(D.ExceptionPropertyNotAttribute,
                            p.Locations.FirstOrDefault(), p.Name, t.Name, why));
                    }
                    continue;
                }
                pythonNames[pythonName] = display;
                string? doc = DocComments.Parse(p.GetDocumentationCommentXml(cancellationToken: cancellationToken),
                    PythonIdentifiers.ToSnakeCase)?.Summary;
                result.Add(new ExceptionAttributeModel(pythonName, PythonIdentifiers.CSharpIdentifier(p.Name),
                    model!, inherited, string.IsNullOrEmpty(doc) ? null : doc));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>An override of a property declared outside the source (Exception.Message): not the user's.</summary>
    private static bool OverridesForeign(IPropertySymbol p)
    {
        for (IPropertySymbol? o = p.OverriddenProperty; o is not null; o = o.OverriddenProperty)
            if (o.DeclaringSyntaxReferences.Length == 0) return true;
        return false;
    }

    /// <summary>
    /// What an &lt;exception cref="..."/&gt; in <paramref name="documented"/>'s doc comment raises in Python, by the
    /// cref's documentation id ("T:Samples.ParseException"): as the runtime looks a thrown exception up, the type and
    /// then its bases (a [PyException] class's Python name, a row's class), else RuntimeError; null when the cref
    /// names no type of the compilation.
    /// </summary>
    internal static System.Func<string, string?>? RaisedAs(ISymbol documented) =>
        documented.ContainingAssembly is ISourceAssemblySymbol { Compilation: { } compilation }
            ? cref => DocumentationCommentId.GetFirstSymbolForDeclarationId(cref, compilation) is INamedTypeSymbol type
                ? RaisedAs(type)
                : null
            : null;

    private static string RaisedAs(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null && t.ToDisplayString() != PythonExceptions.SystemException;
             t = t.BaseType)
        {
            if (Mark(t) is { } mark) return PythonName(t, mark);
            if (PythonExceptions.Row(t) is var (_, python)) return python;
        }
        return "RuntimeError";
    }

    internal static AttributeData? Mark(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyExceptionAttribute));
}
