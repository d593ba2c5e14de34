using System;
using NdBindgen;

namespace Samples;

/// <summary>Money: the number protocol from C# operators and dunder methods.</summary>
[PyClass]
public sealed partial class Money
{
    public Money(long cents) => Cents = cents;

    [PyProperty] public long Cents { get; private set; }

    public static Money operator +(Money a, Money b) => new(a.Cents + b.Cents);
    public static Money operator *(Money a, long k) => new(a.Cents * k);
    public static Money operator *(long k, Money a) => new(a.Cents * k);
    public static Money operator %(Money a, long k) => new(a.Cents % k);
    public static Money operator -(Money a) => new(-a.Cents);
    public static bool operator true(Money a) => a.Cents != 0;
    public static bool operator false(Money a) => a.Cents == 0;
    public static explicit operator double(Money a) => a.Cents / 100.0;
    public static implicit operator long(Money a) => a.Cents;

    [PyMethod("__floordiv__")] public long Shares(Money other) => Cents / other.Cents;
    [PyMethod("__rtruediv__")] public double Per(double amount) => amount / Cents;
    [PyMethod("__pow__")] public Money Power(long e) => new((long)Math.Pow(Cents, e));
    [PyMethod("__pow__")] public Money Power(long e, long modulo) => new((long)Math.Pow(Cents, e) % modulo);
    [PyMethod("__divmod__")] public (long, Money) Split(Money other) => (Cents / other.Cents, new(Cents % other.Cents));
    [PyMethod("__iadd__")] public void Deposit(Money other) => Cents += other.Cents;
    [PyMethod("__isub__")] public Money Withdraw(Money other) { Cents -= other.Cents; return this; }
    [PyMethod("__abs__")] public Money Abs() => new(Math.Abs(Cents));
}
