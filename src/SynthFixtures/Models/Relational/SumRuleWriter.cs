using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Computes a <see cref="ChildSumRule"/>'s column from the generated children, in decimal arithmetic so the sum of
/// cents is exact, and writes it as the source wrote the column (its decimal places).
/// </summary>
internal static class SumRuleWriter
{
    public static void Apply(ChildSumRule rule, int keyIndex, string?[][] childCells, string?[][] parentCells, int parentRows,
        RelationalMetadata metadata, IReadOnlyDictionary<int, int[]> parentRowOf)
    {
        var child = metadata.Table(rule.Key.ChildTable);
        var parent = metadata.Table(rule.Key.ParentTable);
        var factors = rule.Factors.Select(f => childCells[IndexOf(child, f)]).ToArray();
        var sums = new decimal[parentRows];
        var owners = parentRowOf[keyIndex];
        for (var row = 0; row < owners.Length; row++)
        {
            if (owners[row] < 0) continue;
            var product = 1m;
            var complete = true;
            foreach (var factor in factors)
            {
                if (factor[row] is { } cell && decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) product *= value;
                else complete = false;
            }
            // A child with a missing factor adds nothing, as SUM skips a NULL product.
            if (complete) sums[owners[row]] += product;
        }
        var column = parent.Profile?.Find(rule.Column);
        var places = column switch
        {
            { Kind: ColumnKind.Integer } => 0,
            { DecimalPlaces: { } p } => p,
            _ => (int?)null,
        };
        var cells = new string?[parentRows];
        for (var i = 0; i < parentRows; i++)
            cells[i] = places is { } digits
                ? decimal.Round(sums[i], digits, MidpointRounding.AwayFromZero).ToString("F" + digits, CultureInfo.InvariantCulture)
                : sums[i].ToString(CultureInfo.InvariantCulture);
        parentCells[IndexOf(parent, rule.Column)] = cells;
    }

    private static int IndexOf(RelationalTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
            if (table.Columns[i].Name == column) return i;
        throw new SynthDataException($"The sum rule names '{table.Name}.{column}', which is not a column.", hint: "Fix the sum rule in the relational metadata.");
    }
}
