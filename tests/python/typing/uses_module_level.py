"""Module constants, __version__ and a submodule of nd_test, used as mypy --strict must accept."""
import typing

import nd_test
import nd_test.shapes
from nd_test import shapes
from nd_test.shapes import Rect, area

limit: typing.Literal[64] = nd_test.MAX_ITEMS      # a const: its literal type
golden: float = nd_test.GOLDEN
greeting: str = nd_test.GREETING
epsilon: float = nd_test.MACHINE_EPSILON
unit: complex = nd_test.IMAGINARY_UNIT
nothing: str | None = nd_test.NOTHING
count: int | None = nd_test.SOME_COUNT
x: float = nd_test.ORIGIN.x
version: str = nd_test.__version__
a: float = area(2.0, 3.0) + nd_test.shapes.area(1.0, 1.0) + shapes.area(w=1.0, h=2.0)
r: Rect = shapes.unit_square()
corner: nd_test.ConstPoint = r.corner()
r2: nd_test.shapes.Rect = shapes.to_corner(nd_test.ORIGIN)
sides: int = shapes.SIDES
described: str = shapes.describe(3) + shapes.describe("x")
