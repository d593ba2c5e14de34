using System.Text;

namespace NdBindgen.Generator.Naming;

/// <summary>
/// Names of the converter structs generated code passes to the runtime's containers
/// (<c>Sequences.ToList&lt;double, Conv_double&gt;</c>): file-local types in the namespace of
/// generated code, one per element type a file uses, named after the C# type so that the parser
/// can name them before any file is written.
/// </summary>
internal static class ConverterNames
{
    private const string Namespace = "global::NdBindgen.Generated.";

    /// <summary>The converter of elements of <paramref name="csharpType"/>: the row's own conversions.</summary>
    public static string Element(string csharpType) => "Conv_" + Mangle(csharpType);

    /// <summary>The converter a C# tuple type converts with, item by item.</summary>
    public static string Tuple(string csharpType) => "Tuple_" + Mangle(csharpType);

    public static string Qualified(string name) => Namespace + name;

    /// <summary>
    /// The C# type as an identifier, one to one: letters and digits stay, '_' doubles, every other
    /// character becomes '_' and a letter ("List&lt;double?&gt;" -> "System_DCollections..._Ldouble_N_R").
    /// </summary>
    internal static string Mangle(string csharpType)
    {
        var sb = new StringBuilder();
        string text = csharpType.Replace("global::", "");
        foreach (char c in text)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                sb.Append(c);
                continue;
            }
            sb.Append(c switch
            {
                '_' => "__",
                '.' => "_D",
                '<' => "_L",
                '>' => "_R",
                ',' => "_C",
                '?' => "_N",
                '[' => "_A",
                ']' => "_B",
                '(' => "_P",
                ')' => "_Q",
                '@' => "_E",
                ' ' => "",
                _ => "_X" + ((int)c).ToString("X4"),
            });
        }
        return sb.ToString();
    }
}
