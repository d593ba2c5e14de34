"""NdBindgen's code fixes under `dotnet format analyzers`, the command-line Fix All: a copy of
tests/Mistakes (Mistakes.cs, every diagnostic on a line marked `// expect NDBxxxx`) in a temporary
directory, referencing the generator and code fixes as analyzers, as tests/Mistakes does. dotnet
format runs the whole analyzer and asks each fix for a Fix All in solution scope with the key of
the action offered for the first diagnostic found, of whatever id (FixAllWithoutKeyTests covers
that case in xunit); here the real tool runs.

Without --diagnostics, `--severity info` also runs the SDK's analyzers: CA1822 then makes
methods that use no instance data static, NotStatic among them, and dotnet format may report that
MakeFunctionStaticCodeFix "didn't return a Fix All action" for NDB0001 when nothing of it is left."""
import pathlib
import re
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
MISTAKES = REPO / "tests" / "Mistakes"

# Each fixable line of Mistakes.cs, before and after its code fix.
FIXES = {
    "NDB0001": ("[PyFunction] public double NotStatic(", "[PyFunction] public static double NotStatic("),
    "NDB0006": ('[PyFunction("class")] public static int Keyword()', '[PyFunction("class_")] public static int Keyword()'),
    "NDB0009": ("ByRef(ref double x)", "ByRef(double x)"),
    "NDB0010": ("[PyFunction] private static int Hidden()", "[PyFunction] internal static int Hidden()"),
    "NDB0013": [("[PyClass] public class NotPartial", "[PyClass] public partial class NotPartial"),
                # the base NDB0026's example derives from (issue 18): not partial, so not generated
                ("[PyClass] public class Account { }", "[PyClass] public partial class Account { }")],
    "NDB0018": ("public class Plain\n", "[PyClass]\npublic partial class Plain\n"),
}


def dotnet(args, cwd, timeout=600):
    return subprocess.run(["dotnet", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def analyzers():
    """dotnet format loads the analyzers from the referenced projects' output (Debug, its configuration)."""
    result = dotnet(["build", str(REPO / "generator" / "NdBindgen.CodeFixes"), "--nologo", "-v", "q"], REPO)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.fixture
def project(analyzers, tmp_path):
    """tests/Mistakes, moved: its project references made absolute."""
    csproj = (MISTAKES / "Mistakes.csproj").read_text().replace('"../../', f'"{REPO}/')
    assert "NdBindgen.CodeFixes.csproj" in csproj   # as a user's project gets them from the package
    (tmp_path / "Mistakes.csproj").write_text(csproj)
    (tmp_path / "Mistakes.cs").write_text((MISTAKES / "Mistakes.cs").read_text())
    return tmp_path


def fmt(project, *args):
    result = dotnet(["format", "analyzers", "--severity", "info", "-v", "diag", *args], project)
    output = result.stdout + result.stderr
    assert not re.search(r"didn't return|Failed to apply|unexpected operation", output), output[-4000:]
    unfixed = set(re.findall(r"Unable to fix (NDB\d{4})\. No associated code fix found", output))
    assert not unfixed & set(FIXES), output[-4000:]
    return (project / "Mistakes.cs").read_text(), unfixed


def expected(*ids):
    text = (MISTAKES / "Mistakes.cs").read_text()
    for id in ids:
        for before, after in FIXES[id] if isinstance(FIXES[id], list) else [FIXES[id]]:
            assert text.count(before) == 1, before
            text = text.replace(before, after)
    return text


@pytest.mark.parametrize("id", ["NDB0001", "NDB0006"])
def test_one_diagnostic(project, id):
    text, _ = fmt(project, "--diagnostics", id)
    assert text == expected(id)


def test_every_ndbindgen_diagnostic_at_once(project):
    """Every NDB id (not the SDK's own analyzers: CA1822 would make methods static too): the first
    diagnostic dotnet format finds is an NDB0001, so every other fix is asked with a key of none."""
    ids = re.findall(r"^## (NDB\d{4})$", (REPO / "docs" / "diagnostics.md").read_text(), re.M)
    assert len(ids) == len(set(ids)) >= 27   # every documented diagnostic, each once
    text, unfixed = fmt(project, "--diagnostics", *ids)
    assert text == expected(*FIXES)
    marked = set(re.findall(r"// expect (NDB\d{4})", (MISTAKES / "Mistakes.cs").read_text()))
    # The others are reported, and have no code fix. dotnet format loads the project as an editor
    # does (a design-time build), so the analyzers report every one, the module-wide NDB0005 and
    # NDB0023 included (docs/diagnostics.md, "Who reports what").
    assert unfixed == marked - set(FIXES)
