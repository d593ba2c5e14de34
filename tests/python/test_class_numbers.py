"""The number protocol of a [PyClass] (tests/NdTestModule/ClassesNumbers.cs): every binary operator with its
reflected and in-place forms, ternary pow, unary operators, bool and the int/float/index/complex conversions,
from C# operators and [PyMethod("__name__")] methods; NotImplemented when no overload fits."""
import operator
import sys

import pytest

import nd_test
from nd_test import Bits, Fraction

F = Fraction


def test_binary_operators_from_csharp_operators_either_operand_of_the_class():
    a, b = F(1, 2), F(1, 3)
    assert a + b == F(5, 6) and a + 1 == F(3, 2) and 1 + a == F(3, 2)
    assert a - b == F(1, 6) and a - 1 == F(-1, 2) and 1 - a == F(1, 2)
    assert a * b == F(1, 6) and a * 4 == F(2) and 4 * a == F(2)
    assert a / b == F(3, 2) and a / 2 == F(1, 4)
    assert F(7, 2) % F(1) == F(1, 2) and F(-7, 2) % F(1) == F(1, 2)   # the divisor's sign, as Python's %


def test_operators_from_dunder_methods_and_their_reflected_forms():
    a = F(7, 2)
    assert 1 / F(2, 3) == F(3, 2)                       # __rtruediv__ (a method: C# has no reflected /)
    assert a // F(1) == 3 and a // 2 == 1 and 7 // F(2) == 3 and F(-7, 2) // 1 == -4
    assert divmod(a, F(1)) == (3, F(1, 2)) and divmod(7, F(2)) == (3, F(1))
    assert a ** 2 == F(49, 4) and a ** -1 == F(2, 7) and a ** 0 == F(1)
    assert pow(F(3), 2, 5) == F(4)                        # ternary pow: the method with a modulo
    assert 4 ** F(1, 2) == 2.0                            # __rpow__
    assert operator.floordiv(7, F(2)) == 3


def test_bitwise_operators_and_shifts():
    c, d = Bits(0b1100), Bits(0b1010)
    assert (c & d).mask == 0b1000 and (c | d).mask == 0b1110 and (c ^ d).mask == 0b0110
    assert (~c).mask == ~0b1100
    assert (c << 2).mask == 0b110000 and (c >> 2).mask == 0b11
    assert (c @ d).mask == 0b1111000 and (3 @ c).mask == 0b10100   # __matmul__, __rmatmul__


def test_unary_operators_bool_and_conversions():
    a = F(-3, 2)
    assert -a == F(3, 2) and +a is a and abs(a) == F(3, 2)
    assert bool(F(0)) is False and bool(a) is True             # C#'s operator true
    assert bool(Bits()) is False and bool(Bits(1)) is True     # [PyMethod("__bool__")]
    assert float(F(1, 4)) == 0.25 and int(F(7, 2)) == 3 and int(F(-7, 2)) == -3
    assert complex(F(1, 2)) == 0.5 + 0j                        # __complex__ (a method row)
    b = Bits(12)
    assert operator.index(b) == 12 and int(b) == 12 and bin(b) == "0b1100" and hex(b) == "0xc"
    assert list(range(20))[b] == 12 and float(b) == 12.0       # implicit operator long: __index__ and __int__
    with pytest.raises(TypeError):
        operator.index(F(1))                                   # explicit operator long is __int__ only


def test_in_place_operators_that_change_the_object_keep_its_identity():
    c = Bits(0b1100)
    e = c
    e &= Bits(0b1010)              # C# 14 operator &=
    assert e is c and c.mask == 0b1000
    e |= Bits(1)
    assert e is c and c.mask == 0b1001
    e ^= Bits(1)
    assert e is c and c.mask == 0b1000
    e <<= 1                         # a void __ilshift__
    assert e is c and c.mask == 0b10000
    e >>= 2                         # an __irshift__ returning this
    assert e is c and c.mask == 0b100
    e @= Bits(3)                    # a void __imatmul__
    assert e is c and c.mask == 0b1100


def test_in_place_forms_of_an_immutable_class_rebind_to_a_new_object():
    a = F(1, 2)
    x = a
    x += 1                          # no __iadd__: Python falls back on __add__
    assert x == F(3, 2) and x is not a and a == F(1, 2)
    x = a
    x **= 2                         # __ipow__ returning a new Fraction
    assert x == F(1, 4) and x is not a and a == F(1, 2)


def test_in_place_operand_that_does_not_fit_falls_back_on_the_binary_operator():
    c = Bits(1)
    with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for &=: 'nd_test.Bits' and 'int'"):
        c &= 1


@pytest.mark.parametrize("expression, message", [
    ("F(1) + 'x'", "unsupported operand type(s) for +: 'nd_test.Fraction' and 'str'"),
    ("'x' + F(1)", 'can only concatenate str (not "nd_test.Fraction") to str'),
    ("F(1) + 1.5", "unsupported operand type(s) for +: 'nd_test.Fraction' and 'float'"),
    ("F(1) @ F(1)", "unsupported operand type(s) for @: 'nd_test.Fraction' and 'nd_test.Fraction'"),
    ("F(1) ** 'x'", "unsupported operand type(s) for ** or pow(): 'nd_test.Fraction' and 'str'"),
    ("pow(F(1), F(1), 5)", "unsupported operand type(s) for ** or pow(): 'nd_test.Fraction', 'nd_test.Fraction', 'int'"),
    ("Bits(1) + Bits(1)", "unsupported operand type(s) for +: 'nd_test.Bits' and 'nd_test.Bits'"),
    ("Bits(1) << 1.0", "unsupported operand type(s) for <<: 'nd_test.Bits' and 'float'"),
    ("divmod(F(1), 'x')", "unsupported operand type(s) for divmod(): 'nd_test.Fraction' and 'str'"),
    ("-Bits(1) ", "bad operand type for unary -: 'nd_test.Bits'"),
    ("abs(Bits(1))", "bad operand type for abs(): 'nd_test.Bits'"),
])
def test_operands_that_fit_no_overload_give_pythons_type_error(expression, message):
    with pytest.raises(TypeError) as info:
        eval(expression, {"F": F, "Bits": Bits})
    if sys.version_info < (3, 10):
        message = message.replace("for ** or pow(): 'nd_test.Fraction', ", "for pow(): 'nd_test.Fraction', ")   # 3.9's words
    assert str(info.value) == message


def test_reflected_method_is_not_asked_for_two_operands_of_one_type():
    # Bits has __rmatmul__(int) only for int @ Bits: Bits @ Bits is __matmul__'s, and 1 @ 1 is int's.
    assert (Bits(1) @ Bits(1)).mask == 1
    with pytest.raises(TypeError):
        1.5 @ Bits(1)


class Other:
    """A Python class that knows Fraction from the other side."""
    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return ("radd", other)

    def __rsub__(self, other):
        return NotImplemented

    def __mul__(self, other):
        return ("mul", other)

    def __rpow__(self, other, modulo=None):
        return ("rpow", other, modulo)


def test_not_implemented_lets_a_python_class_answer():
    a = F(1, 2)
    assert a + Other() == ("radd", a)             # Fraction's + says NotImplemented; Other.__radd__ answers
    assert Other() * a == ("mul", a)
    assert a ** Other() == ("rpow", a, None)
    with pytest.raises(TypeError, match="unsupported operand type.*'nd_test.Fraction' and 'Other'"):
        a - Other()


def test_python_subclass_inherits_the_operators_and_may_override_them():
    class MyBits(Bits):
        def __and__(self, other):
            return "mine"

        def __rand__(self, other):
            return "rmine"

    m = MyBits(0b11)
    assert m & Bits(1) == "mine"
    assert (m | Bits(4)).mask == 0b111 and type(m | Bits(4)) is Bits
    assert Bits(1) & m == "rmine"         # the subclass's reflected method first, as Python does
    assert (m @ Bits(1)).mask == 0b11
    e = m
    e ^= Bits(1)
    assert e is m and m.mask == 0b10


def test_exceptions_in_operator_bodies_map_to_python_exceptions():
    with pytest.raises(ZeroDivisionError, match="Fraction division by zero"):
        F(1) / F(0)
    with pytest.raises(ZeroDivisionError):
        F(1) // 0
    with pytest.raises(OverflowError):
        F(2**62) * F(2**62)                     # checked long arithmetic
    with pytest.raises(OverflowError):
        F(1) + 2**70                            # an int operand out of long's range
    with pytest.raises(ValueError, match="shift count must be 0..63"):
        Bits(1) << 100
    with pytest.raises(ValueError, match="needs a whole Fraction"):
        pow(F(1, 2), 2, 5)


def test_reference_counts_of_operands_and_results_are_steady():
    a, b, c, d = F(1, 2), F(1, 3), Bits(6), Bits(3)
    one = 10**5 + 1                 # an int object of its own, not a cached small one
    def loop():
        for _ in range(1000):
            a + b; a + one; one + a; a / one; one / a; a // one; divmod(a, b); pow(F(3), 2, 5); a ** 2
            -a; abs(a); bool(a); float(a); int(a); complex(a)
            c & d; c @ d; one @ c; operator.index(c); bool(c)
            e = c
            e &= d
            e <<= 0
            e >>= 0
            try:
                a + "x"
            except TypeError:
                pass
    loop()
    before = [sys.getrefcount(x) for x in (a, b, c, d, one)]
    total = sys.gettotalrefcount() if hasattr(sys, "gettotalrefcount") else None
    loop()
    assert [sys.getrefcount(x) for x in (a, b, c, d, one)] == before
    if total is not None:
        assert abs(sys.gettotalrefcount() - total) < 100


def test_results_are_owned_once():
    a, b = F(1, 2), F(1, 3)
    r = a + b
    assert sys.getrefcount(r) == 2           # r and getrefcount's argument
    c = Bits(1)
    e = c
    e &= Bits(1)
    assert sys.getrefcount(c) == 3           # c, e and the argument: the in-place result was a new reference
