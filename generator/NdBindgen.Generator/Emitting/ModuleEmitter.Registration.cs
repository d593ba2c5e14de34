using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

internal static partial class ModuleEmitter
{
    /// <summary>
    /// Where each class's Register is called: in the module's or its submodule's table, base classes first
    /// (PyType_FromSpecWithBases needs the base's type). A class whose base is registered later — in a submodule,
    /// or a later submodule — is registered at the end of Populate, when every submodule exists.
    /// </summary>
    private sealed record ClassOrder(
        List<string> Module,
        Dictionary<string, List<string>> Submodules,
        List<(string ModuleLocal, string Register)> Late);

    private static ClassOrder OrderClasses(ModuleModel m)
    {
        var registered = new HashSet<string>();
        var late = new List<(string ModuleLocal, ClassExportModel Class)>();
        List<string> Place(IEnumerable<ClassExportModel> classes, string local)
        {
            var now = new List<string>();
            foreach (ClassExportModel c in BasesFirst(classes))
            {
                if (c.Base is null || registered.Contains(c.Base.WrapperClass))
                {
                    registered.Add(c.WrapperClass);
                    now.Add(c.WrapperClass + ".Register");
                }
                else
                {
                    late.Add((local, c));
                }
            }
            return now;
        }
        List<string> module = Place(m.Classes, "module");
        var submodules = new Dictionary<string, List<string>>();
        foreach (SubmoduleModel s in m.Submodules) submodules[s.Name] = Place(s.Classes, "sub_" + s.Name);
        var ordered = new List<(string, string)>();
        while (late.Count > 0)
        {
            // Those whose base is registered by now; if none is (a base that failed to generate), the rest as is.
            var ready = late.Where(x => registered.Contains(x.Class.Base!.WrapperClass)).ToList();
            if (ready.Count == 0) ready = late.ToList();
            foreach (var x in ready)
            {
                late.Remove(x);
                registered.Add(x.Class.WrapperClass);
                ordered.Add((x.ModuleLocal, x.Class.WrapperClass + ".Register"));
            }
        }
        return new ClassOrder(module, submodules, ordered);
    }

    /// <summary>The classes in their order, each moved after its base when the base is among them.</summary>
    private static IEnumerable<ClassExportModel> BasesFirst(IEnumerable<ClassExportModel> classes)
    {
        var list = classes.ToList();
        var byWrapper = list.ToDictionary(c => c.WrapperClass);
        var done = new HashSet<string>();
        var result = new List<ClassExportModel>();
        void Visit(ClassExportModel c)
        {
            if (!done.Add(c.WrapperClass)) return;
            if (c.Base is { } b && byWrapper.TryGetValue(b.WrapperClass, out ClassExportModel? baseClass))
                Visit(baseClass);
            result.Add(c);
        }
        foreach (ClassExportModel c in list) Visit(c);
        return result;
    }

    private static void EmitLateRegistrations(SourceWriter w, ClassOrder order)
    {
        if (order.Late.Count == 0) return;
        w.Line("// Classes whose base lives in a submodule made above: registered once it exists.");
        foreach (var (local, register) in order.Late) w.Line($"{register}({local});");
    }
}
