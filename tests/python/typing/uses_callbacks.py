"""A typed program passing callbacks to nd_test: mypy --strict accepts it through the stub's Callable types."""
import datetime
import decimal
import typing

import nd_test


def count(xs: list[float]) -> dict[str, int]:
    return {str(x): int(x) for x in xs}


def price(when: datetime.datetime) -> decimal.Decimal:
    return decimal.Decimal(when.year)


def rows() -> list[tuple[float, ...]]:
    return [(1.0, 2.0)]


def spread(a: int, b: str, c: float | None, d: nd_test.Permission) -> None:
    print(a, b, c, d)


counts: dict[str, int] = nd_test.cb_map_list(count, [1.0])
money: decimal.Decimal = nd_test.cb_date_to_money(price, datetime.datetime(2020, 1, 1))
color: nd_test.Color = nd_test.cb_next_color(lambda c: c, nd_test.Color.RED)
half: int | None = nd_test.cb_maybe(lambda x: None if x is None else int(x), None)
nd_test.cb_pass_pair(lambda pair: print(pair[0] + pair[1]), 1.0, 2)
nd_test.cb_repeat(lambda: None, 2)
nd_test.cb_spread(spread, 1, "b", None, nd_test.Permission.READ)
total: float = nd_test.cb_sum_rows(rows)
mapping: typing.Mapping[str, int] = {"a": 1}
summed: int = nd_test.cb_sum_counts(lambda: mapping)
print(counts, money, color, half, total, summed)
