using SynthFixtures.Data;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Small integer codes for the categories of one column across the real and the synthetic table, so that metrics count
/// into arrays instead of hashing strings per pair. Code 0 is a missing cell; categories are compared after
/// <see cref="CellText.Normalize"/> and numbered from 1 in order of first appearance, real rows first.
/// </summary>
internal sealed class CategoryCodes
{
    /// <summary>The code of a missing cell.</summary>
    public const int Missing = 0;

    private CategoryCodes(int[] real, int[] synthetic, int count, int[]? holdout, string[] labels)
    {
        Labels = labels;
        Holdout = holdout;
        Real = real;
        Synthetic = synthetic;
        Count = count;
    }

    /// <summary>Codes of the real cells.</summary>
    public int[] Real { get; }

    /// <summary>Codes of the synthetic cells.</summary>
    public int[] Synthetic { get; }

    /// <summary>The category text of each code (index 0, the missing code, is empty).</summary>
    public string[] Labels { get; }

    /// <summary>Codes of the holdout cells, when a holdout was given.</summary>
    public int[]? Holdout { get; }

    /// <summary>Number of distinct codes, the missing code included (codes are 0 … Count − 1).</summary>
    public int Count { get; }

    /// <summary>Codes both columns (and the holdout's, if given) against one shared dictionary of categories.</summary>
    public static CategoryCodes Create(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic, IReadOnlyList<string?>? holdout = null)
    {
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var realCodes = Encode(real, dictionary);
        var syntheticCodes = Encode(synthetic, dictionary);
        var holdoutCodes = holdout is null ? null : Encode(holdout, dictionary);
        var labels = new string[dictionary.Count + 1];
        labels[Missing] = "";
        foreach (var (text, code) in dictionary) labels[code] = text;
        return new CategoryCodes(realCodes, syntheticCodes, dictionary.Count + 1, holdoutCodes, labels);
    }

    private static int[] Encode(IReadOnlyList<string?> cells, Dictionary<string, int> dictionary)
    {
        // Looked up by the trimmed span, so no string is allocated per cell; the key is the same text that
        // CellText.Normalize gives (it trims), allocated once per new category.
        var lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        var codes = new int[cells.Count];
        for (var row = 0; row < codes.Length; row++)
        {
            var cell = cells[row];
            if (cell is null) continue; // Missing = 0
            if (!lookup.TryGetValue(cell.AsSpan().Trim(), out var code))
            {
                code = dictionary.Count + 1;
                dictionary.Add(CellText.Normalize(cell), code);
            }
            codes[row] = code;
        }
        return codes;
    }
}
