namespace SynthFixtures.Modeling;

/// <summary>What a <see cref="SamplingService"/> run wrote; the file is complete.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="OutputPath">The full path of the file written.</param>
/// <param name="Bytes">Its size.</param>
public sealed record SamplingResult(int Rows, string OutputPath, long Bytes);
