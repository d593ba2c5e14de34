using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The one table of what crosses the boundary: each supported C# type, its Python type and the
/// runtime functions converting it each way. The resolver walks it in order; the last link is
/// "not supported", which becomes a diagnostic listing what is.
/// </summary>
internal static class ConversionTable
{
    private const string Conv = "global::NdBindgen.Conversions.";

    private sealed record Scalar(string CSharp, string Python, string FromPython, string ToPython);

    private static readonly Dictionary<SpecialType, Scalar> s_scalars = new()
    {
        [SpecialType.System_Boolean] = new("bool", "bool", Conv + "Bools.ToBool", Conv + "Bools.FromBool"),
        [SpecialType.System_SByte] = new("sbyte", "int", Conv + "Ints.ToSByte", Conv + "Ints.FromInt64"),
        [SpecialType.System_Byte] = new("byte", "int", Conv + "Ints.ToByte", Conv + "Ints.FromUInt64"),
        [SpecialType.System_Int16] = new("short", "int", Conv + "Ints.ToInt16", Conv + "Ints.FromInt64"),
        [SpecialType.System_UInt16] = new("ushort", "int", Conv + "Ints.ToUInt16", Conv + "Ints.FromUInt64"),
        [SpecialType.System_Int32] = new("int", "int", Conv + "Ints.ToInt32", Conv + "Ints.FromInt64"),
        [SpecialType.System_UInt32] = new("uint", "int", Conv + "Ints.ToUInt32", Conv + "Ints.FromUInt64"),
        [SpecialType.System_Int64] = new("long", "int", Conv + "Ints.ToInt64", Conv + "Ints.FromInt64"),
        [SpecialType.System_UInt64] = new("ulong", "int", Conv + "Ints.ToUInt64", Conv + "Ints.FromUInt64"),
        [SpecialType.System_Single] = new("float", "float", Conv + "Floats.ToSingle", Conv + "Floats.FromDouble"),
        [SpecialType.System_Double] = new("double", "float", Conv + "Floats.ToDouble", Conv + "Floats.FromDouble"),
        [SpecialType.System_String] = new("string", "str", Conv + "Strings.ToString", Conv + "Strings.FromString"),
    };

    /// <summary>Scalars that are not special types: by fully qualified name.</summary>
    private static readonly Dictionary<string, Scalar> s_namedScalars = new()
    {
        ["global::System.Half"] = new("global::System.Half", "float", Conv + "Floats.ToHalf", Conv + "Floats.FromHalf"),
        ["global::System.Numerics.Complex"] = new("global::System.Numerics.Complex", "complex", Conv + "Floats.ToComplex", Conv + "Floats.FromComplex"),
    };

    /// <summary>numpy dtype of each supported element type, by fully qualified C# name.</summary>
    private static readonly Dictionary<string, string> s_elements = new()
    {
        ["bool"] = "bool_", ["sbyte"] = "int8", ["byte"] = "uint8", ["short"] = "int16", ["ushort"] = "uint16",
        ["int"] = "int32", ["uint"] = "uint32", ["long"] = "int64", ["ulong"] = "uint64",
        ["global::System.Half"] = "float16", ["float"] = "float32", ["double"] = "float64",
        ["global::System.Numerics.Complex"] = "complex128",
    };

    public const string SupportedScalars = "bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, Complex, string and their nullable forms";
    public const string SupportedParameters = SupportedScalars + ", NdView<T>, NdViewMut<T>, [PyClass] types, PyRef, PyRef<T>, PyBorrowed, Func<...>/Action<T> callbacks, Python (the GIL token)";
    public const string SupportedReturns = SupportedScalars + ", NdArray<T>, [PyClass] types, PyRef, PyRef<T>, void";
    public const string PyClassAttributeName = "NdBindgen.PyClassAttribute";

    /// <summary>Types a callback delegate may take and return (Callbacks in the runtime converts them).</summary>
    private static (string CSharp, string Python)? CallbackType(ITypeSymbol t) => t.SpecialType switch
    {
        SpecialType.System_Double => ("double", "float"),
        SpecialType.System_Single => ("float", "float"),
        SpecialType.System_Int64 => ("long", "int"),
        SpecialType.System_Int32 => ("int", "int"),
        SpecialType.System_Boolean => ("bool", "bool"),
        SpecialType.System_String => ("string", "str"),
        _ => t is INamedTypeSymbol { Name: "PyRef", IsGenericType: false } r && r.ContainingNamespace?.ToDisplayString() == "NdBindgen"
            ? ("global::NdBindgen.PyRef", "object")
            : null,
    };

    /// <summary>The numpy dtype name of an element type, or null when it is not one.</summary>
    public static string? ElementDtype(ITypeSymbol type) => s_elements.TryGetValue(FullName(type), out string? dtype) ? dtype : null;

    public static bool IsPyClass(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == PyClassAttributeName);

    /// <summary>The Python name of a [PyClass] type: the attribute's Name, else the C# name.</summary>
    public static string PythonClassName(INamedTypeSymbol type)
    {
        AttributeData? a = type.GetAttributes().FirstOrDefault(x => x.AttributeClass?.ToDisplayString() == PyClassAttributeName);
        return (a is null ? null : FunctionParser.ExplicitName(a)) ?? type.Name;
    }
    public const string SupportedElements = "bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, System.Numerics.Complex";

    // Added to FullyQualifiedFormat's own options, which escape keywords (class @event -> global::Ns.@event).
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullyQualified);

    /// <summary>Outcome of resolving one type.</summary>
    public enum Failure { None, Unsupported, BadElement }

    /// <summary>Resolves a parameter (<paramref name="isReturn"/> false) or return type.</summary>
    public static TypeModel? Resolve(ITypeSymbol type, bool isReturn, out Failure failure, out string? elementName)
    {
        failure = Failure.None;
        elementName = null;
        if (isReturn && type.SpecialType == SpecialType.System_Void)
            return new TypeModel(ValueKind.Void, "void", "None", null, null, null, false, false);

        // T? for value types
        bool nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }
        if (s_scalars.TryGetValue(type.SpecialType, out Scalar? s) || s_namedScalars.TryGetValue(FullName(type), out s))
        {
            // string? and #nullable-oblivious string may both be null: both map None <-> null.
            bool nullableRef = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
            bool acceptsNone = nullableValue || nullableRef;
            string csharp = s.CSharp + (acceptsNone ? "?" : "");
            return new TypeModel(ValueKind.Scalar, csharp, s.Python, s.FromPython, s.ToPython, null, acceptsNone, nullableValue);
        }
        if (nullableValue)
        {
            failure = Failure.Unsupported;
            return null;
        }

        if (type is INamedTypeSymbol pyClass && IsPyClass(pyClass))
        {
            // A [PyClass] instance: the C# object in, its own Python object out (identity kept).
            bool orNone = pyClass.NullableAnnotation != NullableAnnotation.NotAnnotated;
            string csharp = FullName(pyClass.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            return new TypeModel(ValueKind.Instance, csharp + (orNone ? "?" : ""), PythonClassName(pyClass),
                $"global::NdBindgen.Classes.PyInstance.ToInstance<{csharp}>", "global::NdBindgen.Classes.PyInstance.FromInstance", null, orNone, false);
        }

        if (type is INamedTypeSymbol { Name: "Python", IsGenericType: false } token && token.ContainingNamespace?.ToDisplayString() == "NdBindgen")
        {
            if (isReturn)
            {
                failure = Failure.Unsupported;
                return null;
            }
            return new TypeModel(ValueKind.Token, "global::NdBindgen.Python", "", null, null, null, false, false);
        }

        if (!isReturn && type is INamedTypeSymbol { IsGenericType: true } callback && callback.ContainingNamespace?.ToDisplayString() == "System"
            && (callback.Name == "Func" && callback.TypeArguments.Length is >= 1 and <= 3 || callback.Name == "Action" && callback.TypeArguments.Length == 1))
        {
            // A Python callable as a C# delegate.
            var names = callback.TypeArguments.Select(CallbackType).ToList();
            if (names.Any(n => n is null))
            {
                failure = Failure.Unsupported;
                return null;
            }
            bool orNone = callback.NullableAnnotation == NullableAnnotation.Annotated;
            string args = string.Join(", ", names.Select(n => n!.Value.CSharp));
            string csharp = $"global::System.{callback.Name}<{args}>";
            var pythonArgs = names.Take(callback.Name == "Func" ? names.Count - 1 : names.Count).Select(n => n!.Value.Python);
            string python = $"Callable[[{string.Join(", ", pythonArgs)}], {(callback.Name == "Func" ? names[names.Count - 1]!.Value.Python : "None")}]";
            string from = $"{Conv}Callbacks.To{callback.Name}<{args}>";
            return new TypeModel(ValueKind.Scalar, csharp + (orNone ? "?" : ""), python, from, null, null, orNone, false);
        }

        if (!isReturn && type is INamedTypeSymbol { Name: "PyBorrowed", IsGenericType: false } borrowed && borrowed.ContainingNamespace?.ToDisplayString() == "NdBindgen")
            return new TypeModel(ValueKind.Scalar, "global::NdBindgen.PyBorrowed", "object", $"{Conv}PyRefs.ToBorrowed", null, null, false, false);

        if (type is INamedTypeSymbol { Name: "PyRef" } reference && reference.ContainingNamespace?.ToDisplayString() == "NdBindgen")
        {
            // An owned reference: any object (None included) for PyRef; None -> null only for PyRef?.
            bool orNone = reference.NullableAnnotation == NullableAnnotation.Annotated;
            string suffix = orNone ? "?" : "";
            if (!reference.IsGenericType)
                return new TypeModel(ValueKind.Reference, "global::NdBindgen.PyRef" + suffix, "object", $"{Conv}PyRefs.ToRef", $"{Conv}PyRefs.FromRef", null, orNone, false);
            if (reference.TypeArguments[0] is INamedTypeSymbol target && IsPyClass(target))
            {
                string t = FullName(target.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                return new TypeModel(ValueKind.Reference, $"global::NdBindgen.PyRef<{t}>" + suffix, PythonClassName(target),
                    $"{Conv}PyRefs.ToRef<{t}>", $"{Conv}PyRefs.FromRef", null, orNone, false);
            }
            failure = Failure.Unsupported;
            return null;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "NdBindgen")
        {
            ValueKind? kind = named.Name switch
            {
                "NdView" when !isReturn => ValueKind.View,
                "NdViewMut" when !isReturn => ValueKind.ViewMut,
                "NdArray" when isReturn => ValueKind.Array,
                _ => null,
            };
            if (kind is null)
            {
                failure = Failure.Unsupported;
                return null;
            }
            string element = FullName(named.TypeArguments[0]);
            if (!s_elements.TryGetValue(element, out string? dtype))
            {
                failure = Failure.BadElement;
                elementName = element;
                return null;
            }
            bool arrayOrNone = kind == ValueKind.Array && named.NullableAnnotation != NullableAnnotation.NotAnnotated;
            string csharp = $"global::NdBindgen.{named.Name}<{element}>" + (arrayOrNone ? "?" : "");
            string python = $"numpy.ndarray[{dtype}]";
            return kind switch
            {
                ValueKind.View => new TypeModel(ValueKind.View, csharp, python, $"{Conv}Arrays.ToView<{element}>", null, element, false, false),
                ValueKind.ViewMut => new TypeModel(ValueKind.ViewMut, csharp, python, $"{Conv}Arrays.ToViewMut<{element}>", null, element, false, false),
                _ => new TypeModel(ValueKind.Array, csharp, python, null, $"{Conv}Arrays.FromArray", element, arrayOrNone, false),
            };
        }

        failure = Failure.Unsupported;
        return null;
    }
}
