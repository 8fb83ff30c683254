using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Given;

/// <summary>
/// The generated columns (keys, placeholder text, personal data) of a sample drawn for given rows: sample row r's cells
/// come from block r / 1,024 of stream <c>given-generated:&lt;name&gt;</c> (<see cref="GeneratedColumnBlocks"/>), so a
/// row's cells depend only on its number and a given table split on any row gives the cells of the whole.
/// </summary>
internal static class GivenGeneratedColumns
{
    /// <summary>One cell array per spec, for rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="count"/> − 1.</summary>
    public static string?[][] Generate(IReadOnlyList<GeneratedColumnSpec> specs, SynthRandom root, long firstRow, int count, ParallelOptions parallel) =>
        GeneratedColumnBlocks.Generate(specs, specs.Select(s => root.Derive("given-generated:" + s.Name)).ToList(), firstRow, count, 0, parallel);
}
