using System;
using System.Collections.Generic;

namespace NdBindgen;

/// <summary>
/// A scope for temporaries (see <see cref="Python.Scope"/>): the <see cref="PyRef"/>s its own code
/// makes on this thread while it is the innermost open scope are disposed when it closes. Scopes
/// nest. References made for calls from Python that run meanwhile (C# code in the scope calls
/// Python, which calls a <c>[PyFunction]</c> again) are not the scope's: they belong to that call.
/// </summary>
public ref struct PyScope
{
    // The open scopes of this thread, innermost last; a null entry is a barrier: Python code called
    // from the scope runs behind it, so what nested calls make is not adopted by the scope.
    [ThreadStatic] private static List<List<PyRef>?>? t_open;
    private List<PyRef>? _owned;

    internal static PyScope Open()
    {
        var scopes = t_open ??= new List<List<PyRef>?>();
        var owned = new List<PyRef>();
        scopes.Add(owned);
        return new PyScope { _owned = owned };
    }

    /// <summary>How many references this scope holds now.</summary>
    public readonly int Count => _owned?.Count ?? 0;

    /// <summary>Registers a new reference with the innermost open scope, if any (none behind a barrier).</summary>
    internal static void Track(PyRef reference)
    {
        var scopes = t_open;
        if (scopes is { Count: > 0 } && scopes[^1] is { } top) top.Add(reference);
    }

    internal static void Untrack(PyRef reference)
    {
        var scopes = t_open;
        if (scopes is { Count: > 0 } && scopes[^1] is { } top) top.Remove(reference);
    }

    /// <summary>
    /// Puts a barrier before this thread's open scopes while the runtime runs Python code for C#
    /// (a call, an eval); dispose it when that returns. Costs one thread-local read when no scope is open.
    /// </summary>
    internal static Barrier EnterPython()
    {
        var scopes = t_open;
        if (scopes is not { Count: > 0 }) return default;
        scopes.Add(null);
        return new Barrier(scopes);
    }

    /// <summary>The barrier <see cref="EnterPython"/> put up; <see cref="Dispose"/> takes it down.</summary>
    internal readonly struct Barrier(List<List<PyRef>?>? scopes) : IDisposable
    {
        public void Dispose()
        {
            if (scopes is null) return;
            int at = scopes.LastIndexOf(null);
            if (at >= 0) scopes.RemoveAt(at);
        }
    }

    /// <summary>Releases every reference made in the scope (the GIL must be held) and closes it.</summary>
    public void Dispose()
    {
        if (_owned is null) return;
        var scopes = t_open!;
        int at = scopes.LastIndexOf(_owned);
        if (at >= 0) scopes.RemoveAt(at);
        foreach (PyRef r in _owned) r.Dispose();
        _owned = null;
    }
}
