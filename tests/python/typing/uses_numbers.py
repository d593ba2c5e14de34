"""Right uses of nd_test's number protocol (Fraction, Bits) that mypy --strict must accept through the stub."""
import nd_test
from nd_test import Bits, Fraction

a: Fraction = Fraction(1, 2) + Fraction(1, 3)
a = Fraction(1) + 1
a = 1 + Fraction(1)
a = 2 * a - 1
a = 1 / a
q: int = a // 2
q = 7 // a
qr: tuple[int, Fraction] = divmod(a, Fraction(1))
qr = divmod(7, a)
a = a ** 2
a = pow(a, 2, 5)
f: float = 2 ** a
a **= 2
a = -a
a = abs(+a)
yes: bool = bool(a)
f = float(a)
n: int = int(a)
z: complex = complex(a)
b = Bits(12)
b = (b & Bits(1)) | Bits(2) ^ ~b
b = b << 2 >> 1
b = b @ Bits(3)
b = 3 @ b
b &= Bits(1)
b <<= 1
b @= Bits(1)
n = b.__index__()
items = [1, 2, 3][Bits(1)]
print(nd_test.Fraction(1) + 1, items, yes, f, n, z, q, qr)
