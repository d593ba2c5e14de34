using NdBindgen.Generator.Parsing;
using Xunit;

namespace NdBindgen.Generator.Tests.Parsing;

public class PythonIdentifiersTests
{
    [Theory]
    [InlineData("AddScalarToArray", "add_scalar_to_array")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("otherPoint", "other_point")]
    [InlineData("X", "x")]
    [InlineData("x", "x")]
    [InlineData("Vector3D", "vector3d")]
    [InlineData("Point2DTo3D", "point2d_to3d")]
    [InlineData("GetHTTP", "get_http")]
    [InlineData("IOStream", "io_stream")]
    [InlineData("ABC", "abc")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Add_Scalar", "add_scalar")]
    [InlineData("_private", "_private")]
    [InlineData("@class", "class")]
    [InlineData("HTTPStatusOK", "http_status_ok")]
    public void ToSnakeCase(string name, string expected) => Assert.Equal(expected, PythonIdentifiers.ToSnakeCase(name));

    [Theory]
    [InlineData("add_scalars")]
    [InlineData("_x")]
    [InlineData("x1")]
    [InlineData("größe")]
    [InlineData("match")]   // a soft keyword: a valid name
    [InlineData("self")]
    public void WhyNotIdentifier_accepts_python_identifiers(string name) => Assert.Null(PythonIdentifiers.WhyNotIdentifier(name));

    [Theory]
    [InlineData("", " (it is empty)")]
    [InlineData("class", " (it is a Python keyword)")]
    [InlineData("None", " (it is a Python keyword)")]
    [InlineData("async", " (it is a Python keyword)")]
    [InlineData("1a", " (it must start with a letter or underscore)")]
    [InlineData("a-b", " (it contains '-')")]
    [InlineData("a b", " (it contains ' ')")]
    [InlineData("nd.ext", " (it contains '.')")]
    public void WhyNotIdentifier_explains_the_problem(string name, string why) => Assert.Equal(why, PythonIdentifiers.WhyNotIdentifier(name));
}
