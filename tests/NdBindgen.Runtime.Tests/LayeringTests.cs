using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// The runtime's folders form layers: a file may use types declared in its own folder or in a
/// folder of a lower layer, never in a folder of its own layer or a higher one. A source scan:
/// each folder's declared type names, then every use of one of them (outside comments and string
/// text) in a file of another folder.
/// </summary>
public sealed class LayeringTests(ITestOutputHelper output)
{
    /// <summary>
    /// The layers, lowest first. Folders in one layer do not use each other. Attributes, Interop and
    /// Memory use nothing of the runtime; NumPy (array views) sits above Core and below the argument
    /// binding that names dtypes in its messages; Classes (instance layout and types) sits below the
    /// conversions, which convert to instances as they convert to views; module init and embedding
    /// are the entry points on top.
    /// </summary>
    internal static readonly string[][] Layers =
    [
        ["Attributes", "Interop", "Memory"],
        ["Core"],
        ["NumPy"],
        ["Binding"],
        ["Classes"],
        ["Conversions"],
        ["Modules", "Embedding"],
    ];

    [Fact]
    public void EveryFolderIsInALayer()
    {
        var scan = RuntimeScan.Of(RuntimeScan.SourceRoot());
        var layered = Layers.SelectMany(l => l).ToHashSet();
        Assert.All(scan.Folders, f => Assert.Contains(f, layered));
    }

    /// <summary>
    /// A type has one home folder. A partial part in a higher folder may add members that need that
    /// folder (PyRef.Of in Classes/: a static extension of PyRef); its home is still the lowest.
    /// </summary>
    [Fact]
    public void ATypeInSeveralFoldersIsPartial()
    {
        var scan = RuntimeScan.Of(RuntimeScan.SourceRoot(), Rank);
        Assert.Empty(scan.DeclaredInSeveralFolders);
    }

    private static int Rank(string folder) => Array.FindIndex(Layers, l => l.Contains(folder));

    [Fact]
    public void ReferencesGoDownTheLayers()
    {
        var scan = RuntimeScan.Of(RuntimeScan.SourceRoot(), Rank);
        output.WriteLine(scan.CountsTable());
        var layerOf = new Dictionary<string, int>();
        for (int i = 0; i < Layers.Length; i++)
        {
            foreach (string folder in Layers[i]) layerOf[folder] = i;
        }
        var wrong = scan.References
            .Where(r => layerOf.GetValueOrDefault(r.FromFolder, -1) <= layerOf.GetValueOrDefault(r.ToFolder, int.MaxValue))
            .Select(r => $"{r.File}: {r.FromFolder} -> {r.ToFolder} ({r.Type})")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "references up or across the layers:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// Prints the folder -> folder reference counts of any runtime tree:
    /// <c>NDBINDGEN_LAYERING_ROOT=/path/to/runtime/NdBindgen.Runtime dotnet test tests/NdBindgen.Runtime.Tests
    /// --filter PrintReferenceCounts --logger "console;verbosity=detailed"</c> (this tree without the variable).
    /// </summary>
    [Fact]
    public void PrintReferenceCounts()
    {
        string root = Environment.GetEnvironmentVariable("NDBINDGEN_LAYERING_ROOT") is { Length: > 0 } r ? r : RuntimeScan.SourceRoot();
        output.WriteLine(RuntimeScan.Of(root, Rank).CountsTable());
    }
}

/// <summary>Type declarations and cross-folder type references of the runtime's sources.</summary>
internal sealed partial class RuntimeScan
{
    internal sealed record Reference(string File, string FromFolder, string ToFolder, string Type);

    public List<string> Folders { get; } = [];
    public List<Reference> References { get; } = [];
    public List<string> DeclaredInSeveralFolders { get; } = [];

    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "runtime", "NdBindgen.Runtime");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("runtime/NdBindgen.Runtime above " + AppContext.BaseDirectory);
    }

    /// <param name="rank">A folder's layer, which picks the home of a partial type declared in several folders.</param>
    internal static RuntimeScan Of(string root, Func<string, int>? rank = null)
    {
        var scan = new RuntimeScan();
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f.Contains('/') && !f.StartsWith("obj/") && !f.StartsWith("bin/"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path: f, Folder: f[..f.IndexOf('/')], Code: CodeOnly(File.ReadAllText(Path.Combine(root, f)))))
            .ToList();
        scan.Folders.AddRange(files.Select(f => f.Folder).Distinct());

        // A type is its name and generic arity: PyRef and PyRef<T> are two types. Its home is the
        // lowest-ranked folder declaring it; a part elsewhere must be partial.
        var declared = new Dictionary<string, List<(string Folder, bool Partial)>>();
        foreach (var (path, folder, code) in files)
        {
            foreach (Match m in Declaration().Matches(code))
            {
                string key = m.Groups["name"].Value + "`" + Arity(code, m.Groups["name"].Index + m.Groups["name"].Length);
                if (!declared.TryGetValue(key, out var list)) declared[key] = list = [];
                list.Add((folder, m.Groups["partial"].Success));
            }
        }
        var home = new Dictionary<string, string>();
        foreach (var (key, list) in declared)
        {
            home[key] = list.MinBy(d => rank?.Invoke(d.Folder) ?? 0).Folder;
            if (list.Select(d => d.Folder).Distinct().Count() > 1 && list.Any(d => !d.Partial))
                scan.DeclaredInSeveralFolders.Add($"{key}: {string.Join(", ", list.Select(d => d.Folder).Distinct())}");
        }
        foreach (var (path, folder, code) in files)
        {
            foreach (Match m in Identifier().Matches(code))
            {
                int arity = Arity(code, m.Index + m.Length);
                string key = m.Value + "`" + arity;
                if (!home.TryGetValue(key, out string? target) && arity > 0) home.TryGetValue(m.Value + "`0", out target);
                if (target is not null && target != folder) scan.References.Add(new Reference(path, folder, target, m.Value));
            }
        }
        return scan;
    }

    /// <summary>folder -> folder: number of references, one line per pair.</summary>
    internal string CountsTable()
    {
        var text = new StringBuilder("references (from -> to: count)\n");
        foreach (var g in References.GroupBy(r => (r.FromFolder, r.ToFolder)).OrderBy(g => g.Key.FromFolder).ThenBy(g => g.Key.ToFolder))
            text.AppendLine($"  {g.Key.FromFolder} -> {g.Key.ToFolder}: {g.Count()}");
        return text.ToString();
    }

    /// <summary>The number of type arguments when <paramref name="at"/> starts a generic argument list, else 0.</summary>
    private static int Arity(string code, int at)
    {
        int i = at;
        while (i < code.Length && char.IsWhiteSpace(code[i])) i++;
        if (i >= code.Length || code[i] != '<') return 0;
        int depth = 0, commas = 0;
        for (; i < code.Length; i++)
        {
            char c = code[i];
            if (c == '<') depth++;
            else if (c == '>' && --depth == 0) return commas + 1;
            else if (c == ',' && depth == 1) commas++;
            else if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or ' ' or '?' or '*' or '[' or ']' or ':' or '(' or ')' or ',')) return 0;
        }
        return 0;
    }

    /// <summary>The source with comments removed and the text of string and char literals blanked (interpolation holes kept).</summary>
    internal static string CodeOnly(string source)
    {
        var code = new StringBuilder(source.Length);
        int i = 0;
        Scan(source, ref i, code, inHole: false);
        return code.ToString();
    }

    private static void Scan(string s, ref int i, StringBuilder code, bool inHole)
    {
        int braces = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                int end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
                code.Append(' ');
            }
            else if (c == '\'')
            {
                i++;
                while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
                i++;
                code.Append("' '");
            }
            else if (c == '"' || (c is '$' or '@' && StringStart(s, i)))
            {
                ScanString(s, ref i, code);
            }
            else if (inHole && c == '{')
            {
                braces++;
                code.Append(c);
                i++;
            }
            else if (inHole && c == '}')
            {
                if (braces-- == 0) return;   // the hole's end: the caller consumes it
                code.Append(c);
                i++;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
    }

    private static bool StringStart(string s, int i)
    {
        int j = i;
        while (j < s.Length && s[j] is '$' or '@') j++;
        return j < s.Length && j > i && s[j] == '"';
    }

    private static void ScanString(string s, ref int i, StringBuilder code)
    {
        bool interpolated = false, verbatim = false;
        while (s[i] is '$' or '@')
        {
            if (s[i] == '$') interpolated = true;
            else verbatim = true;
            i++;
        }
        int quotes = 0;
        while (i + quotes < s.Length && s[i + quotes] == '"') quotes++;
        bool raw = quotes >= 3;
        if (!raw) quotes = 1;
        if (quotes == 2 && !raw)
        {
            i += 2;   // ""
            code.Append("\"\"");
            return;
        }
        i += quotes;
        code.Append('"');
        string close = new('"', quotes);
        while (i < s.Length)
        {
            char c = s[i];
            if (!verbatim && !raw && c == '\\') i += 2;
            else if (verbatim && c == '"' && i + 1 < s.Length && s[i + 1] == '"') i += 2;
            else if (string.CompareOrdinal(s, i, close, 0, quotes) == 0)
            {
                i += quotes;
                break;
            }
            else if (interpolated && c == '{' && i + 1 < s.Length && s[i + 1] == '{') i += 2;
            else if (interpolated && c == '{')
            {
                i++;
                code.Append(" {");
                Scan(s, ref i, code, inHole: true);
                code.Append("} ");
                i++;
            }
            else i++;
        }
        code.Append('"');
    }

    [GeneratedRegex(@"(?<partial>\bpartial\s+)?\b(?:class|struct|interface|enum|record(?:\s+(?:struct|class))?)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();
}
