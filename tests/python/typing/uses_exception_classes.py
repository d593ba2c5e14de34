"""nd_test's [PyException] classes, used as mypy --strict must accept."""
import warnings

import nd_test
import nd_test.lin_alg
from nd_test.lin_alg import SingularMatrixError

try:
    nd_test.raise_parse("bad input", 7)
except nd_test.ParseError as e:
    line: int = e.line
    file: str | None = e.file
    column: float = e.column
    fatal: bool = e.fatal
    stage: nd_test.ParseStage = e.stage
    expected: list[str] = e.expected
    as_value_error: ValueError = e

try:
    nd_test.lin_alg.invert(0.0)
except SingularMatrixError as s:
    rank: int = s.rank
    as_arithmetic: ArithmeticError = s

token: str = nd_test.UnexpectedTokenError("x").token
base: nd_test.ParseError = nd_test.UnexpectedTokenError("x")
shape: nd_test.ParseError = nd_test.lin_alg.BadShapeError("x")
store: KeyError = nd_test.StoreError("k")
oops: Exception = nd_test.Oops("x")
where: nd_test.ConstPoint = nd_test.LocatedError("x").where
category: type[DeprecationWarning] = nd_test.OldApiWarning
warnings.warn("use new_api()", nd_test.OldApiWarning)
row: OSError = nd_test.RowIOError("x")
