using System;
using NdBindgen;

namespace NdExt;

/// <summary>Dates and times through the datetime C API (a benchmark row against the C extension).</summary>
public static class Times
{
    /// <summary>Returns <paramref name="when"/> as a new datetime: a naive one as it is, an aware one in UTC.</summary>
    /// <param name="when">Any datetime.</param>
    /// <returns>The same instant.</returns>
    [PyFunction]
    public static DateTime EchoDatetime(DateTime when) => when;
}
