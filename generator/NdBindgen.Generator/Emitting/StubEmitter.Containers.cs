using System.Collections.Generic;
using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>The stub lines of the container and iterator rows: one overload per key kind.</summary>
internal static partial class StubEmitter
{
    /// <summary>Writes the row's stub lines when it is a container or iterator row; false for any other row.</summary>
    private static bool ContainerStub(StringBuilder sb, ClassExportModel c, SlotDef row)
    {
        ContainersModel m = c.Protocols.Container;
        switch (row.Shape)
        {
            case SlotShape.Subscript:
                Each(sb, m.Indexers,
                    i => $"def __getitem__(self, {KeyParameter(i.Kind, i.Key)}) -> {Annotation(i.Value)}: ...");
                return true;
            case SlotShape.AssignSubscript:
                Each(sb, m.Indexers.Where(i => i.Settable), i =>
                    $"def __setitem__(self, {KeyParameter(i.Kind, i.Key)}, value: {Annotation(i.Value)}) -> None: ...");
                return true;
            case SlotShape.DeleteItem:
                string key = KeyParameter(m.Delete!.Key, m.Delete.Type);
                sb.Append(I).Append(row.Stub!.Replace("{key}", key)).Append('\n');
                return true;
            case SlotShape.Next:
                sb.Append(I).Append(row.Stub!.Replace("{next}", Annotation(m.Next!.Type))).Append('\n');
                return true;
            case SlotShape.Iter when c.Protocols.IterItem is null && m.Next is not null:
                // Its own iterator: iter(obj) is obj.
                sb.Append(I).Append($"def __iter__(self) -> {c.PythonName}: ...\n");
                return true;
            default:
                return false;
        }
    }

    /// <summary>One def, or @typing.overload defs when there are several.</summary>
    private static void Each(StringBuilder sb, IEnumerable<IndexerModel> indexers,
        System.Func<IndexerModel, string> line)
    {
        var list = indexers.ToList();
        foreach (IndexerModel i in list)
        {
            if (list.Count > 1) sb.Append(I).Append("@typing.overload\n");
            sb.Append(I).Append(line(i)).Append('\n');
        }
    }

    private static string KeyParameter(IndexKey kind, TypeModel key) => kind switch
    {
        IndexKey.Index => "index: int",
        IndexKey.Slice or IndexKey.Range => "index: slice",
        _ => "key: " + Annotation(key),
    };
}
