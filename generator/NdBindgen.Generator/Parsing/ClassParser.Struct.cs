using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A [PyClass] partial struct: its value lives inside the Python object. It must be unmanaged (NDB0047), and what
/// needs a .NET object or .NET code at deallocation is refused with what to do instead (NDB0048).
/// </summary>
internal static partial class ClassParser
{
    /// <summary>The class is a struct whose value the Python object holds.</summary>
    internal static bool IsStruct(INamedTypeSymbol type) => type.TypeKind == TypeKind.Struct;

    /// <summary>[PyClass(Subclass = true)]: Python may subclass the struct's type (a C# struct is sealed, so its
    /// type is final unless asked).</summary>
    private static bool WantsSubclass(AttributeData? pyClass) =>
        pyClass?.NamedArguments.Any(n => n.Key == "Subclass" && n.Value.Value is true) == true;

    /// <summary>[PyClass(WeakRef = false)]: instances cannot be weakly referenced (a struct's then die without .NET).
    /// </summary>
    private static bool NoWeakRefs(AttributeData? pyClass) =>
        pyClass?.NamedArguments.Any(n => n.Key == "WeakRef" && n.Value.Value is false) == true;

    /// <summary>NDB0049: WeakRef = false on a class, whose instances enter .NET when they die anyway.</summary>
    private static void CheckWeakRefOption(INamedTypeSymbol type, AttributeData? pyClass,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (IsStruct(type) || !NoWeakRefs(pyClass)) return;
        diagnostics.Add(DiagnosticInfo.Create(D.WeakRefOnlyStruct, type.Locations.FirstOrDefault(), type.Name));
    }

    /// <summary>NDB0047 for a field holding a reference, NDB0048 for what a struct [PyClass] cannot do.</summary>
    private static void CheckStruct(INamedTypeSymbol type, AttributeData? pyClass,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = type.Locations.FirstOrDefault();
        if (!type.IsUnmanagedType)
        {
            // The first instance field that is not unmanaged (an auto-property's backing field: its property).
            IFieldSymbol? field = type.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => !f.IsStatic && !f.IsConst && !f.Type.IsUnmanagedType);
            ISymbol named = field?.AssociatedSymbol ?? (ISymbol?)field ?? type;
            diagnostics.Add(DiagnosticInfo.Create(D.StructNotUnmanaged, named.Locations.FirstOrDefault() ?? location,
                type.Name, named.Name, field?.Type.ToDisplayString() ?? "a reference"));
        }
        foreach (string option in new[] { "Dict", "ContextManager" })
        {
            if (pyClass?.NamedArguments.Any(n => n.Key == option && n.Value.Value is true) != true) continue;
            diagnostics.Add(DiagnosticInfo.Create(D.StructCannot, location, type.Name, option == "Dict"
                ? "have an instance __dict__ (Dict = true): its instances hold no .NET object to keep it beside, and "
                    + "a dict would make the type a GC type; make it a 'partial class' for a __dict__"
                : "be a context manager (ContextManager = true): Dispose() would run on a copy; make it a 'partial "
                    + "class', or export [PyMethod(\"__enter__\")] and [PyMethod(\"__exit__\")] that change the state "
                    + "in place"));
        }
        // The number and mapping slots take self as a copy (as any operand): a change to it would be lost.
        ISymbol? mutator = type.GetMembers().FirstOrDefault(m =>
            m is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator, IsStatic: false }
            || m is IPropertySymbol { IsIndexer: true, SetMethod: not null });
        if (mutator is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.StructCannot, mutator.Locations.FirstOrDefault() ?? location,
                type.Name, "change itself in an operator or indexer slot (" + (mutator is IPropertySymbol
                    ? "an indexer setter" : $"'{mutator.Name}'") + "): the slot works on a copy of the value; return "
                    + "a new value from a static operator, or export a [PyMethod] that changes the state in place"));
        }
        if (type.AllInterfaces.Any(i => i.ToDisplayString() == KnownTypes.IPyTraverse))
        {
            diagnostics.Add(DiagnosticInfo.Create(D.StructCannot, location, type.Name,
                "implement IPyTraverse: a struct [PyClass] holds no Python references, so it is not in the cyclic GC; "
                + "make it a 'partial class' to hold references"));
        }
    }

    /// <summary>
    /// A struct's numeric field or auto-property that CPython reads itself (PyMember_GetOne over its structmember.h
    /// code: reading a C number raises nothing, so it is what the conversion gives). Writes stay the conversions'
    /// (PyClassBuilder.CreateStruct says why).
    /// </summary>
    private static PropertyModel AsStructMember(ISymbol member, PropertyModel p)
    {
        string? code = p.Type.CSharpType switch
        {
            "double" => "T_DOUBLE",
            "float" => "T_FLOAT",
            "long" => "T_LONGLONG",
            "ulong" => "T_ULONGLONG",
            "int" => "T_INT",
            "uint" => "T_UINT",
            "short" => "T_SHORT",
            "ushort" => "T_USHORT",
            "sbyte" => "T_BYTE",
            "byte" => "T_UBYTE",
            "bool" => "T_BOOL",
            _ => null,
        };
        if (code is null || !p.Readable || p.Deletable) return p;
        if (member is IFieldSymbol) return p with { MemberCode = code };
        // An auto-property: its backing field, reached by name through an UnsafeAccessor.
        IFieldSymbol? backing = member.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, member));
        return backing is null ? p : p with { MemberCode = code, BackingField = backing.Name };
    }
}
