"""Right uses of issue 20 item 5's element types that mypy --strict must accept through the generated stub."""
import numpy as np
import numpy.typing as npt

import nd_test

z: npt.NDArray[np.complex64] = nd_test.copy_complex64(np.zeros(2, np.complex64))
nd_test.conjugate_complex64(z)
c: complex = nd_test.echo_complex32(1j)
c = nd_test.echo_complex32(2.5)
t: npt.NDArray[np.datetime64] = nd_test.copy_datetime_nanoseconds(np.zeros(2, "M8[ns]"))
d: npt.NDArray[np.timedelta64] = nd_test.datetime_diffs(t)
n: int = nd_test.count_nat(t)
o: npt.NDArray[np.object_] = nd_test.range_objects(3)
nd_test.set_object(o, 0, "anything")
k: int = nd_test.count_none(o)
