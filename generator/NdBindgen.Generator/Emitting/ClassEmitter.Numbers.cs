using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The number protocol's entry points, one shape each: binary (and ternary pow, and in-place) slots try their
/// overloads in order and return NotImplemented when none fits, so Python tries the other operand; unary,
/// inquiry and conversion slots call the one C# member serving them on the instance.
/// </summary>
internal static partial class ClassEmitter
{
    private static void EmitNumberSlot(SourceWriter w, ClassModel c, SlotDef row, List<OperatorModel> overloads)
    {
        switch (row.Shape)
        {
            case SlotShape.BinaryNumber or SlotShape.TernaryNumber or SlotShape.InPlaceNumber:
                EmitBinaryNumber(w, c, row, overloads);
                break;
            case SlotShape.Inquiry:
                EntryPoint.Emit(w, "int", $"{row.Function}({Object} a)", () =>
                {
                    w.Line($"var l = {SelfOf(c, "a")};");
                    w.Line($"return {NumberCall(row, overloads[0], "l", null, null)} ? 1 : 0;");
                });
                break;
            default:   // unary operators and conversions: the first overload (C# allows one unary operator per type)
                EntryPoint.Emit(w, Object, $"{row.Function}({Object} a)", () =>
                {
                    w.Line($"var l = {SelfOf(c, "a")};");
                    OperatorModel o = overloads[0];
                    string call = NumberCall(row, o, "l", null, null);
                    FunctionEmitter.EmitCallAndReturn(w, o.Result, call, OwnType(c, o.Result));
                });
                break;
        }
    }

    /// <summary>
    /// (a, b), or (a, b, c) for pow: each overload in order, its operands tested without raising; a reflected
    /// dunder method only when the operands' types differ (Python's rule), a binary-only pow only when there is no
    /// modulo; an in-place overload returning void gives back the object itself.
    /// </summary>
    private static void EmitBinaryNumber(SourceWriter w, ClassModel c, SlotDef row, List<OperatorModel> overloads)
    {
        bool ternary = row.Signature == SlotTable.Ternary;
        string parameters = ternary ? $"{Object} a, {Object} b, {Object} c" : $"{Object} a, {Object} b";
        EntryPoint.Emit(w, Object, $"{row.Function}({parameters})", () =>
        {
            int i = 0;
            foreach (OperatorModel o in overloads)
            {
                var tests = new List<string>();
                if (row.Shape == SlotShape.TernaryNumber && o.Modulo is null) tests.Add($"{R.Args}.IsNone(c)");
                if (o.SelfIsRight)
                {
                    tests.Add($"!{R.PyNumbers}.SameType(a, b)");
                    tests.Add(Test(c, o.Right!, "b", $"r{i}"));
                    tests.Add(Test(c, o.Left, "a", $"l{i}"));
                }
                else
                {
                    tests.Add(Test(c, o.Left, "a", $"l{i}"));
                    tests.Add(Test(c, o.Right!, "b", $"r{i}"));
                }
                if (o.Modulo is not null) tests.Add(Test(c, o.Modulo, "c", $"m{i}"));
                w.Open($"if ({string.Join(" && ", tests)})");
                string call = NumberCall(row, o, $"l{i}", $"r{i}", o.Modulo is null ? null : $"m{i}");
                if (o.Result.Kind == ValueKind.Void)
                {
                    w.Line(call + ";");
                    w.Line($"return {R.PyNumbers}.Self(a);");
                }
                else
                {
                    FunctionEmitter.EmitCallAndReturn(w, o.Result, call, OwnType(c, o.Result));
                }
                w.Close();
                i++;
            }
            w.Line($"return {R.Args}.NotImplemented();");
        });
    }

    /// <summary>The C# expression of one overload on its operands' locals.</summary>
    private static string NumberCall(SlotDef row, OperatorModel o, string l, string? r, string? m) => o.Source switch
    {
        OperatorSource.Operator or OperatorSource.CompoundAssignment =>
            r is null ? $"{row.Token}{l}" : $"{l} {row.Token} {r}",
        OperatorSource.Conversion => $"({o.Result.CSharpType}){l}",
        OperatorSource.Truth => $"({l} ? true : false)",
        _ when o.SelfIsRight => $"{r}.{FunctionEmitter.Identifier(o.Member!)}({l})",
        _ => $"{l}.{FunctionEmitter.Identifier(o.Member!)}("
            + string.Join(", ", new[] { r, m }.Where(x => x is not null)) + ")",
    };

    /// <summary>The operand's non-raising conversion (the conversion table's TryFromPython; a struct's is specialized
    /// for it, so it reads its type from the static field already).</summary>
    private static string Test(ClassModel c, TypeModel t, string operand, string local) => IsOwn(c, t) && !c.IsStruct
        ? $"{R.PyNumbers}.TryGet({operand}, {c.FullType}.__NdBindgenPythonType, out {t.CSharpType} {local})"
        : $"{t.TryFromPython}({operand}, out {(t.Kind == ValueKind.Instance ? "var" : t.CSharpType)} {local})";

    /// <summary>
    /// The class's own type, read from its static field, where an operand or result is an instance of the class:
    /// the generic helpers' lookup of T's type costs ~37 instructions each (p + q: 1157 -> 1059 instructions,
    /// the C twin 471).
    /// </summary>
    private static bool IsOwn(ClassModel c, TypeModel t) =>
        t.Kind == ValueKind.Instance && t.CSharpType.TrimEnd('?') == c.FullType;

    /// <summary>FromInstance's second argument for a result of the class's own type (<see cref="IsOwn"/>).</summary>
    private static string OwnType(ClassModel c, TypeModel result) =>
        IsOwn(c, result) ? $", {c.FullType}.__NdBindgenPythonType" : "";
}
