using System.Globalization;
using SynthFixtures.Data;

namespace SynthFixtures.Models.Relational;

/// <summary>When a child's cell counts as a copy of its parent's: two missing cells are equal, numbers equal by value (0.99 = 0.990), other text after trimming.</summary>
internal static class SameCell
{
    /// <summary>A form of the cell that is equal for equal cells.</summary>
    public static string Canonical(string? cell)
    {
        if (cell is null) return "\u0000";
        var text = CellText.Normalize(cell);
        // Dividing by one with 28 places drops trailing zeros, so 0.990 and 0.99 meet.
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? "#" + (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>Whether two cells are equal in the sense above.</summary>
    public static bool Equal(string? a, string? b) => Canonical(a) == Canonical(b);
}
