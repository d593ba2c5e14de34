"""Right calls of nd_test's *args, **kwargs, keyword-only and positional-only functions: mypy accepts them."""
import nd_test

s: str = nd_test.sig_all(1.0, 2.0)
s = nd_test.sig_all(1.0, b=2.0, c=3, scale=2.0)
s = nd_test.sig_all(1.0, 2.0, 3.0, 4.0, c=1, extra=0.5)
n: int = nd_test.pos_only(1, 2)
s = nd_test.kw_only(1, b=2)
s = nd_test.kw_only(a=1, b=2, c=3)
n = nd_test.kw_only_all(x=1, y=2)
f: float = nd_test.star_args()
f = nd_test.star_args(1.0, 2.0, 3.0)
f = nd_test.scaled_sum(1.0, 2.0, x=2.0)
n = nd_test.star_objects(None, "x", 3)
s = nd_test.star_kwargs(a=1, b=2)
box = nd_test.SigBox("n", x=1)
n = box.get("x", fallback=2)
n = box.count_set("a", "b")
