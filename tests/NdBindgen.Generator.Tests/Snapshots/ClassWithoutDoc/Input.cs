using NdBindgen;

namespace Samples;

// No doc comment, and only the implicit parameterless constructor: the class's docstring is its
// text signature alone, "DocNoCtor()\n--\n\n", which CPython splits off as __text_signature__ "()".
[PyClass]
public sealed partial class DocNoCtor
{
    [PyMethod] public int Answer() => 42;
}

/// <summary>Documented, with no constructor of its own.</summary>
[PyClass]
public sealed partial class Documented
{
}
