using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>[PyClass] class symbol -> <see cref="ClassModel"/> plus diagnostics. Never throws on bad input.</summary>
internal static partial class ClassParser
{
    public static ParseResult<ClassModel> Parse(GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken) =>
        ParseClass((INamedTypeSymbol)context.TargetSymbol, cancellationToken);

    /// <summary>The generator and the analyzer share this: one set of checks, one model.</summary>
    public static ParseResult<ClassModel> ParseClass(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Location? location = type.Locations.FirstOrDefault();
        string pythonName = ConversionTable.PythonClassName(type);

        string? shapeProblem = ShapeProblem(type);
        if (shapeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.ClassNotPartial, location, type.Name, shapeProblem));
            return new ParseResult<ClassModel>(null, diagnostics.ToImmutable());
        }
        ClassBaseModel? baseClass = ParseBase(type, location, diagnostics);
        if (diagnostics.Count > 0) return new ParseResult<ClassModel>(null, diagnostics.ToImmutable());
        string? whyNot = PythonIdentifiers.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));

        ConstructorModel? constructor = ParseConstructor(type, pythonName, diagnostics, cancellationToken,
            out Construction construction);
        var members = ParseMembers(type, pythonName, diagnostics, cancellationToken);
        ProtocolsModel protocols = ParseProtocols(type, members.DunderMethods, members.NumberMethods, diagnostics);
        GcModel gc = InHierarchy(ParseGc(type, diagnostics), type, diagnostics);
        var (singleMethods, methodSets) = MethodOverloads(members.Methods, diagnostics);
        AttributeData? pyClass = type.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyClassAttribute));
        string? submodule = SubmoduleParser.OfClass(type, pyClass, diagnostics);
        if (IsStruct(type)) CheckStruct(type, pyClass, diagnostics);
        CheckWeakRefOption(type, pyClass, diagnostics);
        // A class Python cannot construct cannot be rebuilt by unpickling either: Python's own refusal stands.
        PickleModel? pickle = constructor is null || construction != Construction.Constructor ? null
            : ParsePickle(type, pyClass, constructor, members.Properties, members.Methods, diagnostics);

        if (diagnostics.Count > 0 || constructor is null)
            return new ParseResult<ClassModel>(null, diagnostics.ToImmutable());

        string mangled = FunctionParser.Mangle(type);
        var warnings = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        // A class Python cannot construct has no instances of Python subclasses to run overrides of.
        ImmutableArray<OverrideModel> overrides = construction == Construction.Constructor
            ? ParseOverrides(type, members.Methods, warnings)
            : ImmutableArray<OverrideModel>.Empty;
        if (overrides.Length > 0)
            (singleMethods, methodSets, constructor) = WithSubclass(singleMethods, methodSets, constructor, overrides,
                SubclassName(mangled + "_PyType"));
        DocModel? summary = Doc(type, cancellationToken);
        var python = new ClassExportModel(pythonName, mangled + "_PyType", summary, constructor, members.Properties,
            singleMethods.Select(m => m.WithoutLocation()).ToImmutableArray(), methodSets, protocols)
        {
            Submodule = submodule,
            ClassAttributes = members.ClassAttributes,
            Dict = WantsDict(pyClass),
            Base = baseClass,
            Construction = construction,
            Pickle = pickle,
        };
        var model = new ClassModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "",
            type.Name, ConversionTable.FullName(type), mangled + ".PyClass.g.cs",
            IsStruct(type) ? !WantsSubclass(pyClass) : type.IsSealed, python, gc,
            LocationInfo.From(location))
        {
            Overrides = overrides,
            IsStruct = IsStruct(type),
            IsRecord = type.IsRecord,
            WeakRefs = !NoWeakRefs(pyClass),
        };
        return new ParseResult<ClassModel>(model, warnings.ToImmutable());
    }

    /// <summary>Why the class cannot be a [PyClass] at all, and what to do: the end of NDB0013's message
    /// (<see cref="NotPartial"/> when only 'partial' is missing).</summary>
    internal static string? ShapeProblem(INamedTypeSymbol type) =>
        type.IsStatic
            ? "is static; Python objects are instances of it, so make it a non-static class (or export its methods "
                + "with [PyFunction])"
        : type.IsRefLikeType
            ? "is a ref struct; its value cannot live inside a Python object, so declare it 'partial struct' (or "
                + "'partial class')"
        : type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            ? $"is {KindName(type)}; a [PyClass] is a class (its Python objects share one C# object), so declare it "
                + "'partial class'"
        : type.IsRecord && type.TypeKind == TypeKind.Class
            ? "is a record; the link to its Python object, which the generator adds as a field, would be copied by "
                + "'with' (the copy would pass for the original's Python object) and compared by the record's "
                + "equality, so make it a 'partial class' (with Equals and GetHashCode of your own for value equality)"
        : type.IsGenericType
            ? "is generic; Python has no type arguments to choose an instantiation with, so export a non-generic "
                + "class (one that wraps an instantiation, or derives from it)"
        : type.ContainingType is not null
            ? $"is nested in '{type.ContainingType.Name}'; the generated part of a [PyClass] is declared directly in "
                + $"its namespace, so move it out of '{type.ContainingType.Name}'"
        : !IsPartial(type) ? NotPartial
        : null;

    private static string KindName(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "a record struct",
        TypeKind.Struct => "a struct",
        TypeKind.Interface => "an interface",
        TypeKind.Enum => "an enum",
        TypeKind.Delegate => "a delegate",
        _ => "not a class",
    };

    internal const string NotPartial = "is not partial; the generator adds the link to its Python object to the "
        + "class, so declare it 'partial'";

    /// <summary>
    /// The marked constructor, else the only public one; several marked ones are overloads of one
    /// __init__. Null (with a diagnostic) when there is none to call.
    /// </summary>
    private static ConstructorModel? ParseConstructor(INamedTypeSymbol type, string pythonName,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken,
        out Construction construction)
    {
        if (NotConstructible(type) is { } none)
        {
            construction = none;
            return new ConstructorModel(ImmutableArray<ParameterModel>.Empty, null, null);
        }
        construction = Construction.Constructor;
        // A struct's implicit parameterless constructor counts only when it has no other.
        bool declared = type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared);
        var constructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared
            || c.Parameters.Length == 0 && !(IsStruct(type) && declared)).ToList();
        var marked = constructors.Where(c => Has(c, KnownTypes.PyConstructorAttribute)).ToList();
        var publicOnes = constructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal).ToList();
        IMethodSymbol? constructor = marked.Count == 1 ? marked[0]
            : marked.Count == 0 && publicOnes.Count == 1 ? publicOnes[0]
            : null;
        if (constructor is null && marked.Count < 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.NoConstructor, type.Locations.FirstOrDefault(), type.Name,
                "has several public constructors and none is marked [PyConstructor]"));
        }
        if (marked.Count > 1)
        {
            OverloadSetModel? set = ConstructorOverloads(type, marked, pythonName, diagnostics, cancellationToken);
            return set is null ? null : new ConstructorModel(ImmutableArray<ParameterModel>.Empty, null, set);
        }
        if (constructor is null) return null;
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (IParameterSymbol p in constructor.Parameters)
        {
            ParameterModel? parameter = FunctionParser.ParseParameter(p, type.Name, diagnostics);
            if (parameter is not null) parameters.Add(parameter);
        }
        ParameterKinds.CheckOrder(constructor, parameters, type.Name, diagnostics);
        // Documented on the constructor, or just named and typed when it has no doc comment.
        string xml = constructor.GetDocumentationCommentXml(cancellationToken: cancellationToken) is { Length: > 0 } x
            ? x
            : "<member></member>";
        DocModel? doc = DocComments.Parse(xml, PythonIdentifiers.ToSnakeCase, ExceptionParser.RaisedAs(constructor));
        return new ConstructorModel(parameters.ToImmutable(), doc, null);
    }

    /// <summary>What the class's marked members are: attributes, methods, and methods serving a dunder.</summary>
    private sealed record Members(
        ImmutableArray<PropertyModel> Properties,
        List<FunctionModel> Methods,
        Dictionary<string, IMethodSymbol> DunderMethods,
        List<(string Dunder, IMethodSymbol Method)> NumberMethods,
        ImmutableArray<ClassAttributeModel> ClassAttributes);

    private static Members ParseMembers(INamedTypeSymbol type, string pythonName,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyModel>();
        var methods = new List<FunctionModel>();
        var dunders = new Dictionary<string, IMethodSymbol>();
        var numberMethods = new List<(string, IMethodSymbol)>();
        var classAttributes = ImmutableArray.CreateBuilder<ClassAttributeModel>();
        var names = new PythonNames(diagnostics);
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeData? attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is
                KnownTypes.PyPropertyAttribute or KnownTypes.PyMethodAttribute or KnownTypes.PyClassMethodAttribute
                or KnownTypes.PyConstantAttribute);
            if (attribute is null || OverridesExport(member)) continue;
            string attributeName = attribute.AttributeClass!.Name;
            // A [PyConstant] is checked as a module's is (accessibility included): ClassParser.Attributes.cs.
            if (KnownTypes.Is(attribute, KnownTypes.PyConstantAttribute))
            {
                if (ParseClassAttribute(member, attribute, type, names, diagnostics, cancellationToken) is { } c)
                    classAttributes.Add(c);
                continue;
            }
            Location? memberLocation = member.Locations.FirstOrDefault();
            string display = type.Name + "." + member.Name;
            if (member.DeclaredAccessibility is not
                (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                diagnostics.Add(DiagnosticInfo.Create(D.NotAccessible, memberLocation, display,
                    "private or protected"));
                continue;
            }
            string? explicitName = FunctionParser.ExplicitName(attribute);
            bool dunder = explicitName is not null && explicitName.StartsWith("__") && explicitName.EndsWith("__");
            // A dunder Python calls as a method of the type (__enter__, __reduce__, ...) is exported as one.
            // So is a number dunder, whose overloads the slot tries in order (as C# operators').
            bool methodDunder = dunder && SlotTable.DunderMethodRow(explicitName!) is { } dunderRow
                && (dunderRow.ExportedAsMethod || SlotTable.IsNumber(dunderRow.Shape));
            bool isProperty = attributeName == KnownTypes.Simple(KnownTypes.PyPropertyAttribute);
            if (isProperty && member.IsStatic)
            {
                if (ParseClassAttribute(member, attribute, type, names, diagnostics, cancellationToken) is { } a)
                    classAttributes.Add(a);
                continue;
            }
            names.Claim(explicitName ?? PythonIdentifiers.ToSnakeCase(member.Name), display, attributeName,
                method: !isProperty && (!dunder || methodDunder), memberLocation);
            if (isProperty)
            {
                PropertyModel? property = ParseProperty(member, attribute, type, diagnostics);
                if (property is not null) properties.Add(IsStruct(type) ? AsStructMember(member, property) : property);
                continue;
            }
            if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
            {
                diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, memberLocation, display,
                    $"[{attributeName.Replace("Attribute", "")}] goes on a method"));
                continue;
            }
            if (dunder)
            {
                if (DunderMethod(method, explicitName!, type, diagnostics) is not { } row) continue;
                if (SlotTable.IsNumber(row.Shape))
                {
                    numberMethods.Add((explicitName!, method));
                    continue;
                }
                dunders[row.Dunder] = method;
                if (!row.ExportedAsMethod) continue;
            }
            FunctionModel? model = ParseMethod(method, attribute, type, pythonName, diagnostics, cancellationToken);
            if (model is not null) methods.Add(model);
        }
        return new Members(properties.ToImmutable(), methods, dunders, numberMethods, classAttributes.ToImmutable());
    }

    /// <summary>
    /// The <see cref="SlotTable"/> row a method marked with a dunder name serves (a slot, or a method of the
    /// type), when the method has the shape the row needs; else NDB0016 saying what would be accepted.
    /// </summary>
    private static SlotDef? DunderMethod(IMethodSymbol method, string dunder, INamedTypeSymbol type,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        SlotDef? row = SlotTable.DunderMethodRow(dunder);
        string? problem = row is null ? null : DunderMethodProblem(row, method, dunder);
        if (row is not null && problem is null) return row;
        string display = type.Name + "." + method.Name;
        string message = row is not null
            ? $"[PyMethod(\"{dunder}\")] takes {row.MethodRule}: {problem}"
            : $"'{dunder}' is not a dunder NdBindgen knows; [PyMethod(\"__name__\")] takes "
                + string.Join(", ", SlotTable.DunderMethodNames)
                + " (operators, comparison, hashing, indexing, len and iteration also come from C# itself)";
        diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, method.Locations.FirstOrDefault(), display, message));
        return null;
    }

    /// <summary>
    /// What is wrong with <paramref name="method"/> as the server of <paramref name="row"/>, by the row's shape.
    /// </summary>
    private static string? DunderMethodProblem(SlotDef row, IMethodSymbol method, string dunder) => row.Shape switch
    {
        _ when method.IsStatic => "it is static",
        SlotShape.StringFunc when method.Parameters.Length != 0 => "it has parameters",
        SlotShape.StringFunc when method.ReturnType.SpecialType != SpecialType.System_String =>
            $"it returns {method.ReturnType.ToDisplayString()}",
        SlotShape.StringFunc or SlotShape.Method => null,
        _ when SlotTable.IsNumber(row.Shape) => NumberMethodProblem(row, method, dunder),
        _ => ContainerMethodProblem(row, method),
    };

    private static FunctionModel? ParseMethod(IMethodSymbol method, AttributeData attribute, INamedTypeSymbol type,
        string pythonName, ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        CallKind kind = attribute.AttributeClass!.ToDisplayString() == KnownTypes.PyClassMethodAttribute
            ? CallKind.ClassMethod
            : method.IsStatic ? CallKind.Static
            : CallKind.Instance;
        if (kind == CallKind.ClassMethod && (!method.IsStatic || !SymbolEqualityComparer.Default.Equals(
            method.ReturnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type)))
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, method.Locations.FirstOrDefault(),
                type.Name + "." + method.Name, $"[PyClassMethod] takes a static factory method returning {type.Name}"));
            return null;
        }
        var result = FunctionParser.ParseMethod(method, attribute, kind, pythonName, cancellationToken);
        diagnostics.AddRange(result.Diagnostics);
        return result.Model is { } model && IsStruct(type) ? model with { SelfIsStruct = true } : result.Model;
    }

    /// <summary>
    /// Several [PyConstructor]s: each a <see cref="CallKind.Constructor"/> overload of one <c>__init__</c>,
    /// in declaration order.
    /// </summary>
    private static OverloadSetModel? ConstructorOverloads(INamedTypeSymbol type, List<IMethodSymbol> marked,
        string pythonName, ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        string fullType = ConversionTable.FullName(type);
        // What a constructor returns: the new object, never None.
        TypeModel? instance = ConversionTable.Resolve(type, isReturn: true, out _, out _) is { } t
            ? t with { CSharpType = fullType, AcceptsNone = false }
            : null;
        var overloads = new List<FunctionModel>();
        bool complete = true;
        foreach (IMethodSymbol ctor in marked)
        {
            var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
            foreach (IParameterSymbol p in ctor.Parameters)
            {
                ParameterModel? parameter = FunctionParser.ParseParameter(p, type.Name, diagnostics);
                if (parameter is null) complete = false;
                else parameters.Add(parameter);
            }
            ParameterKinds.CheckOrder(ctor, parameters, type.Name, diagnostics);
            DocModel? doc = Doc(ctor, cancellationToken);
            int n = overloads.Count + 1;
            overloads.Add(new FunctionModel(fullType, type.Name, pythonName, pythonName, CallKind.Constructor,
                "New_" + n,
                "", doc, parameters.ToImmutable(), instance!, LocationInfo.From(ctor.Locations.FirstOrDefault()))
            {
                Overload = n,
                Display = type.Name + "." + type.Name,
            });
        }
        if (!complete || instance is null) return null;
        var dispatchable = OverloadSets.WithoutVariadics(overloads, diagnostics, "PyConstructor");
        return dispatchable.Count == 0 ? null : OverloadSets.Build(dispatchable, diagnostics, "NewVectorcall");
    }

    /// <summary>
    /// The methods with a Python name of their own, and those of several C# overloads under one
    /// name (each set one Python method). Overloads must be of one C# method and one kind
    /// (instance, static, class method) — NDB0025 — and told apart by Python — NDB0023.
    /// </summary>
    private static (ImmutableArray<FunctionModel>, ImmutableArray<OverloadSetModel>) MethodOverloads(
        IEnumerable<FunctionModel> methods, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var singles = ImmutableArray.CreateBuilder<FunctionModel>();
        var sets = ImmutableArray.CreateBuilder<OverloadSetModel>();
        foreach (var group in methods.GroupBy(m => m.PythonName))
        {
            FunctionModel first = group.First();
            var same = new List<FunctionModel>();
            foreach (FunctionModel m in group)
            {
                string? why = m.MethodName != first.MethodName
                    ? "it is another C# method (only the C# overloads of one method become one Python method)"
                    : m.Kind != first.Kind
                        ? $"it is {KindName(m.Kind)} and '{first.Display}' {KindName(first.Kind)} "
                            + "(a Python name is one kind of method)"
                    : null;
                if (why is not null)
                {
                    diagnostics.Add(new DiagnosticInfo(D.OverloadsOfDifferentKinds.Id, m.Location,
                        ImmutableArray.Create(m.Display, first.Display, m.PythonName, why)));
                    continue;
                }
                same.Add(m with { Overload = same.Count + 1 });
            }
            if (same.Count == 1)
            {
                singles.Add(first);
                continue;
            }
            var dispatchable = OverloadSets.WithoutVariadics(same, diagnostics, "PyMethod");
            if (dispatchable.Count > 0) sets.Add(OverloadSets.Build(dispatchable, diagnostics));
        }
        return (singles.ToImmutable(), sets.ToImmutable());
    }

    private static string KindName(CallKind kind) => kind switch
    {
        CallKind.Static => "a static method",
        CallKind.ClassMethod => "a [PyClassMethod]",
        _ => "an instance method",
    };

    private static PropertyModel? ParseProperty(ISymbol member, AttributeData attribute, INamedTypeSymbol type,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = member.Locations.FirstOrDefault();
        string display = type.Name + "." + member.Name;
        (ITypeSymbol? valueType, bool readable, bool writable) = member switch
        {
            IPropertySymbol p when !p.IsIndexer =>
                (p.Type, IsCallable(p.GetMethod), IsCallable(p.SetMethod) && p.SetMethod!.IsInitOnly == false),
            IFieldSymbol f when !f.IsConst => (f.Type, true, !f.IsReadOnly),
            _ => (null, false, false),
        };
        if (valueType is null || !readable && !writable)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, location, display,
                "[PyProperty] takes an instance property with a getter or a setter, or an instance field"));
            return null;
        }
        // Write-only (a setter, no public getter): only the conversion from Python.
        TypeModel? model = ConversionTable.Resolve(valueType, isReturn: readable, out var failure, out string? element);
        TypeModel? input = model;
        if (model is not null && writable && readable)
            input = ConversionTable.Resolve(valueType, isReturn: false, out failure, out element);
        if (model is null || input is null)
        {
            string direction = model is null && readable ? "to Python" : "from Python, which its setter needs";
            diagnostics.Add(failure == ConversionTable.Failure.BadElement
                ? DiagnosticInfo.Create(D.UnsupportedElementType, location,
                    $"Property '{member.Name}' of '{type.Name}'", element, ConversionTable.SupportedElements)
                : DiagnosticInfo.Create(D.InvalidMember, location, display,
                    $"its type '{valueType.ToDisplayString()}' cannot be converted {direction}; "
                    + (failure == ConversionTable.Failure.BadContainerElement
                        ? ConversionTable.SupportedInContainer(element!)
                        : $"a [PyProperty] can be {ConversionTable.SupportedProperties}")));
            return null;
        }
        string pythonName = FunctionParser.ExplicitName(attribute) ?? PythonIdentifiers.ToSnakeCase(member.Name);
        string? whyNot = PythonIdentifiers.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));
            return null;
        }
        // A container attribute reads as what the getter returns (list[float]) and converts what is set as a
        // parameter does (any sequence).
        if (model.Kind == ValueKind.Container) input = model with { FromPython = input.FromPython };
        bool deletable = WantsDeleter(attribute);
        if (deletable && (!writable || !input.AcceptsNone))
        {
            string shown = valueType.ToDisplayString();
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, location, display, !writable
                ? "[PyProperty(Deletable = true)] makes 'del obj.x' set it to null, and it has no public setter"
                : $"[PyProperty(Deletable = true)] makes 'del obj.x' set it to null, and its type '{shown}' does not "
                    + $"take null; make it nullable ('{shown}?')"));
            return null;
        }
        return new PropertyModel(member.Name, pythonName, input, writable, Doc(member, CancellationToken.None))
        {
            Readable = readable,
            Deletable = deletable,
        };
    }

    private static DocModel? Doc(ISymbol symbol, CancellationToken cancellationToken) =>
        DocComments.Parse(symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase, ExceptionParser.RaisedAs(symbol));

    private static bool IsCallable(IMethodSymbol? accessor) =>
        accessor is not null
            && accessor.DeclaredAccessibility
                is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool Has(ISymbol symbol, string attribute) =>
        symbol.GetAttributes().Any(a => KnownTypes.Is(a, attribute));

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t
            && t.Modifiers.Any(m => m.Text == "partial"));
}
