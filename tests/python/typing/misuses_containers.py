"""Wrong uses of containers and tuples that mypy must reject through the stub (each line marked error)."""
import nd_ext
import nd_test

nd_ext.sum_list(["a", "b"])                       # error: str elements are not float
nd_ext.sum_list(1.0)                              # error: a float is not a sequence
s: str = nd_ext.make_list(3)                      # error: the result is a list
nd_ext.bump_counts({1: 2})                        # error: int keys are not str
nd_ext.bump_counts([("a", 1)])                    # error: a list is not a mapping
d: dict[str, str] = nd_ext.bump_counts({"a": 1})  # error: the values are int
nd_test.swap_pair((1.5, "x"))                     # error: str is not int
nd_test.swap_pair((1.5, 2, 3))                    # error: three items, not two
t: tuple[int, int] = nd_test.swap_pair((1.5, 2))  # error: the second item is float
nd_test.echo_set({1.5})                           # error: float elements are not int
nd_test.echo_nested([1.0])                        # error: float is not a sequence
nd_test.Bag().items = {"a": 1.0}                  # error: a dict is not list[float]
