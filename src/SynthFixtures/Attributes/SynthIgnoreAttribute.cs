namespace SynthFixtures;

/// <summary>Leaves this property at its initializer's value: the generator neither sets nor checks it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthIgnoreAttribute : Attribute;
