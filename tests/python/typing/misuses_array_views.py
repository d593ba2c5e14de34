"""Wrong uses of returned views that mypy must reject through the stub (each line marked error)."""
import numpy as np
import numpy.typing as npt

import nd_test

a = np.zeros((3, 4))
x: float = nd_test.view_row(a, 1)                                        # error: an array, not a float
y: npt.NDArray[np.int32] = nd_test.view_transpose(a)                     # error: float64, not int32
z: npt.NDArray[np.float64] = nd_test.view_slice_int32(a, [])             # error: int32, not float64
nd_test.view_row(a, "1")                                                 # error: the index is an int
