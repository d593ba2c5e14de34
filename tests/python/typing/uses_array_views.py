"""Right uses of views returned to Python (ArraysViews.cs) that mypy --strict must accept through the stub."""
import numpy as np
import numpy.typing as npt

import nd_test

a = np.zeros((3, 4))
row: npt.NDArray[np.float64] = nd_test.view_row(a, 1)
t: npt.NDArray[np.float64] = nd_test.view_transpose(nd_test.view_slice(a, [0, 2, 1]))
m: npt.NDArray[np.float64] = nd_test.view_slice_mut(a, [])
i32: npt.NDArray[np.int32] = nd_test.view_slice_int32(np.zeros(3, dtype=np.int32), [])
total: float = nd_test.ArrayHolder(a).total()
first: npt.NDArray[np.float64] = nd_test.ArrayHolder(a).first()
