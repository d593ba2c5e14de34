using System.Runtime.InteropServices;
using System.Threading;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// Lets code running without the GIL notice Ctrl-C. Python's own SIGINT handler only sets a flag
/// that is read with the GIL held, on the main thread, so a kernel that released the GIL would
/// run to its end before KeyboardInterrupt. Python's C handler also writes the number of every
/// signal it catches to the wakeup fd (<c>signal.set_wakeup_fd</c>): the runtime sets that fd to a
/// pipe of its own and a background thread reads it, raising <see cref="Pending"/> on SIGINT.
/// Python's handler is untouched, so Python still raises KeyboardInterrupt itself. A wakeup fd set
/// before ours (another module, a program) keeps every byte: the watcher writes them on to it.
/// </summary>
internal static unsafe class Interrupts
{
    private const int SIGINT = 2;

    private static int s_pending;     // 1 from a SIGINT until the main thread runs Python code again
    private static int s_watching;    // 0 until the first Watch (under the GIL)
    private static int s_read = -1, s_write = -1, s_forward = -1;

    /// <summary>True from a Ctrl-C (SIGINT that reached Python's handler) until the main thread runs Python code again. No GIL needed.</summary>
    internal static bool Pending => Volatile.Read(ref s_pending) != 0;

    /// <summary>Starts watching, once per process; the GIL must be held. Does nothing if Python is finalizing.</summary>
    internal static void Watch()
    {
        if (s_watching != 0) return;
        s_watching = 1;
        int* fds = stackalloc int[2];
        // Non-blocking both ends: Python's handler must never block on a full pipe; the watcher polls.
        if (Libc.pipe2(fds, Libc.O_NONBLOCK | Libc.O_CLOEXEC) != 0) return;
        s_read = fds[0];
        s_write = fds[1];
        // From another thread, the main thread sets it from its eval loop, soon.
        if (!TrySetWakeupFd()) Py_AddPendingCall(&SetWakeupFdLater, null);
        var watcher = new Thread(Run) { IsBackground = true, Name = "NdBindgen SIGINT watcher" };
        watcher.UnsafeStart();
    }

    /// <summary><c>signal.set_wakeup_fd(our pipe)</c>, keeping the previous fd to forward to; false off the main thread.</summary>
    private static bool TrySetWakeupFd()
    {
        Python py = Python.AssumeGilHeld();
        try
        {
            using PyRef signal = py.Import("signal");
            using PyRef previous = signal.CallMethod(py, "set_wakeup_fd", py.From((long)s_write));
            s_forward = (int)previous.ToInt64(py);
            return true;
        }
        catch (PythonException)
        {
            return false;   // ValueError: not the main thread (the error was fetched, so it is cleared)
        }
    }

    [UnmanagedCallersOnly]
    private static int SetWakeupFdLater(void* arg)
    {
        if (ForkGuard.Forked) return 0;   // a forked child: .NET is left alone
        try
        {
            TrySetWakeupFd();
        }
        catch
        {
            // Nothing may escape into CPython; without the fd, kernels just do not stop early.
        }
        return 0;
    }

    private static void Run()
    {
        byte* buffer = stackalloc byte[64];
        var poll = new Libc.PollFd { fd = s_read, events = Libc.POLLIN };
        while (true)
        {
            if (Libc.poll(&poll, 1, -1) < 0 && Marshal.GetLastPInvokeError() != Libc.EINTR) return;
            nint n = Libc.read(s_read, buffer, 64);
            if (n <= 0) continue;
            for (int i = 0; i < n; i++)
            {
                if (buffer[i] == SIGINT) Raise();
            }
            if (s_forward >= 0) Libc.write(s_forward, buffer, (nuint)n);
        }
    }

    /// <summary>Marks an interrupt pending until the main thread's eval loop runs our pending call (after Python handled the signal).</summary>
    internal static void Raise()
    {
        Volatile.Write(ref s_pending, 1);
        Py_AddPendingCall(&Clear, null);   // callable from any thread, without the GIL
    }

    [UnmanagedCallersOnly]
    private static int Clear(void* arg)
    {
        Volatile.Write(ref s_pending, 0);
        return 0;
    }

    /// <summary>Clears the flag (tests).</summary>
    internal static void Reset() => Volatile.Write(ref s_pending, 0);
}
