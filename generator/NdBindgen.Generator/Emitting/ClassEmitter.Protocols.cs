using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The protocol slots' entry points: one per <see cref="SlotTable"/> function in use, by the row's shape.
/// </summary>
internal static partial class ClassEmitter
{
    /// <summary>
    /// One entry point per <see cref="SlotTable"/> function in use (rows may share one: == and ordering).
    /// </summary>
    private static void EmitProtocols(SourceWriter w, ClassModel c)
    {
        var emitted = new HashSet<string>();
        foreach (ProtocolModel used in c.Protocols.Used)
        {
            SlotDef row = SlotTable.Row(used.Dunder);
            if (row.Slots.Length == 0 || !emitted.Add(row.Function)) continue;
            w.Line();
            EmitSlot(w, c, row, used);
        }
    }

    private static void EmitSlot(SourceWriter w, ClassModel c, SlotDef row, ProtocolModel used)
    {
        ProtocolsModel protocols = c.Protocols;
        switch (row.Shape)
        {
            case SlotShape.StringFunc:
                EntryPoint.Emit(w, Object, $"{row.Function}({Object} self)", () => w.Line(
                    $"return {R.Strings}.FromString({Self(c)}.{FunctionEmitter.Identifier(used.Member!)}() ?? \"\");"));
                break;
            case SlotShape.Equality or SlotShape.Ordering:
                EmitRichCompare(w, c, row, protocols.Comparison!);
                break;
            case SlotShape.Hash:
                EntryPoint.Emit(w, "nint", $"{row.Function}({Object} self)", () =>
                {
                    w.Line($"nint hash = {Self(c)}.GetHashCode();");
                    w.Line("return hash == -1 ? -2 : hash;   // -1 means \"error\" to CPython");
                });
                break;
            case var shape when SlotTable.IsNumber(shape):
                EmitNumberSlot(w, c, row, protocols.Operators.Where(o => o.Dunder == row.Dunder).ToList());
                break;
            case SlotShape.Subscript:
                EmitGetItem(w, c, row);
                break;
            case SlotShape.AssignSubscript or SlotShape.DeleteItem:
                EmitAssignItem(w, c);
                break;
            case SlotShape.Contains:
                EmitContains(w, c, row, protocols.Container.Contains!);
                break;
            case SlotShape.Next:
                EmitNext(w, c, row, protocols.Container.Next!);
                break;
            case SlotShape.Call:
                EmitCall(w, c, row);
                break;
            case SlotShape.Length:
                EntryPoint.Emit(w, "nint", $"{row.Function}({Object} self)", () =>
                {
                    w.Line($"{c.FullType} target = {Self(c)};");
                    w.Line($"long length = {LengthOf(c)};");
                    w.Line($"return length >= 0 ? (nint)length : throw {R.PyClassErrors}.NegativeLength();");
                });
                break;
            case SlotShape.Iter when protocols.IterItem is null:
                EmitIterSelf(w, row);
                break;
            case SlotShape.Iter:
                EmitIter(w, c, row, protocols.IterItem);
                break;
        }
    }

    private static void EmitIter(SourceWriter w, ClassModel c, SlotDef row, TypeModel item)
    {
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} self)",
            () => w.Line($"return {R.PyIterator}.Create({Self(c)}, &IterItem);"));
        w.Line();
        w.Open($"private static {Object} IterItem(object? item)");
        w.Line($"{item.CSharpType} value = ({item.CSharpType})item!;");
        w.Line(item.AcceptsNone
            ? $"return value is null ? {R.Args}.None() : "
                + $"{item.ToPython}(value{(item.IsNullableValueType ? ".Value" : "")});"
            : $"return {item.ToPython}(value);");
        w.Close();
    }

    private static void EmitRichCompare(SourceWriter w, ClassModel c, SlotDef row, ComparisonModel cmp)
    {
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} a, {Object} b, int op)", () =>
        {
            w.Line($"if (!{TryGetOf(c)}(a, out var left) || !{TryGetOf(c)}(b, out var right))");
            w.Line($"    return {R.Args}.NotImplemented();");
            w.Open("bool? result = op switch");
            string? equals = cmp.Equality switch
            {
                EqualitySource.Operator => "left == right",
                EqualitySource.IEquatable => "left.Equals(right)",
                EqualitySource.EqualsObject => "left.Equals((object)right)",
                _ => null,
            };
            if (equals is not null)
            {
                w.Line($"{R.PySlot}.Py_EQ => {equals},");
                w.Line($"{R.PySlot}.Py_NE => !({equals}),");
            }
            string? compare = cmp.Comparable ? "left.CompareTo(right)" : null;
            if (compare is not null || cmp.OrderingOperators)
            {
                foreach (var (op, token) in new[] { ("Py_LT", "<"), ("Py_LE", "<="), ("Py_GT", ">"), ("Py_GE", ">=") })
                    w.Line($"{R.PySlot}.{op} => {(compare is null ? $"left {token} right" : $"{compare} {token} 0")},");
            }
            w.Line("_ => null,");
            w.Close(";");
            w.Line($"return result is bool r ? {R.Bools}.FromBool(r) : {R.Args}.NotImplemented();");
        });
    }

}
