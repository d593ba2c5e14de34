using NdBindgen;

namespace NdTestModule;

/// <summary>A beast whose virtual methods a Python subclass may override, as C# calls see them.</summary>
[PyClass]
public partial class Beast
{
    /// <param name="name">What the animal is called.</param>
    public Beast(string name = "animal") => Name = name;

    /// <summary>The animal's name.</summary>
    [PyProperty]
    public string Name { get; set; }

    /// <summary>What the animal says, <paramref name="times"/> times (none below 0, at most 100).</summary>
    [PyMethod]
    public virtual string Speak(int times) => string.Join(" ", Enumerable.Repeat("...", Math.Clamp(times, 0, 100)));

    /// <summary>How much of <paramref name="food"/> the animal eats, given how hungry it is.</summary>
    [PyMethod]
    public virtual double Eat(List<double> food, double? hunger = null) => food.Sum() * (hunger ?? 1.0);

    /// <summary>Meets another animal (None: nobody).</summary>
    [PyMethod]
    public virtual string Meet(Beast? other) => $"{Name} meets {other?.Name ?? "nobody"}";

    /// <summary>Records that the animal slept; returns nothing.</summary>
    [PyMethod]
    public virtual void Sleep(long hours) => Slept += hours;

    /// <summary>Hours slept through the C# implementation of sleep.</summary>
    [PyProperty]
    public long Slept { get; set; }

    /// <summary>What the animal fetches when thrown <paramref name="thing"/> (any object): nothing, in C#.</summary>
    [PyMethod]
    public virtual PyRef? Fetch(PyRef thing) => null;

    /// <summary>A method with two C# overloads under one Python name.</summary>
    [PyMethod]
    public virtual string Greet(string whom) => $"hello {whom}";

    /// <summary>The other overload, of two.</summary>
    [PyMethod]
    public virtual string Greet(long a, long b) => $"hello {a} and {b}";

    /// <summary>Not virtual: Python subclasses may define it, C# never sees theirs.</summary>
    [PyMethod]
    public string Kind() => "animal";

    /// <summary>How many legs the animal has (the GIL token is passed on to an override, not to Python).</summary>
    [PyMethod]
    public virtual long Legs(Python py) => 4;
}

/// <summary>A sealed class: its virtual-looking methods (there are none) can have no Python override.</summary>
[PyClass]
public sealed partial class Stone
{
    /// <summary>What a rock says.</summary>
    [PyMethod]
    public string Speak(int times) => "";
}

/// <summary>C# callers of Beast's virtual methods: what a Python override is for.</summary>
public static class Zoo
{
    /// <summary>animal.Speak(times), called from C#.</summary>
    [PyFunction]
    public static string ZooSpeak(Beast animal, int times) => animal.Speak(times);

    /// <summary>animal.Speak(1) called <paramref name="n"/> times from C#: the benchmark of a C# call of an override.</summary>
    [PyFunction]
    public static long ZooSpeakMany(Beast animal, long n)
    {
        long total = 0;
        for (long i = 0; i < n; i++) total += animal.Speak(1).Length;
        return total;
    }

    /// <summary>animal.Eat(food, hunger) from C#.</summary>
    [PyFunction]
    public static double ZooEat(Beast animal, List<double> food, double? hunger = null) => animal.Eat(food, hunger);

    /// <summary>animal.Meet(other) from C#.</summary>
    [PyFunction]
    public static string ZooMeet(Beast animal, Beast? other) => animal.Meet(other);

    /// <summary>animal.Sleep(hours) from C#.</summary>
    [PyFunction]
    public static void ZooSleep(Beast animal, long hours) => animal.Sleep(hours);

    /// <summary>
    /// Whether animal.Fetch(thing), called from C#, gives back thing itself; the result's reference belongs to
    /// the scope, thing's is released here.
    /// </summary>
    [PyFunction]
    public static unsafe bool ZooFetchSame(Python py, Beast animal, PyRef thing)
    {
        try
        {
            using PyScope scope = py.Scope();
            return animal.Fetch(thing) is { } got && got.Handle == thing.Handle;
        }
        finally
        {
            thing.Dispose();
        }
    }

    /// <summary>Both overloads of animal.Greet from C#, joined with '|'.</summary>
    [PyFunction]
    public static string ZooGreet(Beast animal) => animal.Greet("you") + "|" + animal.Greet(1, 2);

    /// <summary>animal.Kind() from C#: never a Python override (not virtual).</summary>
    [PyFunction]
    public static string ZooKind(Beast animal) => animal.Kind();

    /// <summary>animal.Legs(py) from C#.</summary>
    [PyFunction]
    public static long ZooLegs(Python py, Beast animal) => animal.Legs(py);

    /// <summary>
    /// animal.Speak(times) from a new .NET thread that does not hold the GIL (this call releases it while it
    /// waits); a Python exception there comes back as its message.
    /// </summary>
    [PyFunction]
    public static string ZooSpeakFromThread(Python py, Beast animal, int times)
    {
        string result = "";
        py.AllowThreads(animal, a =>
        {
            var thread = new Thread(() =>
            {
                try
                {
                    result = a.Speak(times);
                }
                catch (PythonException e)
                {
                    result = $"{e.PythonTypeName}: {e.Message}";
                }
            });
            thread.Start();
            thread.Join();
        });
        return result;
    }

    /// <summary>Whether animal's C# object is the generated subclass (a Python subclass's instance).</summary>
    [PyFunction]
    public static string ZooCSharpType(Beast animal) => animal.GetType().Name;
}
