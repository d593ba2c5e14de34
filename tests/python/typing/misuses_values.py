"""Wrong uses of nd_test's values and enums that mypy must reject (each line marked error)."""
import datetime
import decimal

import nd_test

s: str = nd_test.echo_color(nd_test.Color.RED)                  # error: Color is not str
nd_test.echo_color(nd_test.Permission.READ)                     # error: Permission is not Color
nd_test.echo_color("RED")                                       # error: str is not Color
nd_test.echo_bytes("text")                                      # error: str is not bytes
nd_test.echo_decimal(1.5)                                       # error: float is not Decimal
nd_test.echo_date(datetime.time(1))                             # error: time is not date
nd_test.echo_time_span(5)                                       # error: int is not timedelta
x: datetime.date = nd_test.echo_time_span(datetime.timedelta(1))  # error: timedelta is not date
paint = nd_test.Paint()
paint.color = nd_test.OtherColor.CYAN                           # error: OtherColor is not Color
y: decimal.Decimal = nd_test.echo_big_int(1)                    # error: int is not Decimal
