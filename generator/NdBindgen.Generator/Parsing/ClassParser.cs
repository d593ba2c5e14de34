using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>[PyClass] class symbol -> <see cref="ClassModel"/> plus diagnostics. Never throws on bad input.</summary>
internal static class ClassParser
{
    private const string Ns = "NdBindgen.";

    public static ParseResult<ClassModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        ParseClass((INamedTypeSymbol)context.TargetSymbol, cancellationToken);

    /// <summary>The generator and the analyzer share this: one set of checks, one model.</summary>
    public static ParseResult<ClassModel> ParseClass(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Location? location = type.Locations.FirstOrDefault();
        string pythonName = ConversionTable.PythonClassName(type);

        string? shapeProblem =
            type.IsStatic ? "is static" :
            type.IsGenericType ? "is generic" :
            type.ContainingType is not null ? "is nested in another type" :
            type.TypeKind != TypeKind.Class ? "is not a class" :
            type.IsAbstract ? "is abstract" :
            !IsPartial(type) ? "is not partial" :
            null;
        if (shapeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.ClassNotPartial, location, type.Name, shapeProblem));
            return new ParseResult<ClassModel>(null, diagnostics.ToImmutable());
        }
        string? whyNot = Names.WhyNotIdentifier(pythonName);
        if (whyNot is not null) diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));

        // Constructor: the marked one, else the only public one; several marked ones are overloads of one __init__.
        var constructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared || c.Parameters.Length == 0).ToList();
        var marked = constructors.Where(c => Has(c, "PyConstructorAttribute")).ToList();
        var publicOnes = constructors.Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal).ToList();
        IMethodSymbol? constructor = marked.Count == 1 ? marked[0] : marked.Count == 0 && publicOnes.Count == 1 ? publicOnes[0] : null;
        if (constructor is null && marked.Count < 2)
        {
            string why = publicOnes.Count == 0 ? "has no public or internal constructor" : "has several public constructors and none is marked [PyConstructor]";
            diagnostics.Add(DiagnosticInfo.Create(D.NoConstructor, location, type.Name, why));
        }
        var ctorParameters = ImmutableArray.CreateBuilder<ParameterModel>();
        if (constructor is not null)
        {
            foreach (IParameterSymbol p in constructor.Parameters)
            {
                ParameterModel? parameter = FunctionParser.ParseParameter(p, type.Name, diagnostics);
                if (parameter is not null) ctorParameters.Add(parameter);
            }
        }
        OverloadSetModel? constructorSet = marked.Count > 1 ? ConstructorOverloads(type, marked, pythonName, diagnostics, cancellationToken) : null;

        var properties = ImmutableArray.CreateBuilder<PropertyModel>();
        var methods = ImmutableArray.CreateBuilder<FunctionModel>();
        string? repr = null, str = null;
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeData? attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is
                Ns + "PyPropertyAttribute" or Ns + "PyMethodAttribute" or Ns + "PyClassMethodAttribute");
            if (attribute is null) continue;
            string attributeName = attribute.AttributeClass!.Name;
            Location? memberLocation = member.Locations.FirstOrDefault();
            if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                diagnostics.Add(DiagnosticInfo.Create(D.NotAccessible, memberLocation, type.Name + "." + member.Name, "private or protected"));
                continue;
            }
            if (attributeName == "PyPropertyAttribute")
            {
                PropertyModel? property = ParseProperty(member, attribute, type, diagnostics);
                if (property is not null) properties.Add(property);
                continue;
            }
            if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
            {
                diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, memberLocation, type.Name + "." + member.Name, $"[{attributeName.Replace("Attribute", "")}] goes on a method"));
                continue;
            }
            string? explicitName = FunctionParser.ExplicitName(attribute);
            if (explicitName is not null && explicitName.StartsWith("__") && explicitName.EndsWith("__"))
            {
                // A dunder fills a protocol slot: only the ones that take no arguments and return str.
                if (explicitName is not ("__repr__" or "__str__") || method.IsStatic || method.Parameters.Length != 0
                    || method.ReturnType.SpecialType != SpecialType.System_String)
                {
                    diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, memberLocation, type.Name + "." + method.Name,
                        $"'{explicitName}' is not a supported dunder; [PyMethod(\"__repr__\")] and [PyMethod(\"__str__\")] take an instance method with no parameters returning string (operators, comparison, hashing, indexing, len and iteration come from C# itself)"));
                    continue;
                }
                if (explicitName == "__repr__") repr = method.Name; else str = method.Name;
                continue;
            }
            CallKind kind = attributeName == "PyClassMethodAttribute" ? CallKind.ClassMethod : method.IsStatic ? CallKind.Static : CallKind.Instance;
            if (kind == CallKind.ClassMethod && (!method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ReturnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type)))
            {
                diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, memberLocation, type.Name + "." + method.Name,
                    $"[PyClassMethod] takes a static factory method returning {type.Name}"));
                continue;
            }
            var result = FunctionParser.ParseMethod(method, attribute, kind, pythonName, cancellationToken);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Model is not null) methods.Add(result.Model);
        }

        // __str__ from an overridden ToString(), unless a [PyMethod("__str__")] says otherwise.
        if (str is null && type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == 0))
            str = "ToString";

        ComparisonModel? comparison = Comparison(type, out bool equality);
        bool overridesHash = type.GetMembers("GetHashCode").OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == 0);
        var operators = Operators(type);
        (TypeModel? indexKey, TypeModel? indexValue, bool indexSettable) = Indexer(type);
        string? length = type.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(p => p.Name is "Count" or "Length" && !p.IsStatic && p.GetMethod is not null
                && p.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)?.Name;
        TypeModel? iterItem = IterItem(type);

        bool userTraverse = type.AllInterfaces.Any(i => i.ToDisplayString() == Ns + "IPyTraverse");
        var traverse = userTraverse ? ImmutableArray<TraverseMember>.Empty : TraverseMembers(type, diagnostics);

        var (singleMethods, methodSets) = MethodOverloads(methods, diagnostics);

        if (diagnostics.Count > 0 || (constructor is null && constructorSet is null))
            return new ParseResult<ClassModel>(null, diagnostics.ToImmutable());

        string mangled = FunctionParser.Mangle(type);
        string fullType = ConversionTable.FullName(type);
        // The class's doc comment, then the constructor's Parameters (documented on the constructor,
        // or just named and typed when it has no doc comment).
        var ctorDocParameters = FunctionParser.DocParameters(ctorParameters);
        string? summary = DocComments.ToDocstring(type.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            new List<DocComments.Param>(), null, name => Names.ToSnakeCase(name));
        string doc;
        if (constructorSet is not null)
        {
            // No single text signature: every constructor's, the class's doc, then each one's own doc (as an overloaded function's).
            doc = Emitting.OverloadEmitter.Docstring(constructorSet, summary);
        }
        else
        {
            string ctorXml = constructor!.GetDocumentationCommentXml(cancellationToken: cancellationToken) is { Length: > 0 } cx ? cx : "<member></member>";
            string? ctorDoc = DocComments.ToDocstring(ctorXml, ctorDocParameters, null, name => Names.ToSnakeCase(name));
            string signature = $"{pythonName}({string.Join(", ", ctorParameters.Where(p => p.IsPythonArgument).Select(p => p.HasDefault ? $"{p.PythonName}={p.DefaultPython}" : p.PythonName))})";
            doc = (signature + "\n--\n\n" + string.Join("\n\n", new[] { summary, ctorDoc }.Where(d => !string.IsNullOrEmpty(d)))).TrimEnd('\n') + "\n";
        }

        var model = new ClassModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "",
            type.Name, fullType, pythonName, mangled + "_PyType", mangled + ".PyClass.g.cs", doc, type.IsSealed,
            ctorParameters.ToImmutable(), properties.ToImmutable(), singleMethods, repr, str, comparison,
            equality && overridesHash, equality && !overridesHash, operators, indexKey, indexValue, indexSettable, length, iterItem,
            !userTraverse && traverse.Length > 0, userTraverse || traverse.Length > 0, traverse, LocationInfo.From(location))
        {
            Summary = summary,
            Constructors = constructorSet,
            MethodOverloads = methodSets,
        };
        return new ParseResult<ClassModel>(model, ImmutableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Several [PyConstructor]s: each a <see cref="CallKind.Constructor"/> overload of one <c>__init__</c>, in declaration order.</summary>
    private static OverloadSetModel? ConstructorOverloads(INamedTypeSymbol type, List<IMethodSymbol> marked, string pythonName,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        string fullType = ConversionTable.FullName(type);
        // What a constructor returns: the new object, never None.
        TypeModel? instance = ConversionTable.Resolve(type, isReturn: true, out _, out _) is { } t ? t with { CSharpType = fullType, AcceptsNone = false } : null;
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
            string? doc = DocComments.ToDocstring(ctor.GetDocumentationCommentXml(cancellationToken: cancellationToken),
                FunctionParser.DocParameters(parameters),
                null, name => Names.ToSnakeCase(name));
            int n = overloads.Count + 1;
            overloads.Add(new FunctionModel(fullType, type.Name, pythonName, pythonName, CallKind.Constructor, "New_" + n, "", doc,
                parameters.ToImmutable(), instance!, LocationInfo.From(ctor.Locations.FirstOrDefault())) { Overload = n });
        }
        if (!complete || instance is null) return null;
        var kept = Emitting.OverloadEmitter.Distinguishable(overloads, diagnostics);
        return Emitting.OverloadEmitter.Model(kept, "NewVectorcall");
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
                string? why = m.MethodName != first.MethodName ? "it is another C# method (only the C# overloads of one method become one Python method)"
                    : m.Kind != first.Kind ? $"it is {KindName(m.Kind)} and '{Display(first)}' {KindName(first.Kind)} (a Python name is one kind of method)"
                    : null;
                if (why is not null)
                {
                    diagnostics.Add(new DiagnosticInfo(D.OverloadsOfDifferentKinds.Id, m.Location,
                        ImmutableArray.Create(Display(m), Display(first), m.PythonName, why)));
                    continue;
                }
                same.Add(m with { Overload = same.Count + 1 });
            }
            if (same.Count == 1)
            {
                singles.Add(first);
                continue;
            }
            sets.Add(Emitting.OverloadEmitter.Model(Emitting.OverloadEmitter.Distinguishable(same, diagnostics)));
        }
        return (singles.ToImmutable(), sets.ToImmutable());
    }

    private static string Display(FunctionModel f) => f.ContainingType.Replace("global::", "") + "." + f.MethodName;

    private static string KindName(CallKind kind) => kind switch
    {
        CallKind.Static => "a static method",
        CallKind.ClassMethod => "a [PyClassMethod]",
        _ => "an instance method",
    };

    private static PropertyModel? ParseProperty(ISymbol member, AttributeData attribute, INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = member.Locations.FirstOrDefault();
        string display = type.Name + "." + member.Name;
        (ITypeSymbol? valueType, bool readable, bool writable) = member switch
        {
            IPropertySymbol p when !p.IsStatic && !p.IsIndexer => (p.Type, IsCallable(p.GetMethod), IsCallable(p.SetMethod) && p.SetMethod!.IsInitOnly == false),
            IFieldSymbol f when !f.IsStatic && !f.IsConst => (f.Type, true, !f.IsReadOnly),
            _ => (null, false, false),
        };
        if (valueType is null || !readable)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, location, display, "[PyProperty] takes an instance property with a getter, or an instance field"));
            return null;
        }
        TypeModel? model = ConversionTable.Resolve(valueType, isReturn: true, out _, out _);
        TypeModel? input = writable ? ConversionTable.Resolve(valueType, isReturn: false, out _, out _) : model;
        if (model is null || input is null || model.Kind is ValueKind.Void)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.UnsupportedParameterType, location, member.Name, type.Name, valueType.ToDisplayString(), ConversionTable.SupportedReturns));
            return null;
        }
        string pythonName = FunctionParser.ExplicitName(attribute) ?? Names.ToSnakeCase(member.Name);
        string? whyNot = Names.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));
            return null;
        }
        string? doc = DocComments.ToDocstring(member.GetDocumentationCommentXml(), new List<DocComments.Param>(), null, name => Names.ToSnakeCase(name));
        return new PropertyModel(member.Name, pythonName, input, writable, doc);
    }

    private static bool IsCallable(IMethodSymbol? accessor) =>
        accessor is not null && accessor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    /// <summary>== from IEquatable&lt;T&gt;, operator == or Equals(object); ordering from IComparable&lt;T&gt; or the operators.</summary>
    private static ComparisonModel? Comparison(INamedTypeSymbol type, out bool equality)
    {
        bool Implements(string name) => type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == name
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));
        bool HasOperator(string name) => type.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.MethodKind == MethodKind.UserDefinedOperator
            && m.Parameters.Length == 2 && m.Parameters.All(p => SymbolEqualityComparer.Default.Equals(p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type)));
        bool overridesEquals = type.GetMembers("Equals").OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == 1);

        string? eq = HasOperator("op_Equality") ? "left == right"
            : Implements("System.IEquatable<T>") ? "left.Equals(right)"
            : overridesEquals ? "left.Equals((object)right)"
            : null;
        string? compare = Implements("System.IComparable<T>") ? "left.CompareTo(right)" : null;
        bool ordering = HasOperator("op_LessThan") && HasOperator("op_GreaterThan") && HasOperator("op_LessThanOrEqual") && HasOperator("op_GreaterThanOrEqual");
        equality = eq is not null;
        return eq is null && compare is null && !ordering ? null : new ComparisonModel(eq, compare, ordering);
    }

    private static readonly (string Method, string Slot, string Token, int Arity)[] s_operators =
    {
        ("op_Addition", "nb_add", "+", 2), ("op_Subtraction", "nb_subtract", "-", 2),
        ("op_Multiply", "nb_multiply", "*", 2), ("op_Division", "nb_true_divide", "/", 2),
        ("op_UnaryNegation", "nb_negative", "-", 1),
    };

    /// <summary>C# operator overloads whose operands the number protocol can test without raising.</summary>
    private static ImmutableArray<OperatorModel> Operators(INamedTypeSymbol type)
    {
        var result = ImmutableArray.CreateBuilder<OperatorModel>();
        foreach (var (name, slot, token, arity) in s_operators)
        {
            foreach (IMethodSymbol m in type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.UserDefinedOperator && m.Parameters.Length == arity))
            {
                TypeModel? left = Operand(m.Parameters[0].Type);
                TypeModel? right = arity == 2 ? Operand(m.Parameters[1].Type) : null;
                TypeModel? returns = ConversionTable.Resolve(m.ReturnType, isReturn: true, out _, out _);
                if (left is null || (arity == 2 && right is null) || returns is null || returns.Kind == ValueKind.Void) continue;
                result.Add(new OperatorModel(slot, token, left, right, returns));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>Operand types with a non-raising test: [PyClass] instances, double, long, int.</summary>
    private static TypeModel? Operand(ITypeSymbol type)
    {
        TypeModel? model = ConversionTable.Resolve(type, isReturn: false, out _, out _);
        if (model is null || model.AcceptsNone) return null;
        if (model.Kind == ValueKind.Instance) return model;
        return type.SpecialType is SpecialType.System_Double or SpecialType.System_Int64 or SpecialType.System_Int32 ? model : null;
    }

    private static (TypeModel?, TypeModel?, bool) Indexer(INamedTypeSymbol type)
    {
        IPropertySymbol? indexer = type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => p.IsIndexer && p.Parameters.Length == 1
            && p.Parameters[0].Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
            && IsCallable(p.GetMethod));
        if (indexer is null) return (null, null, false);
        TypeModel? key = ConversionTable.Resolve(indexer.Parameters[0].Type, isReturn: false, out _, out _);
        TypeModel? value = ConversionTable.Resolve(indexer.Type, isReturn: !IsCallable(indexer.SetMethod), out _, out _);
        return key is null || value is null ? (null, null, false) : (key, value, IsCallable(indexer.SetMethod));
    }

    private static TypeModel? IterItem(INamedTypeSymbol type)
    {
        INamedTypeSymbol? enumerable = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return enumerable is null ? null : ConversionTable.Resolve(enumerable.TypeArguments[0], isReturn: true, out _, out _);
    }

    /// <summary>Fields (and auto-property backing fields) holding PyRefs, or arrays/lists of them; anything else holding one is a diagnostic.</summary>
    private static ImmutableArray<TraverseMember> TraverseMembers(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var members = ImmutableArray.CreateBuilder<TraverseMember>();
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            string name = field.AssociatedSymbol is IPropertySymbol p ? p.Name : field.Name;
            ITypeSymbol t = field.Type;
            if (IsReference(t)) members.Add(new TraverseMember(name, false));
            else if (SequenceElement(t) is { } element && IsReference(element)) members.Add(new TraverseMember(name, true));
            else if (Mentions(t, 0))
                diagnostics.Add(DiagnosticInfo.Create(D.UntraversableReferences, (field.AssociatedSymbol ?? field).Locations.FirstOrDefault(), name, type.Name, t.ToDisplayString()));
        }
        return members.ToImmutable();
    }

    private static bool IsReference(ITypeSymbol t) =>
        t is INamedTypeSymbol { Name: "PyRef" } n && n.ContainingNamespace?.ToDisplayString() == "NdBindgen";

    private static ITypeSymbol? SequenceElement(ITypeSymbol t) => t switch
    {
        IArrayTypeSymbol { Rank: 1 } a => a.ElementType,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } g when g.OriginalDefinition.ToDisplayString()
            is "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.IReadOnlyList<T>"
            or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.HashSet<T>" => g.TypeArguments[0],
        _ => null,
    };

    /// <summary>Whether a type mentions PyRef anywhere in its type arguments or element types (a shape we cannot walk).</summary>
    private static bool Mentions(ITypeSymbol t, int depth) => depth < 5 && (IsReference(t) || t switch
    {
        IArrayTypeSymbol a => Mentions(a.ElementType, depth + 1),
        INamedTypeSymbol n => n.TypeArguments.Any(x => Mentions(x, depth + 1)),
        _ => false,
    });

    private static bool Has(ISymbol symbol, string attribute) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Ns + attribute);

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax c
            && c.Modifiers.Any(m => m.Text == "partial"));
}
