"""Right uses of nd_test's values and enums that mypy --strict must accept through the generated stub."""
import datetime
import decimal

import nd_test

c: nd_test.Color = nd_test.echo_color(nd_test.Color.RED)
p: nd_test.Permission = nd_test.echo_permission(nd_test.Permission.READ | nd_test.Permission.WRITE)
o: nd_test.Color | None = nd_test.echo_opt_color(None)
paint = nd_test.Paint(nd_test.Color.GREEN)
paint.color = nd_test.Color.BLUE
b: bytes = nd_test.echo_bytes(b"abc")
b = nd_test.echo_span(bytearray(b"x"))
b = nd_test.echo_memory(memoryview(b"y"))
n: int = nd_test.echo_big_int(2**100)
d: decimal.Decimal = nd_test.echo_decimal(decimal.Decimal("1.5"))
when: datetime.datetime = nd_test.echo_date_time(datetime.datetime(2024, 1, 1))
day: datetime.date = nd_test.echo_date(datetime.date(2024, 1, 1))
t: datetime.time = nd_test.echo_time(datetime.time(1, 2))
span: datetime.timedelta = nd_test.echo_time_span(datetime.timedelta(1))
maybe: datetime.timedelta | None = nd_test.echo_opt_time_span(None)
