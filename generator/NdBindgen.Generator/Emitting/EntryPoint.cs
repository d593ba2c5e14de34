using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The frame of every function Python calls: <c>[UnmanagedCallersOnly]</c>, the fork check (a load
/// and a branch: <c>ForkGuard</c> refuses calls in a forked child), and a try whose catch
/// turns any exception into a Python error (one escaping would kill the process), returning NULL
/// (<c>PyErrors.Raise</c>) or -1 (<c>PyErrors.RaiseStatus</c>) as the C signature wants. The
/// call's mark in <c>CallArrays</c> is read first and ended in a finally: arrays the call made and did
/// not return are released when it returns, thrown or not.
/// </summary>
internal static class EntryPoint
{
    public const string Object = "PyObject*";

    /// <param name="returnType"><see cref="Object"/>, or a status ("int", "nint") for which -1 means an error.</param>
    /// <param name="signature">The name and parameters: "Repr(PyObject* self)".</param>
    /// <param name="prologue">A statement before the try (reading the signature field).</param>
    /// <param name="translate">A runtime function the exception goes through first.</param>
    public static void Emit(SourceWriter w, string returnType, string signature, System.Action body,
        string? prologue = null, bool skipLocalsInit = false, string? translate = null)
    {
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        if (skipLocalsInit) w.Line("[global::System.Runtime.CompilerServices.SkipLocalsInit]");
        w.Open($"private static {returnType} {signature}");
        // First, before anything that could allocate on the .NET heap: .NET cannot run in a forked child.
        string refuse = returnType == Object ? ".Raise()" : ".RaiseStatus()";
        w.Line($"if ({RuntimeNames.ForkGuard}.Forked) return {RuntimeNames.ForkGuard}{refuse};");
        if (prologue is not null) w.Line(prologue);
        w.Line($"ulong arraysMark = {RuntimeNames.CallArrays}.Mark;");
        w.Open("try");
        body();
        w.Close();
        w.Open("catch (global::System.Exception e)");
        string raise = returnType == Object ? RuntimeNames.Raise : RuntimeNames.RaiseStatus;
        w.Line($"return {raise}({(translate is null ? "e" : translate + "(e)")});");
        w.Close();
        w.Open("finally");
        w.Line($"{RuntimeNames.CallArrays}.End(arraysMark);");
        w.Close();
        w.Close();
    }
}
