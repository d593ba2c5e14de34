using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NdBindgen.Generator.Naming;

/// <summary>
/// The metadata names of the NdBindgen types user code writes (attributes, the GIL token, references,
/// views) and of the BCL types the parsers recognise: the one place the generator, the analyzers
/// and the code fixes spell them.
/// </summary>
internal static class KnownTypes
{
    /// <summary>The namespace of every user-facing NdBindgen type.</summary>
    public const string Namespace = "NdBindgen";

    public const string PyFunctionAttribute = Namespace + ".PyFunctionAttribute";
    public const string PyClassAttribute = Namespace + ".PyClassAttribute";
    public const string PyEnumAttribute = Namespace + ".PyEnumAttribute";
    public const string PyMethodAttribute = Namespace + ".PyMethodAttribute";
    public const string PyClassMethodAttribute = Namespace + ".PyClassMethodAttribute";
    public const string PyPropertyAttribute = Namespace + ".PyPropertyAttribute";
    public const string PyConstructorAttribute = Namespace + ".PyConstructorAttribute";
    public const string PyConstantAttribute = Namespace + ".PyConstantAttribute";
    public const string PySubmoduleAttribute = Namespace + ".PySubmoduleAttribute";
    public const string PyExceptionAttribute = Namespace + ".PyExceptionAttribute";
    public const string ArrayLikeAttribute = Namespace + ".ArrayLikeAttribute";
    public const string NdimAttribute = Namespace + ".NdimAttribute";
    public const string DtypesAttribute = Namespace + ".DtypesAttribute";
    public const string PositionalOnlyAttribute = Namespace + ".PositionalOnlyAttribute";
    public const string KeywordOnlyAttribute = Namespace + ".KeywordOnlyAttribute";
    public const string PyKwargsAttribute = Namespace + ".PyKwargsAttribute";

    /// <summary>The dictionary types a [PyKwargs] parameter may have, by their generic definitions' names.</summary>
    public static readonly string[] KwargsDictionaries =
    {
        "System.Collections.Generic.Dictionary<TKey, TValue>", "System.Collections.Generic.IDictionary<TKey, TValue>",
        "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
    };

    public const string ReadOnlySpan = "System.ReadOnlySpan<T>";

    /// <summary>
    /// The collections a C# 13 params parameter (*args) may have besides T[] and ReadOnlySpan&lt;T&gt;, and whether
    /// the runtime makes it a List&lt;T&gt; (else an array, which implements the read-only interfaces).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> ParamsCollections = new Dictionary<string, bool>
    {
        ["System.Collections.Generic.List<T>"] = true,
        ["System.Collections.Generic.IList<T>"] = true,
        ["System.Collections.Generic.ICollection<T>"] = true,
        ["System.Collections.Generic.IEnumerable<T>"] = false,
        ["System.Collections.Generic.IReadOnlyCollection<T>"] = false,
        ["System.Collections.Generic.IReadOnlyList<T>"] = false,
    };

    /// <summary>The GIL token.</summary>
    public const string Python = Namespace + ".Python";
    public const string NdView = Namespace + ".NdView`1";
    public const string IPyTraverse = Namespace + ".IPyTraverse";

    // Simple names, for types matched by name in the NdBindgen namespace (PyRef and PyRef<T> alike).
    public const string PythonName = "Python";
    public const string PyRefName = "PyRef";
    public const string PyBorrowedName = "PyBorrowed";
    public const string NdViewName = "NdView";
    public const string NdViewMutName = "NdViewMut";
    public const string NdArrayName = "NdArray";

    /// <summary>The attributes that mark a member for export, by simple name.</summary>
    public static readonly string[] MemberAttributes =
    {
        Simple(PyFunctionAttribute), Simple(PyMethodAttribute), Simple(PyClassMethodAttribute),
        Simple(PyPropertyAttribute), Simple(PyConstructorAttribute), Simple(PyConstantAttribute),
    };

    /// <summary>The attributes whose Name argument names a Python export, by simple name.</summary>
    public static readonly string[] NamingAttributes =
    {
        Simple(PyFunctionAttribute), Simple(PyMethodAttribute), Simple(PyClassMethodAttribute),
        Simple(PyPropertyAttribute), Simple(PyClassAttribute), Simple(PyConstantAttribute),
        Simple(PySubmoduleAttribute), Simple(PyExceptionAttribute),
    };

    // BCL types, by the display name of their original definition.
    public const string IEquatable = "System.IEquatable<T>";
    public const string IComparable = "System.IComparable<T>";
    public const string SystemNamespace = "System";
    public const string Func = "Func";
    public const string Action = "Action";

    /// <summary>Collections whose elements tp_traverse can walk.</summary>
    public static readonly string[] TraversableSequences =
    {
        "System.Collections.Generic.List<T>", "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.IReadOnlyList<T>", "System.Collections.Generic.IEnumerable<T>",
        "System.Collections.Generic.ICollection<T>", "System.Collections.Generic.HashSet<T>",
    };

    /// <summary>"NdBindgen.PyClassAttribute" -> "PyClassAttribute".</summary>
    public static string Simple(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);

    /// <summary>Whether <paramref name="type"/> is the NdBindgen type of this simple name (any arity).</summary>
    public static bool IsNdBindgen(ITypeSymbol? type, string simpleName) =>
        type is not null && type.Name == simpleName && type.ContainingNamespace?.ToDisplayString() == Namespace;

    /// <summary>Whether the attribute is of the class with this metadata name.</summary>
    public static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;
}
