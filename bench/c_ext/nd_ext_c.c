/*
 * nd_ext_c: a hand-written CPython extension with exactly the API of nd_ext
 * (the C#-generated module), used as the baseline in bench/bench.py.
 *
 *   add_scalars(x, y) -> float
 *   add_scalar_to_array(scal, arr) -> new float64 array, C order, arr untouched
 *   add_scalar_to_array_inplace(scal, arr) -> None, arr modified in place
 *   Point(x=0.0, y=0.0): x, y (float attributes), distance(other=None), p + q,
 *                        repr "Point (1.0, 2.0)", str "(1.0, 2.0)"
 *   Shape (abstract) <- Rectangle(width, height) <- Square(side): area(), inherited from Shape
 *
 * arr is a float64 ndarray (native byte order, aligned) of any ndim and any
 * strides. Contiguous arrays take a flat loop; everything else goes through
 * numpy's own iterator (NpyIter), which coalesces axes and picks a memory-
 * friendly order. The functions are METH_FASTCALL, positional only.
 *
 * Point is a heap type (PyType_FromSpec), like nd_ext's: not subclassable, no
 * GC (it holds no references), weak-referenceable. It is as lean as a careful
 * hand-written type: calling it goes through the type's vectorcall (no
 * argument tuple; tp_new stays for the (tuple, dict) call), x and y are
 * T_DOUBLE member descriptors (CPython reads and writes the fields itself),
 * distance is METH_FASTCALL | METH_KEYWORDS. Argument binding is written by hand with a
 * fast path for the plain positional call (no PyArg_Parse* format parsing),
 * and error messages match nd_ext's.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>
#include <structmember.h> /* T_DOUBLE, T_PYSSIZET, READONLY */
#include <datetime.h>     /* the datetime C API (PyDateTime_IMPORT in PyInit) */
#ifndef PyDateTime_DATE_GET_TZINFO   /* 3.10+; the same read of the 3.9 layout */
#define PyDateTime_DATE_GET_TZINFO(o) \
    (((_PyDateTime_BaseTZInfo *)(o))->hastzinfo ? ((PyDateTime_DateTime *)(o))->tzinfo : Py_None)
#endif

/* -DND_EXT_C_NO_NUMPY: only add_scalars and Point, for interpreters without numpy (the 3.9-3.13
   row set of bench/versions.py). */
#ifndef ND_EXT_C_NO_NUMPY
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#endif

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
#ifndef ND_EXT_C_NO_NUMPY
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

#endif /* ND_EXT_C_NO_NUMPY */

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

/* echo_datetime(when): a new datetime of the same fields, as nd_ext's DateTime round trip makes one:
   naive stays naive; an aware one comes back in UTC (nd_ext converts it with utcoffset()). */
static PyObject *
echo_datetime(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("echo_datetime", nargs, 1) < 0)
        return NULL;
    PyObject *d = args[0];
    if (!PyDateTime_Check(d)) {
        PyErr_Format(PyExc_TypeError, "echo_datetime() argument 'when' must be datetime.datetime, not %.200s",
                     Py_TYPE(d)->tp_name);
        return NULL;
    }
    PyObject *tz = PyDateTime_DATE_GET_TZINFO(d);
    if (tz != Py_None)
        return PyObject_CallMethod(d, "astimezone", "O", PyDateTime_TimeZone_UTC);
    return PyDateTimeAPI->DateTime_FromDateAndTime(
        PyDateTime_GET_YEAR(d), PyDateTime_GET_MONTH(d), PyDateTime_GET_DAY(d),
        PyDateTime_DATE_GET_HOUR(d), PyDateTime_DATE_GET_MINUTE(d), PyDateTime_DATE_GET_SECOND(d),
        PyDateTime_DATE_GET_MICROSECOND(d), Py_None, PyDateTimeAPI->DateTimeType);
}

/* raise_mapped() and raise_value_error(): the C way to raise, PyErr_SetString and NULL; the row
   against nd_ext's throw of a .NET exception (ArgumentException, PyValueError) that becomes a ValueError. */
static PyObject *
raise_value_error(PyObject *Py_UNUSED(module), PyObject *const *Py_UNUSED(args), Py_ssize_t nargs)
{
    if (check_nargs("raise_value_error", nargs, 0) < 0)
        return NULL;
    PyErr_SetString(PyExc_ValueError, "bad value");
    return NULL;
}

/* scaled_sum(*values, **scales): the sum of the positional arguments times each keyword's value.
 * METH_FASTCALL | METH_KEYWORDS as a careful C programmer writes it: the values straight from the
 * caller's array, the keywords' values after them; the names are not needed, so never looked at. */
static PyObject *
scaled_sum(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    double sum = 0.0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double v = as_double(args[i]);
        if (AS_DOUBLE_FAILED(v))
            return NULL;
        sum += v;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        double scale = as_double(args[nargs + k]);
        if (AS_DOUBLE_FAILED(scale))
            return NULL;
        sum *= scale;
    }
    return PyFloat_FromDouble(sum);
}

#ifndef ND_EXT_C_NO_NUMPY
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

/* The algebra rows: axpy (y += a * x) and dot over contiguous 1-d float64 arrays of one
   length, plain loops as a C programmer writes them (gcc -O3 vectorizes them with SSE2). */
static int
contiguous_pair(const char *name, PyObject *xo, PyObject *yo, int writable_y,
                const double **x, double **y, npy_intp *n)
{
    PyArrayObject *xa = as_float64_array(name, xo), *ya;
    if (xa == NULL || (ya = as_float64_array(name, yo)) == NULL)
        return -1;
    if (writable_y && PyArray_FailUnlessWriteable(ya, "y") < 0)
        return -1;
    if (PyArray_NDIM(xa) != 1 || PyArray_NDIM(ya) != 1 || !PyArray_IS_C_CONTIGUOUS(xa)
        || !PyArray_IS_C_CONTIGUOUS(ya) || PyArray_DIM(xa, 0) != PyArray_DIM(ya, 0)) {
        PyErr_Format(PyExc_ValueError, "%s(): x and y must be contiguous 1-d arrays of one length", name);
        return -1;
    }
    *x = (const double *)PyArray_DATA(xa);
    *y = (double *)PyArray_DATA(ya);
    *n = PyArray_DIM(xa, 0);
    return 0;
}

static PyObject *
axpy(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("axpy", nargs, 3) < 0)
        return NULL;
    double a = as_double(args[0]);
    if (AS_DOUBLE_FAILED(a))
        return NULL;
    const double *x;
    double *y;
    npy_intp n;
    if (contiguous_pair("axpy", args[1], args[2], 1, &x, &y, &n) < 0)
        return NULL;
    for (npy_intp i = 0; i < n; i++)
        y[i] += a * x[i];
    Py_RETURN_NONE;
}

static PyObject *
dot(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("dot", nargs, 2) < 0)
        return NULL;
    const double *x;
    double *y;
    npy_intp n;
    if (contiguous_pair("dot", args[0], args[1], 0, &x, &y, &n) < 0)
        return NULL;
    double sum = 0.0;
    for (npy_intp i = 0; i < n; i++)
        sum += x[i] * y[i];
    return PyFloat_FromDouble(sum);
}

/* The loop rows (issue 21): a polynomial in place and a sum of squares, as a C programmer writes
   them: a flat loop over a C-contiguous array (gcc -O3 vectorizes the polynomial with SSE2; it may
   not reorder the sum's additions, so that loop stays scalar, as nd_ext's foreach does) and a
   pointer loop over a strided 1-d array. */
static int
flat_or_strided(const char *name, PyObject *o, int writable, char **data, npy_intp *n, npy_intp *stride)
{
    PyArrayObject *a = as_float64_array(name, o);
    if (a == NULL || (writable && PyArray_FailUnlessWriteable(a, "a") < 0))
        return -1;
    if (PyArray_IS_C_CONTIGUOUS(a)) {
        *stride = sizeof(double);
        *n = PyArray_SIZE(a);
    }
    else if (PyArray_NDIM(a) == 1) {
        *stride = PyArray_STRIDE(a, 0);
        *n = PyArray_DIM(a, 0);
    }
    else {
        PyErr_Format(PyExc_ValueError, "%s(): a must be C-contiguous or 1-d", name);
        return -1;
    }
    *data = PyArray_BYTES(a);
    return 0;
}

static PyObject *
poly_inplace(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    char *p;
    npy_intp n, s;
    if (check_nargs("poly_inplace", nargs, 1) < 0 || flat_or_strided("poly_inplace", args[0], 1, &p, &n, &s) < 0)
        return NULL;
    if (s == sizeof(double)) {
        double *a = (double *)p;
        for (npy_intp i = 0; i < n; i++) {
            double x = a[i];
            a[i] = ((x * 0.5 + 1.5) * x + 2.5) * x + 3.5;
        }
    }
    else {
        for (npy_intp i = 0; i < n; i++, p += s) {
            double x = *(double *)p;
            *(double *)p = ((x * 0.5 + 1.5) * x + 2.5) * x + 3.5;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
sum_squares(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    char *p;
    npy_intp n, s;
    if (check_nargs("sum_squares", nargs, 1) < 0 || flat_or_strided("sum_squares", args[0], 0, &p, &n, &s) < 0)
        return NULL;
    double sum = 0.0;
    if (s == sizeof(double)) {
        const double *a = (const double *)p;
        for (npy_intp i = 0; i < n; i++)
            sum += a[i] * a[i];
    }
    else {
        for (npy_intp i = 0; i < n; i++, p += s)
            sum += *(double *)p * *(double *)p;
    }
    return PyFloat_FromDouble(sum);
}

#endif /* ND_EXT_C_NO_NUMPY */

/* ------------------------------------------------------------ containers */

/* sum_list(xs): the sum of a sequence of floats (not a str), read through
   PySequence_Fast: a list or tuple in place, anything else copied to a list. */
static PyObject *
sum_list(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("sum_list", nargs, 1) < 0)
        return NULL;
    PyObject *xs = args[0];
    if (PyUnicode_Check(xs)) {
        PyErr_SetString(PyExc_TypeError,
                        "sum_list() argument 'xs' must be a sequence of float, not str");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(xs, "sum_list() argument 'xs' must be a sequence of float");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    double sum = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = as_double(items[i]);
        if (AS_DOUBLE_FAILED(x)) {
            Py_DECREF(seq);
            return NULL;
        }
        sum += x;
    }
    Py_DECREF(seq);
    return PyFloat_FromDouble(sum);
}

/* make_list(n): [0.0, 1.0, ..., n - 1.0]. */
static PyObject *
make_list(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("make_list", nargs, 1) < 0)
        return NULL;
    long n = PyLong_AsLong(args[0]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0 || n > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "make_list() argument 'n' must be in 0..2**31-1");
        return NULL;
    }
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        PyObject *x = PyFloat_FromDouble((double)i);
        if (x == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, x);
    }
    return list;
}

/* bump_counts(counts): a new dict of the same keys, each value plus one. The
   entries are copied into native memory first (UTF-8 keys, 64-bit values) and
   the result built from that copy, as a conversion to and from a native
   str -> int64 map does (PyO3's HashMap<String, i64>). */
typedef struct {
    char *key;
    Py_ssize_t len;
    long long value;
} Count;

static PyObject *
bump_counts(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (check_nargs("bump_counts", nargs, 1) < 0)
        return NULL;
    PyObject *d = args[0];
    if (!PyDict_Check(d)) {
        PyErr_Format(PyExc_TypeError,
                     "bump_counts() argument 'counts' must be a mapping of str to int, not %.200s",
                     Py_TYPE(d)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyDict_GET_SIZE(d), count = 0, pos = 0;
    Count *entries = PyMem_Malloc((n ? n : 1) * sizeof(Count));
    if (entries == NULL)
        return PyErr_NoMemory();
    PyObject *key, *value, *result = NULL;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "bump_counts() argument 'counts' keys must be str");
            goto done;
        }
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(key, &len);
        if (utf8 == NULL)
            goto done;
        long long v = PyLong_AsLongLong(value);
        if (v == -1 && PyErr_Occurred())
            goto done;
        char *copy = PyMem_Malloc(len + 1);
        if (copy == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        memcpy(copy, utf8, len + 1);
        entries[count++] = (Count){copy, len, v};
    }
    result = PyDict_New();
    if (result == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *k = PyUnicode_FromStringAndSize(entries[i].key, entries[i].len);
        PyObject *v = k == NULL ? NULL : PyLong_FromLongLong(entries[i].value + 1);
        int status = v == NULL ? -1 : PyDict_SetItem(result, k, v);
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (status < 0) {
            Py_CLEAR(result);
            goto done;
        }
    }
done:
    for (Py_ssize_t i = 0; i < count; i++)
        PyMem_Free(entries[i].key);
    PyMem_Free(entries);
    return result;
}

/* ----------------------------------------------------------------- Point */

typedef struct {
    PyObject_HEAD
    double x;
    double y;
    PyObject *weakreflist;
} PointObject;

/* Created in PyInit_nd_ext_c; the module (m_size -1, single init) keeps it alive. */
static PyTypeObject *PointType;

/* float conversion with nd_ext's rules and messages: exact floats are read
   directly; otherwise what PyFloat_AsDouble accepts (__float__, __index__). */
static int
to_double_slow(PyObject *o, double *out, const char *func, const char *name,
               int attribute)
{
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    if ((nb == NULL || nb->nb_float == NULL) && !PyIndex_Check(o)) {
        const char *tname = o == Py_None ? "None" : Py_TYPE(o)->tp_name;
        if (attribute)
            PyErr_Format(PyExc_TypeError, "'%s' attribute '%s' must be float, not %.200s",
                         func, name, tname);
        else
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be float, not %.200s",
                         func, name, tname);
        return -1;
    }
    double v = PyFloat_AsDouble(o);
    if (AS_DOUBLE_FAILED(v))
        return -1;
    *out = v;
    return 0;
}

static inline int
to_double(PyObject *o, double *out, const char *func, const char *name, int attribute)
{
    if (PyFloat_CheckExact(o)) {
        *out = PyFloat_AS_DOUBLE(o);
        return 0;
    }
    return to_double_slow(o, out, func, name, attribute);
}

/* Index of keyword `key` in names[0..n), or -1. Keyword names are almost
   always interned, so pointer equality is tried first. */
static Py_ssize_t
keyword_index(PyObject *key, PyObject *const *names, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if (names[i] == key)
            return i;
    if (!PyUnicode_Check(key))
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        int c = PyUnicode_Compare(names[i], key);
        if (c == 0)
            return i;
        if (c == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    return -1;
}

static int
keyword_error(const char *func, PyObject *key, Py_ssize_t index, const char *const *cnames,
              int duplicate)
{
    if (duplicate)
        PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", func,
                     cnames[index]);
    else
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'", func,
                     key);
    return -1;
}

/* Binds a (tuple, dict) call's keywords into slots (NULL = not given). */
static int
bind_dict(const char *func, PyObject *kwargs, PyObject *const *names,
          const char *const *cnames, Py_ssize_t n, PyObject **slots)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        Py_ssize_t i = keyword_index(key, names, n);
        if (i < 0 || slots[i] != NULL)
            return keyword_error(func, key, i, cnames, i >= 0);
        slots[i] = value;
    }
    return 0;
}

/* Binds a vectorcall's keywords (kwnames, values after the positionals). */
static int
bind_kwnames(const char *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
             PyObject *const *names, const char *const *cnames, Py_ssize_t n, PyObject **slots)
{
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = keyword_index(key, names, n);
        if (i < 0 || slots[i] != NULL)
            return keyword_error(func, key, i, cnames, i >= 0);
        slots[i] = args[nargs + k];
    }
    return 0;
}

static int
too_many_positional(const char *func, Py_ssize_t max, Py_ssize_t given)
{
    /* nd_ext's wording: "takes from 0 to 1 positional arguments" */
    PyErr_Format(PyExc_TypeError,
                 "%s() takes from 0 to %zd positional arguments but %zd %s given", func, max,
                 given, given == 1 ? "was" : "were");
    return -1;
}

static const char *const point_new_cnames[] = {"x", "y"};
static PyObject *point_new_names[2];     /* interned "x", "y" */
static const char *const distance_cnames[] = {"other"};
static PyObject *distance_names[1];      /* interned "other" */

/* The constructor's body: bound arguments (NULL = not given) to a new instance of type. */
static PyObject *
point_make(PyTypeObject *type, PyObject *const *slots)
{
    double x = 0.0, y = 0.0;
    if (slots[0] != NULL && to_double(slots[0], &x, "Point", "x", 0) < 0)
        return NULL;
    if (slots[1] != NULL && to_double(slots[1], &y, "Point", "y", 0) < 0)
        return NULL;

    PointObject *self = (PointObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->x = x;
    self->y = y;
    return (PyObject *)self;
}

/* tp_new: the (tuple, dict) call, which CPython uses for a subclass (tp_vectorcall is not inherited)
   and for Point.__new__(Point, ...). */
static PyObject *
point_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *slots[2] = {NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        too_many_positional("Point", 2, nargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        slots[i] = PyTuple_GET_ITEM(args, i);
    if (kwargs != NULL &&
        bind_dict("Point", kwargs, point_new_names, point_new_cnames, 2, slots) < 0)
        return NULL;
    return point_make(type, slots);
}

/* The type's vectorcall: Point(x, y) with no argument tuple, as nd_ext's Point is called. */
static PyObject *
point_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *slots[2] = {NULL, NULL};
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs > 2) {
        too_many_positional("Point", 2, nargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        slots[i] = args[i];
    if (kwnames != NULL &&
        bind_kwnames("Point", args, nargs, kwnames, point_new_names, point_new_cnames, 2, slots) < 0)
        return NULL;
    return point_make((PyTypeObject *)type, slots);
}

static void
point_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (((PointObject *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    tp->tp_free(self);
    Py_DECREF(tp);  /* heap type: every instance holds a reference to it */
}

/* "(1.0, 2.0)" with Python's float repr, behind an optional prefix. */
static PyObject *
point_format(PyObject *self, const char *prefix)
{
    PointObject *p = (PointObject *)self;
    PyObject *result = NULL;
    char *xs = PyOS_double_to_string(p->x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    char *ys = xs ? PyOS_double_to_string(p->y, 'r', 0, Py_DTSF_ADD_DOT_0, NULL) : NULL;
    if (ys != NULL)
        result = PyUnicode_FromFormat("%s(%s, %s)", prefix, xs, ys);
    PyMem_Free(xs);
    PyMem_Free(ys);
    return result;
}

static PyObject *
point_repr(PyObject *self)
{
    return point_format(self, "Point ");
}

/* p + q: a new Point; NotImplemented unless both are Points (as nd_ext's operator + overload). */
static PyObject *
point_add(PyObject *a, PyObject *b)
{
    if (!PyObject_TypeCheck(a, PointType) || !PyObject_TypeCheck(b, PointType))
        Py_RETURN_NOTIMPLEMENTED;
    PointObject *p = (PointObject *)a, *q = (PointObject *)b;
    PointObject *r = (PointObject *)PointType->tp_alloc(PointType, 0);
    if (r == NULL)
        return NULL;
    r->x = p->x + q->x;
    r->y = p->y + q->y;
    return (PyObject *)r;
}

static PyObject *
point_str(PyObject *self)
{
    return point_format(self, "");
}

static PyObject *
point_distance(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *other = NULL;
    if (nargs > 1) {
        too_many_positional("Point.distance", 1, nargs);
        return NULL;
    }
    if (nargs == 1)
        other = args[0];
    if (kwnames != NULL &&
        bind_kwnames("Point.distance", args, nargs, kwnames, distance_names, distance_cnames,
                     1, &other) < 0)
        return NULL;

    const PointObject *p = (const PointObject *)self;
    double ox = 0.0, oy = 0.0;
    if (other != NULL && other != Py_None) {
        if (!Py_IS_TYPE(other, PointType) && !PyObject_TypeCheck(other, PointType)) {
            PyErr_Format(PyExc_TypeError,
                         "Point.distance() argument 'other' must be %s, not %.200s",
                         PointType->tp_name, Py_TYPE(other)->tp_name);
            return NULL;
        }
        ox = ((const PointObject *)other)->x;
        oy = ((const PointObject *)other)->y;
    }
    double dx = p->x - ox, dy = p->y - oy;
    return PyFloat_FromDouble(sqrt(dx * dx + dy * dy));
}

/* pickle and copy: (type(self), (x, y)), as nd_ext's generated __reduce__ gives (a Python subclass is not
   handled here: the benchmark's Point is final). */
static PyObject *
point_reduce(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "__reduce__() takes no arguments");
        return NULL;
    }
    const PointObject *p = (const PointObject *)self;
    return Py_BuildValue("O(dd)", (PyObject *)Py_TYPE(self), p->x, p->y);
}

static PyMethodDef point_methods[] = {
    {"distance", (PyCFunction)(void (*)(void))point_distance, METH_FASTCALL | METH_KEYWORDS,
     "distance($self, other=None)\n--\n\n"
     "The distance to other, or to the origin when it is None."},
    {"__reduce__", (PyCFunction)(void (*)(void))point_reduce, METH_FASTCALL | METH_KEYWORDS,
     "__reduce__($self)\n--\n\nHelper for pickle."},
    {NULL, NULL, 0, NULL},
};

/* x and y are member descriptors: CPython reads and writes the doubles in the object itself and runs
   none of this module's code (its own errors, then: "must be real number, not str", and a TypeError
   for del), as a careful hand-written extension does. */
static PyMemberDef point_members[] = {
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, "The x coordinate."},
    {"y", T_DOUBLE, offsetof(PointObject, y), 0, "The y coordinate."},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(PointObject, weakreflist), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot point_slots[] = {
    {Py_tp_doc, (void *)"Point(x=0.0, y=0.0)\n--\n\nA point in the plane, as in the tutorial's rust_ext."},
    {Py_tp_new, point_new},
    {Py_tp_dealloc, point_dealloc},
    {Py_tp_repr, point_repr},
    {Py_tp_str, point_str},
    {Py_nb_add, point_add},
    {Py_tp_methods, point_methods},
    {Py_tp_members, point_members},
#ifdef Py_tp_vectorcall   /* 3.14 */
    {Py_tp_vectorcall, point_vectorcall},
#endif
    {0, NULL},
};

static PyType_Spec point_spec = {
    .name = "nd_ext_c.Point",
    .basicsize = sizeof(PointObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT,  /* final, like nd_ext.Point; no GC: it holds no references */
    .slots = point_slots,
};

/* ----------------------------------------------------- Shape, Rectangle, Square */

/* nd_ext's hierarchy: Shape (abstract) <- Rectangle <- Square; Shape.area dispatches through a
   function pointer each concrete class sets (the C twin of the C# virtual). */
typedef struct ShapeObject {
    PyObject_HEAD
    double (*area)(const struct ShapeObject *);
    double width;
    double height;
    PyObject *weakreflist;
} ShapeObject;

static PyTypeObject *ShapeType, *RectangleType, *SquareType;

static double
rectangle_area(const ShapeObject *s)
{
    return s->width * s->height;
}

static PyObject *
shape_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyErr_Format(PyExc_TypeError, "Can't instantiate abstract class %s", _PyType_Name(type));
    return NULL;
}

static PyObject *
make_rectangle(PyTypeObject *type, double w, double h)
{
    ShapeObject *self = (ShapeObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->area = rectangle_area;
    self->width = w;
    self->height = h;
    return (PyObject *)self;
}

static PyObject *
rectangle_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    double w, h;
    static char *names[] = {"width", "height", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "dd:Rectangle", names, &w, &h))
        return NULL;
    return make_rectangle(type, w, h);
}

static PyObject *
square_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    double side;
    static char *names[] = {"side", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "d:Square", names, &side))
        return NULL;
    return make_rectangle(type, side, side);
}

static void
shape_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (((ShapeObject *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *
shape_area(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Shape.area() takes no arguments");
        return NULL;
    }
    const ShapeObject *s = (const ShapeObject *)self;
    return PyFloat_FromDouble(s->area(s));
}

static PyObject *
rectangle_get(PyObject *self, void *closure)
{
    return PyFloat_FromDouble(*(const double *)((const char *)self + (Py_ssize_t)closure));
}

static PyMethodDef shape_methods[] = {
    {"area", (PyCFunction)(void (*)(void))shape_area, METH_FASTCALL | METH_KEYWORDS,
     "area($self, /)\n--\n\nThe area of the shape."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef rectangle_getset[] = {
    {"width", rectangle_get, NULL, "The width.", (void *)offsetof(ShapeObject, width)},
    {"height", rectangle_get, NULL, "The height.", (void *)offsetof(ShapeObject, height)},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef shape_members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(ShapeObject, weakreflist), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot shape_slots[] = {
    {Py_tp_doc, (void *)"A shape in the plane: abstract, so Python makes only its subclasses."},
    {Py_tp_new, shape_new},
    {Py_tp_dealloc, shape_dealloc},
    {Py_tp_methods, shape_methods},
    {Py_tp_members, shape_members},
    {0, NULL},
};

static PyType_Slot rectangle_slots[] = {
    {Py_tp_doc, (void *)"Rectangle(width, height)\n--\n\nA rectangle: a Shape."},
    {Py_tp_new, rectangle_new},
    {Py_tp_getset, rectangle_getset},
    {0, NULL},
};

static PyType_Slot square_slots[] = {
    {Py_tp_doc, (void *)"Square(side)\n--\n\nA square: a Rectangle, two levels below Shape."},
    {Py_tp_new, square_new},
    {0, NULL},
};

static PyType_Spec shape_spec = {"nd_ext_c.Shape", sizeof(ShapeObject), 0,
                                 Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, shape_slots};
static PyType_Spec rectangle_spec = {"nd_ext_c.Rectangle", sizeof(ShapeObject), 0,
                                     Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, rectangle_slots};
static PyType_Spec square_spec = {"nd_ext_c.Square", sizeof(ShapeObject), 0, Py_TPFLAGS_DEFAULT, square_slots};

/* A type deriving from base (3.9's PyType_FromSpecWithBases takes only a tuple); added to m. */
static PyTypeObject *
add_derived(PyObject *m, PyType_Spec *spec, PyTypeObject *base, const char *name)
{
    PyObject *bases = base == NULL ? NULL : PyTuple_Pack(1, (PyObject *)base);
    if (base != NULL && bases == NULL)
        return NULL;
    PyTypeObject *type = (PyTypeObject *)PyType_FromSpecWithBases(spec, bases);
    Py_XDECREF(bases);
    if (type == NULL)
        return NULL;
    Py_INCREF(type);
    if (PyModule_AddObject(m, name, (PyObject *)type) < 0) {
        Py_DECREF(type);
        Py_DECREF(type);
        return NULL;
    }
    return type;
}

/* ---------------------------------------------------------------- module */

static PyMethodDef nd_ext_c_methods[] = {
    {"add_scalars", (PyCFunction)(void (*)(void))add_scalars, METH_FASTCALL,
     "add_scalars(x, y)\n--\n\n"
     "Add two 64 bit floating point numbers x and y together. Returns the sum."},
    {"sum_list", (PyCFunction)(void (*)(void))sum_list, METH_FASTCALL,
     "sum_list(xs)\n--\n\nThe sum of a sequence of floats."},
    {"make_list", (PyCFunction)(void (*)(void))make_list, METH_FASTCALL,
     "make_list(n)\n--\n\n[0.0, 1.0, ..., n - 1.0]."},
    {"bump_counts", (PyCFunction)(void (*)(void))bump_counts, METH_FASTCALL,
     "bump_counts(counts)\n--\n\nA new dict of the same keys, each value plus one."},
    {"echo_datetime", (PyCFunction)(void (*)(void))echo_datetime, METH_FASTCALL,
     "echo_datetime(when)\n--\n\n"
     "Returns when as a new datetime: a naive one as it is, an aware one in UTC."},
    {"raise_mapped", (PyCFunction)(void (*)(void))raise_value_error, METH_FASTCALL,
     "raise_mapped()\n--\n\nRaises ValueError(\"bad value\") (nd_ext: from ArgumentException)."},
    {"raise_value_error", (PyCFunction)(void (*)(void))raise_value_error, METH_FASTCALL,
     "raise_value_error()\n--\n\nRaises ValueError(\"bad value\") (nd_ext: from PyValueError)."},
    {"scaled_sum", (PyCFunction)(void (*)(void))scaled_sum, METH_FASTCALL | METH_KEYWORDS,
     "scaled_sum(*values, **scales)\n--\n\n"
     "The sum of values, multiplied by the value of each keyword argument."},
#ifndef ND_EXT_C_NO_NUMPY
    {"add_scalar_to_array", (PyCFunction)(void (*)(void))add_scalar_to_array,
     METH_FASTCALL,
     "add_scalar_to_array(scal, arr)\n--\n\n"
     "Add scal to each element of arr. Returns the sum as a new array."},
    {"add_scalar_to_array_inplace",
     (PyCFunction)(void (*)(void))add_scalar_to_array_inplace, METH_FASTCALL,
     "add_scalar_to_array_inplace(scal, arr)\n--\n\n"
     "Add scal to each element of arr, in place. Returns nothing."},
    {"axpy", (PyCFunction)(void (*)(void))axpy, METH_FASTCALL,
     "axpy(a, x, y)\n--\n\ny += a * x, contiguous 1-d float64 arrays."},
    {"dot", (PyCFunction)(void (*)(void))dot, METH_FASTCALL,
     "dot(x, y)\n--\n\nThe dot product of two contiguous 1-d float64 arrays."},
    {"poly_inplace", (PyCFunction)(void (*)(void))poly_inplace, METH_FASTCALL,
     "poly_inplace(a)\n--\n\na = ((a*0.5+1.5)*a+2.5)*a+3.5 in place (C-contiguous or 1-d float64)."},
    {"sum_squares", (PyCFunction)(void (*)(void))sum_squares, METH_FASTCALL,
     "sum_squares(a)\n--\n\nThe sum of a*a, in order (C-contiguous or 1-d float64)."},
    {"poly_foreach", (PyCFunction)(void (*)(void))poly_inplace, METH_FASTCALL,
     "poly_foreach(a)\n--\n\npoly_inplace under nd_ext's name (bench/instructions.py runs one statement on both)."},
    {"poly_span", (PyCFunction)(void (*)(void))poly_inplace, METH_FASTCALL,
     "poly_span(a)\n--\n\npoly_inplace under nd_ext's name (bench/instructions.py runs one statement on both)."},
    {"poly_vector", (PyCFunction)(void (*)(void))poly_inplace, METH_FASTCALL,
     "poly_vector(a)\n--\n\npoly_inplace under nd_ext's name (bench/instructions.py runs one statement on both)."},
    {"sumsq_foreach", (PyCFunction)(void (*)(void))sum_squares, METH_FASTCALL,
     "sumsq_foreach(a)\n--\n\nsum_squares under nd_ext's name (bench/instructions.py runs one statement on both)."},
    {"sumsq_span", (PyCFunction)(void (*)(void))sum_squares, METH_FASTCALL,
     "sumsq_span(a)\n--\n\nsum_squares under nd_ext's name (bench/instructions.py runs one statement on both)."},
    {"sumsq_vector", (PyCFunction)(void (*)(void))sum_squares, METH_FASTCALL,
     "sumsq_vector(a)\n--\n\nsum_squares under nd_ext's name (bench/instructions.py runs one statement on both)."},
#endif
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef nd_ext_c_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "nd_ext_c",
    .m_doc = "Hand-written C twin of nd_ext, the baseline for bench/bench.py.",
    .m_size = -1,
    .m_methods = nd_ext_c_methods,
};

static int
intern_names(PyObject **out, const char *const *names, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if ((out[i] = PyUnicode_InternFromString(names[i])) == NULL)
            return -1;
    return 0;
}

PyMODINIT_FUNC
PyInit_nd_ext_c(void)
{
#ifndef ND_EXT_C_NO_NUMPY
    import_array(); /* returns NULL with an ImportError set on failure */
#endif
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    if (intern_names(point_new_names, point_new_cnames, 2) < 0 ||
        intern_names(distance_names, distance_cnames, 1) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&nd_ext_c_module);
    if (m == NULL)
        return NULL;
    PointType = (PyTypeObject *)PyType_FromSpec(&point_spec);
    if (PointType == NULL) {
        Py_DECREF(m);
        return NULL;
    }
#ifndef Py_tp_vectorcall
    /* No spec slot before 3.14: set as CPython's own types (and nd_ext's PyClassBuilder) do. Calling a
       type uses it from 3.9 on; tp_new serves subclasses and Point.__new__. */
    PointType->tp_vectorcall = point_vectorcall;
#endif
    /* PyModule_AddObject, which steals the reference on success only: 3.9 has no AddObjectRef. */
    Py_INCREF(PointType);
    if (PyModule_AddObject(m, "Point", (PyObject *)PointType) < 0) {
        Py_DECREF(PointType);
        Py_DECREF(m);
        return NULL;
    }
    if ((ShapeType = add_derived(m, &shape_spec, NULL, "Shape")) == NULL ||
        (RectangleType = add_derived(m, &rectangle_spec, ShapeType, "Rectangle")) == NULL ||
        (SquareType = add_derived(m, &square_spec, RectangleType, "Square")) == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
