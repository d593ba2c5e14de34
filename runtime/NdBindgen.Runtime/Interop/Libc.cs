using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>The few C library calls NdBindgen makes (sys/mman.h).</summary>
internal static unsafe class Libc
{
    internal const int MADV_HUGEPAGE = 14;

    /// <summary>A hint: back this range with transparent huge pages where the system allows (as numpy's allocator asks).</summary>
    [DllImport("libc", ExactSpelling = true)]
    internal static extern int madvise(void* address, nuint length, int advice);
}
