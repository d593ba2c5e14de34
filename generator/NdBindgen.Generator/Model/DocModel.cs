namespace NdBindgen.Generator.Model;

/// <summary>
/// A C# doc comment's content in Python's words (parameter references snake_cased, <c>null</c> as
/// None, exceptions as the Python ones they become), not yet laid out as a docstring: Emitting
/// renders it, with the parameters' and result's Python types, as a numpy-style docstring body.
/// </summary>
/// <param name="Parameters">The &lt;param&gt; texts, by C# parameter name.</param>
internal sealed record DocModel(
    string Summary,
    string Remarks,
    EquatableArray<ParamDoc> Parameters,
    string Returns,
    EquatableArray<RaisesDoc> Raises)
{
    public string? Parameter(string csharpName)
    {
        foreach (ParamDoc p in Parameters)
        {
            if (p.CSharpName == csharpName) return p.Text;
        }
        return null;
    }
}

/// <summary>The &lt;param&gt; text of one parameter.</summary>
internal sealed record ParamDoc(string CSharpName, string Text);

/// <summary>One &lt;exception&gt;: the Python exception it becomes and when.</summary>
internal sealed record RaisesDoc(string Exception, string Text);
