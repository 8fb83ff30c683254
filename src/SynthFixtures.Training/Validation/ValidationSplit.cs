using SynthFixtures.Data;
using SynthFixtures.Randomness;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// Splits off early stopping's validation rows: round(fraction · rows) rows drawn uniformly without replacement from
/// stream <c>validation</c> of the training seed (not <c>holdout</c>: a holdout split with the same seed is a
/// different draw). Both parts keep the table's order, missing tokens and source lines.
/// </summary>
internal static class ValidationSplit
{
    /// <exception cref="SynthDataException">Either part would be empty.</exception>
    public static (Table Training, Table Validation) Split(Table table, double fraction, long seed)
    {
        var count = (int)Math.Round(fraction * table.RowCount, MidpointRounding.AwayFromZero);
        if (count == 0 || count >= table.RowCount)
            throw new SynthDataException($"Early stopping's validation share {fraction} of {table.RowCount} rows leaves {(count == 0 ? "no validation rows" : "no training rows")}.",
                table.SourcePath, hint: "Use a larger table, or another ValidationFraction (CLI: --validation-fraction).");
        var random = new SynthRandom(seed).Derive("validation");
        var index = Enumerable.Range(0, table.RowCount).ToArray();
        var held = new bool[table.RowCount];
        for (var i = 0; i < count; i++)
        {
            // A partial Fisher–Yates shuffle: the first count slots end up a uniform sample without replacement.
            var j = i + random.NextInt(index.Length - i);
            (index[i], index[j]) = (index[j], index[i]);
            held[index[i]] = true;
        }
        return (HoldoutSplit.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => !held[r]).ToArray()),
            HoldoutSplit.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => held[r]).ToArray()));
    }
}
