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
    public const string ForkGuard = Root + "Core.ForkGuard";
    public const string CallArrays = Root + "Core.CallArrays";
    public const string PythonVersions = Root + "Core.PythonVersions";

    // Binding: argument binding and overload dispatch.
    public const string PySignature = Root + "Binding.PySignature";
    public const string PyOverloads = Root + "Binding.PyOverloads";

    // Classes: instances, heap types, their protocols' helpers.
    private const string Classes = Root + "Classes.";
    public const string PyInstance = Classes + "PyInstance";
    public const string PyStructInstance = Classes + "PyStructInstance";
    public const string IPyStruct = Classes + "IPyStruct";
    public const string PyClassBuilder = Classes + "PyClassBuilder";
    public const string PyConstruction = Classes + "PyConstruction";
    public const string PyClassErrors = Classes + "PyClassErrors";
    public const string ClassAttributes = Classes + "ClassAttributes";
    public const string PyIterator = Classes + "PyIterator";
    public const string PyNumbers = Classes + "PyNumbers";
    public const string PyContainers = Classes + "PyContainers";
    public const string PyStopIteration = Root + "PyStopIteration";
    public const string PyReduce = Classes + "PyReduce";
    public const string PyPickling = Classes + "PyPickling";
    public const string IPyClass = Classes + "IPyClass";
    public const string IPyTraverse = Root + "IPyTraverse";
    public const string PyVisit = Root + "PyVisit";

    // Modules: the module object and its init.
    public const string ModuleBuilder = Root + "Modules.ModuleBuilder";

    // Conversions: one static class per type family.
    private const string Conversions = Root + "Conversions.";
    public const string Args = Conversions + "Args";
    public const string Bools = Conversions + "Bools";
    public const string Ints = Conversions + "Ints";
    public const string Floats = Conversions + "Floats";
    public const string Strings = Conversions + "Strings";
    public const string Bytes = Conversions + "Bytes";
    public const string BigIntegers = Conversions + "BigIntegers";
    public const string Decimals = Conversions + "Decimals";
    public const string DateTimes = Conversions + "DateTimes";
    public const string Enums = Conversions + "Enums";
    public const string Arrays = Conversions + "Arrays";
    public const string PyRefs = Conversions + "PyRefs";
    public const string VarArgs = Conversions + "VarArgs";
    public const string PyExtraArgs = Root + "Binding.PyExtraArgs";
    public const string PyArgSlots = Root + "Binding.PyArgSlots";
    public const string Callbacks = Conversions + "Callbacks";
    public const string PyOverride = Conversions + "PyOverride";
    public const string PyOverrideCall = Conversions + "PyOverrideCall";
    public const string Sequences = Conversions + "Sequences";
    public const string Mappings = Conversions + "Mappings";
    public const string Sets = Conversions + "Sets";
    public const string Tuples = Conversions + "Tuples";
    public const string IPyConverter = Conversions + "IPyConverter";
    public const string ArrayLease = Conversions + "ArrayLease";
    public const string ArgMatch = Conversions + "ArgMatch";
    /// <summary>The non-raising twin of every conversion, under the conversion's own name.</summary>
    public const string ArgMatches = Conversions + "ArgMatches";

    /// <summary>METH_* flags of a method table entry (all in PyConst, as methodobject.h has them).</summary>
    public const string MethFastcallKeywords = PyConst + ".METH_FASTCALL | " + PyConst + ".METH_KEYWORDS";
    public const string MethStatic = PyConst + ".METH_STATIC";
    public const string MethClass = PyConst + ".METH_CLASS";
    /// <summary>The method replaces its name's slot wrapper (so obj.__call__ has the signature of __call__).</summary>
    public const string MethCoexist = PyConst + ".METH_COEXIST";
}
