using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NdBindgen.Generator.Diagnostics;

/// <summary>Every diagnostic NdBindgen reports: one table, documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NdBindgen";
    /// <summary>
    /// The MSBuild property (made visible by NdBindgen.props) naming the page the help links open: the copy of
    /// docs/diagnostics.md the NuGet package carries, on the user's disk. NdBindgen has no public web site whose
    /// address would outlive this repository, so the links point where the page certainly is; a project may set
    /// NdBindgenDiagnosticsPage to any absolute URL instead (a mirror, an intranet copy).
    /// </summary>
    public const string HelpPageKey = "build_property.NdBindgenDiagnosticsPage";

    // The table's descriptors carry no link: where the page lives is known per project (HelpPageKey), and a
    // reported diagnostic takes its descriptor from WithHelp. Roslyn matches reported diagnostics to an
    // analyzer's SupportedDiagnostics by id.
    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Module-wide: PyModuleAnalyzer reports these when the compilation ends, and Roslyn asks such
    // descriptors to carry the CompilationEnd tag (editors compute them with the whole project).
    private static DiagnosticDescriptor ModuleError(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// The page of HelpPageKey as an absolute URI (editors and LSP's codeDescription.href accept nothing else):
    /// a file path becomes a file:// URI. Null when the project names none or the value is not usable.
    /// </summary>
    public static string? HelpPage(AnalyzerConfigOptions global)
    {
        if (!global.TryGetValue(HelpPageKey, out string? value) || string.IsNullOrWhiteSpace(value)) return null;
        value = value!.Trim();
        if (Path.IsPathRooted(value)) return new Uri(Path.GetFullPath(value)).AbsoluteUri;
        return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri.AbsoluteUri : null;
    }

    private static readonly ConcurrentDictionary<(string Id, string Page), DiagnosticDescriptor> s_linked = new();

    /// <summary>The descriptor with its help link: the section of the page about this id (#ndb0001).</summary>
    public static DiagnosticDescriptor WithHelp(DiagnosticDescriptor d, string? page) =>
        page is null ? d : s_linked.GetOrAdd((d.Id, page), key => new DiagnosticDescriptor(d.Id, d.Title,
            d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description,
            HelpLink(key.Page, key.Id), d.CustomTags.ToArray()));

    public static string HelpLink(string page, string id) => page + "#" + id.ToLowerInvariant();

    public static readonly DiagnosticDescriptor FunctionNotStatic = Error("NDB0001",
        "[PyFunction] method must be static",
        "'{0}' is marked [PyFunction] but is not static; make it static (Python module functions have no instance)");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error("NDB0002",
        "Parameter type cannot be converted from Python",
        "Parameter '{0}' of '{1}' has type '{2}', which NdBindgen cannot convert from Python; supported: {3}");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error("NDB0003",
        "Return type cannot be converted to Python",
        "'{0}' returns '{1}', which NdBindgen cannot convert to Python; supported: {2}");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error("NDB0004",
        "Array element type is not a numpy dtype",
        "{0} has element type '{1}', which has no numpy dtype; supported: {2}");

    public static readonly DiagnosticDescriptor DuplicatePythonName = ModuleError("NDB0005",
        "Two exports have the same Python name",
        "'{0}' is exported as '{1}', which is already the name of {2} in module '{3}'; give one of them another "
            + "name with {4}");

    public static readonly DiagnosticDescriptor InvalidPythonName = Error("NDB0006",
        "Python name is not a valid identifier",
        "'{0}' is not a valid Python identifier{1}; choose another name");

    public static readonly DiagnosticDescriptor InvalidModuleName = ModuleError("NDB0007",
        "Module name is missing or invalid",
        "The Python module name '{0}' is not a valid Python identifier; set the MSBuild property PyModuleName to a "
            + "name such as my_module");

    public static readonly DiagnosticDescriptor GenericFunction = Error("NDB0008",
        "[PyFunction] method cannot be generic this way",
        "'{0}' is generic over {1}; a generic [PyFunction] must be a static module function with one type parameter "
            + "T that an NdView<T> or NdViewMut<T> parameter decides (Python has no type arguments), so make it "
            + "that shape or export non-generic methods");

    public static readonly DiagnosticDescriptor GenericNoElements = Error("NDB0024",
        "Generic [PyFunction] has no element type to instantiate",
        "'{0}' cannot be instantiated: {1}");

    public static readonly DiagnosticDescriptor ByRefParameter = Error("NDB0009",
        "Parameter passing mode is not supported",
        "Parameter '{0}' of '{1}' is '{2}'; Python passes arguments by value, so remove the modifier");

    public static readonly DiagnosticDescriptor NotAccessible = Error("NDB0010",
        "[PyFunction] method is not accessible to generated code",
        "'{0}' is {1}; the generated module code must call it, so make it internal or public (and every containing "
            + "type too)");

    public static readonly DiagnosticDescriptor DefaultNotExpressible = Error("NDB0011",
        "Default value cannot be written in Python",
        "The default value of parameter '{0}' of '{1}' ({2}) has no Python literal for the function's signature; "
            + "use another default");

    public static readonly DiagnosticDescriptor NdimOnNonArray = Error("NDB0012",
        "[Ndim] needs an array view parameter with a non-negative count",
        "[Ndim({0})] on parameter '{1}' of '{2}' needs an NdView<T> or NdViewMut<T> parameter "
        + "and a count of 0 or more");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error("NDB0013",
        "[PyClass] must be a partial, concrete, non-generic, top-level class",
        "'{0}' is marked [PyClass] but {1}");

    public static readonly DiagnosticDescriptor NoConstructor = Error("NDB0014",
        "[PyClass] has several constructors and none is marked",
        "'{0}' {1}; mark the one Python should call with [PyConstructor] (mark several to make them overloads of "
            + "one __init__)");

    public static readonly DiagnosticDescriptor UntraversableReferences = Error("NDB0015",
        "Python references held in a shape the generator cannot traverse",
        "'{0}' of '{1}' holds Python references in a '{2}', which the generated tp_traverse cannot walk; use PyRef "
            + "fields, arrays or lists of them, or implement NdBindgen.IPyTraverse on '{1}' to report them "
            + "yourself");

    public static readonly DiagnosticDescriptor InvalidMember = Error("NDB0016",
        "Member cannot be exported this way",
        "'{0}' cannot be exported: {1}");

    public static readonly DiagnosticDescriptor ConflictingAttributes = Error("NDB0017",
        "Conflicting NdBindgen attributes",
        "'{0}' is marked both {1}; a member is exported one way, so keep one of them");

    public static readonly DiagnosticDescriptor MemberOutsideClass = Error("NDB0018",
        "Class member attribute outside a [PyClass]",
        "'{0}' is marked {1}, but its type '{2}' is not a [PyClass], so it would not be exported; mark the type "
            + "[PyClass] (and partial), or use [PyFunction] on a static method");

    public static readonly DiagnosticDescriptor AsyncFunction = Error("NDB0019",
        "Exported method cannot be async",
        "'{0}' is async; Python calls it synchronously and would get no result, so make it synchronous (release the "
            + "GIL with Python.AllowThreads for long work)");

    public static readonly DiagnosticDescriptor AssumedGil = new("NDB0020",
        "Python.AssumeGilHeld() in user code",
        "Python.AssumeGilHeld() makes a GIL token without taking the GIL (it exists for generated code); take a "
            + "'Python' parameter, or use 'using var gil = Python.Acquire();' and 'gil.Python'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ViewPointerEscapes = Error("NDB0021",
        "A pointer into a borrowed array is kept beyond the call",
        "'{0}' stores a pointer into '{1}', whose memory belongs to the caller's array only for the duration of the "
            + "call; copy the data (ToArray, or an NdArray) instead of keeping the pointer");

    public static readonly DiagnosticDescriptor ArrayLikeOnWrongType = Error("NDB0022",
        "[ArrayLike] needs a read-only array view parameter",
        "[ArrayLike] on parameter '{0}' of '{1}': {2}");

    public static readonly DiagnosticDescriptor IndistinguishableOverloads = ModuleError("NDB0023",
        "Overloads Python cannot tell apart",
        "'{0}' takes the same Python types as an earlier overload of '{1}' ({2}), so Python calls could never reach "
            + "it; change a parameter type, or export it under another name with [PyFunction(\"...\")]");

    public static readonly DiagnosticDescriptor OverloadsOfDifferentKinds = Error("NDB0025",
        "Members under one Python name cannot be one overloaded method",
        "'{0}' cannot be an overload of '{1}' under the Python name '{2}': {3}; export it under another name with "
            + "[PyMethod(\"...\")]");

    public static readonly DiagnosticDescriptor PyClassInheritance = Error("NDB0026",
        "A [PyClass] cannot derive from this [PyClass]",
        "'{0}' derives from '{1}', a [PyClass] {2}");

    public static readonly DiagnosticDescriptor DuplicateMemberName = Error("NDB0027",
        "Two members of a [PyClass] have one Python name",
        "'{0}' is exported as '{1}', the Python name of '{2}' already; a Python class has one attribute per name "
            + "(the later would replace the earlier), so give one of them another name with [{3}(\"...\")]");

    public static readonly DiagnosticDescriptor ParameterKindOrder = Error("NDB0028",
        "Parameter kinds are out of Python's order",
        "Parameter '{0}' of '{1}' {2}");

    public static readonly DiagnosticDescriptor InvalidVariadic = Error("NDB0029",
        "Parameter cannot be *args or **kwargs",
        "Parameter '{0}' of '{1}' cannot be {2}: {3}");

    public static readonly DiagnosticDescriptor ConflictingParameterKinds = Error("NDB0030",
        "Parameter has two kinds",
        "Parameter '{0}' of '{1}' is {2} and {3}; a Python parameter has one kind, so keep one");

    public static readonly DiagnosticDescriptor VariadicOverload = Error("NDB0031",
        "An overload cannot take *args or **kwargs",
        "'{0}' takes {1} and is one of several overloads under the Python name '{2}'; overload dispatch does not "
            + "try *args or **kwargs, so export it under a name of its own with [{3}(\"...\")]");

    public static readonly DiagnosticDescriptor InvalidEnumMember = ModuleError("NDB0032",
        "Enum member has no Python name of its own",
        "Member '{0}' of enum '{1}' becomes '{2}' in Python, {3}; rename the C# member");

    public static readonly DiagnosticDescriptor MixedTraversal = Error("NDB0033",
        "Generated and hand-written GC traversal in one [PyClass] hierarchy",
        "'{0}' derives from '{1}' and {2}");

    public static readonly DiagnosticDescriptor OverrideNotSeen = new("NDB0035",
        "Python overrides of a virtual member are not seen from C#",
        "'{0}' is virtual, but C# calls of it cannot reach a Python subclass's override ({1}), so they run the C# "
            + "implementation; make it non-virtual (or 'sealed override') if that is meant",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidContextManager = Error("NDB0039",
        "[PyClass(ContextManager = true)] cannot generate __enter__ and __exit__",
        "'{0}' asks for ContextManager = true, but {1}");

    public static readonly DiagnosticDescriptor UnsupportedConstantType = Error("NDB0040",
        "Constant type cannot be converted to Python",
        "'{0}' has type '{1}', which NdBindgen cannot convert to a Python module constant; supported: {2}");

    public static readonly DiagnosticDescriptor InvalidSubmodule = Error("NDB0041",
        "[PySubmodule] class cannot be a submodule",
        "'{0}' cannot be a submodule: {1}");

    public static readonly DiagnosticDescriptor NotASubmodule = Error("NDB0042",
        "[PyClass] Submodule is not a [PySubmodule]",
        "'{0}' names '{1}' as its Submodule, but '{1}' is not marked [PySubmodule]; mark '{1}' [PySubmodule] (a "
            + "static class), or remove Submodule to put '{0}' in the module itself");

    public static readonly DiagnosticDescriptor CannotPickle = Error("NDB0044",
        "[PyClass(Pickle = true)] class cannot be rebuilt by pickle",
        "'{0}' asks for pickling (Pickle = true), but the generated __reduce__ cannot rebuild it: {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidException = Error("NDB0045",
        "[PyException] class cannot be a Python exception class",
        "'{0}' is marked [PyException] but {1}");

    public static readonly DiagnosticDescriptor ExceptionPropertyNotAttribute = new("NDB0046",
        "Public property of a [PyException] class is not an attribute of the Python exception",
        "Property '{0}' of '{1}' is not an attribute of the Python exception: {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StructNotUnmanaged = Error("NDB0047",
        "[PyClass] struct holds a reference",
        "'{0}' is a [PyClass] struct, whose value lives inside its Python object, but '{1}' is of type '{2}', which "
            + "holds a reference (.NET's GC cannot see into a Python object); make '{0}' a 'partial class' for state "
            + "that holds references (strings, arrays, PyRef, classes), or keep only unmanaged fields");

    public static readonly DiagnosticDescriptor StructCannot = Error("NDB0048",
        "[PyClass] struct cannot do what a class can",
        "[PyClass] struct '{0}' cannot {1}");

    public static readonly DiagnosticDescriptor WeakRefOnlyStruct = Error("NDB0049",
        "WeakRef = false is for a [PyClass] struct",
        "[PyClass] class '{0}' cannot set WeakRef = false: a class's instances run .NET code when they die anyway, "
        + "so it would only take weakref.ref away; remove it, or declare '{0}' a 'partial struct' for instances that "
        + "die without .NET code");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        FunctionNotStatic, UnsupportedParameterType, UnsupportedReturnType, UnsupportedElementType,
        DuplicatePythonName, InvalidPythonName, InvalidModuleName, GenericFunction, GenericNoElements, ByRefParameter,
        NotAccessible, DefaultNotExpressible, NdimOnNonArray, ClassNotPartial, NoConstructor,
        UntraversableReferences, InvalidMember, ConflictingAttributes, MemberOutsideClass, AsyncFunction, AssumedGil,
        ViewPointerEscapes, ArrayLikeOnWrongType, IndistinguishableOverloads, OverloadsOfDifferentKinds,
        PyClassInheritance, DuplicateMemberName, ParameterKindOrder, InvalidVariadic, ConflictingParameterKinds,
        VariadicOverload, InvalidEnumMember, MixedTraversal, OverrideNotSeen, UnsupportedConstantType, InvalidSubmodule,
        NotASubmodule, InvalidContextManager, CannotPickle, InvalidException, ExceptionPropertyNotAttribute,
        StructNotUnmanaged, StructCannot, WeakRefOnlyStruct,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
