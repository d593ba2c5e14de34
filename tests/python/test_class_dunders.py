"""Dunders Python calls as methods of the type ([PyMethod("__format__")], __round__, __bytes__,
__trunc__): exported as methods, with a method's signature rules, overloads and errors."""
import inspect
import math

import pytest

import nd_test
from nd_test import Temperature


def test_format_receives_the_spec():
    t = Temperature(21.456)
    assert f"{t}" == "21.456 °C"
    assert f"{t:.1f}" == "21.5 °C"
    assert format(t, ".0fF") == "71 °F"
    assert "{:.2f}".format(t) == "21.46 °C"


def test_an_exception_in_the_dunder_is_the_mapped_python_exception():
    with pytest.raises(ValueError, match="unsupported format spec 'x' for Temperature"):
        format(Temperature(1.0), "x")


def test_a_wrong_argument_type_names_the_dunder():
    with pytest.raises(TypeError, match=r"Temperature.__format__\(\) argument 'spec' must be str, not int"):
        Temperature(1.0).__format__(3)


def test_overloads_of_one_dunder_dispatch_on_the_arguments():
    assert round(Temperature(2.5)) == 2 and type(round(Temperature(2.5))) is int
    r = round(Temperature(2.345), 1)
    assert type(r) is Temperature and r.celsius == 2.3
    with pytest.raises(TypeError, match="round"):
        round(Temperature(1.0), "1")


def test_other_builtins_find_their_dunder():
    assert bytes(Temperature(1.5)) == b"1.5"
    assert math.trunc(Temperature(-3.7)) == -3


def test_the_dunders_are_methods_of_the_type_with_signatures():
    assert type(Temperature.__dict__["__format__"]).__name__ == "method_descriptor"
    assert str(inspect.signature(Temperature.__format__)) == "(self, /, spec)"
    assert "The formatted temperature" in Temperature.__format__.__doc__
    assert "__round__" in Temperature.__dict__ and "__bytes__" in Temperature.__dict__
    assert "__enter__" not in Temperature.__dict__
