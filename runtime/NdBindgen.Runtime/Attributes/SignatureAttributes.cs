using System;

namespace NdBindgen;

/// <summary>
/// Makes a parameter positional-only, as a Python parameter before <c>/</c>: <c>f(1)</c> works,
/// <c>f(x=1)</c> is a TypeError, and the name stays free for <c>**kwargs</c>. Positional-only
/// parameters come first (NDB0028).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PositionalOnlyAttribute : Attribute
{
}

/// <summary>
/// Makes a parameter keyword-only, as a Python parameter after <c>*</c> or <c>*args</c>: <c>f(x=1)</c>
/// works, <c>f(1)</c> does not fill it. Keyword-only parameters follow the positional ones (NDB0028); a
/// <c>params</c> parameter, which C# puts last, still comes before them in Python (<c>*args</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class KeywordOnlyAttribute : Attribute
{
}

/// <summary>
/// Makes a dictionary parameter Python's <c>**kwargs</c>: the keywords no other parameter takes, each
/// value converted to the dictionary's value type. Its type is <c>Dictionary&lt;string, T&gt;</c>,
/// <c>IDictionary&lt;string, T&gt;</c> or <c>IReadOnlyDictionary&lt;string, T&gt;</c>, and it is the last
/// parameter (before a <c>params</c> one, which C# keeps last). Without it, an unknown keyword is a TypeError.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PyKwargsAttribute : Attribute
{
}
