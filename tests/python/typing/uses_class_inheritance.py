"""Right uses of nd_test's [PyClass] hierarchy that mypy --strict must accept."""
import nd_test
from nd_test import Crate, Circle, Figure, GoldPlate, Quad, Square, TaggedCrate
from nd_test.shapes import Outline, Plate


def total(figures: list[Figure]) -> float:
    return sum(f.area() for f in figures)


s: Square = Square(2.0)
q: Quad = s                                   # a Square is a Quad
f: Figure = s                                 # and a Figure
area: float = nd_test.area_of(s) + total([s, Circle(1.0), Quad(1.0, 2.0), Outline(1.0, 1.0)])
kind: str = s.kind                            # inherited property
width: float = s.width + s.side
s.scale(2.0)                                  # inherited method
described: str = s.describe()
unit: Figure = Figure.unit()
quad: Quad = Quad.of(2.0)                     # a classmethod returns the class it is called on
square: Square = Square.unit()
made: Figure = nd_test.make_square(3.0)
plate: Plate = GoldPlate(1.0)                 # a module class deriving from a submodule class
metal: str = plate.metal()
box: Crate = TaggedCrate(1, "tag")
number: int = nd_test.issue_ticket(3).number


class Tile(Quad):
    def tiles(self) -> int:
        return int(self.area())


tile: Tile = Tile.of(1.0)
