"""Wrong callbacks that mypy must reject through the stub's Callable types (each line marked error)."""
import datetime

import nd_test


def by_str(xs: str) -> dict[str, int]:
    return {}


nd_test.cb_map_list(by_str, [1.0])                                       # error: the argument is list[float]
nd_test.cb_map_list(lambda xs: {1: 2}, [1.0])                            # error: the keys must be str
nd_test.cb_date_to_money(lambda d: "free", datetime.datetime(2020, 1, 1))  # error: str is not Decimal
nd_test.cb_repeat(lambda x: None, 2)                                     # error: it takes no argument
nd_test.cb_next_color(lambda c: "red", nd_test.Color.RED)                # error: str is not Color
nd_test.cb_map_list(5, [1.0])                                            # error: an int is not callable
s: str = nd_test.cb_maybe(lambda x: 1, 2.0)                              # error: the result is int | None
