"""Diagnostics as a user sees them: `dotnet build` of tests/Mistakes reports each NdBindgen
diagnostic once, on the user's own line (marked `// expect NDBxxxx` in Mistakes.cs), as an error (a
warning for NDB0020, NDB0035 and NDB0046), and nothing inside generated code. Built again with a declaration error
(DeclarationError.cs: NdView<string>, CS8377), after which the compiler drops analyzer diagnostics:
the generator reports NDB diagnostics in builds, so all but the analyzers' own NDB0020/NDB0021 stay."""
import collections
import pathlib
import re
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "tests" / "Mistakes"
SOURCES = [PROJECT / "Mistakes.cs", PROJECT / "DeclarationError.cs"]
ANALYZERS_ONLY = {"NDB0020", "NDB0021"}
WARNINGS = {"NDB0020", "NDB0035", "NDB0046"}


def run_build(*properties):
    return subprocess.run(
        ["dotnet", "build", str(PROJECT), "-c", "Release", "--nologo", "-v", "q", "-clp:NoSummary",
         *properties],
        capture_output=True, text=True, timeout=600, cwd=REPO)


@pytest.fixture(scope="module")
def build():
    return run_build()


@pytest.fixture(scope="module")
def build_with_declaration_error(build):   # after `build`: both write the same obj/
    return run_build("-p:WithDeclarationError=true")


def reported(output):
    """(file, line, severity, id) of each diagnostic, counted as the compiler reported them (MSBuild
    repeats them all after "Build FAILED.": that part is left out)."""
    found = collections.Counter()
    for line in output.split("\nBuild FAILED.")[0].splitlines():
        m = re.search(r"(\w+\.cs)\((\d+),\d+\): (error|warning) ((?:NDB|CS)\d{4})", line)
        if m:
            found[(m.group(1), int(m.group(2)), m.group(3), m.group(4))] += 1
    return found


def expected(files):
    marks = set()
    for source in files:
        for number, line in enumerate(source.read_text().splitlines(), start=1):
            m = re.search(r"// expect ((?:(?:NDB|CS)\d{4} ?)+)", line)
            for code in m.group(1).split() if m else []:
                marks.add((source.name, number, "warning" if code in WARNINGS else "error", code))
    return marks


def check(result, want):
    got = reported(result.stdout + result.stderr)
    assert want <= set(got), f"missing: {sorted(want - set(got))}\n{result.stdout[-3000:]}"
    assert set(got) <= want, f"unexpected: {sorted(set(got) - want)}"
    twice = sorted(d for d, n in got.items() if n > 1)
    assert not twice, f"reported more than once (by the generator and an analyzer?): {twice}"


def test_the_build_fails(build):
    assert build.returncode != 0


def test_every_diagnostic_is_on_the_users_line_once(build):
    want = expected(SOURCES[:1])
    # The marked lines of Mistakes.cs: a miscount of the marks would make this check vacuous.
    assert len(want) == 38
    check(build, want)


def test_a_declaration_error_leaves_every_generator_diagnostic(build_with_declaration_error):
    want = {d for d in expected(SOURCES) if d[3] not in ANALYZERS_ONLY}
    assert ("DeclarationError.cs", 10, "error", "NDB0004") in want
    check(build_with_declaration_error, want)


def test_no_diagnostic_points_into_generated_code(build, build_with_declaration_error):
    for result in (build, build_with_declaration_error):
        output = result.stdout + result.stderr
        assert not re.search(r"\.g\.cs\(\d+,\d+\): (error|warning)", output), output[-3000:]
