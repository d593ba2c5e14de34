"""A typed program using nd_test's containers, iterators, callables and context managers: mypy --strict
accepts it through the stub's __getitem__ overloads, __contains__, __next__, __call__ and __enter__/__exit__."""
import typing

import nd_test

s = nd_test.IntSequence([1, 2, 3])
first: int = s[0]
last: int = s[-1]
part: nd_test.IntSequence = s[1::2]
s[0] = 5
del s[0]
found: bool = 2 in s
size: int = len(s)

t = nd_test.Text("hello")
char: str = t[0]
word: str = t[1:3]

settings = nd_test.Settings()
settings["a"] = 1.0
value: float = settings["a"]
name: str = settings[0]
del settings["a"]

g = nd_test.Grid()
g[1, 2] = "x"
cell: str = g[1, 2]
count: int = g[g]

numbers: list[int] = list(nd_test.Countdown(3))
n: int = next(nd_test.Countdown(2))
it: typing.Iterator[int] = iter(nd_test.Countdown(1))

p = nd_test.Polynomial(1.0, 2.0)
y: float = p(1.0, scale=2.0)
joined: str = nd_test.Joiner("-")("a", "b", k=1)
described: str = nd_test.Describer()(1) + nd_test.Describer()("x")

with nd_test.Resource() as r:
    resource: nd_test.Resource = r
done: bool = r.disposed

with nd_test.Transaction() as tx:
    transaction: nd_test.Transaction = tx
