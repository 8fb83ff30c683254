namespace SynthFixtures.Transforms.Sequences;

/// <summary>A context column of a sequence profile and why it is one.</summary>
/// <param name="Name">The column.</param>
/// <param name="Given">Named by the caller (and checked) rather than detected.</param>
/// <param name="Evidence">What the data shows: "constant within all 2 entities with more than one step (2,922 rows)".</param>
public sealed record SequenceContextColumn(string Name, bool Given, string Evidence);
