"""Wrong uses of nd_test's number protocol that mypy must reject (each line marked error)."""
from nd_test import Bits, Fraction

a = Fraction(1, 2)
a + "x"                                        # error: no __add__ for str
a + 1.5                                        # error: float is not int or Fraction
s: str = a * 2                                 # error: the product is a Fraction
n: int = a / 2                                 # error: the quotient is a Fraction
a @ a                                          # error: Fraction has no @
pow(a, a, 5)                                   # error: the modulo form takes an int exponent
b = Bits(1)
b + b                                          # error: Bits has no +
b << 1.0                                       # error: the shift count is an int
b &= 1                                         # error: &= takes Bits
-b                                             # error: Bits has no unary -
f: float = divmod(a, a)                        # error: divmod gives a tuple
