/*
 * nd_ext_c: a hand-written CPython extension with exactly the API of nd_ext
 * (the C#-generated module), used as the baseline in bench/bench.py.
 *
 *   add_scalars(x, y) -> float
 *   add_scalar_to_array(scal, arr) -> new float64 array, C order, arr untouched
 *   add_scalar_to_array_inplace(scal, arr) -> None, arr modified in place
 *
 * arr is a float64 ndarray (native byte order, aligned) of any ndim and any
 * strides. Contiguous arrays take a flat loop; everything else goes through
 * numpy's own iterator (NpyIter), which coalesces axes and picks a memory-
 * friendly order. All entry points are METH_FASTCALL, positional only.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>

/* ---------------------------------------------------------------- helpers */

static int
check_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t expected)
{
    if (nargs == expected)
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd arguments (%zd given)",
                 name, expected, nargs);
    return -1;
}

/* Exact floats are read straight from the object; anything else goes through
   __float__ / __index__. Returns -1.0 with an exception set on failure. */
static inline double
as_double(PyObject *o)
{
    if (PyFloat_CheckExact(o))
        return PyFloat_AS_DOUBLE(o);
    return PyFloat_AsDouble(o);
}

#define AS_DOUBLE_FAILED(v) ((v) == -1.0 && PyErr_Occurred())

/* Accepts an ndarray (or subclass) of native-endian, aligned float64. */
static PyArrayObject *
as_float64_array(const char *func, PyObject *o)
{
    if (!PyArray_Check(o)) {
        PyErr_Format(PyExc_TypeError,
                     "%s(): arr must be a numpy.ndarray of float64, not %.200s",
                     func, Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyArrayObject *arr = (PyArrayObject *)o;
    if (PyArray_TYPE(arr) != NPY_DOUBLE || !PyArray_ISNOTSWAPPED(arr)) {
        PyErr_Format(PyExc_TypeError,
                     "%s(): arr must have dtype float64 (native byte order), not %R",
                     func, (PyObject *)PyArray_DESCR(arr));
        return NULL;
    }
    if (!PyArray_ISALIGNED(arr)) {
        PyErr_Format(PyExc_ValueError, "%s(): arr is not aligned", func);
        return NULL;
    }
    return arr;
}

/* Iteration-based kernels for arrays that are not contiguous. NpyIter handles
   0-d, empty, negative strides and axis reordering; EXTERNAL_LOOP hands us
   the innermost dimension as one strided run. */

static int
add_strided_inplace(double scal, PyArrayObject *arr)
{
    NpyIter *it = NpyIter_New(arr,
                              NPY_ITER_READWRITE | NPY_ITER_EXTERNAL_LOOP |
                                  NPY_ITER_ZEROSIZE_OK,
                              NPY_KEEPORDER, NPY_NO_CASTING, NULL);
    if (it == NULL)
        return -1;
    if (NpyIter_GetIterSize(it) != 0) {
        NpyIter_IterNextFunc *next = NpyIter_GetIterNext(it, NULL);
        if (next == NULL) {
            NpyIter_Deallocate(it);
            return -1;
        }
        char **data = NpyIter_GetDataPtrArray(it);
        npy_intp *strides = NpyIter_GetInnerStrideArray(it);
        npy_intp *sizep = NpyIter_GetInnerLoopSizePtr(it);
        do {
            char *p = data[0];
            npy_intp stride = strides[0], n = *sizep;
            if (stride == sizeof(double)) {
                double *d = (double *)p;
                for (npy_intp i = 0; i < n; i++)
                    d[i] += scal;
            }
            else {
                for (npy_intp i = 0; i < n; i++, p += stride)
                    *(double *)p += scal;
            }
        } while (next(it));
    }
    return NpyIter_Deallocate(it) == NPY_SUCCEED ? 0 : -1;
}

static int
add_strided_copy(double scal, PyArrayObject *src, PyArrayObject *dst)
{
    PyArrayObject *ops[2] = {src, dst};
    npy_uint32 op_flags[2] = {NPY_ITER_READONLY, NPY_ITER_WRITEONLY};
    NpyIter *it = NpyIter_MultiNew(2, ops,
                                   NPY_ITER_EXTERNAL_LOOP | NPY_ITER_ZEROSIZE_OK,
                                   NPY_KEEPORDER, NPY_NO_CASTING, op_flags, NULL);
    if (it == NULL)
        return -1;
    if (NpyIter_GetIterSize(it) != 0) {
        NpyIter_IterNextFunc *next = NpyIter_GetIterNext(it, NULL);
        if (next == NULL) {
            NpyIter_Deallocate(it);
            return -1;
        }
        char **data = NpyIter_GetDataPtrArray(it);
        npy_intp *strides = NpyIter_GetInnerStrideArray(it);
        npy_intp *sizep = NpyIter_GetInnerLoopSizePtr(it);
        do {
            char *in = data[0], *out = data[1];
            npy_intp is = strides[0], os = strides[1], n = *sizep;
            for (npy_intp i = 0; i < n; i++, in += is, out += os)
                *(double *)out = *(const double *)in + scal;
        } while (next(it));
    }
    return NpyIter_Deallocate(it) == NPY_SUCCEED ? 0 : -1;
}

/* ------------------------------------------------------------- functions */

static PyObject *
add_scalars(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("add_scalars", nargs, 2) < 0)
        return NULL;
    double x = as_double(args[0]);
    if (AS_DOUBLE_FAILED(x))
        return NULL;
    double y = as_double(args[1]);
    if (AS_DOUBLE_FAILED(y))
        return NULL;
    return PyFloat_FromDouble(x + y);
}

static PyObject *
add_scalar_to_array(PyObject *Py_UNUSED(module), PyObject *const *args,
                    Py_ssize_t nargs)
{
    static const char name[] = "add_scalar_to_array";
    if (check_nargs(name, nargs, 2) < 0)
        return NULL;
    double scal = as_double(args[0]);
    if (AS_DOUBLE_FAILED(scal))
        return NULL;
    PyArrayObject *arr = as_float64_array(name, args[1]);
    if (arr == NULL)
        return NULL;

    PyArrayObject *out = (PyArrayObject *)PyArray_SimpleNew(
        PyArray_NDIM(arr), PyArray_DIMS(arr), NPY_DOUBLE);
    if (out == NULL)
        return NULL;

    if (PyArray_IS_C_CONTIGUOUS(arr)) {
        const double *src = (const double *)PyArray_DATA(arr);
        double *dst = (double *)PyArray_DATA(out);
        npy_intp n = PyArray_SIZE(arr);
        for (npy_intp i = 0; i < n; i++)
            dst[i] = src[i] + scal;
    }
    else if (add_strided_copy(scal, arr, out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    return (PyObject *)out;
}

static PyObject *
add_scalar_to_array_inplace(PyObject *Py_UNUSED(module), PyObject *const *args,
                            Py_ssize_t nargs)
{
    static const char name[] = "add_scalar_to_array_inplace";
    if (check_nargs(name, nargs, 2) < 0)
        return NULL;
    double scal = as_double(args[0]);
    if (AS_DOUBLE_FAILED(scal))
        return NULL;
    PyArrayObject *arr = as_float64_array(name, args[1]);
    if (arr == NULL)
        return NULL;
    /* Raises ValueError("arr is read-only"); also honours numpy's
       warn-on-write views. */
    if (PyArray_FailUnlessWriteable(arr, "arr") < 0)
        return NULL;

    /* Element order does not matter in place: C- or F-contiguous is one flat run. */
    if (PyArray_ISONESEGMENT(arr)) {
        double *d = (double *)PyArray_DATA(arr);
        npy_intp n = PyArray_SIZE(arr);
        for (npy_intp i = 0; i < n; i++)
            d[i] += scal;
    }
    else if (add_strided_inplace(scal, arr) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---------------------------------------------------------------- module */

static PyMethodDef nd_ext_c_methods[] = {
    {"add_scalars", (PyCFunction)(void (*)(void))add_scalars, METH_FASTCALL,
     "add_scalars(x, y)\n--\n\n"
     "Add two 64 bit floating point numbers x and y together. Returns the sum."},
    {"add_scalar_to_array", (PyCFunction)(void (*)(void))add_scalar_to_array,
     METH_FASTCALL,
     "add_scalar_to_array(scal, arr)\n--\n\n"
     "Add scal to each element of arr. Returns the sum as a new array."},
    {"add_scalar_to_array_inplace",
     (PyCFunction)(void (*)(void))add_scalar_to_array_inplace, METH_FASTCALL,
     "add_scalar_to_array_inplace(scal, arr)\n--\n\n"
     "Add scal to each element of arr, in place. Returns nothing."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef nd_ext_c_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "nd_ext_c",
    .m_doc = "Hand-written C twin of nd_ext, the baseline for bench/bench.py.",
    .m_size = -1,
    .m_methods = nd_ext_c_methods,
};

PyMODINIT_FUNC
PyInit_nd_ext_c(void)
{
    import_array(); /* returns NULL with an ImportError set on failure */
    return PyModule_Create(&nd_ext_c_module);
}
