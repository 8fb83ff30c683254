using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// One cell of a sampled column converted to what a bound property holds, whichever way the column stores it (numbers,
/// label codes or texts): what <see cref="LearnedRows"/> and <see cref="LearnedSequences"/> read with.
/// </summary>
internal static class SampledCells
{
    public static bool IsMissing(SampledColumn c, int row)
    {
        if (c.Numbers is { } n) return double.IsNaN(n[row]);
        if (c.Codes is { } codes) return c.Categories![codes[row]] is null;
        return c.Texts![row] is null;
    }

    /// <summary>A number (integers, decimals; datetimes as seconds since 0001-01-01).</summary>
    public static double Number(SampledColumn c, int row)
    {
        if (c.Numbers is { } n) return n[row];
        var text = Text(c, row) ?? throw Missing(c);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number, from a numeric column or a generated key such as a sequence.</summary>
    public static long Integer(SampledColumn c, int row)
    {
        if (c.Numbers is { } n) return checked((long)Math.Round(n[row]));
        var text = Text(c, row) ?? throw Missing(c);
        return long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>The cell as text: a label without its padding, generated text, or a number as the column writes it; <c>null</c> when missing.</summary>
    public static string? Text(SampledColumn c, int row)
    {
        if (c.Texts is { } texts) return texts[row];
        if (c.Codes is { } codes) return c.Categories![codes[row]] is { } label ? CellText.Normalize(label) : null;
        var value = c.Numbers![row];
        return double.IsNaN(value) ? null : ColumnValues.Format(value, c.Metadata);
    }

    /// <summary>A yes/no value from a boolean column's tokens (true/false, yes/no, y/n, t/f, 1/0).</summary>
    public static bool Boolean(SampledColumn c, int row)
    {
        var text = Text(c, row) ?? throw Missing(c);
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "t" or "1": return true;
            case "false" or "no" or "n" or "f" or "0": return false;
            default:
                throw new SynthDataException($"'{text}' in column '{c.Metadata.Name}' is not a yes/no value.",
                    hint: "Bind the column to a string or an enum instead of a bool.");
        }
    }

    public static SynthDataException Missing(SampledColumn c) =>
        new($"Column '{c.Metadata.Name}' has no value in this row.", hint: "Check IsMissing first (the bound property should be nullable).");
}
