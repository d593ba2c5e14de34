using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The generated <c>__reduce__</c>: the constructor's arguments read back from their properties, the settable
/// properties the constructor does not set as state; the runtime's PyReduce makes the tuple pickle and copy use.
/// </summary>
internal static partial class ClassEmitter
{
    private const string ReduceSignature = $"Reduce({Object} self, {Object}* args, nint nargsf, {Object} kwnames)";

    private static void EmitReduce(SourceWriter w, ClassModel c)
    {
        if (c.Python.Pickle is not { } pickle) return;
        w.Line();
        if (pickle.Refusal is { } why)
        {
            EntryPoint.Emit(w, Object, ReduceSignature,
                () => w.Line($"return {R.PyReduce}.Refuse(self, {SourceWriter.Literal(why)});"));
            return;
        }
        string names = string.Join(", ", pickle.State.Select(p => SourceWriter.Literal(p.PythonName)));
        string keywords = pickle.KeywordNames.Length == 0 ? ""
            : $", keywords: [{string.Join(", ", pickle.KeywordNames.Select(SourceWriter.Literal))}]";
        w.Line($"private static readonly {R.PyPickling} s_pickling = new({pickle.Args.Length}, "
            + $"[{names}], userGetState: {Bool(pickle.UserGetState)}{keywords});");
        w.Line();
        EntryPoint.Emit(w, Object, ReduceSignature, () =>
        {
            w.Line($"var reduce = new {R.PyReduce}(self, nargsf, kwnames, s_pickling);");
            w.Open("try");
            if (pickle.Args.Length + pickle.Keywords.Length > 0 || (pickle.State.Length > 0 && !pickle.UserGetState))
                w.Line($"{c.FullType} value = {Self(c)};");
            for (int i = 0; i < pickle.Args.Length; i++) EmitReduceItem(w, "Arg", i, pickle.Args[i]);
            for (int i = 0; i < pickle.Keywords.Length; i++) EmitReduceItem(w, "Keyword", i, pickle.Keywords[i]);
            if (!pickle.UserGetState)
            {
                for (int i = 0; i < pickle.State.Length; i++) EmitReduceItem(w, "State", i, pickle.State[i]);
            }
            w.Line($"return reduce.Finish({c.FullType}.__NdBindgenPythonType);");
            w.Close();
            w.Open("finally");
            w.Line("reduce.Dispose();");
            w.Close();
        });
    }

    /// <summary>One property's value, converted as its getter converts it, handed to the reduce builder.</summary>
    private static void EmitReduceItem(SourceWriter w, string add, int i, PropertyModel p)
    {
        TypeModel t = p.Type;
        string member = $"value.{FunctionEmitter.Identifier(p.CSharpName)}";
        if (!t.AcceptsNone)
        {
            w.Line($"reduce.{add}({i}, {t.ToPython}({member}));");
            return;
        }
        string local = $"{add.ToLowerInvariant()}{i}";
        w.Line($"{t.CSharpType} {local} = {member};");
        w.Line($"reduce.{add}({i}, {local} is null ? {R.Args}.None() : "
            + $"{t.ToPython}({local}{(t.IsNullableValueType ? ".Value" : "")}));");
    }
}
