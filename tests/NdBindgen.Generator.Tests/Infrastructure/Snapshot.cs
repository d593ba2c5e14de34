using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace NdBindgen.Generator.Tests.Infrastructure;

/// <summary>
/// The Verify convention without Verify: each generated file has a checked-in expected copy
/// <c>&lt;hint&gt;.verified.cs</c> in the scenario's folder. A mismatch writes
/// <c>&lt;hint&gt;.received.cs</c> beside it (gitignored) to diff against; NDBINDGEN_ACCEPT=1
/// overwrites the expected files with what was generated (and removes stale ones).
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "NDBINDGEN_ACCEPT";
    private const string Verified = ".verified.cs";
    private const string Received = ".received.cs";

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Verify(string directory, IReadOnlyList<(string HintName, string Text)> generated)
    {
        foreach (string stale in Directory.GetFiles(directory, "*" + Received)) File.Delete(stale);

        var expectedFiles = Directory.GetFiles(directory, "*" + Verified).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (hintName, text) in generated)
        {
            string stem = Path.Combine(directory, hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName);
            string verifiedPath = stem + Verified;
            expectedFiles.Remove(verifiedPath);
            string actual = Normalize(text);
            if (Accepting)
            {
                File.WriteAllText(verifiedPath, actual);
                continue;
            }
            if (!File.Exists(verifiedPath))
            {
                File.WriteAllText(stem + Received, actual);
                failures.Add($"{hintName}: no expected file {Path.GetFileName(verifiedPath)} (wrote {Path.GetFileName(stem + Received)})");
                continue;
            }
            string expected = Normalize(File.ReadAllText(verifiedPath));
            if (expected != actual)
            {
                File.WriteAllText(stem + Received, actual);
                failures.Add($"{hintName}: differs from {Path.GetFileName(verifiedPath)} (wrote {Path.GetFileName(stem + Received)})\n{FirstDifference(expected, actual)}");
            }
        }

        foreach (string orphan in expectedFiles)
        {
            if (Accepting) File.Delete(orphan);
            else failures.Add($"{Path.GetFileName(orphan)}: expected, but the generator no longer produces it");
        }

        if (failures.Count > 0)
            throw new XunitException($"Generated code does not match the expected files in {directory} " +
                                     $"(set {AcceptVariable}=1 to accept):\n" + string.Join("\n", failures));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>", al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"  line {i + 1}\n  expected: {el}\n  actual:   {al}";
        }
        return "  (line endings only)";
    }
}
