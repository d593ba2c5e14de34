using NdBindgen;

namespace Mistakes;

// Compiled only with -p:WithDeclarationError=true (tests/python/test_diagnostics_build.py). CS8377 is
// a declaration error, after which the compiler reports no analyzer diagnostics: the build's NDB
// diagnostics come from the generator, so they all stay (but NDB0020 and NDB0021, the analyzers' own).
public static class Strings
{
    [PyFunction] public static double Count(NdView<string> values) => 0;         // expect NDB0004 CS8377
}
