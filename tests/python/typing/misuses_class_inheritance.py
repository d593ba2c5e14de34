"""Wrong uses of nd_test's [PyClass] hierarchy that mypy must reject (each line marked error)."""
import nd_test
from nd_test import Circle, Figure, Quad, Square, TaggedCrate, Ticket

s: Square = Quad(1.0, 2.0)                    # error: a Quad is not a Square
c: Circle = Square(1.0)                       # error: a Square is not a Circle
nd_test.width_of(Circle(1.0))                 # error: width_of takes a Quad
Square(1.0).radius                            # error: Circle's property, not Square's
Circle(1.0).scale(2.0)                        # error: Quad's method, not Circle's
Figure.unit().width                           # error: a Figure has no width
Square(1.0, 2.0)                              # error: Square takes one side
TaggedCrate().kind                              # error: a box is not a Figure
t: Ticket = nd_test.make_square(1.0)          # error: a Figure is not a Ticket
