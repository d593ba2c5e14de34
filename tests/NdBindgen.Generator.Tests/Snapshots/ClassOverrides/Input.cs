using System.Collections.Generic;
using NdBindgen;

namespace Zoo;

/// <summary>An animal a Python subclass may specialise.</summary>
[PyClass]
public partial class Animal
{
    public Animal(string name) => Name = name;

    [PyProperty] public string Name { get; set; }

    /// <summary>What it says: a Python subclass's override is what C# calls see.</summary>
    [PyMethod] public virtual string Speak(int times) => "...";

    /// <summary>Returns nothing; a list argument and an optional one.</summary>
    [PyMethod] public virtual void Feed(List<double> food, Animal? giver = null) { }

    /// <summary>Two C# overloads under one Python name, both overridable.</summary>
    [PyMethod] public virtual string Greet(string whom) => whom;

    [PyMethod] public virtual string Greet(long a, long b) => "";

    /// <summary>Not virtual: no override from Python is seen by C#.</summary>
    [PyMethod] public string Kind() => "animal";
}

/// <summary>Sealed: nothing to override, no generated subclass.</summary>
[PyClass]
public sealed partial class Rock
{
    [PyMethod] public string Speak(int times) => "";
}
