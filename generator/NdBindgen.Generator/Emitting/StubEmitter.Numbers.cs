using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

internal static partial class StubEmitter
{
    /// <summary>
    /// A number row's defs, one per overload the slot tries: an overload with the class on the left is __op__, one
    /// with it only on the right (a C# operator, or a __rop__ method) is __rop__; several of one name are
    /// @typing.overload defs; an in-place form that returns the object itself returns typing.Self; pow's modulo is a
    /// third parameter.
    /// </summary>
    private static void AppendNumber(StringBuilder sb, ClassExportModel c, SlotDef row)
    {
        bool single = row.Shape is SlotShape.UnaryNumber or SlotShape.Inquiry or SlotShape.Conversion;
        var overloads = c.Protocols.Operators.Where(o => o.Dunder == row.Dunder).Take(single ? 1 : int.MaxValue);
        var defs = overloads.Select(o =>
        {
            bool reflected = o.SelfIsRight || (o.Source == OperatorSource.Operator && o.Right is not null
                && !IsThis(o.Left, c) && IsThis(o.Right, c));
            TypeModel? other = o.Right is null ? null : reflected ? o.Left : o.Right;
            string operand = other is null ? "" : Annotation(other)
                + (o.Modulo is null ? "" : ", modulo: " + Annotation(o.Modulo));
            string line = row.Stub!.Replace("{dunder}", reflected ? row.Reflected! : row.Dunder)
                .Replace("{other}", operand)
                .Replace("{result}", o.Result.Kind == ValueKind.Void ? "typing.Self" : Annotation(o.Result));
            // mypy wants __ipow__ to take what __pow__ takes, a modulo too, which Python never passes to it.
            if (row.Shape == SlotShape.InPlaceNumber && row.Signature == SlotTable.Ternary
                && c.Protocols.Operators.Any(p => p.Modulo is not null))
            {
                line += "  # type: ignore[misc]";
            }
            return (Name: reflected ? row.Reflected! : row.Dunder, Line: line);
        });
        foreach (var group in defs.GroupBy(d => d.Name))
        {
            var list = group.ToList();
            foreach (var d in list)
            {
                if (list.Count > 1) sb.Append(I).Append("@typing.overload\n");
                sb.Append(I).Append(d.Line).Append('\n');
            }
        }
    }
}
