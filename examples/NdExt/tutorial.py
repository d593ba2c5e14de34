"""The tutorial session: nd_ext used from Python exactly as the PyO3 tutorial uses rust_ext.

Run by scripts/tutorial.sh; prints a transcript like an interactive session.
"""
import numpy as np

import nd_ext

SESSION = [
    "import numpy as np, nd_ext",
    "nd_ext.add_scalars(1., 2.)",
    "arr = np.array([[1., 2.], [3., 4.]])",
    "nd_ext.add_scalar_to_array(1., arr)",
    "arr",
    "nd_ext.add_scalar_to_array_inplace(1., arr)",
    "arr",
    "p = nd_ext.Point(3., 4.)",
    "p",
    "print(p)",
    "p.distance()",
    "p.x = 1.0",
    "p.distance(nd_ext.Point(1., 1.))",
]

namespace = {"np": np, "nd_ext": nd_ext}
for line in SESSION:
    print(">>>", line)
    try:
        value = eval(line, namespace)
    except SyntaxError:
        exec(line, namespace)
        continue
    if value is not None:
        print(repr(value))
