using System;
using System.Collections.Generic;

namespace NdBindgen;

/// <summary>
/// A scope for temporaries (see <see cref="Python.Scope"/>): the <see cref="PyRef"/>s made on this
/// thread while it is the innermost open scope are disposed when it closes. Scopes nest.
/// </summary>
public ref struct PyScope
{
    [ThreadStatic] private static List<List<PyRef>>? t_open;
    private List<PyRef>? _owned;

    internal static PyScope Open()
    {
        var scopes = t_open ??= new List<List<PyRef>>();
        var owned = new List<PyRef>();
        scopes.Add(owned);
        return new PyScope { _owned = owned };
    }

    /// <summary>How many references this scope holds now.</summary>
    public readonly int Count => _owned?.Count ?? 0;

    /// <summary>Registers a new reference with the innermost open scope, if any.</summary>
    internal static void Track(PyRef reference)
    {
        var scopes = t_open;
        if (scopes is { Count: > 0 }) scopes[^1].Add(reference);
    }

    internal static void Untrack(PyRef reference)
    {
        var scopes = t_open;
        if (scopes is { Count: > 0 }) scopes[^1].Remove(reference);
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
