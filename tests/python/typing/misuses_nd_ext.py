"""Wrong uses of nd_ext that mypy must reject through the generated stub (each line marked error)."""
import nd_ext
s: str = nd_ext.add_scalars(1.0, 2.0)          # error: float is not str
nd_ext.add_scalars("1", 2.0)                  # error: str is not float
p = nd_ext.Point(1.0)
p.x = "far"                                   # error: str is not float
p.distance(3)                                 # error: int is not Point | None
n: int = p.__reduce__()                       # error: a tuple is not int
