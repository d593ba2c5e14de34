"""Wrong uses of nd_test's [PyException] classes that mypy must reject (each line marked error)."""
import nd_test
import nd_test.lin_alg

e = nd_test.ParseError("x")
s: str = e.line                                            # error: int is not str
n: int = e.file                                            # error: str | None is not int
e.token                                                    # error: ParseError has no token
k: KeyError = nd_test.ParseError("x")                      # error: a ValueError, not a KeyError
t: nd_test.UnexpectedTokenError = nd_test.ParseError("x")  # error: the base is not the subclass
r: str = nd_test.lin_alg.SingularMatrixError("x").rank     # error: int is not str
nd_test.SingularMatrixError("x")                           # error: it is in nd_test.lin_alg
w: type[UserWarning] = nd_test.OldApiWarning               # error: a DeprecationWarning, not a UserWarning
