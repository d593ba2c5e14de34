namespace NdBindgen.Binding;

public sealed partial class PySignature
{
    private string? _objectWord;   // messages about a value that is no argument: "the object must be ..."

    /// <summary>
    /// The "signature" of an object converted outside a call with no name to give it (a dict item, an
    /// attribute, a call's result turned into a view: <c>pyRef.AsNdView&lt;double&gt;(py)</c>): messages
    /// read "the object must be numpy.ndarray of float64, not list", "the object is a read-only array,
    /// but PyRef.AsNdViewMut() writes to it; ...".
    /// </summary>
    internal static PySignature ForObject(string functionName) => new(functionName, ["object"], required: 1) { _objectWord = "the object" };
}
