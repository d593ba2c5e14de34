/* A C extension that speaks rust-numpy's shared borrow-checking API (src/borrow/shared.rs), as a
 * rust-numpy extension would: tests/python/test_array_borrows.py compiles it.
 *
 * acquire(array, mutable) / release(array, mutable): call the functions of the capsule
 * _RUST_NUMPY_BORROW_CHECKING_API found in numpy's multiarray module (whoever installed it).
 * version(): that capsule's version field.
 * install(rc): installs a capsule of this module's own (as a rust-numpy extension loaded first
 * would) whose acquire functions return rc and count their calls; counts() returns
 * (acquires, acquire_muts, releases, release_muts). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define CAPSULE_NAME "_RUST_NUMPY_BORROW_CHECKING_API"

typedef struct {
    uint64_t version;
    void *flags;
    int (*acquire)(void *flags, void *array);
    int (*acquire_mut)(void *flags, void *array);
    void (*release)(void *flags, void *array);
    void (*release_mut)(void *flags, void *array);
} Shared;

static PyObject *multiarray(void)
{
    PyObject *numpy = PyImport_ImportModule("numpy");
    if (numpy == NULL) return NULL;
    PyObject *version = PyObject_GetAttrString(numpy, "__version__");
    Py_DECREF(numpy);
    if (version == NULL) return NULL;
    const char *text = PyUnicode_AsUTF8(version);
    int major = text == NULL ? 0 : atoi(text);
    Py_DECREF(version);
    if (text == NULL) return NULL;
    return PyImport_ImportModule(major >= 2 ? "numpy._core.multiarray" : "numpy.core.multiarray");
}

static Shared *shared(void)
{
    PyObject *module = multiarray();
    if (module == NULL) return NULL;
    PyObject *capsule = PyObject_GetAttrString(module, CAPSULE_NAME);
    Py_DECREF(module);
    if (capsule == NULL) return NULL;
    Shared *api = PyCapsule_GetPointer(capsule, CAPSULE_NAME);
    Py_DECREF(capsule);   /* the module keeps it */
    return api;
}

static PyObject *acquire(PyObject *self, PyObject *args)
{
    PyObject *array;
    int mutable;
    if (!PyArg_ParseTuple(args, "Op", &array, &mutable)) return NULL;
    Shared *api = shared();
    if (api == NULL) return NULL;
    return PyLong_FromLong(mutable ? api->acquire_mut(api->flags, array) : api->acquire(api->flags, array));
}

static PyObject *release(PyObject *self, PyObject *args)
{
    PyObject *array;
    int mutable;
    if (!PyArg_ParseTuple(args, "Op", &array, &mutable)) return NULL;
    Shared *api = shared();
    if (api == NULL) return NULL;
    if (mutable) api->release_mut(api->flags, array); else api->release(api->flags, array);
    Py_RETURN_NONE;
}

static PyObject *version(PyObject *self, PyObject *unused)
{
    Shared *api = shared();
    if (api == NULL) return NULL;
    return PyLong_FromUnsignedLongLong(api->version);
}

static long counts_[4];
static int rc_;

static int own_acquire(void *flags, void *array) { counts_[0]++; return rc_; }
static int own_acquire_mut(void *flags, void *array) { counts_[1]++; return rc_; }
static void own_release(void *flags, void *array) { counts_[2]++; }
static void own_release_mut(void *flags, void *array) { counts_[3]++; }
static Shared own_ = {1, NULL, own_acquire, own_acquire_mut, own_release, own_release_mut};

static PyObject *install(PyObject *self, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "i", &rc_)) return NULL;
    PyObject *module = multiarray();
    if (module == NULL) return NULL;
    PyObject *capsule = PyCapsule_New(&own_, CAPSULE_NAME, NULL);
    int failed = capsule == NULL || PyObject_SetAttrString(module, CAPSULE_NAME, capsule) < 0;
    Py_XDECREF(capsule);
    Py_DECREF(module);
    if (failed) return NULL;
    Py_RETURN_NONE;
}

static PyObject *set_rc(PyObject *self, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "i", &rc_)) return NULL;
    Py_RETURN_NONE;
}

static PyObject *counts(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(llll)", counts_[0], counts_[1], counts_[2], counts_[3]);
}

static PyMethodDef methods[] = {
    {"acquire", acquire, METH_VARARGS, NULL},
    {"release", release, METH_VARARGS, NULL},
    {"version", version, METH_NOARGS, NULL},
    {"install", install, METH_VARARGS, NULL},
    {"set_rc", set_rc, METH_VARARGS, NULL},
    {"counts", counts, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "borrowc", NULL, -1, methods};

PyMODINIT_FUNC PyInit_borrowc(void) { return PyModule_Create(&module); }
