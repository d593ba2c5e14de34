using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Whether a method returning a <c>PyRef</c> returns only references nothing else holds, which the
/// wrapper then hands to Python as they are (the reference count a C extension's result has) instead
/// of adding one and leaving the C# reference to a .NET finalizer. New are: the result of one of the
/// runtime's calls that make a reference (<c>obj.Call(...)</c>, <c>py.Eval(...)</c>, ...) on a
/// parameter of type Python, PyRef or PyBorrowed; a local made only from such results and used
/// only transiently (as <see cref="Escapes"/> judges uses); a PyRef parameter used only transiently
/// (the wrapper made it for the call). Syntax only and conservative: a field, a property, a helper's
/// result or anything it cannot classify is not new, and is returned with a reference of its own.
/// </summary>
internal static class FreshReturns
{
    // Runtime members on Python, PyRef and PyBorrowed that return a new PyRef (Keep returns its receiver).
    private static readonly string[] Making =
        { "Call", "CallMethod", "GetAttr", "Eval", "Import", "NewDict", "From", "ToOwned" };

    public static bool AllNew(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length != 1) return false;
        SyntaxNode? body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            _ => null,
        };
        if (body is null) return false;
        if (body is ArrowExpressionClauseSyntax arrow) return IsNew(arrow.Expression, method, body, 0);
        var returns = body
            .DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>().ToList();
        if (body.DescendantNodes().Any(n => n is YieldStatementSyntax)) return false;
        return returns.Count > 0 && returns.All(r => r.Expression is { } e && IsNew(e, method, body, 0));
    }

    private static bool IsNew(ExpressionSyntax e, IMethodSymbol method, SyntaxNode body, int depth)
    {
        if (depth > 8) return false;
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                return IsNew(p.Expression, method, body, depth + 1);
            case ConditionalExpressionSyntax c:
                return IsNew(c.WhenTrue, method, body, depth + 1) && IsNew(c.WhenFalse, method, body, depth + 1);
            case SwitchExpressionSyntax s:
                return s.Arms.All(a => IsNew(a.Expression, method, body, depth + 1));
            case InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax
                {
                    Expression: IdentifierNameSyntax receiver, Name: var name,
                },
            }:
                return Making.Contains(name.Identifier.ValueText)
                    && IsRuntimeParameter(method, receiver.Identifier.ValueText);
            case IdentifierNameSyntax id:
                return IsNewLocal(id.Identifier.ValueText, method, body, depth)
                    || IsOwnParameter(id.Identifier.ValueText, method, body);
            default:
                return false;
        }
    }

    private static bool IsRuntimeParameter(IMethodSymbol method, string name) =>
        method.Parameters.Any(p => p.Name == name && p.RefKind == RefKind.None
            && (KnownTypes.IsNdBindgen(p.Type, KnownTypes.PyRefName)
                || KnownTypes.IsNdBindgen(p.Type, KnownTypes.PyBorrowedName)
                || KnownTypes.IsNdBindgen(p.Type, KnownTypes.PythonName)));

    // A PyRef parameter is the wrapper's, made for this call: returning it hands over the wrapper's reference.
    private static bool IsOwnParameter(string name, IMethodSymbol method, SyntaxNode body)
    {
        IParameterSymbol? p = method.Parameters.FirstOrDefault(x => x.Name == name);
        if (p is null || p.RefKind != RefKind.None || !KnownTypes.IsNdBindgen(p.Type, KnownTypes.PyRefName))
            return false;
        return UsesAreTransient(name, method, body);
    }

    private static bool IsNewLocal(string name, IMethodSymbol method, SyntaxNode body, int depth)
    {
        var declarators = body.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(d => d.Identifier.ValueText == name).ToList();
        if (declarators.Count != 1) return false;
        VariableDeclaratorSyntax declarator = declarators[0];
        if (declarator.Parent?.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }) return false;
        if (declarator.Initializer is not { } init || !IsNew(init.Value, method, body, depth + 1)) return false;
        foreach (AssignmentExpressionSyntax assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: var target } && target == name
                && (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || !IsNew(assignment.Right, method, body, depth + 1)))
                return false;
        }
        return UsesAreTransient(name, method, body);
    }

    /// <summary>Every use of <paramref name="name"/> only reads it, passes it to the runtime, or returns it.</summary>
    private static bool UsesAreTransient(string name, IMethodSymbol method, SyntaxNode body)
    {
        foreach (IdentifierNameSyntax id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText != name) continue;
            if (id.Parent is MemberAccessExpressionSyntax access && access.Name == id) continue;   // x.name
            if (id.Ancestors().TakeWhile(a => a != body)
                .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                return false;
            if (id.Parent is ReturnStatementSyntax || id.Parent is ArrowExpressionClauseSyntax) continue;
            if (id.Parent is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionArmSyntax
                && ReturnedAsIs(id)) continue;
            if (id.Parent is AssignmentExpressionSyntax a && a.Left == id) continue;   // x = new value (checked above)
            if (Escapes.IsTransientUse(id) || Escapes.IsArgumentToTheRuntime(id, method)) continue;
            return false;
        }
        return true;
    }

    // (c ? x : y) returned: x is returned as it is.
    private static bool ReturnedAsIs(SyntaxNode node)
    {
        SyntaxNode? n = node.Parent;
        while (n is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax
               or SwitchExpressionArmSyntax or SwitchExpressionSyntax)
            n = n.Parent;
        return n is ReturnStatementSyntax or ArrowExpressionClauseSyntax;
    }
}
