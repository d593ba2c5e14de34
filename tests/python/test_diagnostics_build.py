"""Diagnostics as a user sees them: `dotnet build` of tests/Mistakes reports each NdBindgen
diagnostic on the user's own line (marked `// expect NDBxxxx` in Mistakes.cs), as an error (a
warning for NDB0020), and nothing inside generated code."""
import pathlib
import re
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "tests" / "Mistakes"
SOURCE = PROJECT / "Mistakes.cs"


@pytest.fixture(scope="module")
def build():
    result = subprocess.run(
        ["dotnet", "build", str(PROJECT), "-c", "Release", "--nologo", "-v", "q", "-clp:NoSummary"],
        capture_output=True, text=True, timeout=600, cwd=REPO)
    return result


def reported(output):
    found = set()
    for line in output.splitlines():
        m = re.search(r"Mistakes\.cs\((\d+),\d+\): (error|warning) (NDB\d{4})", line)
        if m:
            found.add((int(m.group(1)), m.group(2), m.group(3)))
    return found


def expected():
    marks = set()
    for number, line in enumerate(SOURCE.read_text().splitlines(), start=1):
        m = re.search(r"// expect (NDB\d{4})", line)
        if m:
            marks.add((number, "warning" if m.group(1) == "NDB0020" else "error", m.group(1)))
    return marks


def test_the_build_fails(build):
    assert build.returncode != 0


def test_every_diagnostic_is_on_the_users_line(build):
    got = reported(build.stdout + build.stderr)
    want = expected()
    assert len(want) == 25   # every descriptor but NDB0007 (the module name is per project)
    assert want <= got, f"missing: {sorted(want - got)}\n{build.stdout[-3000:]}"
    assert got <= want, f"unexpected: {sorted(got - want)}"


def test_no_diagnostic_points_into_generated_code(build):
    output = build.stdout + build.stderr
    assert not re.search(r"\.g\.cs\(\d+,\d+\): (error|warning)", output), output[-3000:]
