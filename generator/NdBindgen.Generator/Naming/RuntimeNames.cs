namespace NdBindgen.Generator.Naming;

/// <summary>
/// Every fully qualified runtime name generated code calls or mentions, in one table: when the
/// runtime moves a type to another namespace, only this file changes. The conversion table picks
/// runtime functions while parsing, so this lives beside the models' vocabulary, not in Emitting.
/// </summary>
internal static class RuntimeNames
{
    private const string Root = "global::NdBindgen.";

    // User-facing types, as generated code writes them.
    public const string Python = Root + "Python";
    public const string AssumeGilHeld = Python + ".AssumeGilHeld()";
    public const string PyRef = Root + "PyRef";
    public const string PyBorrowed = Root + "PyBorrowed";
    public const string NdView = Root + "NdView";
    public const string NdViewMut = Root + "NdViewMut";
    public const string NdArray = Root + "NdArray";

    // Interop: the C API's layouts and constants.
    public const string PyObject = Root + "Interop.PyObject";
    public const string PyTypeObject = Root + "Interop.PyTypeObject";
    public const string PySlot = Root + "Interop.PySlot";
    public const string PyConst = Root + "Interop.PyConst";

    // Core.
    public const string PyErrors = Root + "Core.PyErrors";
    public const string Raise = PyErrors + ".Raise";
    public const string RaiseStatus = PyErrors + ".RaiseStatus";

    // Hosting: binding, instances, type and module building.
    private const string Hosting = Root + "Hosting.";
    public const string PySignature = Hosting + "PySignature";
    public const string PyOverloads = Hosting + "PyOverloads";
    public const string PyInstance = Hosting + "PyInstance";
    public const string PyClassBuilder = Hosting + "PyClassBuilder";
    public const string PyClassErrors = Hosting + "PyClassErrors";
    public const string PyIterator = Hosting + "PyIterator";
    public const string ModuleBuilder = Hosting + "ModuleBuilder";
    public const string IPyClass = Hosting + "IPyClass";
    public const string IPyTraverse = Hosting + "IPyTraverse";
    public const string PyVisit = Hosting + "PyVisit";

    // Conversions: one static class per type family.
    private const string Conversions = Root + "Conversions.";
    public const string Args = Conversions + "Args";
    public const string Bools = Conversions + "Bools";
    public const string Ints = Conversions + "Ints";
    public const string Floats = Conversions + "Floats";
    public const string Strings = Conversions + "Strings";
    public const string Arrays = Conversions + "Arrays";
    public const string PyRefs = Conversions + "PyRefs";
    public const string Callbacks = Conversions + "Callbacks";
    public const string ArrayLease = Conversions + "ArrayLease";
    public const string ArgMatch = Conversions + "ArgMatch";
    /// <summary>The non-raising twin of every conversion, under the conversion's own name.</summary>
    public const string ArgMatches = Conversions + "ArgMatches";

    /// <summary>
    /// METH_* flags of a method table entry (PyConst holds the calling convention, PySlot the binding).
    /// </summary>
    public const string MethFastcallKeywords = PyConst + ".METH_FASTCALL | " + PyConst + ".METH_KEYWORDS";
    public const string MethStatic = PySlot + ".METH_STATIC";
    public const string MethClass = PySlot + ".METH_CLASS";
}
