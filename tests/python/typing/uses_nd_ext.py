"""A typed program using nd_ext that mypy --strict accepts through the generated stub."""
import copy
import pickle
import typing

import numpy as np
import numpy.typing as npt
import nd_ext

total: float = nd_ext.add_scalars(1.0, 2.0)
arr: npt.NDArray[np.float64] = np.zeros(3)
out: npt.NDArray[np.float64] = nd_ext.add_scalar_to_array(1.0, arr)
nd_ext.add_scalar_to_array_inplace(2.0, arr)
p = nd_ext.Point(3.0, y=4.0)
d: float = p.distance() + p.distance(nd_ext.Point())
p.x = 1.5
root = nd_ext.Node("root")
child = root.add(nd_ext.Node([1, 2]))
parent = child.parent
names = [n.value for n in root]
reduced: tuple[typing.Any, ...] = p.__reduce__()
again: nd_ext.Point = pickle.loads(pickle.dumps(p))
copied: nd_ext.Point = copy.deepcopy(p)
print(total, out, d, parent, names, len(root), root[0], reduced, again, copied)
