"""Wrong calls mypy must reject through the stub (each line marked error)."""
import nd_test

nd_test.sig_all(a=1.0, b=2.0)                 # error: a is positional-only
nd_test.sig_all(1.0, 2.0, "x")                # error: *args are float
nd_test.sig_all(1.0, 2.0, scale="x")          # error: **kwargs are float
nd_test.pos_only(a=1, b=2)                    # error: positional-only
nd_test.kw_only(1, 2)                         # error: b is keyword-only
nd_test.kw_only_all(1, 2)                     # error: keyword-only
nd_test.star_kwargs(a="x")                    # error: **kwargs are int
nd_test.SigBox("n", x="y")                    # error: **values are int
nd_test.SigBox("n").get(key="x")              # error: key is positional-only
nd_test.star_optional(1.0, "x")               # error: *values are float or None
nd_test.star_list("a", 1)                     # error: *names are str or None
