using System.Collections.Generic;
using NdBindgen.Generator.Emitting;
using NdBindgen.Generator.Parsing;
using Xunit;

namespace NdBindgen.Generator.Tests.Parsing;

/// <summary>
/// XML doc comments (as Roslyn hands them over, crefs resolved) -> DocModel (Parsing) -> numpy-style
/// docstring bodies (Emitting).
/// </summary>
public class DocCommentsTests
{
    private static readonly DocParam[] s_xy =
    {
        new("x", "x", "float"),
        new("otherPoint", "other_point", "float, optional"),
    };

    private static string? Doc(string body, IReadOnlyList<DocParam>? parameters = null, string? returnType = "float") =>
        DocstringBody.Render(DocComments.Parse($"<member name=\"M:Samples.Api.F\">{body}</member>", PythonIdentifiers.ToSnakeCase),
            parameters ?? [], returnType);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<member><summary>unclosed</member>")]
    public void No_or_malformed_xml_gives_no_docstring(string? xml) =>
        Assert.Null(DocComments.Parse(xml, PythonIdentifiers.ToSnakeCase));

    [Fact]
    public void Summary_only_has_no_sections() =>
        Assert.Equal("The answer.", Doc("<summary>\n    The answer.\n    </summary>"));

    [Fact]
    public void Line_breaks_and_indentation_collapse_and_remarks_follow_the_summary() =>
        Assert.Equal("First line continues here.\n\nMore in the remarks.",
            Doc("<summary>First line\n        continues   here.</summary>\n<remarks>More in\n the remarks.</remarks>"));

    [Fact]
    public void Parameters_and_returns_sections_list_every_parameter()
    {
        string? doc = Doc("""
            <summary>Distance from <paramref name="x"/> to <paramref name="otherPoint"/>.</summary>
            <param name="x">The start.</param>
            <returns>The distance.</returns>
            """, s_xy);
        Assert.Equal("""
            Distance from x to other_point.

            Parameters
            ----------
            x : float
                The start.
            other_point : float, optional

            Returns
            -------
            float
                The distance.
            """.Replace("\r\n", "\n"), doc);
    }

    [Fact]
    public void A_void_function_has_no_returns_section() =>
        Assert.Equal("Does it.", Doc("<summary>Does it.</summary><returns>Nothing.</returns>", returnType: null));

    [Fact]
    public void Inline_tags_become_python_words()
    {
        string? doc = Doc("""
            <summary>Returns <see langword="null"/>, <see langword="true"/> or <see langword="false"/>;
            computes <c>a * b</c> like <see cref="M:System.Math.FusedMultiplyAdd(System.Double,System.Double,System.Double)"/>
            and <see cref="T:System.Math">the math class</see>; see <see href="https://numpy.org/doc/stable"/>.</summary>
            """);
        Assert.Equal("Returns None, True or False; computes `a * b` like FusedMultiplyAdd and the math class; see https://numpy.org/doc/stable.", doc);
    }

    [Fact]
    public void Paragraphs_stay_apart()
    {
        string? doc = Doc("<summary><para>One.</para><para>Two.</para></summary>");
        Assert.Equal("One.\n\nTwo.", doc);
    }

    [Fact]
    public void Exceptions_become_a_raises_section_with_python_names()
    {
        string? doc = Doc("""
            <summary>S.</summary>
            <exception cref="T:System.ArgumentOutOfRangeException"><paramref name="x"/> is negative.</exception>
            <exception cref="T:System.Collections.Generic.KeyNotFoundException">No such key.</exception>
            <exception cref="T:System.DivideByZeroException"/>
            <exception cref="T:System.InvalidOperationException">Anything else.</exception>
            """);
        Assert.Equal("""
            S.

            Raises
            ------
            ValueError
                x is negative.
            KeyError
                No such key.
            ZeroDivisionError
            RuntimeError
                Anything else.
            """.Replace("\r\n", "\n"), doc);
    }
}
