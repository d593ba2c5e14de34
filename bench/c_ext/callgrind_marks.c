/*
 * callgrind_marks: the window bench/instructions.py counts in. Loaded with ctypes (no CPython API,
 * so one build serves every interpreter); under callgrind run with --collect-atstart=no, only what
 * runs between mark_begin() and mark_end(name) is counted, and each mark_end dumps that window's
 * count to its own file (callgrind.out.<pid>.<n>, "desc: Trigger: Client Request: <name>").
 * Outside callgrind the client requests are a few no-op instructions.
 */
#include <valgrind/callgrind.h>

/* Under --instr-atstart=no the interpreter's start and its imports run uninstrumented (several
   times faster under valgrind); counting needs instrumentation on, from here to the end. */
void
mark_instrument(void)
{
    CALLGRIND_START_INSTRUMENTATION;
}

void
mark_begin(void)
{
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
}

void
mark_end(const char *name)
{
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT(name);
}
