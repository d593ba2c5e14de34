using NdBindgen.Binding;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using Xunit;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// PyOverride: which attribute of a Python type is an override of a class's method, and that the answer it
/// keeps per type follows the type's changes (Python-defined classes stand for the [PyClass] and its subclasses).
/// </summary>
public unsafe class OverrideTests
{
    private const string Classes = """
        class Base:
            def speak(self, n): return 'base'
        class Cat(Base):
            def speak(self, n): return 'cat'
        class Quiet(Base): pass
        class Leaf(Quiet): pass
        def other(self, n): return 'other'
        """;

    [Fact]
    public void An_override_is_found_through_the_mro_and_the_kept_answer_follows_changes()
    {
        EmbeddedPython.Run(() =>
        {
            PyObject* all = EmbeddedPython.Eval("(Base, Cat, Quiet, Leaf, other)", Classes);
            var baseType = (PyTypeObject*)PyTuple_GET_ITEM(all, 0);
            var cat = (PyTypeObject*)PyTuple_GET_ITEM(all, 1);
            var quiet = (PyTypeObject*)PyTuple_GET_ITEM(all, 2);
            var leaf = (PyTypeObject*)PyTuple_GET_ITEM(all, 3);
            PyObject* other = PyTuple_GET_ITEM(all, 4);
            var speak = new PyOverride("speak");
            speak.Bind(baseType);

            Assert.True(speak.Lookup(baseType) == null);   // the class's own method is no override
            Assert.True(speak.Lookup(quiet) == null);
            Assert.True(speak.Lookup(quiet) == null);      // the kept answer
            Assert.True(speak.Lookup(cat) != null);
            Assert.True(speak.Lookup(leaf) == null);

            SetSpeak(quiet, other);                         // a class attribute assigned later
            Assert.True(speak.Lookup(quiet) == other);
            Assert.True(speak.Lookup(leaf) == other);      // and seen through a subclass
            SetSpeak(quiet, null);                          // deleted: the class's own method again
            Assert.True(speak.Lookup(leaf) == null);
            Assert.True(speak.Lookup(quiet) == null);
            Py_DECREF(all);
        });
    }

    [Fact]
    public void A_bad_override_result_names_the_method_and_the_subclass()
    {
        EmbeddedPython.Run(() =>
        {
            PyObject* text = EmbeddedPython.Eval("'x'");
            var e = Assert.Throws<PythonException>(() =>
                Ints.ToInt64(text, PySignature.OverrideResult("speak", "Cat"), 0));
            Assert.Equal("the result of the override 'speak' of Cat must be int, not str", e.Message);
            Py_DECREF(text);
        });
    }

    private static void SetSpeak(PyTypeObject* type, PyObject* value)
    {
        fixed (byte* name = "speak\0"u8)
        {
            int r = value == null
                ? PyObject_SetAttrString((PyObject*)type, name, null)
                : PyObject_SetAttrString((PyObject*)type, name, value);
            Assert.Equal(0, r);
        }
    }
}
