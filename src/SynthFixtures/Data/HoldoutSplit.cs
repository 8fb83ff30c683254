using SynthFixtures.Randomness;

namespace SynthFixtures.Data;

/// <summary>
/// A seeded split of a table into training rows and holdout rows (rows a model never sees, for privacy and utility
/// metrics). The split depends only on the row count, the fraction and the seed, so training and evaluation that split
/// with the same fraction and seed pick the same rows. Both parts keep the file's row order, its
/// missing-value tokens and source lines (errors still point at the original file).
/// </summary>
public static class HoldoutSplit
{
    /// <summary>Splits off round(<paramref name="fraction"/> · rows) holdout rows, chosen uniformly with <paramref name="seed"/>.</summary>
    /// <exception cref="SynthDataException">The fraction is not in (0, 1), or either part would be empty.</exception>
    public static (Table Training, Table Holdout) Split(Table table, double fraction, long seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(fraction > 0 && fraction < 1))
            throw new SynthDataException($"The holdout fraction {fraction} is not between 0 and 1 (exclusive).",
                hint: "Give the share of rows to keep out of training, e.g. 0.2 for 20 %.") { Settings = [SettingNames.HoldoutFraction] };
        var holdoutCount = (int)Math.Round(fraction * table.RowCount, MidpointRounding.AwayFromZero);
        if (holdoutCount == 0 || holdoutCount == table.RowCount)
            throw new SynthDataException($"A holdout fraction of {fraction} of {table.RowCount} rows leaves one side empty.",
                table.SourcePath, hint: "Use a larger table or a fraction that leaves rows on both sides.") { Settings = [SettingNames.HoldoutFraction] };
        var inHoldout = new bool[table.RowCount];
        // A partial Fisher–Yates shuffle draws the holdout rows uniformly without replacement.
        var random = new SynthRandom(seed).Derive("holdout");
        var index = Enumerable.Range(0, table.RowCount).ToArray();
        for (var i = 0; i < holdoutCount; i++)
        {
            var j = i + random.NextInt(index.Length - i);
            (index[i], index[j]) = (index[j], index[i]);
            inHoldout[index[i]] = true;
        }
        var training = Enumerable.Range(0, table.RowCount).Where(r => !inHoldout[r]).ToArray();
        var holdout = Enumerable.Range(0, table.RowCount).Where(r => inHoldout[r]).ToArray();
        return (Rows(table, training), Rows(table, holdout));
    }

    /// <summary>The given rows of <paramref name="table"/>, in the given order.</summary>
    public static Table Rows(Table table, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = new string?[table.ColumnCount][];
        for (var c = 0; c < columns.Length; c++)
        {
            var source = table.Column(c);
            columns[c] = rows.Select(r => source[r]).ToArray();
        }
        var lines = table.RowCount > 0 && table.SourceLine(0) is not null ? rows.Select(r => table.SourceLine(r)!.Value).ToArray() : null;
        return new Table(table.ColumnNames, columns, table.MissingTokens, table.SourcePath, lines);
    }
}
