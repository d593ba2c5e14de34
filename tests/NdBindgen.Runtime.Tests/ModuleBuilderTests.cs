using NdBindgen.Interop;
using NdBindgen.Modules;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Module constants and submodules as PyInit adds them (ModuleBuilder), on modules made for the test.</summary>
public unsafe class ModuleBuilderTests
{
    private static PyRef? s_sentinel;

    private static PyObject* ReadSentinel() => CPython.Py_NewRef(s_sentinel!.Handle);

    private static PyObject* ReadFailing() =>
        throw new TypeInitializationException("Probe.Settings", new InvalidOperationException("no settings file"));

    [Fact]
    public void A_constant_that_cannot_be_read_fails_the_import_naming_it_and_leaks_nothing()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            using PyScope scope = py.Scope();
            PyRef module = py.Import("types").CallMethod(py, "ModuleType", py.From("probe"));
            s_sentinel = py.Eval("object()").Keep();
            nint baseline = s_sentinel.RefCount(py);
            var e = Assert.Throws<PythonException>(() => ModuleBuilder.AddConstants(module.Handle,
            [
                new("GOOD", "Probe.Good", &ReadSentinel),
                new("BAD", "Probe.Bad", &ReadFailing),
            ]));
            Assert.Equal("ImportError", e.PythonTypeName);
            Assert.Equal("module 'probe' cannot be imported: its constant BAD (Probe.Bad) could not be read: "
                + "System.InvalidOperationException: no settings file", e.Message);
            Assert.Equal(baseline + 1, s_sentinel.RefCount(py));   // GOOD: held by the module's dict only
            PyRef good = module.GetAttr(py, "GOOD");
            Assert.True(good.Handle == s_sentinel.Handle);
            good.Dispose();
            Assert.Equal("False", py.Import("builtins").CallMethod(py, "hasattr", module, py.From("BAD")).Repr(py));
            module.Dispose();
            Assert.Equal(baseline, s_sentinel.RefCount(py));
            s_sentinel.Dispose();
        });
    }

    [Fact]
    public void A_submodule_enters_sys_modules_only_when_the_import_succeeded()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            using PyScope scope = py.Scope();
            PyRef module = py.Import("types").CallMethod(py, "ModuleType", py.From("probe2"));
            PyRef modules = py.Import("sys").GetAttr(py, "modules");
            PyObject* sub = ModuleBuilder.AddSubmodule(module.Handle, "probe2.sub", "A submodule.", [], []);
            PyRef attribute = module.GetAttr(py, "sub");
            Assert.True(attribute.Handle == sub);
            Assert.Equal("probe2.sub", attribute.GetAttr(py, "__name__").ToString(py));
            Assert.Equal("A submodule.", attribute.GetAttr(py, "__doc__").ToString(py));
            Assert.False(modules.CallMethod(py, "__contains__", py.From("probe2.sub")).Repr(py) == "True");
            ModuleBuilder.DropSubmodules();   // the import failed after it: nothing in sys.modules, no reference kept
            Assert.False(modules.CallMethod(py, "__contains__", py.From("probe2.sub")).Repr(py) == "True");
            Assert.Equal(2, attribute.RefCount(py));   // the parent's attribute and this PyRef

            PyObject* again = ModuleBuilder.AddSubmodule(module.Handle, "probe2.other", null, [], []);
            ModuleBuilder.PublishSubmodules();
            Assert.True(modules.CallMethod(py, "__getitem__", py.From("probe2.other")).Handle == again);
            modules.CallMethod(py, "__delitem__", py.From("probe2.other"));
        });
    }
}
