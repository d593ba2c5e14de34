using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NdBindgen;

/// <summary>
/// A single-precision complex number: numpy's <c>complex64</c> (two float32, real part first; buffer
/// format <c>Zf</c>). .NET has only the double-precision <see cref="Complex"/>, and neither the BCL
/// nor System.Numerics.Tensors 10 has a single-precision one. Converts to <see cref="Complex"/>
/// exactly and from it by rounding each part to float.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex32 : IEquatable<Complex32>
{
    public Complex32(float real, float imaginary)
    {
        Real = real;
        Imaginary = imaginary;
    }

    public float Real { get; }
    public float Imaginary { get; }

    public static Complex32 Zero => default;
    public static Complex32 One => new(1, 0);
    public static Complex32 ImaginaryOne => new(0, 1);

    /// <summary>The magnitude, computed in double (no overflow for large parts) and rounded to float.</summary>
    public float Magnitude => (float)Complex.Abs(this);

    public static Complex32 Conjugate(Complex32 z) => new(z.Real, -z.Imaginary);

    public static implicit operator Complex(Complex32 z) => new(z.Real, z.Imaginary);
    public static explicit operator Complex32(Complex z) => new((float)z.Real, (float)z.Imaginary);
    public static implicit operator Complex32(float real) => new(real, 0);

    public static Complex32 operator +(Complex32 a, Complex32 b) => new(a.Real + b.Real, a.Imaginary + b.Imaginary);
    public static Complex32 operator -(Complex32 a, Complex32 b) => new(a.Real - b.Real, a.Imaginary - b.Imaginary);
    public static Complex32 operator -(Complex32 z) => new(-z.Real, -z.Imaginary);
    public static Complex32 operator *(Complex32 a, Complex32 b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);
    /// <summary>Division in double precision (Smith's algorithm, as <see cref="Complex"/> does), rounded to float.</summary>
    public static Complex32 operator /(Complex32 a, Complex32 b) => (Complex32)((Complex)a / b);

    /// <summary>Equal parts, as float's == compares them (NaN is unequal to itself).</summary>
    public static bool operator ==(Complex32 a, Complex32 b) => a.Real == b.Real && a.Imaginary == b.Imaginary;
    public static bool operator !=(Complex32 a, Complex32 b) => !(a == b);

    /// <summary>Equal parts, as float.Equals compares them (NaN equals NaN, so it can be a dictionary key).</summary>
    public bool Equals(Complex32 other) => Real.Equals(other.Real) && Imaginary.Equals(other.Imaginary);
    public override bool Equals(object? obj) => obj is Complex32 other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);

    /// <summary>As <see cref="Complex"/> prints: <c>&lt;1; -2.5&gt;</c>, in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"<{Real}; {Imaginary}>");
}
