using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// C# enums as Python enum classes of the module: <c>enum.IntFlag</c> for a [Flags] enum, else
/// <c>enum.IntEnum</c> (their members are ints, so numpy, C code and arithmetic take them as they
/// are). The class is made at module init by the enum module's functional API
/// (<see cref="Register{T}"/>, called by the generated module). In: a member of that class, or an
/// int of a defined value (for IntFlag, any combination of defined bits); an unknown value is a
/// ValueError naming the enum and the value, a member of another enum a TypeError. Out: the member
/// object itself (<c>f() is Color.RED</c>); an undefined value C# produced is a ValueError (an
/// IntFlag's combination of defined bits is made by the class).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Enums
{
    /// <summary>enum.EnumMeta (EnumType in 3.11+): the metaclass that tells any enum's member.</summary>
    private static PyObject* s_enumMeta;

    /// <summary>
    /// Creates the class <paramref name="name"/> in <paramref name="module"/> with the members
    /// <paramref name="names"/> = <paramref name="values"/> (the underlying values' bits, a signed
    /// type's sign-extended), aliases included; sets its <c>__doc__</c>.
    /// </summary>
    public static void Register<T>(PyObject* module, string name, string? doc, bool flags, bool unsigned,
        string[] names, ulong[] values) where T : unmanaged, Enum
    {
        PyObject* enumModule = PyImport_ImportModule(Utf8.Z("enum"u8));
        if (enumModule == null) throw PythonException.Fetch();
        PyObject* baseClass = null, members = null, kwargs = null, nameObject = null, cls = null;
        try
        {
            if (s_enumMeta == null)
            {
                s_enumMeta = PyObject_GetAttrString(enumModule, Utf8.Z("EnumMeta"u8));
                if (s_enumMeta == null) throw PythonException.Fetch();
            }
            baseClass = PyObject_GetAttrString(enumModule, flags ? Utf8.Z("IntFlag"u8) : Utf8.Z("IntEnum"u8));
            if (baseClass == null) throw PythonException.Fetch();
            members = PyList_New(names.Length);
            if (members == null) throw PythonException.Fetch();
            for (int i = 0; i < names.Length; i++)
            {
                PyObject* pair = PyTuple_New(2);
                if (pair == null) throw PythonException.Fetch();
                PyTuple_SET_ITEM(pair, 0, Utf8.NewStr(names[i]));
                PyTuple_SET_ITEM(pair, 1, Int(values[i], unsigned));
                PyList_SetItem(members, i, pair);   // steals pair
            }
            kwargs = PyDict_New();
            PyObject* moduleName = PyObject_GetAttrString(module, Utf8.Z("__name__"u8));
            if (kwargs == null || moduleName == null) throw PythonException.Fetch();
            int set = PyDict_SetItemString(kwargs, Utf8.Z("module"u8), moduleName);
            Py_DECREF(moduleName);
            if (set < 0) throw PythonException.Fetch();
            nameObject = Utf8.NewStr(name);
            PyObject** args = stackalloc PyObject*[2] { nameObject, members };
            cls = PyObject_VectorcallDict(baseClass, args, 2, kwargs);
            if (cls == null) throw PythonException.Fetch();
            if (doc is not null)
            {
                PyObject* docObject = Utf8.NewStr(doc);
                int r = PyObject_SetAttrString(cls, Utf8.Z("__doc__"u8), docObject);
                Py_DECREF(docObject);
                if (r < 0) throw PythonException.Fetch();
            }
            // Each value's member (an alias's value gives the canonical member), kept for the process.
            var byValue = new Dictionary<ulong, nint>();
            ulong allBits = 0;
            foreach (ulong value in values)
            {
                allBits |= value;
                if (byValue.ContainsKey(value)) continue;
                PyObject* number = Int(value, unsigned);
                PyObject* member = PyObject_VectorcallDict(cls, &number, 1, null);
                Py_DECREF(number);
                if (member == null) throw PythonException.Fetch();
                byValue[value] = (nint)member;
            }
            if (PyObject_SetAttr(module, nameObject, cls) < 0) throw PythonException.Fetch();
            EnumClass<T>.Set(cls, name, flags, unsigned, byValue, allBits, names, values);
            cls = null;   // kept by EnumClass<T>
        }
        finally
        {
            Py_DECREF(enumModule);
            Py_XDECREF(baseClass);
            Py_XDECREF(members);
            Py_XDECREF(kwargs);
            Py_XDECREF(nameObject);
            Py_XDECREF(cls);
        }
    }

    public static T ToEnum<T>(PyObject* o, PySignature sig, int index) where T : unmanaged, Enum
    {
        PyObject* cls = EnumClass<T>.Type;
        if ((PyObject*)Py_TYPE(o) == cls) return FromBits<T>(EnumClass<T>.Bits(o));
        if (IsEnumMember(o)) throw sig.WrongType(index, EnumClass<T>.Name, o);
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) == 0)
            throw sig.WrongType(index, EnumClass<T>.Name + " or int", o);
        if (EnumClass<T>.TryDefined(o, out ulong bits)) return FromBits<T>(bits);
        throw new PythonException(Builtins.ValueError,
            $"{sig.ArgumentPrefix(index)} = {Ints.Text(o)} is not a valid {EnumClass<T>.Name} ({EnumClass<T>.Listing})");
    }

    public static PyObject* FromEnum<T>(T value) where T : unmanaged, Enum
    {
        ulong bits = ToBits(value, EnumClass<T>.Unsigned);
        if (EnumClass<T>.ByValue.TryGetValue(bits, out nint member)) return Py_NewRef((PyObject*)member);
        if (EnumClass<T>.Flags && (bits & ~EnumClass<T>.AllBits) == 0)
        {
            PyObject* number = Int(bits, EnumClass<T>.Unsigned);
            PyObject* combined = PyObject_VectorcallDict(EnumClass<T>.Type, &number, 1, null);
            Py_DECREF(number);
            if (combined == null) throw PythonException.Fetch();
            return combined;
        }
        string text = EnumClass<T>.Unsigned ? bits.ToString() : ((long)bits).ToString();
        throw new PythonException(Builtins.ValueError,
            $"{text} is not a valid {EnumClass<T>.Name} ({EnumClass<T>.Listing}): C# returned a value the enum does not define");
    }

    /// <summary>Whether <paramref name="o"/> is a member of any enum class (its type's type is EnumMeta).</summary>
    internal static bool IsEnumMember(PyObject* o)
    {
        if (s_enumMeta == null) return false;
        PyTypeObject* meta = Py_TYPE((PyObject*)Py_TYPE(o));
        return (PyObject*)meta == s_enumMeta || PyType_IsSubtype(meta, (PyTypeObject*)s_enumMeta) != 0;
    }

    internal static PyObject* Int(ulong bits, bool unsigned)
    {
        PyObject* o = unsigned ? PyLong_FromUnsignedLongLong(bits) : PyLong_FromLongLong((long)bits);
        if (o == null) throw PythonException.Fetch();
        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ToBits<T>(T value, bool unsigned) where T : unmanaged, Enum => Unsafe.SizeOf<T>() switch
    {
        1 => unsigned ? Unsafe.As<T, byte>(ref value) : (ulong)Unsafe.As<T, sbyte>(ref value),
        2 => unsigned ? Unsafe.As<T, ushort>(ref value) : (ulong)Unsafe.As<T, short>(ref value),
        4 => unsigned ? Unsafe.As<T, uint>(ref value) : (ulong)Unsafe.As<T, int>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T FromBits<T>(ulong bits) where T : unmanaged, Enum
    {
        T value = default;
        switch (Unsafe.SizeOf<T>())
        {
            case 1: Unsafe.As<T, byte>(ref value) = (byte)bits; break;
            case 2: Unsafe.As<T, ushort>(ref value) = (ushort)bits; break;
            case 4: Unsafe.As<T, uint>(ref value) = (uint)bits; break;
            default: Unsafe.As<T, ulong>(ref value) = bits; break;
        }
        return value;
    }
}

/// <summary>The Python class of one C# enum and its members by value, set at module init.</summary>
internal static unsafe class EnumClass<T> where T : unmanaged, Enum
{
    internal static PyObject* Type;
    internal static string Name = "enum";
    internal static bool Flags, Unsigned;
    internal static ulong AllBits;
    internal static Dictionary<ulong, nint> ByValue = new();
    internal static string Listing = "";

    internal static void Set(PyObject* type, string name, bool flags, bool unsigned, Dictionary<ulong, nint> byValue,
        ulong allBits, string[] names, ulong[] values)
    {
        Type = type;
        Name = name;
        Flags = flags;
        Unsigned = unsigned;
        ByValue = byValue;
        AllBits = allBits;
        var parts = new string[Math.Min(names.Length, 8)];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = names[i] + "=" + (unsigned ? values[i].ToString() : ((long)values[i]).ToString());
        Listing = string.Join(", ", parts) + (names.Length > parts.Length ? ", ..." : "")
            + (flags ? "; or a combination of their bits" : "");
    }

    /// <summary>A member's value bits (members are ints).</summary>
    internal static ulong Bits(PyObject* o)
    {
        if (Unsigned)
        {
            ulong u = PyLong_AsUnsignedLongLong(o);
            if (u == ulong.MaxValue && PyErr_Occurred() != null) throw PythonException.Fetch();
            return u;
        }
        long v = PyLong_AsLongLong(o);
        if (v == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
        return (ulong)v;
    }

    /// <summary>The int's bits when it is a defined value (or, for flags, a combination of defined bits).</summary>
    internal static bool TryDefined(PyObject* o, out ulong bits)
    {
        bits = 0;
        if (Unsigned)
        {
            if (PyLong_IsNegative(o)) return false;
            bits = PyLong_AsUnsignedLongLong(o);
            if (bits == ulong.MaxValue && PyErr_Occurred() != null)
            {
                PyErr_Clear();
                return false;
            }
        }
        else
        {
            int overflow;
            long v = PyLong_AsLongLongAndOverflow(o, &overflow);
            if (v == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
            if (overflow != 0) return false;
            bits = (ulong)v;
        }
        return ByValue.ContainsKey(bits) || Flags && (bits & ~AllBits) == 0 && FitsSize(bits);
    }

    private static bool FitsSize(ulong bits) => Unsafe.SizeOf<T>() >= 8 || bits >> (8 * Unsafe.SizeOf<T>()) == 0;
}
