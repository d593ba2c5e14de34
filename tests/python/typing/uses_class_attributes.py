"""Right uses of class attributes, write-only and deletable properties and a __dict__ (mypy --strict accepts)."""
import datetime

import nd_test
from nd_test import Box, PlainBox, Swatch

red: int = Swatch.RED
kind: str = Swatch.KIND
gamma: float = Swatch.GAMMA
nothing: str | None = Swatch.NOTHING
pair: tuple[int, str] = Swatch.PAIR
epoch: datetime.datetime = Swatch.EPOCH
white: Swatch = Swatch.WHITE
sizes: list[int] = Swatch.SIZES
made: int = Swatch.made
through_instance: int = Swatch("x").made
last: str | None = Swatch.last_name
history: list[int] = Swatch.history
Swatch.set_made(3)

b = Box()
b.secret = "hidden"
n: int = b.secret_length()
b.label = "x"
del b.label
b.size = 4
b.size = None
del b.size
b.payload = object()
del b.payload
b.weight = 2.0
b.tag = 5                       # a __dict__: attributes of Python's own
tag: int = b.tag
del b.tag

p = PlainBox()
p.level = 3
