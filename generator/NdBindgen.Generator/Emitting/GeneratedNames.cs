namespace NdBindgen.Generator.Emitting;

/// <summary>Names generated code uses in more than one emitter.</summary>
internal static class GeneratedNames
{
    public const string Namespace = "NdBindgen.Generated";
    public const string ModuleClass = "PythonModule";

    public static string SignatureField(string wrapperName) => "s_" + wrapperName;
}
