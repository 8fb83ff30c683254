namespace SynthFixtures.Transforms.Sequences;

/// <summary>A place where an entity on a regular index skips steps.</summary>
/// <param name="Entity">The entity columns' cells.</param>
/// <param name="After">The index value of the step before the gap (seconds since 0001-01-01 for a datetime index).</param>
/// <param name="MissingSteps">How many steps of the regular size are missing before the next step.</param>
/// <param name="Line">The source line of the step before the gap, when the table knows its lines.</param>
public sealed record SequenceIndexGap(IReadOnlyList<string> Entity, double After, long MissingSteps, int? Line);
