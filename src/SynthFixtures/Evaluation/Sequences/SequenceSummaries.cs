using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// One row per entity describing its whole sequence, for the detection classifier and the DCR: the length; the index's
/// start and mean step; per numeric step column its mean, standard deviation, lag-1 autocorrelation, first and last
/// value; per categorical step column the share of its steps in each of the ten most frequent real categories (and in
/// all others together); and the context columns as they are. Built as tables with their own metadata, so the
/// single-table detection and privacy metrics run on them unchanged.
/// </summary>
internal static class SequenceSummaries
{
    private const int MaxCategories = 10;

    /// <summary>The summary tables of every side present, and their metadata.</summary>
    public static (Table Real, Table Synthetic, Table? Holdout, TableMetadata Metadata) Build(SequenceSides sides,
        IReadOnlyList<EvaluatedColumn> stepColumns, IReadOnlyList<EvaluatedColumn> contextColumns, EvaluatedColumn? index)
    {
        var features = new List<(ColumnMetadata Column, Func<SequenceSide, string?[]> Cells)>();
        void Numeric(string name, Func<SequenceSide, double[]> values) =>
            features.Add((new ColumnMetadata { Name = name, Kind = ColumnKind.Decimal }, side => values(side).Select(Cell).ToArray()));

        Numeric("length", side => sides.Set(side).Entities.Select(e => (double)e.Length).ToArray());
        if (index is not null)
        {
            Numeric($"{index.Metadata.Name}:start", side => sides.FirstValues(index, side));
            Numeric($"{index.Metadata.Name}:mean step", side => sides.EntityValues(index, side).Select(MeanStep).ToArray());
        }
        foreach (var column in stepColumns)
        {
            var name = column.Metadata.Name;
            if (column.IsNumeric)
            {
                Numeric($"{name}:mean", side => sides.EntityValues(column, side).Select(Mean).ToArray());
                Numeric($"{name}:sd", side => sides.EntityValues(column, side).Select(StandardDeviation).ToArray());
                Numeric($"{name}:acf1", side => sides.EntityValues(column, side).Select(v => Autocorrelation.At(v, 1) ?? double.NaN).ToArray());
                Numeric($"{name}:first", side => sides.EntityValues(column, side).Select(v => v.FirstOrDefault(x => !double.IsNaN(x), double.NaN)).ToArray());
                Numeric($"{name}:last", side => sides.EntityValues(column, side).Select(v => v.LastOrDefault(x => !double.IsNaN(x), double.NaN)).ToArray());
                continue;
            }
            var ranked = SequenceSides.Codes(column, SequenceSide.Real).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => g.Key).ToArray();
            var kept = ranked.Take(MaxCategories).ToArray();
            foreach (var code in kept)
            {
                var label = code == CategoryCodes.Missing ? "(missing)" : column.Labels![code];
                Numeric($"{name}:share {label}", side => sides.EntityCodes(column, side).Select(c => Share(c, x => x == code)).ToArray());
            }
            if (column.CodeCount > kept.Length)
                Numeric($"{name}:share (other)", side => sides.EntityCodes(column, side).Select(c => Share(c, x => !kept.Contains(x))).ToArray());
        }
        foreach (var column in contextColumns)
        {
            if (column.IsNumeric)
            {
                Numeric(column.Metadata.Name, side => sides.FirstValues(column, side));
                continue;
            }
            features.Add((column.Metadata with { Evidence = null }, side => sides.FirstCodes(column, side)
                .Select(code => code == CategoryCodes.Missing ? null : column.Labels![code]).ToArray()));
        }

        var names = features.Select(f => f.Column.Name).ToArray();
        Table Of(SequenceSide side) => new(names, features.Select(f => f.Cells(side)).ToArray());
        var metadata = new TableMetadata { Columns = features.Select(f => f.Column).ToArray() };
        return (Of(SequenceSide.Real), Of(SequenceSide.Synthetic), sides.Holdout is null ? null : Of(SequenceSide.Holdout), metadata);
    }

    private static string? Cell(double value) => double.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);

    private static double Mean(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        return present.Length == 0 ? double.NaN : present.Average();
    }

    private static double StandardDeviation(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length < 2) return double.NaN;
        var mean = present.Average();
        return Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
    }

    private static double MeanStep(double[] values)
    {
        var steps = StepChanges.Differences([values]);
        return steps.Length == 0 ? double.NaN : steps.Average();
    }

    private static double Share(int[] codes, Func<int, bool> match) => codes.Length == 0 ? double.NaN : codes.Count(match) / (double)codes.Length;
}
