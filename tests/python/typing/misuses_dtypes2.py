"""Wrong uses of issue 20 item 5's element types that mypy must reject (each line marked error)."""
import numpy as np
import numpy.typing as npt

import nd_test

t: npt.NDArray[np.datetime64] = nd_test.datetime_diffs(np.zeros(2, "M8[ns]"))  # error: timedelta64 is not datetime64
f: npt.NDArray[np.float64] = nd_test.range_objects(3)           # error: object_ is not float64
s: str = nd_test.echo_complex32(1j)                             # error: complex is not str
nd_test.echo_complex32("1j")                                    # error: str is not complex
i: str = nd_test.count_none(np.empty(2, object))                # error: int is not str
