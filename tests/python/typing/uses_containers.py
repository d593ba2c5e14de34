"""A typed program using nd_test's containers and tuples: mypy --strict accepts it through the stub."""
import nd_ext
import nd_test

total: float = nd_ext.sum_list([1.0, 2.0]) + nd_ext.sum_list((1, 2)) + nd_ext.sum_list(range(3))
floats: list[float] = nd_ext.make_list(3)
floats.append(1.0)
counts: dict[str, int] = nd_ext.bump_counts({"a": 1})
nested: list[list[float]] = nd_test.echo_nested([[1.0], (2.0, 3.0)])
maybe: list[int] | None = nd_test.echo_optional_list(None)
tags: set[str] = nd_test.echo_i_set(frozenset({"a"})) | nd_test.echo_i_set(["b"])
pair: tuple[int, float] = nd_test.swap_pair((1.5, 2))
first, second = nd_test.two_arrays(3)
print(first.dtype, second.dtype)
name, age, scores = nd_test.echo_triple(("a", None, [1, 2]))
print(name.upper(), age, sum(scores))
bag = nd_test.Bag()
bag.items = [1.0, 2.0]
bag.counts = {"a": 1}
items: list[float] = bag.items
deep: dict[str, list[tuple[int, float]]] = nd_test.echo_deep_dict({"x": [(1, 2.0)]})
print(total, floats, counts, nested, maybe, tags, pair, items, deep)
