using SynthFixtures.Data;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Given;

/// <summary>
/// Writes the given cells over the drawn rows, in the form the model writes that column: a numeric column as its
/// parsed value (so it is formatted like every sampled number), a categorical column as the model's own spelling of
/// the label (a label the model never saw is kept as given), a generated column as the given text.
/// </summary>
internal static class GivenCells
{
    public static SampledTable Fix(SampledTable drawn, GivenRows given)
    {
        if (drawn.RowCount != given.RowCount)
            throw new InvalidOperationException($"The model drew {drawn.RowCount} rows for {given.RowCount} given rows.");
        var table = drawn;
        foreach (var column in given.Columns)
            table = table.WithColumn(column.MetadataIndex, Fixed(drawn.Columns[column.MetadataIndex], column));
        return table;
    }

    private static SampledColumn Fixed(SampledColumn drawn, GivenColumn given)
    {
        if (drawn.Numbers is not null && given.Numbers is { } numbers)
            return new SampledColumn(drawn.Metadata, drawn.MissingToken, numbers: (double[])numbers.Clone());
        if (drawn.Codes is not null && drawn.Categories is { } known)
        {
            var categories = known.ToList();
            var codes = new int[given.Cells.Count];
            var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var missingCode = -1;
            for (var k = 0; k < categories.Count; k++)
            {
                if (categories[k] is { } label) codeOf.TryAdd(CellText.Normalize(label), k);
                else if (missingCode < 0) missingCode = k;
            }
            for (var row = 0; row < codes.Length; row++)
            {
                var cell = given.Cells[row];
                if (cell is null)
                {
                    if (missingCode < 0)
                    {
                        missingCode = categories.Count;
                        categories.Add(null);
                    }
                    codes[row] = missingCode;
                }
                else
                {
                    var key = CellText.Normalize(cell);
                    if (!codeOf.TryGetValue(key, out var code))
                    {
                        code = categories.Count;
                        categories.Add(cell);
                        codeOf[key] = code;
                    }
                    codes[row] = code;
                }
            }
            return new SampledColumn(drawn.Metadata, drawn.MissingToken, codes: codes, categories: categories);
        }
        return new SampledColumn(drawn.Metadata, drawn.MissingToken, texts: given.Cells.ToArray());
    }
}
