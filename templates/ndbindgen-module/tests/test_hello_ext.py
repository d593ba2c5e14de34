"""Tests of the module as Python sees it: `pip install .` (or `ndbindgen develop`), then
`python -m pytest tests`."""
import numpy as np
import pytest

import hello_ext


def test_hello():
    assert hello_ext.hello() == "Hello, world!"
    assert hello_ext.hello(name="C#") == "Hello, C#!"


def test_total_of_any_shape():
    assert hello_ext.total(np.ones((2, 3))) == 6.0


def test_total_refuses_another_dtype():
    with pytest.raises(TypeError, match="float64"):
        hello_ext.total(np.ones(3, dtype=np.int32))


def test_counter():
    c = hello_ext.Counter(start=41)
    assert c.increment() == 42
    assert repr(c) == "Counter(42)"
