"""scripts/install-prereqs.sh waits for another apt/dpkg process instead of failing at once, and
still fails at once, with apt's output, on any other error. apt-get, dpkg-query and dotnet are
stand-ins on PATH: the first two `apt-get update`s find the lock held, as they do while another
process installs."""
import os
import pathlib
import stat
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]

APT_GET = """#!/bin/sh
echo "$@" >> "{log}"
case "$*" in
  *update*)
    n=$(grep -c update "{log}")
    if [ "$n" -le {busy} ]; then
      echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
      exit 100
    fi
    {update_failure}
    ;;
esac
exit 0
"""


def fake_bin(tmp_path, busy, update_failure=""):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    scripts = {"apt-get": APT_GET.format(log=log, busy=busy, update_failure=update_failure),
               "dpkg-query": "#!/bin/sh\nexit 1\n",          # nothing installed: apt-get runs
               "dotnet": "#!/bin/sh\nexit 0\n", "sudo": '#!/bin/sh\nexec "$@"\n'}
    for name, text in scripts.items():
        path = bin_dir / name
        path.write_text(text)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", NDBINDGEN_APT_RETRY_SECONDS="0")
    return env, log


def test_waits_while_another_process_holds_the_apt_lock(tmp_path):
    env, log = fake_bin(tmp_path, busy=2)
    r = subprocess.run([str(REPO / "scripts" / "install-prereqs.sh")], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr.count("apt is busy") == 2
    calls = log.read_text().splitlines()
    assert [c.split()[0] for c in calls] == ["update", "update", "update", "install"], calls
    assert all("DPkg::Lock::Timeout=600" in c for c in calls)


def test_other_apt_errors_fail_at_once_with_apt_output(tmp_path):
    env, log = fake_bin(tmp_path, busy=0, update_failure='echo "E: The repository is not signed." >&2; exit 100')
    r = subprocess.run([str(REPO / "scripts" / "install-prereqs.sh")], env=env, capture_output=True, text=True)
    assert r.returncode == 1
    assert "The repository is not signed" in r.stderr and "apt is busy" not in r.stderr
    assert len(log.read_text().splitlines()) == 1
