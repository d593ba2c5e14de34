using System;
using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// An exact fraction, immutable: every arithmetic operator, from C# operators where C# has one and from
/// [PyMethod("__name__")] where it has not (//, **, divmod, abs, the reflected forms C# cannot write).
/// </summary>
[PyClass]
public sealed partial class Fraction : IEquatable<Fraction>
{
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator (not zero).</param>
    public Fraction(long numerator, long denominator = 1)
    {
        if (denominator == 0) throw new DivideByZeroException("Fraction(n, 0): the denominator is zero");
        long g = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator < 0) g = -g;
        Numerator = checked(numerator / g);
        Denominator = checked(denominator / g);
    }

    /// <summary>The numerator (the sign is here).</summary>
    [PyProperty]
    public long Numerator { get; }

    /// <summary>The denominator, positive.</summary>
    [PyProperty]
    public long Denominator { get; }

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(checked(a.Numerator * b.Denominator + b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));
    public static Fraction operator +(Fraction a, long b) => a + new Fraction(b);
    public static Fraction operator +(long a, Fraction b) => new Fraction(a) + b;
    public static Fraction operator -(Fraction a, Fraction b) => a + -b;
    public static Fraction operator -(Fraction a, long b) => a + -b;
    public static Fraction operator -(long a, Fraction b) => a + -b;
    public static Fraction operator *(Fraction a, Fraction b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));
    public static Fraction operator *(Fraction a, long b) => a * new Fraction(b);
    public static Fraction operator *(long a, Fraction b) => new Fraction(a) * b;
    public static Fraction operator /(Fraction a, Fraction b) =>
        b.Numerator == 0 ? throw new DivideByZeroException("Fraction division by zero") : a * new Fraction(b.Denominator, b.Numerator);
    public static Fraction operator /(Fraction a, long b) => a / new Fraction(b);
    /// <summary>The remainder of floor division, as Python's % has it (the divisor's sign).</summary>
    public static Fraction operator %(Fraction a, Fraction b) => a - b * a.FloorDivide(b);
    public static Fraction operator -(Fraction a) => new(checked(-a.Numerator), a.Denominator);
    public static Fraction operator +(Fraction a) => a;

    /// <summary>C#'s truth: bool(f) is f != 0.</summary>
    public static bool operator true(Fraction a) => a.Numerator != 0;
    public static bool operator false(Fraction a) => a.Numerator == 0;

    /// <summary>float(f).</summary>
    public static explicit operator double(Fraction a) => (double)a.Numerator / a.Denominator;

    /// <summary>int(f): towards zero, as int() of a float.</summary>
    public static explicit operator long(Fraction a) => a.Numerator / a.Denominator;

    /// <summary>n / f: the reflected form of a division C# writes only one way here.</summary>
    /// <param name="other">The dividend.</param>
    /// <returns>other / this.</returns>
    [PyMethod("__rtruediv__")]
    public Fraction RDivide(long other) => new Fraction(other) / this;

    /// <summary>f // g: the floor of the quotient.</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>The floor.</returns>
    [PyMethod("__floordiv__")]
    public long FloorDivide(Fraction other)
    {
        Fraction q = this / other;
        return q.Numerator >= 0 || q.Numerator % q.Denominator == 0
            ? q.Numerator / q.Denominator : q.Numerator / q.Denominator - 1;
    }

    /// <summary>f // n.</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>The floor.</returns>
    [PyMethod("__floordiv__")]
    public long FloorDivide(long other) => FloorDivide(new Fraction(other));

    /// <summary>n // f.</summary>
    /// <param name="other">The dividend.</param>
    /// <returns>The floor.</returns>
    [PyMethod("__rfloordiv__")]
    public long RFloorDivide(long other) => new Fraction(other).FloorDivide(this);

    /// <summary>divmod(f, g): (f // g, f % g).</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>The quotient and the remainder.</returns>
    [PyMethod("__divmod__")]
    public (long, Fraction) DivMod(Fraction other) => (FloorDivide(other), this % other);

    /// <summary>divmod(n, f).</summary>
    /// <param name="other">The dividend.</param>
    /// <returns>The quotient and the remainder.</returns>
    [PyMethod("__rdivmod__")]
    public (long, Fraction) RDivMod(long other) => new Fraction(other).DivMod(this);

    /// <summary>f ** n, exactly.</summary>
    /// <param name="exponent">A whole exponent (negative inverts).</param>
    /// <returns>The power.</returns>
    [PyMethod("__pow__")]
    public Fraction Power(long exponent)
    {
        // By squaring: a huge exponent overflows (checked) in a few steps instead of looping for ever.
        Fraction b = exponent < 0 ? new Fraction(1) / this : this;
        ulong n = exponent < 0 ? (ulong)(-(exponent + 1)) + 1 : (ulong)exponent;
        Fraction r = new(1);
        while (n > 0)
        {
            if ((n & 1) != 0) r *= b;
            n >>= 1;
            if (n > 0) b *= b;
        }
        return r;
    }

    /// <summary>pow(f, n, m): only for whole fractions, as pow() of ints.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <param name="modulo">The modulus.</param>
    /// <returns>The power modulo m.</returns>
    [PyMethod("__pow__")]
    public Fraction Power(long exponent, long modulo) =>
        Denominator != 1 ? throw new ArgumentException("pow() with a modulo needs a whole Fraction")
        : new((long)BigInteger.ModPow(Numerator, exponent, modulo));

    /// <summary>x ** f, as a float.</summary>
    /// <param name="other">The base.</param>
    /// <returns>The power.</returns>
    [PyMethod("__rpow__")]
    public double RPower(double other) => Math.Pow(other, (double)this);

    /// <summary>f **= n: a new Fraction (Fraction is immutable), so f is rebound to another object.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>The power.</returns>
    [PyMethod("__ipow__")]
    public Fraction PowerInPlace(long exponent) => Power(exponent);

    /// <summary>abs(f).</summary>
    /// <returns>The absolute value.</returns>
    [PyMethod("__abs__")]
    public Fraction Abs() => Numerator < 0 ? -this : this;

    /// <summary>complex(f).</summary>
    /// <returns>f + 0j.</returns>
    [PyMethod("__complex__")]
    public Complex ToComplex() => new((double)this, 0);

    public bool Equals(Fraction? other) => other is not null && Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => Equals(obj as Fraction);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    [PyMethod("__repr__")]
    public string Repr() => $"Fraction({Numerator}, {Denominator})";
}

/// <summary>
/// A mutable set of 64 bits: the bitwise operators from C#, their in-place forms from C# 14's compound
/// assignment operators (which change the object: identity kept), int conversions from implicit operator long.
/// </summary>
[PyClass]
public partial class Bits
{
    /// <param name="mask">The bits.</param>
    public Bits(long mask = 0) => Mask = mask;

    /// <summary>The bits as a signed 64 bit int.</summary>
    [PyProperty]
    public long Mask { get; private set; }

    public static Bits operator &(Bits a, Bits b) => new(a.Mask & b.Mask);
    public static Bits operator |(Bits a, Bits b) => new(a.Mask | b.Mask);
    public static Bits operator ^(Bits a, Bits b) => new(a.Mask ^ b.Mask);
    public static Bits operator ~(Bits a) => new(~a.Mask);
    public static Bits operator <<(Bits a, int n) => n is < 0 or > 63 ? throw new ArgumentOutOfRangeException(nameof(n), "shift count must be 0..63") : new(a.Mask << n);
    public static Bits operator >>(Bits a, int n) => n is < 0 or > 63 ? throw new ArgumentOutOfRangeException(nameof(n), "shift count must be 0..63") : new(a.Mask >> n);

    public void operator &=(Bits other) => Mask &= other.Mask;
    public void operator |=(Bits other) => Mask |= other.Mask;
    public void operator ^=(Bits other) => Mask ^= other.Mask;

    /// <summary>index(b), int(b), bin(b), a list index: a lossless conversion (C#'s implicit operator).</summary>
    public static implicit operator long(Bits b) => b.Mask;

    /// <summary>b &lt;&lt;= n, in place.</summary>
    /// <param name="n">The shift count.</param>
    [PyMethod("__ilshift__")]
    public void ShiftLeftInPlace(int n) => Mask = (this << n).Mask;

    /// <summary>b &gt;&gt;= n, in place, returning this object.</summary>
    /// <param name="n">The shift count.</param>
    /// <returns>This object.</returns>
    [PyMethod("__irshift__")]
    public Bits ShiftRightInPlace(int n)
    {
        Mask = (this >> n).Mask;
        return this;
    }

    /// <summary>a @ b: the carry-less product (multiplication of polynomials over GF(2)).</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>The product's low 64 bits.</returns>
    [PyMethod("__matmul__")]
    public Bits CarrylessMultiply(Bits other)
    {
        long product = 0;
        for (int i = 0; i < 64; i++)
            if (((other.Mask >> i) & 1) != 0) product ^= Mask << i;
        return new Bits(product);
    }

    /// <summary>n @ b.</summary>
    /// <param name="other">The left factor, as an int.</param>
    /// <returns>The product.</returns>
    [PyMethod("__rmatmul__")]
    public Bits RCarrylessMultiply(long other) => new Bits(other).CarrylessMultiply(this);

    /// <summary>a @= b, in place.</summary>
    /// <param name="other">The other factor.</param>
    [PyMethod("__imatmul__")]
    public void CarrylessMultiplyInPlace(Bits other) => Mask = CarrylessMultiply(other).Mask;

    /// <summary>bool(b): any bit set.</summary>
    /// <returns>Whether a bit is set.</returns>
    [PyMethod("__bool__")]
    public bool Any() => Mask != 0;

    /// <summary>float(b).</summary>
    /// <returns>The mask as a float.</returns>
    [PyMethod("__float__")]
    public double ToDouble() => Mask;

    [PyMethod("__repr__")]
    public string Repr() => $"Bits(0x{Mask:x})";
}
