using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>The few C library calls NdBindgen makes (sys/mman.h, unistd.h, poll.h).</summary>
internal static unsafe class Libc
{
    internal const int MADV_HUGEPAGE = 14;

    /// <summary>A hint: back this range with transparent huge pages where the system allows (as numpy's allocator asks).</summary>
    [DllImport("libc", ExactSpelling = true)]
    internal static extern int madvise(void* address, nuint length, int advice);

    internal const int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    internal const short POLLIN = 1;
    internal const int EINTR = 4;

    [DllImport("libc", ExactSpelling = true, SetLastError = true)]
    internal static extern int pipe2(int* fds, int flags);

    [DllImport("libc", ExactSpelling = true, SetLastError = true)]
    internal static extern nint read(int fd, void* buffer, nuint count);

    [DllImport("libc", ExactSpelling = true, SetLastError = true)]
    internal static extern nint write(int fd, void* buffer, nuint count);

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd   // struct pollfd
    {
        public int fd;
        public short events;
        public short revents;
    }

    [DllImport("libc", ExactSpelling = true, SetLastError = true)]
    internal static extern int poll(PollFd* fds, nuint count, int timeoutMs);
}
