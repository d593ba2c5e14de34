using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The number protocol of a [PyClass]: C# operators (binary, unary, compound assignment, conversions, operator
/// true) and [PyMethod("__add__")]-style dunder methods, as the overloads of the number rows of
/// <see cref="SlotTable"/>.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>
    /// Each number row's overloads, in table order; within a row C# operators first, then conversion operators,
    /// then dunder methods, each in declaration order (the slot tries them in this order). C# operators whose
    /// operands the slot cannot test without raising are left out.
    /// </summary>
    private static ImmutableArray<OperatorModel> Operators(INamedTypeSymbol type,
        List<(string Dunder, IMethodSymbol Method)> numberMethods)
    {
        var result = ImmutableArray.CreateBuilder<OperatorModel>();
        TypeModel? self = Self(type);
        if (self is null) return result.ToImmutable();
        foreach (SlotDef row in SlotTable.Rows.Where(r => SlotTable.IsNumber(r.Shape)))
        {
            if (row.Operator is { } name)
            {
                foreach (IMethodSymbol m in type.GetMembers(name).OfType<IMethodSymbol>())
                    if (FromOperator(row, m, self) is { } o) result.Add(o);
            }
            if (row.Shape == SlotShape.Conversion)
            {
                foreach (IMethodSymbol m in type.GetMembers("op_Implicit").Concat(type.GetMembers("op_Explicit"))
                    .OfType<IMethodSymbol>())
                {
                    if (FromConversion(row, m, type) is { } o) result.Add(o);
                }
            }
            foreach ((string dunder, IMethodSymbol m) in numberMethods)
            {
                if (dunder != row.Dunder && dunder != row.Reflected) continue;
                if (FromMethod(row, m, self, reflected: dunder == row.Reflected) is { } o) result.Add(o);
            }
        }
        return result.ToImmutable();
    }

    private static OperatorModel? FromOperator(SlotDef row, IMethodSymbol m, TypeModel self)
    {
        TypeModel? returns = ConversionTable.Resolve(m.ReturnType, isReturn: true, out _, out _);
        if (returns is null) return null;
        switch (row.Shape)
        {
            case SlotShape.InPlaceNumber when !m.IsStatic && m.Parameters.Length == 1:
                // C# 14's instance 'operator +=' mutates the object: Python gets the object itself back.
                return Operand(m.Parameters[0].Type) is { } other
                    ? new OperatorModel(row.Dunder, self, other, returns) { Source = OperatorSource.CompoundAssignment }
                    : null;
            case SlotShape.Inquiry
                when m.Parameters.Length == 1 && m.ReturnType.SpecialType == SpecialType.System_Boolean:
                return new OperatorModel(row.Dunder, self, null, returns) { Source = OperatorSource.Truth };
            case SlotShape.UnaryNumber when m.IsStatic && m.Parameters.Length == 1 && returns.Kind != ValueKind.Void:
                return Operand(m.Parameters[0].Type) is { } operand
                    ? new OperatorModel(row.Dunder, operand, null, returns)
                    : null;
            case SlotShape.BinaryNumber when m.IsStatic && m.Parameters.Length == 2 && returns.Kind != ValueKind.Void:
                TypeModel? left = Operand(m.Parameters[0].Type), right = Operand(m.Parameters[1].Type);
                return left is null || right is null ? null : new OperatorModel(row.Dunder, left, right, returns);
            default:
                return null;
        }
    }

    /// <summary>
    /// A conversion operator from the class to a number: to double or float serves __float__; to an integer,
    /// __int__, and when implicit (lossless, as C# promises) also __index__.
    /// </summary>
    private static OperatorModel? FromConversion(SlotDef row, IMethodSymbol m, INamedTypeSymbol type)
    {
        if (m.MethodKind != MethodKind.Conversion || m.Parameters.Length != 1
            || !SymbolEqualityComparer.Default.Equals(
                m.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type))
        {
            return null;
        }
        bool fits = row.Dunder switch
        {
            "__float__" => IsFloat(m.ReturnType),
            "__int__" => IsInteger(m.ReturnType),
            "__index__" => IsInteger(m.ReturnType) && m.Name == "op_Implicit",
            _ => false,
        };
        TypeModel? self = Self(type);
        TypeModel? returns = fits ? ConversionTable.Resolve(m.ReturnType, isReturn: true, out _, out _) : null;
        return returns is null || self is null
            ? null
            : new OperatorModel(row.Dunder, self, null, returns) { Source = OperatorSource.Conversion };
    }

    /// <summary>A dunder method NumberMethodProblem accepted, as an overload of its row.</summary>
    private static OperatorModel? FromMethod(SlotDef row, IMethodSymbol m, TypeModel self, bool reflected)
    {
        TypeModel? returns = ConversionTable.Resolve(m.ReturnType, isReturn: true, out _, out _);
        if (returns is null) return null;
        var ps = m.Parameters.Select(p => Operand(p.Type)).ToList();
        if (ps.Any(p => p is null)) return null;
        TypeModel? other = ps.Count > 0 ? ps[0] : null;
        var model = reflected
            ? new OperatorModel(row.Dunder, other!, self, returns) { SelfIsRight = true }
            : new OperatorModel(row.Dunder, self, other, returns);
        return model with { Source = OperatorSource.Method, Member = m.Name, Modulo = ps.Count > 1 ? ps[1] : null };
    }

    /// <summary>What keeps a [PyMethod("__add__")]-style method from serving its number row (NDB0016), or
    /// null.</summary>
    private static string? NumberMethodProblem(SlotDef row, IMethodSymbol method, string dunder)
    {
        int expected = row.Shape is SlotShape.UnaryNumber or SlotShape.Inquiry or SlotShape.Conversion ? 0 : 1;
        int most = row.Shape == SlotShape.TernaryNumber && dunder == row.Dunder ? 2 : expected;
        int count = method.Parameters.Length;
        if (count < expected || count > most)
        {
            return count == 0 ? "it has no parameters"
                : count == 1 ? "it has a parameter" : $"it has {count} parameters";
        }
        foreach (IParameterSymbol p in method.Parameters)
        {
            if (p.RefKind != RefKind.None || p.IsParams)
            {
                string kind = p.IsParams ? "params" : p.RefKind.ToString().ToLowerInvariant();
                return $"its parameter '{p.Name}' is {kind}";
            }
            if (Operand(p.Type) is null)
                return $"its parameter '{p.Name}' is {p.Type.ToDisplayString()}, which the operator cannot test "
                    + "without raising (so it could not return NotImplemented for other types)";
        }
        ITypeSymbol r = method.ReturnType;
        bool isVoid = r.SpecialType == SpecialType.System_Void;
        return row.Shape switch
        {
            SlotShape.Inquiry when r.SpecialType != SpecialType.System_Boolean => $"it returns {r.ToDisplayString()}",
            SlotShape.Conversion when (row.Returns == "int" ? !IsInteger(r) : !IsFloat(r)) =>
                $"it returns {r.ToDisplayString()}",
            _ when isVoid && row.Shape != SlotShape.InPlaceNumber => "it returns void",
            _ when ConversionTable.Resolve(r, isReturn: true, out _, out _) is null =>
                $"it returns {r.ToDisplayString()}, which cannot be converted to Python",
            _ => null,
        };
    }

    /// <summary>The class as the operand its own instances are (never None).</summary>
    private static TypeModel? Self(INamedTypeSymbol type) =>
        Operand(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));

    private static bool IsInteger(ITypeSymbol t) =>
        t.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64
        || t.ToDisplayString() == "System.Numerics.BigInteger";

    private static bool IsFloat(ITypeSymbol t) =>
        t.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    /// <summary>
    /// Operand types with a non-raising test (the conversion table's TryFromPython): [PyClass] instances, double, long,
    /// int.
    /// </summary>
    private static TypeModel? Operand(ITypeSymbol type)
    {
        TypeModel? model = ConversionTable.Resolve(type, isReturn: false, out _, out _);
        return model is null || model.AcceptsNone || model.TryFromPython is null ? null : model;
    }
}
