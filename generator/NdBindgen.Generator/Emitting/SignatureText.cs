using System;
using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// A parameter list in Python's order and notation, <c>a, /, b, *args, c=1, **kwargs</c>: for text
/// signatures, docstrings and stubs alike; and the runtime <c>PySignature</c> describing it.
/// </summary>
internal static class SignatureText
{
    /// <summary>
    /// Positional-only parameters, <c>/</c>, the others, <c>*args</c> (or a bare <c>*</c> before keyword-only
    /// parameters), keyword-only ones, <c>**kwargs</c>. <paramref name="variadic"/> renders *args and **kwargs
    /// without their stars.
    /// </summary>
    public static IEnumerable<string> Parameters(IEnumerable<ParameterModel> all, Func<ParameterModel, string> named,
        Func<ParameterModel, string> variadic)
    {
        var ps = all.Where(p => p.IsPythonArgument).ToList();
        var positionalOnly = ps.Where(p => p.Kind == ParameterKind.PositionalOnly).ToList();
        foreach (ParameterModel p in positionalOnly) yield return named(p);
        if (positionalOnly.Count > 0) yield return "/";
        foreach (ParameterModel p in ps.Where(p => p.Kind == ParameterKind.PositionalOrKeyword)) yield return named(p);
        var keywordOnly = ps.Where(p => p.Kind == ParameterKind.KeywordOnly).ToList();
        ParameterModel? varArgs = ps.FirstOrDefault(p => p.Kind == ParameterKind.VarArgs);
        if (varArgs is not null) yield return "*" + variadic(varArgs);
        else if (keywordOnly.Count > 0) yield return "*";
        foreach (ParameterModel p in keywordOnly) yield return named(p);
        ParameterModel? varKeywords = ps.FirstOrDefault(p => p.Kind == ParameterKind.VarKeywords);
        if (varKeywords is not null) yield return "**" + variadic(varKeywords);
    }

    /// <summary>Whether the parameters need more than the runtime's plain (positional-or-keyword) signature.</summary>
    public static bool HasKinds(IEnumerable<ParameterModel> all) =>
        all.Any(p => p.IsPythonArgument && p.Kind != ParameterKind.PositionalOrKeyword);

    /// <summary>The <c>new(...)</c> of the runtime signature: names, required prefix and any kinds.</summary>
    public static string RuntimeSignature(string messageName, IEnumerable<ParameterModel> all)
    {
        var named = all.Where(p => p.IsNamed).ToList();
        string names = named.Count == 0 ? "global::System.Array.Empty<string>()"
            : "new[] { " + string.Join(", ", named.Select(p => SourceWriter.Literal(p.PythonName))) + " }";
        int required = ParameterModel.RequiredCount(all);
        string head = $"new({SourceWriter.Literal(messageName)}, {names}, required: {required}";
        if (!HasKinds(all)) return head + ")";
        string Name(ParameterKind kind) =>
            all.FirstOrDefault(p => p.Kind == kind) is { } p ? SourceWriter.Literal(p.PythonName) : "null";
        return head + $", positionalOnly: {named.Count(p => p.Kind == ParameterKind.PositionalOnly)}, "
            + $"keywordOnly: {named.Count(p => p.Kind == ParameterKind.KeywordOnly)}, "
            + $"varArgs: {Name(ParameterKind.VarArgs)}, varKeywords: {Name(ParameterKind.VarKeywords)})";
    }
}
