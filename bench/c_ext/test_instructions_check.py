"""bench/instructions.py --check: the gate scripts/test.sh runs on the instruction ratios. Tested on
fake baselines and fake counts (--from-json), without valgrind."""
import json
import pathlib
import subprocess
import sys

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "instructions.py"


def _rows(**ratios):
    # C 1000 instructions per call; nd_ext 1000 * ratio.
    return {name.replace("_", " "): {"c": 1000.0, "nd": 1000.0 * r, "ratio": r} for name, r in ratios.items()}


def _check(tmp_path, baseline_rows, current_rows, baseline_python="3.11", current_python="3.11"):
    baseline = tmp_path / "baseline.json"
    current = tmp_path / "current.json"
    baseline.write_text(json.dumps({"python": baseline_python, "rows": baseline_rows}))
    current.write_text(json.dumps({"python": current_python, "rows": current_rows}))
    return subprocess.run([sys.executable, str(SCRIPT), "--check", str(baseline), "--from-json", str(current)],
                          capture_output=True, text=True)


def test_a_row_grown_6_percent_fails_naming_it(tmp_path):
    r = _check(tmp_path, _rows(add_scalars=1.20, p_x=1.10), _rows(add_scalars=1.20 * 1.06, p_x=1.10))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "add scalars: ratio 1.272 (C 1000, nd_ext 1272 instructions) over the baseline's 1.200" in r.stderr
    assert "+6.0%, more than 5%" in r.stderr
    assert "p x" not in r.stderr          # the row that did not grow is not named


def test_a_row_grown_4_percent_passes(tmp_path):
    r = _check(tmp_path, _rows(add_scalars=1.20, p_x=1.10), _rows(add_scalars=1.20 * 1.04, p_x=1.10 * 0.8))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "within 5%" in r.stdout and "2 rows checked" in r.stdout


def test_every_grown_row_is_named(tmp_path):
    r = _check(tmp_path, _rows(a=1.0, b=2.0, c=1.5), _rows(a=1.07, b=2.0, c=1.6))
    assert r.returncode == 1
    failures = [line for line in r.stderr.splitlines() if "over the baseline's" in line]
    assert [f.split(":")[0].strip() for f in failures] == ["a", "c"]


def test_a_row_missing_from_the_run_fails(tmp_path):
    r = _check(tmp_path, _rows(a=1.0, b=1.0), _rows(a=1.0))
    assert r.returncode == 1
    assert "b: in the baseline (ratio 1.000) but not counted in this run" in r.stderr


def test_a_new_row_is_reported_not_checked(tmp_path):
    r = _check(tmp_path, _rows(a=1.0), _rows(a=1.0, b=9.0))
    assert r.returncode == 0
    assert "rows not in the baseline (not checked): b" in r.stdout


def test_another_cpython_fails(tmp_path):
    r = _check(tmp_path, _rows(a=1.0), _rows(a=1.0), current_python="3.12")
    assert r.returncode == 1
    assert "counted on CPython 3.11, this run on 3.12" in r.stderr


def test_the_committed_baseline_is_well_formed():
    baseline = json.loads((SCRIPT.parent / "instructions-baseline.json").read_text())
    assert baseline["python"].count(".") == 1 and baseline["rows"]
    for name, row in baseline["rows"].items():
        assert row["c"] > 0 and row["nd"] > 0, name
        assert abs(row["ratio"] - row["nd"] / row["c"]) < 1e-3, name
