using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Model;

/// <summary>The shape of a slot's entry point (what it receives and how it calls C#).</summary>
internal enum SlotShape
{
    /// <summary>tp_new: (type, args, kwargs) -> object.</summary>
    New,
    /// <summary>unaryfunc returning the string a C# method returns (tp_repr, tp_str).</summary>
    StringFunc,
    /// <summary>richcmpfunc, its == and != (from operator ==, IEquatable&lt;T&gt; or Equals).</summary>
    Equality,
    /// <summary>richcmpfunc, its ordering (from IComparable&lt;T&gt; or the four operators).</summary>
    Ordering,
    /// <summary>hashfunc over GetHashCode.</summary>
    Hash,
    /// <summary>No slot: the type is created unhashable (__hash__ = None).</summary>
    NoHash,
    /// <summary>unaryfunc over a C# unary operator or a dunder method (- + ~ abs).</summary>
    UnaryNumber,
    /// <summary>
    /// binaryfunc over C# binary operators (either operand of the class) and dunder methods (__add__, __radd__).
    /// </summary>
    BinaryNumber,
    /// <summary>ternaryfunc nb_power: __pow__ (with ternary pow's optional modulo) and __rpow__.</summary>
    TernaryNumber,
    /// <summary>
    /// The in-place forms (+=): a C# compound assignment operator or an __iadd__ method; void means the object
    /// itself.
    /// </summary>
    InPlaceNumber,
    /// <summary>inquiry nb_bool: __bool__ or C#'s operator true.</summary>
    Inquiry,
    /// <summary>unaryfunc to a Python int or float (__int__, __float__, __index__): a conversion operator or
    /// dunder.</summary>
    Conversion,
    /// <summary>binaryfunc over the indexer's getter.</summary>
    Subscript,
    /// <summary>objobjargproc over the indexer's setter.</summary>
    AssignSubscript,
    /// <summary>lenfunc over Count or Length.</summary>
    Length,
    /// <summary>getiterfunc over IEnumerable&lt;T&gt; (or the object itself, when it has __next__).</summary>
    Iter,
    // Containers, iterators, callables, context managers (ClassParser.Containers.cs, ClassEmitter.Containers.cs).
    /// <summary>objobjargproc's deletion (value NULL) over a [PyMethod("__delitem__")].</summary>
    DeleteItem,
    /// <summary>objobjproc over Contains(T) or [PyMethod("__contains__")]: an item not of T is not contained.</summary>
    Contains,
    /// <summary>iternextfunc over [PyMethod("__next__")]; PyStopIteration ends it.</summary>
    Next,
    /// <summary>ternaryfunc (tp_call) over [PyMethod("__call__")], which is also exported as a method.</summary>
    Call,
    /// <summary>
    /// No slot: __enter__ (self) and __exit__ (Dispose, False) of an IDisposable [PyClass(ContextManager = true)].
    /// </summary>
    Disposable,
    /// <summary>
    /// No slot: a dunder Python looks up as an ordinary method of the type (<c>__enter__</c>,
    /// <c>__reduce__</c>, <c>__format__</c>, ...), exported from a [PyMethod("__name__")] like any method:
    /// in the method table, with the full signature rules, overloads and stub of a method.
    /// </summary>
    Method,
}

/// <summary>
/// One protocol: its dunder and C# source, the CPython slots it fills, the entry point's name, C
/// signature and shape, and its stub lines (placeholders: {other}, {result}, {value}, {item}, {class}).
/// </summary>
internal sealed partial class SlotDef
{
    public SlotDef(string dunder, SlotShape shape, string function, string signature, string? stub,
        params string[] slots)
    {
        Dunder = dunder;
        Shape = shape;
        Function = function;
        Signature = signature;
        Stub = stub;
        Slots = slots;
    }

    public string Dunder { get; }
    public SlotShape Shape { get; }
    /// <summary>The generated entry point's name.</summary>
    public string Function { get; }
    /// <summary>The C function-pointer type the slot holds.</summary>
    public string Signature { get; }
    public string? Stub { get; }
    public string[] Slots { get; }
    /// <summary>The C# operator method that offers it ("op_Addition").</summary>
    public string? Operator { get; init; }
    /// <summary>The C# operator token ("+").</summary>
    public string? Token { get; init; }
    /// <summary>The dunder when the class is only the right operand ("__radd__").</summary>
    public string? Reflected { get; init; }
    /// <summary>A C# override that offers it ("ToString").</summary>
    public string? Override { get; init; }
    /// <summary>Offered by a method named after the dunder ([PyMethod("__repr__")]).</summary>
    public bool ByDunderMethod { get; init; }

    /// <summary>What a method serving this row must look like (NDB0016's message when it does not).</summary>
    public string? MethodRule { get; init; }

    /// <summary>A method serving this row is also in the method table (rows without a slot, and __call__).</summary>
    public bool ExportedAsMethod => Shape is SlotShape.Method or SlotShape.Call;
}

/// <summary>
/// The one table of Python protocols (as PyO3's SlotDef): a new protocol is one row. Rows are in
/// the order entry points, type slots and stub lines are written.
/// </summary>
internal static partial class SlotTable
{
    private const string Unary = "delegate* unmanaged<PyObject*, PyObject*>";
    private const string Binary = "delegate* unmanaged<PyObject*, PyObject*, PyObject*>";
    private const string LenFunc = "delegate* unmanaged<PyObject*, nint>";
    private const string BinaryOther = "def {dunder}(self, other: {other}) -> {result}: ...";

    public static readonly SlotDef New = new("__new__", SlotShape.New, "New",
        "delegate* unmanaged<" + RuntimeNames.PyTypeObject + "*, PyObject*, PyObject*, PyObject*>", null, "tp_new");

    public static readonly SlotDef[] Rows = new SlotDef[]
    {
        new("__repr__", SlotShape.StringFunc, "Repr", Unary, "def __repr__(self) -> str: ...",
            "tp_repr") { ByDunderMethod = true, MethodRule = StringRule },
        new("__str__", SlotShape.StringFunc, "Str", Unary, "def __str__(self) -> str: ...", "tp_str")
        {
            ByDunderMethod = true,
            MethodRule = StringRule,
            Override = "ToString",
        },
        new("__eq__", SlotShape.Equality, "RichCompare", "delegate* unmanaged<PyObject*, PyObject*, int, PyObject*>",
            "def __eq__(self, other: object) -> bool: ...\n"
            + "def __ne__(self, other: object) -> bool: ...", "tp_richcompare"),
        new("__lt__", SlotShape.Ordering, "RichCompare", "delegate* unmanaged<PyObject*, PyObject*, int, PyObject*>",
            "def __lt__(self, other: {class}) -> bool: ...\ndef __le__(self, other: {class}) -> bool: ...\n"
            + "def __gt__(self, other: {class}) -> bool: ...\n"
            + "def __ge__(self, other: {class}) -> bool: ...", "tp_richcompare"),
        new("__hash__", SlotShape.Hash, "Hash", "delegate* unmanaged<PyObject*, nint>",
            "def __hash__(self) -> int: ...", "tp_hash")
        {
            Override = "GetHashCode",
        },
        new("__hash__ = None", SlotShape.NoHash, "", "", "__hash__: typing.ClassVar[None]  # type: ignore[assignment]"),
    }.Concat(NumberRows()).Concat(new SlotDef[]
    {
        new("__getitem__", SlotShape.Subscript, "GetItem", Binary,
            "def __getitem__(self, index: int) -> {value}: ...", "mp_subscript"),
        new("__setitem__", SlotShape.AssignSubscript, "SetItem",
            "delegate* unmanaged<PyObject*, PyObject*, PyObject*, int>",
            "def __setitem__(self, index: int, value: {value}) -> None: ...", "mp_ass_subscript"),
        new("__len__", SlotShape.Length, "Length", LenFunc, "def __len__(self) -> int: ...", "mp_length", "sq_length")
        {
            ByDunderMethod = true,
            MethodRule = "an instance method with no parameters returning int or long",
        },
        new("__iter__", SlotShape.Iter, "Iter", Unary, "def __iter__(self) -> typing.Iterator[{item}]: ...", "tp_iter"),
        // Containers, iterators, callables, context managers (stubs: StubEmitter.Containers.cs).
        new("__delitem__", SlotShape.DeleteItem, "SetItem", "delegate* unmanaged<PyObject*, PyObject*, PyObject*, int>",
            "def __delitem__(self, {key}) -> None: ...", "mp_ass_subscript")
        {
            ByDunderMethod = true,
            MethodRule = "an instance method of one parameter (the key) returning void",
        },
        new("__contains__", SlotShape.Contains, "Contains", "delegate* unmanaged<PyObject*, PyObject*, int>",
            "def __contains__(self, item: object) -> bool: ...", "sq_contains")
        {
            ByDunderMethod = true,
            MethodRule = "an instance method of one parameter (the item) returning bool",
        },
        new("__next__", SlotShape.Next, "Next", Unary, "def __next__(self) -> {next}: ...", "tp_iternext")
        {
            ByDunderMethod = true,
            MethodRule = "an instance method with no parameters returning the next item (throw PyStopIteration to end)",
        },
        new("__call__", SlotShape.Call, "Call", "delegate* unmanaged<PyObject*, PyObject*, PyObject*, PyObject*>", null,
            "tp_call")
        {
            ByDunderMethod = true,
            MethodRule = "an instance method (its signature is converted as any [PyMethod]'s)",
        },
        new("with IDisposable", SlotShape.Disposable, "", "",
            "def __enter__(self) -> {class}: ...\n"
            + "def __exit__(self, exc_type: object, exc_value: object, traceback: object) "
            + "-> typing.Literal[False]: ..."),
    }).Concat(MethodDunders(
        // Context managers and formatting.
        "__enter__", "__exit__", "__format__",
        // Pickling and copying (copyreg and copy look these up on the type).
        "__getstate__", "__setstate__", "__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__",
        "__copy__", "__deepcopy__",
        // Built-in functions that look the method up on the type: complex(), round(), math.trunc/floor/ceil,
        // reversed(), operator.length_hint(), sys.getsizeof(), dir(), os.fspath(), bytes().
        "__complex__", "__round__", "__trunc__", "__floor__", "__ceil__", "__reversed__", "__length_hint__",
        "__sizeof__", "__dir__", "__fspath__", "__bytes__")).ToArray();

    private const string StringRule = "an instance method with no parameters returning string";

    /// <summary>Rows without a slot: dunders Python calls as methods of the type.</summary>
    private static IEnumerable<SlotDef> MethodDunders(params string[] dunders) =>
        dunders.Select(d => new SlotDef(d, SlotShape.Method, "", "", null)
        {
            ByDunderMethod = true,
            MethodRule = "a method (its signature is converted as any [PyMethod]'s)",
        });

    private static readonly Dictionary<string, SlotDef> s_byDunder = Rows.ToDictionary(r => r.Dunder);

    public static SlotDef Row(string dunder) => s_byDunder[dunder];

    /// <summary>The row a [PyMethod("__name__")] serves, or null when no row takes a method of that name.</summary>
    public static SlotDef? DunderMethodRow(string dunder) =>
        (s_byDunder.TryGetValue(dunder, out SlotDef? row) || (row = ReflectedRow(dunder)) is not null)
            && row.ByDunderMethod ? row : null;

    /// <summary>The rows a C# operator overload can offer.</summary>
    public static IEnumerable<SlotDef> OperatorRows => Rows.Where(r => r.Operator is not null);

    /// <summary>The rows a [PyMethod("__name__")] can offer.</summary>
    public static IEnumerable<SlotDef> DunderMethodRows => Rows.Where(r => r.ByDunderMethod);
}
