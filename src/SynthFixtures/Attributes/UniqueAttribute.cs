namespace SynthFixtures;

/// <summary>No two objects of one generation run share this property's value (redrawn on collision).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class UniqueAttribute : Attribute;
