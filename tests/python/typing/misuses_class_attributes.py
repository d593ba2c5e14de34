"""Wrong uses of class attributes and properties that mypy must reject (each line marked error)."""
from nd_test import Box, PlainBox, Swatch

Swatch.RED = 2                                # error: a Final cannot be assigned
Swatch("x").made = 3                          # error: a class variable cannot be set through an instance
Swatch("x").RED = 2                           # error: a Final cannot be assigned
s: str = Swatch.made                          # error: int is not str
w: int = Swatch.WHITE                         # error: Swatch is not int
b = Box()
b.secret = 3                                  # error: the setter takes str
b.label = 3                                   # error: the setter takes str | None
b.weight = "heavy"                            # error: a declared attribute keeps its type
b.label_changes = 1                           # error: read-only property
PlainBox().tag = 1                            # error: no __dict__, no such attribute
