"""What a shared library asks of the system, read from its ELF file (standard library only).

The dynamic loader decides whether a library loads from three things, all in the file: the
libraries it names (DT_NEEDED in .dynamic), the symbol versions it needs from each of them
(.gnu.version_r, e.g. GLIBC_2.34 from libc.so.6) and the symbols it leaves undefined (.dynsym).
auditwheel reads the same sections (with pyelftools) to pick a manylinux tag; this reader needs
neither pyelftools nor binutils, so a wheel can be tagged wherever Python runs.
"""
import dataclasses
import struct

SHT_DYNAMIC = 6
SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NULL = 0
DT_NEEDED = 1
SHN_UNDEF = 0

# e_machine -> the architecture as platform tags spell it (PEP 600, `uname -m`).
MACHINES = {3: "i686", 40: "armv7l", 62: "x86_64", 183: "aarch64", 22: "s390x", 243: "riscv64"}
EM_PPC64 = 21


class ElfError(Exception):
    """Not an ELF file, or one too damaged to read."""


@dataclasses.dataclass(frozen=True)
class ElfDependencies:
    machine: str                      # 'x86_64', 'aarch64', ... (or 'em<number>' when unknown)
    needed: tuple                     # DT_NEEDED sonames, in file order
    version_needs: dict               # soname -> tuple of version names, e.g. {'libc.so.6': ('GLIBC_2.34', ...)}
    undefined_symbols: frozenset      # names the library expects another one to define


def read_dependencies(path):
    """The ElfDependencies of the ELF shared library at ``path``."""
    with open(path, "rb") as f:
        data = f.read()
    return parse_dependencies(data, str(path))


def parse_dependencies(data, name="<bytes>"):
    try:
        return _Reader(data, name).dependencies()
    except (struct.error, IndexError, ValueError, OverflowError) as e:   # UnicodeDecodeError is a ValueError
        raise ElfError(f"{name}: a truncated or damaged ELF file ({e})") from None


class _Reader:
    def __init__(self, data, name):
        if data[:4] != b"\x7fELF":
            raise ElfError(f"{name}: not an ELF file")
        elf_class, encoding = data[4], data[5]
        if elf_class not in (1, 2) or encoding not in (1, 2):
            raise ElfError(f"{name}: unknown ELF class {elf_class} or data encoding {encoding}")
        self.data, self.name = data, name
        self.is64 = elf_class == 2
        self.endian = "<" if encoding == 1 else ">"
        word = "Q" if self.is64 else "I"
        # Elf_Ehdr after e_ident: type, machine, version, entry, phoff, shoff, flags, ehsize,
        # phentsize, phnum, shentsize, shnum, shstrndx.
        (_, self.e_machine, _, _, _, self.shoff, _, _, _, _, self.shentsize, self.shnum, _) = \
            struct.unpack_from(f"{self.endian}HHI{word}{word}{word}IHHHHHH", data, 16)
        # Elf_Shdr: name, type, flags, addr, offset, size, link, info, addralign, entsize.
        self.shdr = struct.Struct(f"{self.endian}II{word}{word}{word}{word}II{word}{word}")

    def machine(self):
        if self.e_machine == EM_PPC64:
            return "ppc64le" if self.endian == "<" else "ppc64"
        return MACHINES.get(self.e_machine, f"em{self.e_machine}")

    def sections(self):
        """(type, offset, size, link, info, entsize) of every section."""
        if self.shoff == 0 or self.shnum == 0:
            raise ElfError(f"{self.name}: no section headers (a stripped-down file cannot be checked)")
        for i in range(self.shnum):
            _, sh_type, _, _, offset, size, link, info, _, entsize = \
                self.shdr.unpack_from(self.data, self.shoff + i * self.shentsize)
            yield sh_type, offset, size, link, info, entsize

    def string(self, table, offset):
        start = table[1] + offset
        end = self.data.index(b"\0", start)
        return self.data[start:end].decode("utf-8")

    def dependencies(self):
        sections = list(self.sections())
        needed, version_needs, undefined = [], {}, set()
        for sh_type, offset, size, link, info, entsize in sections:
            if sh_type == SHT_DYNAMIC:
                needed += self._needed(offset, size, sections[link])
            elif sh_type == SHT_GNU_VERNEED:
                version_needs.update(self._version_needs(offset, info, sections[link]))
            elif sh_type == SHT_DYNSYM:
                undefined |= self._undefined(offset, size, entsize, sections[link])
        return ElfDependencies(self.machine(), tuple(needed), version_needs, frozenset(undefined))

    def _needed(self, offset, size, strtab):
        entry = struct.Struct(f"{self.endian}{'qQ' if self.is64 else 'iI'}")
        names = []
        for at in range(offset, offset + size - entry.size + 1, entry.size):
            tag, value = entry.unpack_from(self.data, at)
            if tag == DT_NULL:
                break
            if tag == DT_NEEDED:
                names.append(self.string(strtab, value))
        return names

    def _version_needs(self, offset, count, strtab):
        # Elf_Verneed: version, cnt, file, aux, next; Elf_Vernaux: hash, flags, other, name, next.
        # Both have the same layout in 32 and 64 bit files.
        needs, at = {}, offset
        for _ in range(count):
            _, cnt, file, aux, next_ = struct.unpack_from(f"{self.endian}HHIII", self.data, at)
            versions, aux_at = [], at + aux
            for _ in range(cnt):
                _, _, _, name, aux_next = struct.unpack_from(f"{self.endian}IHHII", self.data, aux_at)
                versions.append(self.string(strtab, name))
                aux_at += aux_next
            needs.setdefault(self.string(strtab, file), ())
            needs[self.string(strtab, file)] += tuple(versions)
            if next_ == 0:
                break
            at += next_
        return needs

    def _undefined(self, offset, size, entsize, strtab):
        # Elf64_Sym: name, info, other, shndx, value, size; Elf32_Sym: name, value, size, info, other, shndx.
        layout = f"{self.endian}IBBHQQ" if self.is64 else f"{self.endian}IIIBBH"
        symbol = struct.Struct(layout)
        entsize = entsize or symbol.size
        names = set()
        for at in range(offset, offset + size - symbol.size + 1, entsize):
            fields = symbol.unpack_from(self.data, at)
            name, shndx = fields[0], fields[3] if self.is64 else fields[5]
            if shndx == SHN_UNDEF and name:
                names.add(self.string(strtab, name))
        return names
