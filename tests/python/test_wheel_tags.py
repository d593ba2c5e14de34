"""The wheel's tags (issue 15 item 5), without dotnet: ndbindgen_build.elf reads what an ELF file
asks of the system, ndbindgen_build.tags turns it into manylinux_2_X_<arch> (or linux_<arch> and
the reasons) and the supported CPython versions into cpXY sets.

The reader is checked against binutils' readelf on real files (the published modules, the system's
libstdc++, Debian's own extension modules), the policy on small libraries gcc builds here (each
needing one thing: a glibc version, libstdc++, a zlib version, a blacklisted zlib symbol, a
library outside the policy) and on hand-made requirement sets for the rest."""
import glob
import pathlib
import re
import shutil
import struct
import subprocess
import sys

import pytest

from conftest import MODULES, REPO

sys.path.insert(0, str(REPO / "runtime" / "NdBindgen.Runtime" / "build" / "python"))
from ndbindgen_build import manylinux_policy as policy  # noqa: E402
from ndbindgen_build.elf import ElfDependencies, ElfError, parse_dependencies, read_dependencies  # noqa: E402
from ndbindgen_build.tags import (  # noqa: E402
    expand_tags, manylinux_glibc, parse_python_versions, platform_tag, python_tags)

LIBDIR = pathlib.Path("/lib/x86_64-linux-gnu")
REAL_FILES = sorted(glob.glob(str(MODULES / "nd_*.so"))) + [
    str(LIBDIR / "libstdc++.so.6"),
    *sorted(glob.glob("/usr/lib/python3.11/lib-dynload/*.cpython-311-x86_64-linux-gnu.so"))[:12],
    *sorted(glob.glob("/usr/lib/python3/dist-packages/numpy/linalg/*.so")),
]


def readelf(path):
    """(needed, {file: sorted versions}, undefined symbols) as binutils' readelf prints them."""
    out = subprocess.run(["readelf", "-dVW", "--dyn-syms", path], capture_output=True, text=True, check=True).stdout
    needed = tuple(re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]", out))
    versions, current = {}, None
    for line in out.partition("Version needs section")[2].splitlines():
        if m := re.search(r"File: (\S+)", line):
            current = versions.setdefault(m[1], [])
        elif (m := re.search(r"Name: (\S+)", line)) and current is not None:
            current.append(m[1])
    undefined = set()
    for line in out.partition("Symbol table '.dynsym'")[2].splitlines():
        fields = line.split()
        if len(fields) >= 8 and fields[6] == "UND":
            undefined.add(fields[7].split("@")[0])
    return needed, {k: sorted(v) for k, v in versions.items()}, undefined


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils' readelf is the reference")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: pathlib.Path(p).name)
def test_reader_agrees_with_readelf(path):
    deps = read_dependencies(path)
    needed, versions, undefined = readelf(path)
    assert deps.machine == "x86_64"
    assert deps.needed == needed
    assert {k: sorted(v) for k, v in deps.version_needs.items()} == versions
    assert deps.undefined_symbols == undefined


def test_reader_refuses_what_is_not_an_elf_library():
    with pytest.raises(ElfError, match="not an ELF file"):
        parse_dependencies(b"MZ\x90\x00", "x.dll")
    data = pathlib.Path(LIBDIR / "libc.so.6").read_bytes()
    with pytest.raises(ElfError, match="truncated or damaged"):
        parse_dependencies(data[:4096], "libc.so.6")
    stripped = bytearray(data[:64])
    struct.pack_into("<Q", stripped, 0x28, 0)                # e_shoff = 0: no section headers
    with pytest.raises(ElfError, match="no section headers"):
        parse_dependencies(bytes(stripped), "sstripped.so")


def test_a_damaged_file_is_an_elf_error_never_a_crash():
    """Truncated anywhere or with bytes overwritten (a fixed pseudo-random set): ElfError or a result."""
    import random
    data = pathlib.Path(LIBDIR / "libz.so.1").read_bytes()
    rng = random.Random(15)
    cases = [data[:cut] for cut in range(0, len(data), 997)]
    for _ in range(1000):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            # Mostly where the reader looks: the ELF header, the section headers (at the end), anywhere.
            at = rng.choice([rng.randrange(64), len(data) - rng.randrange(1, 4096), rng.randrange(len(data))])
            damaged[at] = rng.randrange(256)
        cases.append(bytes(damaged))
    for case in cases:
        try:
            parse_dependencies(case, "damaged")
        except ElfError:
            pass


# --- the published modules --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["nd_ext", "nd_test"])
def test_published_modules_are_manylinux(name):
    """A NativeAOT module needs libc, libm and the loader only: manylinux, X its highest GLIBC_2.X."""
    (path,) = glob.glob(str(MODULES / f"{name}*.so"))
    deps = read_dependencies(path)
    assert set(deps.needed) <= {"libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"}
    highest = max(tuple(map(int, v.split("_")[1].split(".")[:2])) for vs in deps.version_needs.values()
                  for v in vs if v.startswith("GLIBC_2."))
    tag = platform_tag(deps)
    assert tag.reasons == ()
    assert tag.glibc == max(highest, (2, 5))
    assert tag.tag.startswith("manylinux_{}_{}_x86_64".format(*tag.glibc))


# --- small libraries gcc builds, each needing one thing ------------------------------------------

CASES = {
    # name: (source, language, extra link inputs, expected platform tag)
    "plain": ("#include <string.h>\nint f(const char *s) { return (int)strlen(s); }\n",
              "c", [], "manylinux_2_5_x86_64.manylinux1_x86_64"),
    # glibc 2.34 moved pthread_create into libc with a new version
    "threads": ("#include <pthread.h>\nstatic void *run(void *a) { return a; }\n"
                "int f(void) { pthread_t t; return pthread_create(&t, 0, run, 0); }\n",
                "c", [], "manylinux_2_34_x86_64"),
    # std::string (the C++11 ABI, GLIBCXX_3.4.21) and exceptions: libstdc++ and libgcc_s
    "cxx": ("#include <string>\n#include <stdexcept>\nstd::string f(const char *s) {\n"
            "  if (!s) throw std::runtime_error(\"null\");\n  return std::string(s) + \"!\";\n}\n",
            "c++", [], "manylinux_2_24_x86_64"),
    # deflateGetDictionary is ZLIB_1.2.9, which manylinux_2_27's zlib is the first to have
    "zlib": ("typedef unsigned int uInt;\nextern int deflateGetDictionary(void *, unsigned char *, uInt *);\n"
             "int f(void *z, unsigned char *d, uInt *n) { return deflateGetDictionary(z, d, n); }\n",
             "c", [LIBDIR / "libz.so.1"], "manylinux_2_27_x86_64"),
    # uncompress2 is also ZLIB_1.2.9, but blacklisted by every policy before manylinux_2_34
    "zlib_blacklisted": ("typedef unsigned long uLong;\n"
                         "extern int uncompress2(unsigned char *, uLong *, const unsigned char *, uLong *);\n"
                         "int f(unsigned char *d, uLong *n, const unsigned char *s, uLong *m)"
                         " { return uncompress2(d, n, s, m); }\n",
                         "c", [LIBDIR / "libz.so.1"], "manylinux_2_34_x86_64"),
    # libbz2 is no system library under any policy
    "bzip2": ("extern const char *BZ2_bzlibVersion(void);\nconst char *f(void) { return BZ2_bzlibVersion(); }\n",
              "c", [LIBDIR / "libbz2.so.1.0"], "linux_x86_64"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if shutil.which("gcc") is None or shutil.which("g++") is None:
        pytest.skip("gcc and g++ build the test libraries")
    out = tmp_path_factory.mktemp("elf_cases")

    def build(name):
        source, language, inputs, _ = CASES[name]
        src = out / f"{name}.{'c' if language == 'c' else 'cpp'}"
        src.write_text(source)
        compiler = "gcc" if language == "c" else "g++"
        subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", out / f"{name}.so", src, *inputs], check=True)
        return read_dependencies(out / f"{name}.so")
    return build


@pytest.mark.parametrize("name", list(CASES))
def test_tag_of_a_library_built_here(built, name):
    tag = platform_tag(built(name))
    assert tag.tag == CASES[name][3]
    assert bool(tag.reasons) == (tag.glibc is None)


def test_a_library_outside_the_policy_is_named_in_the_reason(built):
    tag = platform_tag(built("bzip2"))
    assert tag.reasons == ("it needs libbz2.so.1.0, which is not on the manylinux policy's list of system "
                           "libraries (a wheel must carry it)",)


def test_cxx_needs_come_from_the_policy_table(built):
    deps = built("cxx")
    assert {"libstdc++.so.6", "libgcc_s.so.1"} <= set(deps.needed)
    assert "GLIBCXX_3.4.21" in deps.version_needs["libstdc++.so.6"]
    assert policy.SYMBOL_VERSIONS["GLIBCXX_3.4.21"] == (2, 24)   # manylinux2014's libstdc++ stops at 3.4.19


# --- hand-made requirement sets ----------------------------------------------------------------


def deps(needed=("libc.so.6",), versions=None, undefined=(), machine="x86_64"):
    return ElfDependencies(machine, tuple(needed), versions or {"libc.so.6": ("GLIBC_2.2.5",)},
                           frozenset(undefined))


@pytest.mark.parametrize("case, expected", [
    # X is the highest GLIBC_2.X, also between two policies, also past the newest one (PEP 600)
    (deps(versions={"libc.so.6": ("GLIBC_2.2.5", "GLIBC_2.14")}), "manylinux_2_14_x86_64"),
    (deps(versions={"libc.so.6": ("GLIBC_2.17",)}), "manylinux_2_17_x86_64.manylinux2014_x86_64"),
    (deps(versions={"libc.so.6": ("GLIBC_2.12",)}), "manylinux_2_12_x86_64.manylinux2010_x86_64"),
    (deps(versions={"libc.so.6": ("GLIBC_2.45",)}), "manylinux_2_45_x86_64"),
    # the loader's versions count, the loader itself is no library to carry
    (deps(needed=("libc.so.6", "ld-linux-x86-64.so.2"),
          versions={"ld-linux-x86-64.so.2": ("GLIBC_2.3",), "libc.so.6": ("GLIBC_2.2.5",)}),
     "manylinux_2_5_x86_64.manylinux1_x86_64"),
    # non-numbered glibc versions, libraries allowed only by later policies
    (deps(versions={"libc.so.6": ("GLIBC_2.2.5", "GLIBC_ABI_DT_RELR")}), "manylinux_2_36_x86_64"),
    (deps(needed=("libc.so.6", "libmvec.so.1")), "manylinux_2_24_x86_64"),
    (deps(needed=("libc.so.6", "libexpat.so.1")), "manylinux_2_12_x86_64.manylinux2010_x86_64"),
    # the highest of everything: glibc 2.28 and libstdc++ of gcc 11 (manylinux_2_34)
    (deps(needed=("libc.so.6", "libstdc++.so.6"),
          versions={"libc.so.6": ("GLIBC_2.28",), "libstdc++.so.6": ("GLIBCXX_3.4.29", "CXXABI_1.3.13")}),
     "manylinux_2_34_x86_64"),
    (deps(needed=("libc.so.6", "libgcc_s.so.1"), versions={"libgcc_s.so.1": ("GCC_7.0.0",)}),
     "manylinux_2_27_x86_64"),
    # a symbol a policy blacklists from libc: manylinux_2_24 is the first to allow it
    (deps(undefined=("__cxa_thread_atexit_impl",)), "manylinux_2_24_x86_64"),
    # a library's own version set outside the policy's families: the library check decides
    (deps(needed=("libc.so.6", "libz.so.1"), versions={"libz.so.1": ("ZLIB_1.2.2.4",), "libfoo.so.1": ("FOO_1",)}),
     "manylinux_2_12_x86_64.manylinux2010_x86_64"),
])
def test_tag_of_hand_made_requirements(case, expected):
    assert platform_tag(case).tag == expected


@pytest.mark.parametrize("case, reason", [
    (deps(versions={"libc.so.6": ("GLIBC_PRIVATE",)}), "the symbol version GLIBC_PRIVATE of libc.so.6"),
    (deps(needed=("libstdc++.so.6",), versions={"libstdc++.so.6": ("GLIBCXX_3.4.99",)}),
     "the symbol version GLIBCXX_3.4.99 of libstdc++.so.6, which no manylinux policy allows (newest known: "
     "manylinux_2_41)"),
    (deps(needed=("libc.so.6", "libz.so.1"), undefined=("_tr_init",)),
     "it uses _tr_init from libz.so.1, which the manylinux policy forbids"),
    (deps(needed=("libc.so.6", "libpython3.11.so.1.0")), "it needs libpython3.11.so.1.0, which is not on"),
    (deps(machine="aarch64"), "covers x86_64 only, and the module is built for aarch64"),
])
def test_what_the_policy_forbids_is_linux_with_a_reason(case, reason):
    tag = platform_tag(case)
    assert tag.tag == f"linux_{case.machine}"
    assert tag.glibc is None
    assert len(tag.reasons) == 1 and reason in tag.reasons[0], tag.reasons


def test_every_reason_is_reported_not_just_the_first():
    _, reasons = manylinux_glibc(deps(needed=("libc.so.6", "libfoo.so.1", "libbar.so.2")))
    assert [r.split(",")[0] for r in reasons] == ["it needs libfoo.so.1", "it needs libbar.so.2"]


def test_the_policy_table_grows_monotonically():
    assert list(policy.POLICIES) == sorted(policy.POLICIES) and policy.POLICIES[0] == (2, 5)
    for table in (policy.LIBRARIES, policy.SYMBOL_VERSIONS):
        assert set(table.values()) <= set(policy.POLICIES)
    assert {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libgcc_s.so.1",
            "libstdc++.so.6"} <= set(policy.LIBRARIES)
    for glibc in policy.POLICIES:   # every policy allows its own glibc version
        assert policy.SYMBOL_VERSIONS.get("GLIBC_{}.{}".format(*glibc), glibc) <= glibc


# --- python and abi tags -----------------------------------------------------------------------


def test_python_and_abi_tags_cover_exactly_the_supported_versions():
    versions = parse_python_versions("3.9 3.10 3.11 3.12 3.13")
    assert versions == [(3, 9), (3, 10), (3, 11), (3, 12), (3, 13)]
    assert python_tags(versions) == ("cp39.cp310.cp311.cp312.cp313",) * 2
    assert python_tags(parse_python_versions("3.11")) == ("cp311", "cp311")
    assert python_tags(parse_python_versions("3.12 3.10 3.12")) == ("cp310.cp312", "cp310.cp312")


@pytest.mark.parametrize("text", ["", "3", "2.7", "3.x", "cp311", "3.11.2"])
def test_a_malformed_version_list_is_refused(text):
    with pytest.raises(ValueError):
        parse_python_versions(text)


def test_the_wheel_file_lists_every_tag_of_a_compressed_set():
    tag = "cp39.cp310-cp39.cp310-manylinux_2_17_x86_64.manylinux2014_x86_64"
    expanded = expand_tags(tag)
    assert len(expanded) == 8 and len(set(expanded)) == 8
    assert "cp310-cp310-manylinux2014_x86_64" in expanded and "cp39-cp39-manylinux_2_17_x86_64" in expanded
    assert not any("abi3" in t for t in expanded)
