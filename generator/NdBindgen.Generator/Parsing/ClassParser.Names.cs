using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

internal static partial class ClassParser
{
    /// <summary>
    /// The Python names a class's members take, in declaration order. Python keeps one attribute per
    /// name (the later member would replace the earlier at run time, and the stub would declare the
    /// name twice), so a second member under a taken name is NDB0027 — except methods of one name,
    /// which become one overloaded method or are NDB0025 (<see cref="MethodOverloads"/>).
    /// </summary>
    private sealed class PythonNames(ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        private readonly Dictionary<string, (string Display, bool Method)> _taken = new();

        /// <param name="method">An ordinary method (not a property, nor a method serving a dunder).</param>
        public void Claim(string pythonName, string display, string attribute, bool method, Location? location)
        {
            if (!_taken.TryGetValue(pythonName, out var first))
            {
                _taken[pythonName] = (display, method);
                return;
            }
            if (method && first.Method) return;
            diagnostics.Add(DiagnosticInfo.Create(D.DuplicateMemberName, location, display, pythonName,
                first.Display, attribute.Replace("Attribute", "")));
        }
    }
}
