using System.Collections.Generic;
using System.Linq;

namespace NdBindgen.Generator.Model;

internal sealed partial class SlotDef
{
    /// <summary>What Python requires the slot to return, for Inquiry and Conversion rows ("bool", "int",
    /// "float").</summary>
    public string? Returns { get; init; }
}

/// <summary>
/// The number protocol's rows: every binary operator with its reflected and in-place forms, unary, bool, conversions.
/// </summary>
internal static partial class SlotTable
{
    internal const string Ternary = "delegate* unmanaged<PyObject*, PyObject*, PyObject*, PyObject*>";
    private const string UnarySelf = "def {dunder}(self) -> {result}: ...";

    private const string BinaryRule =
        "an instance method with one parameter of a type the operator can test (a [PyClass], double, long or int), "
        + "returning a value";

    /// <summary>
    /// The number rows, in the order of Python's data model: each binary operator (its reflected form __rop__ is
    /// the same slot with the class on the right) followed by its in-place form, then the unary operators, bool
    /// and the conversions.
    /// </summary>
    private static IEnumerable<SlotDef> NumberRows() => new[]
    {
        // (name, function, slot, C# operator, token, C# compound assignment operator)
        ("add", "Add", "nb_add", "op_Addition", "+", "op_AdditionAssignment"),
        ("sub", "Subtract", "nb_subtract", "op_Subtraction", "-", "op_SubtractionAssignment"),
        ("mul", "Multiply", "nb_multiply", "op_Multiply", "*", "op_MultiplicationAssignment"),
        ("truediv", "Divide", "nb_true_divide", "op_Division", "/", "op_DivisionAssignment"),
        ("floordiv", "FloorDivide", "nb_floor_divide", null, null, null),
        ("mod", "Remainder", "nb_remainder", "op_Modulus", "%", "op_ModulusAssignment"),
        ("pow", "Power", "nb_power", null, null, null),
        ("matmul", "MatrixMultiply", "nb_matrix_multiply", null, null, null),
        ("lshift", "LeftShift", "nb_lshift", "op_LeftShift", "<<", "op_LeftShiftAssignment"),
        ("rshift", "RightShift", "nb_rshift", "op_RightShift", ">>", "op_RightShiftAssignment"),
        ("and", "And", "nb_and", "op_BitwiseAnd", "&", "op_BitwiseAndAssignment"),
        ("or", "Or", "nb_or", "op_BitwiseOr", "|", "op_BitwiseOrAssignment"),
        ("xor", "Xor", "nb_xor", "op_ExclusiveOr", "^", "op_ExclusiveOrAssignment"),
        ("divmod", "DivMod", "nb_divmod", null, null, null),
    }.SelectMany(o => BinaryRows(o.Item1, o.Item2, o.Item3, o.Item4, o.Item5, o.Item6)).Concat(new[]
    {
        UnaryRow("__neg__", "Negative", "nb_negative", "op_UnaryNegation", "-"),
        UnaryRow("__pos__", "Positive", "nb_positive", "op_UnaryPlus", "+"),
        UnaryRow("__invert__", "Invert", "nb_invert", "op_OnesComplement", "~"),
        UnaryRow("__abs__", "Absolute", "nb_absolute", null, null),
        new SlotDef("__bool__", SlotShape.Inquiry, "Bool", "delegate* unmanaged<PyObject*, int>",
            "def __bool__(self) -> bool: ...", "nb_bool")
        {
            Operator = "op_True", ByDunderMethod = true, Returns = "bool",
            MethodRule = "an instance method with no parameters returning bool",
        },
        ConversionRow("__int__", "Int", "nb_int", "int"),
        ConversionRow("__float__", "Float", "nb_float", "float"),
        ConversionRow("__index__", "Index", "nb_index", "int"),
    });

    private static IEnumerable<SlotDef> BinaryRows(string name, string function, string slot, string? op,
        string? token, string? compound)
    {
        bool pow = name == "pow";
        yield return new SlotDef($"__{name}__", pow ? SlotShape.TernaryNumber : SlotShape.BinaryNumber, function,
            pow ? Ternary : Binary, BinaryOther, slot)
        {
            Operator = op, Token = token, Reflected = $"__r{name}__", ByDunderMethod = true,
            MethodRule = pow
                ? BinaryRule.Replace("one parameter", "one parameter (or two: ternary pow's modulo)")
                : BinaryRule,
        };
        if (name == "divmod") yield break;   // divmod has no in-place form
        yield return new SlotDef($"__i{name}__", SlotShape.InPlaceNumber, "InPlace" + function,
            pow ? Ternary : Binary, BinaryOther, slot.Replace("nb_", "nb_inplace_"))
        {
            Operator = compound, Token = token is null ? null : token + "=", ByDunderMethod = true,
            MethodRule = BinaryRule.Replace("returning a value", "returning a value, or void (the object itself)"),
        };
    }

    private static SlotDef UnaryRow(string dunder, string function, string slot, string? op, string? token) =>
        new(dunder, SlotShape.UnaryNumber, function, Unary, UnarySelf, slot)
        {
            Operator = op, Token = token, ByDunderMethod = true,
            MethodRule = "an instance method with no parameters returning a value",
        };

    private static SlotDef ConversionRow(string dunder, string function, string slot, string returns) =>
        new(dunder, SlotShape.Conversion, function, Unary, $"def {dunder}(self) -> {returns}: ...", slot)
        {
            ByDunderMethod = true, Returns = returns,
            MethodRule = "an instance method with no parameters returning "
                + (returns == "int" ? "an integer (int, long, BigInteger, ...)" : "double or float"),
        };

    /// <summary>The row whose reflected form is <paramref name="dunder"/> ("__radd__" -> the "__add__" row).</summary>
    private static SlotDef? ReflectedRow(string dunder) => Rows.FirstOrDefault(r => r.Reflected == dunder);

    /// <summary>The number protocol's shapes: their overloads are <see cref="OperatorModel"/>s.</summary>
    public static bool IsNumber(SlotShape shape) => shape is SlotShape.UnaryNumber or SlotShape.BinaryNumber
        or SlotShape.TernaryNumber or SlotShape.InPlaceNumber or SlotShape.Inquiry or SlotShape.Conversion;

    /// <summary>Every name a [PyMethod("__name__")] can take: the rows' dunders and their reflected forms.</summary>
    public static IEnumerable<string> DunderMethodNames =>
        DunderMethodRows.SelectMany(r => r.Reflected is null ? new[] { r.Dunder } : new[] { r.Dunder, r.Reflected });
}
