"""The wheel tags a module earns: which interpreters it serves, and which Linux systems it loads on.

``<python>-<abi>-<platform>``, each part a compressed tag set (PEP 425):

- python and abi: ``cp39.cp310.cp311.cp312.cp313`` for a module whose runtime supports CPython
  3.9-3.13 (the module says so through its ``ndbindgen_python_versions`` export). Never ``abi3``:
  the module reads CPython's object layouts, not the limited API, and abi3 would claim every
  later version too. A debug interpreter installs it as well: pip's abi list for python3.11-dbg is
  ``cp311d, cp311`` (a debug build loads release extension modules).
- platform: ``manylinux_2_X_<arch>`` (PEP 600), X from what the ELF file asks of the system (see
  ``manylinux_glibc``), or ``linux_<arch>`` with the reasons when the manylinux policy forbids
  something it needs. A wheel tagged manylinux_2_X installs on every Linux with glibc 2.X or later.
"""
import dataclasses
import re

from . import manylinux_policy as policy

# The dynamic loader itself: never a library the wheel could carry (auditwheel skips it too).
_LOADERS = re.compile(r"^(ld-linux.*|ld64\.so\.[12])$")
_GLIBC_VERSION = re.compile(r"^GLIBC_(\d+)\.(\d+)(\.\d+)*$")
_FAMILIES = frozenset(version.partition("_")[0] for version in policy.SYMBOL_VERSIONS)
_PYTHON_VERSION = re.compile(r"^3\.(\d+)$")


@dataclasses.dataclass(frozen=True)
class PlatformTag:
    tag: str                  # 'manylinux_2_34_x86_64', or 'linux_x86_64' when not manylinux
    glibc: tuple = None       # (2, 34): the oldest glibc the library loads with; None when not manylinux
    reasons: tuple = ()       # why not manylinux, one sentence each


def manylinux_glibc(deps):
    """((major, minor) or None, reasons): the oldest glibc whose manylinux policy allows everything
    the ELF file ``deps`` (an elf.ElfDependencies) asks of the system, or None and why not.

    It is the highest of: every GLIBC_2.Y symbol version needed (from libc, libm, the loader, ...),
    the first policy allowing each other needed symbol version (GLIBCXX_3.4.29 from libstdc++,
    GCC_7.0.0 from libgcc_s, ...), each needed library (libmvec.so.1 from manylinux_2_24 on) and
    each policy-blacklisted symbol it uses, and manylinux_2_5, the oldest policy. A library or a
    version no policy allows means no manylinux tag at all."""
    if deps.machine != policy.ARCHITECTURE:
        return None, (f"the manylinux policy table ({policy.SOURCE}) here covers {policy.ARCHITECTURE} "
                      f"only, and the module is built for {deps.machine}",)
    glibc, reasons = policy.POLICIES[0], []
    for soname in deps.needed:
        if _LOADERS.match(soname):
            continue
        first = policy.LIBRARIES.get(soname)
        if first is None:
            reasons.append(f"it needs {soname}, which is not on the manylinux policy's list of system "
                           "libraries (a wheel must carry it)")
        else:
            glibc = max(glibc, first)
    for soname, versions in deps.version_needs.items():
        for version in versions:
            numbered = _GLIBC_VERSION.match(version)
            if numbered:
                glibc = max(glibc, (int(numbered[1]), int(numbered[2])))
            elif version in policy.SYMBOL_VERSIONS:
                glibc = max(glibc, policy.SYMBOL_VERSIONS[version])
            elif version.partition("_")[0] in _FAMILIES:
                reasons.append(f"it needs the symbol version {version} of {soname}, which no manylinux "
                               f"policy allows (newest known: manylinux_{'_'.join(map(str, policy.POLICIES[-1]))})")
            # Any other family is the version set of a library the list above already judged.
    for soname in deps.needed:
        for symbol, first in policy.BLACKLIST.get(soname, {}).items():
            if symbol not in deps.undefined_symbols:
                continue
            if first is None:
                reasons.append(f"it uses {symbol} from {soname}, which the manylinux policy forbids")
            else:
                glibc = max(glibc, first)
    return (None, tuple(reasons)) if reasons else (glibc, ())


def platform_tag(deps):
    """The PlatformTag of the ELF file ``deps`` (an elf.ElfDependencies)."""
    glibc, reasons = manylinux_glibc(deps)
    if glibc is None:
        return PlatformTag(f"linux_{deps.machine}", None, reasons)
    tag = f"manylinux_{glibc[0]}_{glibc[1]}_{deps.machine}"
    if glibc in policy.LEGACY_ALIASES:            # manylinux2014 and the like, for pip < 20.3
        tag += f".{policy.LEGACY_ALIASES[glibc]}_{deps.machine}"
    return PlatformTag(tag, glibc)


def parse_python_versions(text):
    """'3.9 3.10 3.11' (what ndbindgen_python_versions returns) -> [(3, 9), (3, 10), (3, 11)]."""
    versions = []
    for word in text.split():
        m = _PYTHON_VERSION.match(word)
        if not m:
            raise ValueError(f"'{word}' in '{text}' is not a CPython 3.x version")
        versions.append((3, int(m[1])))
    if not versions:
        raise ValueError("the module names no Python version it supports")
    return sorted(set(versions))


def python_tags(versions):
    """(python tag, abi tag) for the CPython versions ``versions`` ([(3, 9), (3, 10)]): the same
    compressed set twice, 'cp39.cp310'. Each interpreter finds its own cpXY-cpXY among them."""
    tags = ".".join(f"cp{major}{minor}" for major, minor in sorted(set(versions)))
    return tags, tags


def expand_tags(tag):
    """'cp39.cp310-cp39.cp310-manylinux_2_34_x86_64' -> every python-abi-platform it stands for,
    as the WHEEL file lists them (one Tag line each, as bdist_wheel writes them)."""
    python_tags_, abi_tags, platform_tags = (part.split(".") for part in tag.split("-"))
    return [f"{p}-{a}-{x}" for p in python_tags_ for a in abi_tags for x in platform_tags]
