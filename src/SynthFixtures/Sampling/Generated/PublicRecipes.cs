using SynthFixtures.Metadata;

namespace SynthFixtures.Sampling.Generated;

/// <summary>
/// Recipes for the columns a model generates rather than learns (keys, free text, personal data) that read nothing
/// from the data: a sequence from 1, lorem words, fakes. A differentially private model uses them, since the fitted
/// recipes (<see cref="GeneratedColumnFitter"/>) measure lengths, word counts and missing rates from the raw rows.
/// </summary>
public static class PublicRecipes
{
    /// <summary>The recipe for <paramref name="column"/> (not modelled: a key, text, or personal data).</summary>
    public static GeneratedColumnSpec For(ColumnMetadata column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column switch
        {
            { Pii: not PiiKind.None } => new GeneratedColumnSpec { Name = column.Name, Generator = GeneratorKind.Fake, Pii = column.Pii },
            { Kind: ColumnKind.Text } => new GeneratedColumnSpec
            {
                Name = column.Name, Generator = GeneratorKind.Lorem, WordCountQuantiles = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12],
            },
            _ => new GeneratedColumnSpec { Name = column.Name, Generator = GeneratorKind.Sequence, Start = 1 },
        };
    }
}
