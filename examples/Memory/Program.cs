// The lessons of the PyO3 tutorial's memory.rs, in C# terms, with evidence: the reference count of
// one Python object that every temporary refers to. Run: dotnet publish examples/Memory -c Release
// -o .build/memory && .build/memory/Memory
using NdBindgen;

PythonHost host = PythonHost.Start();
{
    using GilGuard gil = Python.Acquire();
    Python py = gil.Python;
    using PyRef ns = py.NewDict();
    py.Exec("sentinel = object()\ndef touch(): return [sentinel]", ns);
    using PyRef sentinel = py.Eval("sentinel", ns).Keep();
    using PyRef touch = py.Eval("touch", ns).Keep();
    nint baseline = sentinel.RefCount(py);
    // The token cannot be captured (it must not outlive the GIL), so the helper takes it.
    void Show(Python p, string what) => Console.WriteLine($"  {what}: sentinel refcount = baseline + {sentinel.RefCount(p) - baseline}");

    Console.WriteLine("1. Temporaries live until their scope ends (the tutorial's GIL pool).");
    using (PyScope scope = py.Scope())
    {
        for (int i = 0; i < 3; i++) touch.Call(py);
        Show(py, $"inside the scope, after 3 calls ({scope.Count} temporaries held)");
    }
    Show(py, "after the scope");

    Console.WriteLine("2. One scope per loop iteration keeps a long loop flat.");
    using (py.Scope())
    {
        for (int i = 0; i < 1000; i++) touch.Call(py);
        Show(py, "1000 calls in one scope");
    }
    for (int i = 0; i < 1000; i++)
    {
        using PyScope perIteration = py.Scope();
        touch.Call(py);
    }
    Show(py, "1000 calls, a scope per iteration");

    Console.WriteLine("3. An owned reference disposed with the GIL is released at once.");
    PyRef list = touch.Call(py).Keep();
    Show(py, "holding one result");
    list.Dispose();
    Show(py, "after Dispose");

    Console.WriteLine("4. Disposed without the GIL, the release waits for the GIL.");
    PyRef held = touch.Call(py).Keep();
    py.AllowThreads(held, static r => r.Dispose());   // this body runs without the GIL
    Show(py, $"after Dispose without the GIL ({PyRef.PendingReleases} release queued)");
    using (Python.Acquire()) { }   // taking the GIL (here re-entrantly) runs the queued releases
    Show(py, $"after the next Python.Acquire ({PyRef.PendingReleases} releases queued)");
}
{
    using GilGuard gil = Python.Acquire();
    Python py = gil.Python;
    Console.WriteLine("5. A Python exception surfaces as a C# exception with the Python type, message and traceback.");
    try
    {
        py.Exec("def f():\n    raise KeyError('missing')\nf()");
    }
    catch (PythonException e)
    {
        Console.WriteLine($"  caught {nameof(PythonException)}: {e.PythonTypeName}: {e.Message}");
        foreach (string line in e.PythonTraceback.TrimEnd().Split('\n')) Console.WriteLine("  | " + line);
    }
}
host.Dispose();
Console.WriteLine("6. The interpreter shut down cleanly (Py_FinalizeEx returned 0).");
