/* The floor under every NdBindgen call: the cost of entering and leaving .NET code.
 *
 * crossing <module.so> <crossing_c.so> [calls per round]: calls the module's exported `ndbindgen_pyi` (an [UnmanagedCallersOnly]
 * method that only returns a constant pointer, so the time is the reverse P/Invoke transition:
 * the thread-state switch in and out of managed code) and an empty C function in a shared
 * library loaded the same way, interleaved, and prints the median ns per call of each.
 * Built by build_c.sh; run by bench.py.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifndef LIBPYTHON
#define LIBPYTHON "libpython3.11.so.1.0"
#endif

typedef const char *(*entry_fn)(void);

/* The C contender: an empty exported function, in its own shared library (crossing_c.so). */
#ifdef CROSSING_C_LIBRARY
__attribute__((visibility("default"))) const char *empty_entry(void)
{
    static const char text[] = "";
    return text;
}
#else

static double time_calls(entry_fn f, long n)
{
    struct timespec a, b;
    const char *volatile sink;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++)
        sink = f();
    clock_gettime(CLOCK_MONOTONIC, &b);
    (void)sink;
    return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: crossing <ndbindgen module.so> <crossing_c.so> [calls per round]\n");
        return 2;
    }
    /* The module's Python imports resolve against libpython, as inside python3; the entry
     * point timed calls none of them (and Python is never initialised). */
    if (dlopen(LIBPYTHON, RTLD_NOW | RTLD_GLOBAL) == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    void *module = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (module == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    void *c = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
    if (c == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    entry_fn managed = (entry_fn)dlsym(module, "ndbindgen_pyi");
    entry_fn native = (entry_fn)dlsym(c, "empty_entry");
    if (managed == NULL || native == NULL) {
        fprintf(stderr, "dlsym: %s\n", dlerror());
        return 1;
    }
    enum { ROUNDS = 21 };
    /* Fewer calls per round (the optional third argument) for a run under callgrind. */
    const long n = argc == 4 ? atol(argv[3]) : 2000000;
    double m[ROUNDS], k[ROUNDS];
    time_calls(managed, n); /* warm up: the runtime starts on the first call */
    time_calls(native, n);
    for (int r = 0; r < ROUNDS; r++) {
        m[r] = time_calls(managed, n);
        k[r] = time_calls(native, n);
    }
    qsort(m, ROUNDS, sizeof m[0], compare);
    qsort(k, ROUNDS, sizeof k[0], compare);
    printf("%.2f %.2f\n", m[ROUNDS / 2], k[ROUNDS / 2]);
    return 0;
}
#endif
