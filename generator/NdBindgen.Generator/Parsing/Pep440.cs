using System.Linq;
using System.Text.RegularExpressions;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A version in PEP 440's normal form, as the wheel writer (ndbindgen_build/wheel.py, normalize_version) spells
/// it, so that <c>__version__</c> and the wheel's version agree: "1.0.0-beta1" (MSBuild's style) -> "1.0.0b1".
/// </summary>
internal static class Pep440
{
    private static readonly Regex s_version = new(@"^\s*v?
        (?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)
        (?:[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?
        (?:(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?
        (?:[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?
        \s*$", RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The normal form, or <paramref name="version"/> unchanged when it is not a PEP 440 version.</summary>
    public static string Normalize(string version)
    {
        Match m = s_version.Match(version);
        if (!m.Success) return version;
        static string Number(Group g) => g.Success ? g.Value.TrimStart('0').PadLeft(1, '0') : "0";
        string result = m.Groups["epoch"].Success && Number(m.Groups["epoch"]) != "0"
            ? Number(m.Groups["epoch"]) + "!" : "";
        result += string.Join(".", m.Groups["release"].Value.Split('.').Select(p => p.TrimStart('0').PadLeft(1, '0')));
        if (m.Groups["pre_l"].Success)
        {
            string label = m.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "alpha" => "a",
                "beta" => "b",
                "c" or "pre" or "preview" => "rc",
                var other => other,
            };
            result += label + Number(m.Groups["pre_n"]);
        }
        if (m.Groups["post_n1"].Success || m.Groups["post_l"].Success)
        {
            Group post = m.Groups["post_n1"].Success ? m.Groups["post_n1"] : m.Groups["post_n2"];
            result += ".post" + Number(post);
        }
        if (m.Groups["dev_l"].Success) result += ".dev" + Number(m.Groups["dev_n"]);
        if (m.Groups["local"].Success)
        {
            result += "+" + string.Join(".", Regex.Split(m.Groups["local"].Value, "[-_.]")
                .Select(p => p.All(char.IsDigit) ? p.TrimStart('0').PadLeft(1, '0') : p.ToLowerInvariant()));
        }
        return result;
    }
}
