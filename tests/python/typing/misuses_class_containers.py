"""Wrong uses of nd_test's containers, iterators, callables and context managers that mypy must reject."""
import nd_test

s = nd_test.IntSequence([1, 2, 3])
a: str = s[0]                                                   # error: an item is int
b: int = s[1:]                                                  # error: a slice is an IntSequence
s["x"]                                                          # error: no str key
s[0] = "x"                                                      # error: items are int
settings = nd_test.Settings()
c: str = settings["a"]                                          # error: a value is float
settings[1.5]                                                   # error: no float key
nd_test.Grid()["a"]                                             # error: keys are tuples or Grids
d: str = next(nd_test.Countdown(3))                             # error: items are int
nd_test.Polynomial(1.0)("x")                                    # error: x is float
nd_test.Polynomial(1.0)(1.0, 2.0)                               # error: scale is keyword-only
nd_test.Joiner("-")(1)                                          # error: parts are str
nd_test.Describer()(1.5)                                        # error: no float overload
with nd_test.Resource() as r:
    e: int = r                                                  # error: r is a Resource
nd_test.Ring([1])[0] = 1                                        # error: Ring has no __setitem__
