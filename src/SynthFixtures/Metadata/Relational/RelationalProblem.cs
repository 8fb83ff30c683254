namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// One thing wrong with relational metadata, with the JSON path of the value at fault (<c>$.foreignKeys[2].parentTable</c>),
/// so the JSON reader can point at its line and column while code-built metadata reports the same words without one.
/// </summary>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Hint">What to do about it.</param>
/// <param name="Path">Where it is in the relational metadata JSON.</param>
internal sealed record RelationalProblem(string Message, string Hint, string Path);
