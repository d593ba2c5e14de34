using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>The stub lines of class attributes, write-only properties and deleters.</summary>
internal static partial class StubEmitter
{
    /// <summary>
    /// A static [PyProperty]: <c>count: typing.ClassVar[int]</c> (checkers refuse setting it through an
    /// instance); a [PyConstant] of the class: <c>RED: typing.Final = 1</c> as a module constant's (Final in a
    /// class body is a class variable), refused by checkers when assigned. Each with its doc after it. Then, for
    /// a class with a <c>__dict__</c>, the dunders that let checkers accept attributes of Python's own.
    /// </summary>
    private static void AppendClassAttributes(StringBuilder sb, ClassExportModel c)
    {
        foreach (ClassAttributeModel a in c.ClassAttributes)
        {
            sb.Append(I).Append(a.PythonName).Append(": ");
            if (!a.Constant) sb.Append("typing.ClassVar[").Append(Annotation(a.Type)).Append(']');
            else if (a.PythonLiteral is { } literal) sb.Append("typing.Final = ").Append(literal);
            else sb.Append("typing.Final[").Append(Annotation(a.Type)).Append(']');
            sb.Append('\n');
            string? doc = DocstringBody.Of(a.Doc);
            if (!string.IsNullOrEmpty(doc)) sb.Append(I).Append(DocString(doc!.Trim('\n'), I)).Append('\n');
        }
        if (!c.Dict) return;
        // [PyClass(Dict = true)]: any other attribute may be set, read and deleted (checkers still check the
        // declared ones against their types).
        sb.Append(I).Append("def __getattr__(self, name: str) -> typing.Any: ...\n");
        sb.Append(I).Append("def __setattr__(self, name: str, value: typing.Any) -> None: ...\n");
        sb.Append(I).Append("def __delattr__(self, name: str) -> None: ...\n");
    }

    /// <summary>
    /// A property spelled out as getter, setter and deleter: a deletable one, or a write-only one (whose getter
    /// has the setter's type, as checkers before mypy 1.14 type an assignment by the getter; a comment says
    /// reading raises AttributeError).
    /// </summary>
    private static void AppendAccessors(StringBuilder sb, PropertyModel p)
    {
        string type = Annotation(p.Type);
        if (!p.Readable) sb.Append(I).Append("# write-only: reading raises AttributeError\n");
        sb.Append(I).Append("@property\n").Append(I).Append("def ").Append(p.PythonName).Append("(self) -> ")
          .Append(type).Append(':');
        AppendBody(sb, DocstringBody.Of(p.Doc), I);
        sb.Append('\n');
        sb.Append(I).Append('@').Append(p.PythonName).Append(".setter\n").Append(I).Append("def ")
          .Append(p.PythonName).Append("(self, value: ").Append(type).Append(") -> None: ...\n");
        if (!p.Deletable) return;
        sb.Append(I).Append('@').Append(p.PythonName).Append(".deleter\n").Append(I).Append("def ")
          .Append(p.PythonName).Append("(self) -> None: ...\n");
    }
}
