"""Wrong uses of nd_test's constants and submodule that mypy must reject (each line marked error)."""
import nd_test
import nd_test.shapes
from nd_test import shapes

nd_test.MAX_ITEMS = 3                         # error: a Final cannot be assigned
s: str = nd_test.GOLDEN                       # error: float is not str
shapes.SIDES = 5                              # error: a Final cannot be assigned
shapes.area("1", 2.0)                         # error: str is not float
n: int = nd_test.shapes.unit_square()         # error: Rect is not int
shapes.to_corner(shapes.unit_square())        # error: Rect is not ConstPoint
nd_test.Rect(1.0, 2.0)                        # error: Rect is in nd_test.shapes, not nd_test
nd_test.area(1.0, 2.0)                        # error: area is in nd_test.shapes
