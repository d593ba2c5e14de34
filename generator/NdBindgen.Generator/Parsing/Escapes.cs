using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Whether a method may keep a parameter past the call. A <c>PyRef</c> or callback parameter the
/// method only uses (calls it, reads its members, compares it with null) is released by the
/// wrapper when the call returns, so repeated calls leave the argument's reference count as it
/// was; one it may keep (stores it, passes it on, returns it, captures it in a lambda or local
/// function) becomes the method's to keep or dispose. Syntax only, and conservative: a use it
/// cannot classify counts as kept.
/// </summary>
internal static class Escapes
{
    // PyRef members that return the reference itself: using them is passing the reference on.
    private static readonly string[] SelfReturning = { "Keep" };

    public static bool MayKeep(IParameterSymbol p)
    {
        if (p.DeclaringSyntaxReferences.Length == 0) return true;
        foreach (SyntaxReference reference in p.ContainingSymbol.DeclaringSyntaxReferences)
        {
            // : base(p) or : this(p) hands it to another constructor, which may keep it.
            if (reference.GetSyntax() is ConstructorDeclarationSyntax { Initializer: { } initializer }
                && initializer.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Any(id => id.Identifier.ValueText == p.Name))
                return true;
            SyntaxNode? body = reference.GetSyntax() switch
            {
                BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                _ => null,
            };
            if (body is null) return true;   // no body here (partial, extern): unknown
            foreach (IdentifierNameSyntax id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != p.Name) continue;
                if (id.Parent is MemberAccessExpressionSyntax access && access.Name == id)
                    continue;   // x.name: another member
                if (id.Parent is NameColonSyntax or NameEqualsSyntax) continue;                        // name: value
                if (id.Parent?.Parent?.Parent is InvocationExpressionSyntax
                    { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                    continue;                                                                        // nameof(p)
                if (id.Ancestors().TakeWhile(a => a != body)
                    .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    return true;
                if (!IsTransientUse(id) && !IsArgumentToTheRuntime(id, p)) return true;
            }
        }
        return false;
    }

    // NdBindgen's own objects never keep what they are given (obj.SetAttr(py, name, value) takes
    // a reference of its own): an argument of a call on another parameter of type PyRef, PyRef<T>,
    // PyBorrowed, Python or NdObjectViewMut is not kept.
    private static bool IsArgumentToTheRuntime(IdentifierNameSyntax id, IParameterSymbol p) =>
        p.ContainingSymbol is IMethodSymbol method && IsArgumentToTheRuntime(id, method);

    /// <summary>
    /// Whether <paramref name="id"/> is an argument of a call on a parameter of <paramref name="method"/>
    /// of type PyRef, PyBorrowed, Python or NdObjectViewMut.
    /// </summary>
    internal static bool IsArgumentToTheRuntime(IdentifierNameSyntax id, IMethodSymbol method)
    {
        if (id.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: 0 } argument
            || argument.Parent?.Parent is not InvocationExpressionSyntax
                { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } })
            return false;
        return method.Parameters.Any(other =>
            other.Name == receiver.Identifier.ValueText
            && (KnownTypes.IsNdBindgen(other.Type, KnownTypes.PyRefName)
                || KnownTypes.IsNdBindgen(other.Type, KnownTypes.PyBorrowedName)
                || KnownTypes.IsNdBindgen(other.Type, KnownTypes.PythonName)
                || KnownTypes.IsNdBindgen(other.Type, "NdObjectViewMut")));   // its Set and Fill take references
    }

    internal static bool IsTransientUse(IdentifierNameSyntax id) => id.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Expression == id =>
            !SelfReturning.Contains(access.Name.Identifier.ValueText),
        ConditionalAccessExpressionSyntax conditional when conditional.Expression == id =>
            !(conditional.WhenNotNull is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax b }
                && SelfReturning.Contains(b.Name.Identifier.ValueText)),
        InvocationExpressionSyntax call when call.Expression == id => true,          // a callback called: f(x)
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression)
            || b.IsKind(SyntaxKind.NotEqualsExpression) =>
            b.Left.IsKind(SyntaxKind.NullLiteralExpression) || b.Right.IsKind(SyntaxKind.NullLiteralExpression),
        IsPatternExpressionSyntax pattern when pattern.Expression == id =>
            pattern.Pattern is ConstantPatternSyntax or UnaryPatternSyntax,
        _ => false,
    };
}
