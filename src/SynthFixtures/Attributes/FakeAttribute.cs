namespace SynthFixtures;

/// <summary>
/// Values from a Bogus dataset method, named as <c>"Dataset.Method"</c> (e.g. <c>"Name.FullName"</c>,
/// <c>"Address.City"</c>, <c>"Internet.Email"</c>). Resolved at compile time to a direct call; the method must take no
/// required arguments and return the property's type. Drawn from a Bogus randomizer seeded from the synthesizer's seed.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FakeAttribute : Attribute
{
    /// <summary>The dataset path.</summary>
    public FakeAttribute(string path) => Path = path;

    /// <summary>The dataset path.</summary>
    public string Path { get; }
}
