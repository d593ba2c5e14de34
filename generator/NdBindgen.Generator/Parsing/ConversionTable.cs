using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The one table of what crosses the boundary: each supported C# type, its Python type and the
/// runtime functions converting it each way. Resolution asks one small resolver per type family,
/// in order; the last says "not supported", which becomes a diagnostic listing what is.
/// </summary>
internal static class ConversionTable
{
    /// <param name="TryFromPython">The non-raising operand test of the number protocol, where there is one.</param>
    private sealed record Scalar(string CSharp, string Python, string Family, string From, string To,
        string? TryFromPython = null);

    private static readonly Dictionary<SpecialType, Scalar> s_scalars = new()
    {
        [SpecialType.System_Boolean] = new("bool", "bool", R.Bools, "ToBool", "FromBool"),
        [SpecialType.System_SByte] = new("sbyte", "int", R.Ints, "ToSByte", "FromInt64"),
        [SpecialType.System_Byte] = new("byte", "int", R.Ints, "ToByte", "FromUInt64"),
        [SpecialType.System_Int16] = new("short", "int", R.Ints, "ToInt16", "FromInt64"),
        [SpecialType.System_UInt16] = new("ushort", "int", R.Ints, "ToUInt16", "FromUInt64"),
        [SpecialType.System_Int32] = new("int", "int", R.Ints, "ToInt32", "FromInt64", R.Ints + ".TryToInt32"),
        [SpecialType.System_UInt32] = new("uint", "int", R.Ints, "ToUInt32", "FromUInt64"),
        [SpecialType.System_Int64] = new("long", "int", R.Ints, "ToInt64", "FromInt64", R.Ints + ".TryToInt64"),
        [SpecialType.System_UInt64] = new("ulong", "int", R.Ints, "ToUInt64", "FromUInt64"),
        [SpecialType.System_Single] = new("float", "float", R.Floats, "ToSingle", "FromDouble"),
        [SpecialType.System_Double] =
            new("double", "float", R.Floats, "ToDouble", "FromDouble", R.Floats + ".TryToDouble"),
        [SpecialType.System_String] = new("string", "str", R.Strings, "ToString", "FromString"),
        [SpecialType.System_Decimal] = new("decimal", "decimal.Decimal", R.Decimals, "ToDecimal", "FromDecimal"),
        [SpecialType.System_DateTime] =
            new("global::System.DateTime", "datetime.datetime", R.DateTimes, "ToDateTime", "FromDateTime"),
    };

    /// <summary>Scalars that are not special types: by fully qualified name.</summary>
    private static readonly Dictionary<string, Scalar> s_namedScalars = new()
    {
        ["global::System.Half"] = new("global::System.Half", "float", R.Floats, "ToHalf", "FromHalf"),
        ["global::System.Numerics.Complex"] =
            new("global::System.Numerics.Complex", "complex", R.Floats, "ToComplex", "FromComplex"),
        ["global::NdBindgen.Complex32"] =
            new("global::NdBindgen.Complex32", "complex", R.Floats, "ToComplex32", "FromComplex32"),
        ["global::System.Numerics.BigInteger"] =
            new("global::System.Numerics.BigInteger", "int", R.BigIntegers, "ToBigInteger", "FromBigInteger"),
        ["global::System.DateTimeOffset"] = new("global::System.DateTimeOffset", "datetime.datetime", R.DateTimes,
            "ToDateTimeOffset", "FromDateTimeOffset"),
        ["global::System.DateOnly"] =
            new("global::System.DateOnly", "datetime.date", R.DateTimes, "ToDateOnly", "FromDateOnly"),
        ["global::System.TimeOnly"] =
            new("global::System.TimeOnly", "datetime.time", R.DateTimes, "ToTimeOnly", "FromTimeOnly"),
        ["global::System.TimeSpan"] =
            new("global::System.TimeSpan", "datetime.timedelta", R.DateTimes, "ToTimeSpan", "FromTimeSpan"),
        // A copy in (a Memory may outlive the call); bytes out.
        ["global::System.ReadOnlyMemory<byte>"] = new("global::System.ReadOnlyMemory<byte>", "bytes", R.Bytes,
            "ToReadOnlyMemory", "FromReadOnlyMemory"),
    };

    /// <summary>numpy dtype of each supported element type, by fully qualified C# name.</summary>
    private static readonly Dictionary<string, string> s_elements = new()
    {
        ["bool"] = "bool_", ["sbyte"] = "int8", ["byte"] = "uint8", ["short"] = "int16", ["ushort"] = "uint16",
        ["int"] = "int32", ["uint"] = "uint32", ["long"] = "int64", ["ulong"] = "uint64",
        ["global::System.Half"] = "float16", ["float"] = "float32", ["double"] = "float64",
        ["global::System.Numerics.Complex"] = "complex128", ["global::NdBindgen.Complex32"] = "complex64",
    };

    /// <summary>
    /// numpy's datetime units (NdBindgen.TimeUnits): Datetime64&lt;Nanoseconds&gt; is "datetime64[ns]".
    /// The unit is part of the dtype; stubs name only numpy.datetime64 (see <see cref="StubDtype"/>).
    /// </summary>
    private static readonly (string Unit, string Code)[] s_timeUnits =
    {
        ("Years", "Y"), ("Months", "M"), ("Weeks", "W"), ("Days", "D"), ("Hours", "h"), ("Minutes", "m"),
        ("Seconds", "s"), ("Milliseconds", "ms"), ("Microseconds", "us"), ("Nanoseconds", "ns"),
        ("Picoseconds", "ps"), ("Femtoseconds", "fs"), ("Attoseconds", "as"),
    };

    static ConversionTable()
    {
        foreach (var (unit, code) in s_timeUnits)
        {
            string arguments = $"<global::NdBindgen.TimeUnits.{unit}>";
            s_elements["global::NdBindgen.Datetime64" + arguments] = $"datetime64[{code}]";
            s_elements["global::NdBindgen.Timedelta64" + arguments] = $"timedelta64[{code}]";
        }
    }

    /// <summary>The numpy scalar type a stub names for a dtype: numpy.datetime64 for "datetime64[ns]".</summary>
    public static string StubDtype(string dtype) =>
        dtype.IndexOf('[') is var i and >= 0 ? dtype.Substring(0, i) : dtype;

    public const string SupportedScalars =
        "bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, Complex, Complex32, "
            + "BigInteger, decimal, string, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, byte[], "
            + "ReadOnlyMemory<byte> and their nullable forms";
    /// <summary>The containers (ContainerTypes): their elements are any row that is a value of its own.</summary>
    public const string SupportedContainers =
        "T[], List<T>, IList<T>, ICollection<T>, IReadOnlyList<T>, IReadOnlyCollection<T>, IEnumerable<T>, "
        + "Dictionary<K,V>, IDictionary<K,V>, IReadOnlyDictionary<K,V>, HashSet<T>, ISet<T>, IReadOnlySet<T> and "
        + "tuples (ValueTuple) of supported element types";
    public const string SupportedContainerElements = SupportedScalars
        + ", enums, [PyClass] types, PyRef, PyRef<T>, NdArray<T> (results only) and containers; dictionary keys and "
        + "set elements not nullable, PyRef or a collection";
    public const string SupportedParameters = SupportedScalars
        + ", ReadOnlySpan<byte>, enums, NdView<T>, NdViewMut<T>, NdObjectView, NdObjectViewMut, [PyClass] types, "
        + "PyRef, PyRef<T>, PyBorrowed, "
        + "callbacks (Func<...> and Action<...> of up to four arguments, over what a container holds), Python "
        + "(the GIL token), " + SupportedContainers;
    public const string SupportedReturns = SupportedScalars
        + ", ReadOnlySpan<byte>, enums, NdArray<T>, NdObjectArray, NdView<T> and NdViewMut<T> (views of inputs),"
        + " [PyClass] types, PyRef, PyRef<T>, void, " + SupportedContainers;
    public const string SupportedProperties = SupportedScalars
        + ", enums, [PyClass] types, PyRef, PyRef<T>, " + SupportedContainers + ", or NdArray<T> without a setter";
    // ConstantParser.Convertible: what a function could return, but no arrays, views or references.
    public const string SupportedConstants = SupportedScalars + ", enums, [PyClass] types, " + SupportedContainers;

    /// <summary>What a callback (CallbackTypes) takes and returns: what a container holds.</summary>
    public const string SupportedCallbackTypes = SupportedScalars
        + ", enums, [PyClass] types, PyRef, PyRef<T>, NdArray<T> (arguments only) and containers";

    /// <summary>The "supported" part of NDB0002 when a callback's type argument is what does not fit.</summary>
    public static string SupportedInCallback(string typeArgument) =>
        $"as callback arguments and results {SupportedCallbackTypes}, which '{typeArgument}' is not";

    /// <summary>The "supported" part of NDB0002/NDB0003 when a container's element is what does not fit.</summary>
    public static string SupportedInContainer(string element) =>
        $"as container elements {SupportedContainerElements}, which '{element}' is not";
    /// <summary>What a generic function's T is instantiated for (Generics.s_candidates).</summary>
    public const string GenericElements =
        "bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, System.Numerics.Complex";
    public const string SupportedElements = GenericElements
        + ", Complex32, Datetime64<TUnit> and Timedelta64<TUnit> (TUnit one of NdBindgen.TimeUnits); object arrays are "
        + "NdObjectView, NdObjectViewMut and NdObjectArray";

    /// <summary>The numpy dtype name of an element type, or null when it is not one.</summary>
    public static string? ElementDtype(ITypeSymbol type) =>
        s_elements.TryGetValue(FullName(type), out string? dtype) ? dtype : null;

    public static bool IsPyClass(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PyClassAttribute));

    /// <summary>The Python name of a [PyClass] type: the attribute's Name, else the C# name.</summary>
    public static string PythonClassName(INamedTypeSymbol type)
    {
        AttributeData? a = type.GetAttributes().FirstOrDefault(x => KnownTypes.Is(x, KnownTypes.PyClassAttribute));
        return (a is null ? null : FunctionParser.ExplicitName(a)) ?? type.Name;
    }

    // Added to FullyQualifiedFormat's own options, which escape keywords (class @event -> global::Ns.@event).
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullyQualified);

    /// <summary>Outcome of resolving one type.</summary>
    public enum Failure { None, Unsupported, BadElement, BadContainerElement, BadCallbackType }

    /// <summary>What a resolver decided: a model, or why not (a null Resolution means "not my family").</summary>
    internal sealed record Resolution(TypeModel? Model, Failure Failure = Failure.None, string? Element = null);

    private static readonly Resolution s_unsupported = new(null, Failure.Unsupported);

    internal static Resolution Unsupported => s_unsupported;

    private delegate Resolution? Resolver(ITypeSymbol type, bool isReturn);

    /// <summary>The resolvers, one per type family, asked in order; the last one always answers.</summary>
    private static readonly Resolver[] s_resolvers =
    {
        // Tuples before scalars; byte[] (ResolveBytes) before the collections, or it would be a list[int].
        ResolveVoid, ContainerTypes.ResolveTuple, ResolveEnum, ResolveScalar, ResolveBytes, ResolvePyClass,
        ResolveGilToken, CallbackTypes.Resolve, ResolveBorrowed, ResolveReference, ResolveArray, ObjectArrays.Resolve,
        ContainerTypes.ResolveCollection, static (_, _) => s_unsupported,
    };

    /// <summary>Resolves a parameter (<paramref name="isReturn"/> false) or return type.</summary>
    public static TypeModel? Resolve(ITypeSymbol type, bool isReturn, out Failure failure, out string? elementName)
    {
        Resolution r = s_resolvers.Select(resolve => resolve(type, isReturn)).First(x => x is not null)!;
        failure = r.Failure;
        elementName = r.Element;
        return r.Model;
    }

    private static Resolution? ResolveVoid(ITypeSymbol type, bool isReturn) =>
        isReturn && type.SpecialType == SpecialType.System_Void
            ? new(new TypeModel(ValueKind.Void, "void", "None")) : null;

    /// <summary>
    /// bool, integers, floats, string, Half, Complex, and T? of the value types (other T? are unsupported).
    /// </summary>
    private static Resolution? ResolveScalar(ITypeSymbol type, bool isReturn)
    {
        bool nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }
        if (!s_scalars.TryGetValue(type.SpecialType, out Scalar? s)
            && !s_namedScalars.TryGetValue(FullName(type), out s))
            // T? of a [PyClass] struct: ResolvePyClass's.
            return nullableValue && !(type is INamedTypeSymbol n && IsPyClass(n)) ? s_unsupported : null;
        // string? and #nullable-oblivious string may both be null: both map None <-> null.
        bool nullableRef = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        bool acceptsNone = nullableValue || nullableRef;
        return new(new TypeModel(ValueKind.Scalar, s.CSharp + (acceptsNone ? "?" : ""), s.Python)
        {
            FromPython = s.Family + "." + s.From,
            ToPython = s.Family + "." + s.To,
            MatchPython = R.ArgMatches + "." + s.From,
            TryFromPython = s.TryFromPython,
            AcceptsNone = acceptsNone,
            IsNullableValueType = nullableValue,
        });
    }

    /// <summary>
    /// A C# enum (and T? of one): a member of its Python enum class (IntFlag for [Flags], else
    /// IntEnum) or an int of a defined value in; the member object out.
    /// </summary>
    private static Resolution? ResolveEnum(ITypeSymbol type, bool isReturn)
    {
        bool nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments[0].TypeKind == TypeKind.Enum)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } e) return null;
        EnumModel model = Enum(e);
        return new(new TypeModel(ValueKind.Scalar, model.FullType + (nullableValue ? "?" : ""), model.PythonName)
        {
            FromPython = $"{R.Enums}.ToEnum<{model.FullType}>",
            ToPython = $"{R.Enums}.FromEnum<{model.FullType}>",
            MatchPython = $"{R.ArgMatches}.ToEnum<{model.FullType}>",
            AcceptsNone = nullableValue,
            IsNullableValueType = nullableValue,
            Enum = model,
        });
    }

    /// <summary>The Python enum class of a C# enum: name, doc, kind, members (UPPER_SNAKE_CASE).</summary>
    internal static EnumModel Enum(INamedTypeSymbol e)
    {
        AttributeData? named = e.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyEnumAttribute));
        string python = (named is null ? null : FunctionParser.ExplicitName(named)) ?? e.Name;
        bool flags = e.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
        bool unsigned = e.EnumUnderlyingType?.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_UInt64;
        string full = FullName(e);
        var members = e.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
            .Select(f => new EnumMemberModel(PythonIdentifiers.ToUpperSnakeCase(f.Name),
                full + "." + PythonIdentifiers.CSharpIdentifier(f.Name), f.ConstantValue?.ToString() ?? "0")
            {
                Location = LocationInfo.From(f.Locations.FirstOrDefault()),
                Display = f.Name,
            })
            .ToImmutableArray();
        string? xml = e.GetDocumentationCommentXml();
        string? doc = xml is { Length: > 0 } ? DocComments.Parse(xml, PythonIdentifiers.ToSnakeCase)?.Summary : null;
        return new EnumModel(full, e.ToDisplayString(), python, string.IsNullOrEmpty(doc) ? null : doc, flags,
            unsigned, members, LocationInfo.From(e.Locations.FirstOrDefault()));
    }

    /// <summary>
    /// byte[] (a copy in, None -> null for byte[]?) and ReadOnlySpan&lt;byte&gt; (the exporter's memory,
    /// its buffer held for the call in a lease: a parameter of kind BytesSpan), both bytes out.
    /// </summary>
    private static Resolution? ResolveBytes(ITypeSymbol type, bool isReturn)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            bool orNone = type.NullableAnnotation != NullableAnnotation.NotAnnotated;
            return new(new TypeModel(ValueKind.Scalar, "byte[]" + (orNone ? "?" : ""), "bytes")
            {
                FromPython = R.Bytes + ".ToByteArray",
                ToPython = R.Bytes + ".FromByteArray",
                MatchPython = R.ArgMatches + ".ToByteArray",
                AcceptsNone = orNone,
            });
        }
        if (type is not INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1 } named
            || named.TypeArguments[0].SpecialType != SpecialType.System_Byte
            || type.ContainingNamespace?.ToDisplayString() != KnownTypes.SystemNamespace)
            return null;
        const string span = "global::System.ReadOnlySpan<byte>";
        return new(isReturn
            ? new TypeModel(ValueKind.Scalar, span, "bytes") { ToPython = R.Bytes + ".FromReadOnlySpan" }
            : new TypeModel(ValueKind.BytesSpan, span, "bytes")
            {
                FromPython = R.Bytes + ".ToReadOnlySpan",
                MatchPython = R.ArgMatches + ".ToByteArray",
            });
    }

    /// <summary>A [PyClass] instance: the C# object in, its own Python object out (identity kept).</summary>
    private static Resolution? ResolvePyClass(ITypeSymbol type, bool isReturn)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments[0] is INamedTypeSymbol inner && IsPyClass(inner))
            return ResolvePyStruct(inner, nullableValue: true);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct } value && IsPyClass(value))
            return ResolvePyStruct(value, nullableValue: false);
        if (type is not INamedTypeSymbol pyClass || !IsPyClass(pyClass)) return null;
        bool orNone = pyClass.NullableAnnotation != NullableAnnotation.NotAnnotated;
        string csharp = FullName(pyClass.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        return new(new TypeModel(ValueKind.Instance, csharp + (orNone ? "?" : ""), PythonClassName(pyClass))
        {
            FromPython = $"{R.PyInstance}.ToInstance<{csharp}>",
            ToPython = R.PyInstance + ".FromInstance",
            MatchPython = $"{R.ArgMatches}.ToInstance<{csharp}>",
            TryFromPython = R.PyInstance + ".TryGet<" + csharp + ">",
            AcceptsNone = orNone,
        });
    }

    /// <summary>A [PyClass] struct (or T? of one): a copy of the value in, a new Python object holding a copy out.
    /// </summary>
    private static Resolution ResolvePyStruct(INamedTypeSymbol pyStruct, bool nullableValue)
    {
        string csharp = FullName(pyStruct);
        return new(new TypeModel(ValueKind.Instance, csharp + (nullableValue ? "?" : ""), PythonClassName(pyStruct))
        {
            FromPython = $"{R.PyStructInstance}.ToValue<{csharp}>",
            ToPython = R.PyStructInstance + ".FromValue",
            MatchPython = $"{R.ArgMatches}.ToStruct<{csharp}>",
            TryFromPython = R.PyStructInstance + ".TryGet<" + csharp + ">",
            AcceptsNone = nullableValue,
            IsNullableValueType = nullableValue,
        });
    }

    /// <summary>The GIL token: passed by the wrapper, never returned.</summary>
    private static Resolution? ResolveGilToken(ITypeSymbol type, bool isReturn)
    {
        if (type is not INamedTypeSymbol { IsGenericType: false }
            || !KnownTypes.IsNdBindgen(type, KnownTypes.PythonName))
            return null;
        return isReturn ? s_unsupported : new(new TypeModel(ValueKind.Token, R.Python, ""));
    }

    /// <summary>PyBorrowed: any object, borrowed for the call (parameters only).</summary>
    private static Resolution? ResolveBorrowed(ITypeSymbol type, bool isReturn) =>
        !isReturn && type is INamedTypeSymbol { IsGenericType: false }
            && KnownTypes.IsNdBindgen(type, KnownTypes.PyBorrowedName)
            ? new(new TypeModel(ValueKind.Borrowed, R.PyBorrowed, "object")
            {
                FromPython = R.PyRefs + ".ToBorrowed",
                MatchPython = R.ArgMatches + ".ToBorrowed",
            })
            : null;

    /// <summary>An owned reference: any object (None included) for PyRef; None -> null only for PyRef?.</summary>
    private static Resolution? ResolveReference(ITypeSymbol type, bool isReturn)
    {
        if (type is not INamedTypeSymbol reference || !KnownTypes.IsNdBindgen(reference, KnownTypes.PyRefName))
            return null;
        bool orNone = reference.NullableAnnotation == NullableAnnotation.Annotated;
        string suffix = orNone ? "?" : "";
        string? target = null, python = "object";
        if (reference.IsGenericType)
        {
            if (reference.TypeArguments[0] is not INamedTypeSymbol t || !IsPyClass(t)) return s_unsupported;
            target = FullName(t.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            python = PythonClassName(t);
        }
        string generic = target is null ? "" : $"<{target}>";
        return new(new TypeModel(ValueKind.Reference, R.PyRef + generic + suffix, python)
        {
            FromPython = R.PyRefs + ".ToRef" + generic,
            ToPython = R.PyRefs + ".FromRef",
            MatchPython = R.ArgMatches + ".ToRef" + generic,
            Release = R.PyRefs + ".Release",
            AcceptsNone = orNone,
        });
    }

    /// <summary>
    /// NdView&lt;T&gt; and NdViewMut&lt;T&gt; in, NdArray&lt;T&gt; and views of inputs out, of a numpy element type.
    /// </summary>
    private static Resolution? ResolveArray(ITypeSymbol type, bool isReturn)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != KnownTypes.Namespace)
            return null;
        (ValueKind Kind, string CSharp, string Function)? row = named.Name switch
        {
            KnownTypes.NdViewName when !isReturn => (ValueKind.View, R.NdView, "ToView"),
            KnownTypes.NdViewMutName when !isReturn => (ValueKind.ViewMut, R.NdViewMut, "ToViewMut"),
            // A view returned: a numpy array over the same memory whose base keeps its owner alive (Arrays.FromView).
            KnownTypes.NdViewName => (ValueKind.View, R.NdView, "FromView"),
            KnownTypes.NdViewMutName => (ValueKind.ViewMut, R.NdViewMut, "FromViewMut"),
            KnownTypes.NdArrayName when isReturn => (ValueKind.Array, R.NdArray, "FromArray"),
            _ => null,
        };
        if (row is not var (kind, csharp, function)) return s_unsupported;
        string element = FullName(named.TypeArguments[0]);
        if (!s_elements.TryGetValue(element, out string? dtype)) return new(null, Failure.BadElement, element);
        bool orNone = kind == ValueKind.Array && named.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var model = new TypeModel(kind, $"{csharp}<{element}>" + (orNone ? "?" : ""),
            $"numpy.ndarray[{dtype}]")
        {
            Dtype = dtype,
            ElementType = element,
            AcceptsNone = orNone,
        };
        return new(isReturn
            ? model with { ToPython = R.Arrays + "." + function }
            : model with
            {
                FromPython = $"{R.Arrays}.{function}<{element}>",
                MatchPython = $"{R.ArgMatches}.{function}<{element}>",
            });
    }

    /// <summary>
    /// An [ArrayLike] view: numpy's array-like rules (<c>Arrays.ToArrayLikeView</c>), shown as
    /// "array_like[float64]", the numpy docstring word for it.
    /// </summary>
    public static TypeModel ArrayLike(TypeModel view) => view with
    {
        Kind = ValueKind.ArrayLikeView,
        PythonType = $"array_like[{view.Dtype}]",
        FromPython = $"{R.Arrays}.ToArrayLikeView<{view.ElementType}>",
        MatchPython = $"{R.ArgMatches}.ToArrayLikeView<{view.ElementType}>",
    };
}
