using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>Fits a <see cref="GaussianCopulaModel"/> to a table: marginals per column, then the correlation of normal scores.</summary>
public static class GaussianCopulaFitter
{
    /// <summary>Fewest non-point-mass values worth a continuous fit; fewer are folded into the point masses.</summary>
    private const int MinimumContinuousValues = 5;

    /// <summary>Learns the table. Same table, metadata and options ⇒ the same model, bit for bit.</summary>
    /// <param name="table">Training rows.</param>
    /// <param name="metadata">Column kinds (from the profiler, possibly edited); every column must exist in <paramref name="table"/>.</param>
    /// <param name="options">Seed and marginal settings.</param>
    /// <param name="progress">Receives one line per fitted column.</param>
    /// <param name="cancellationToken">Stops the fit between columns.</param>
    /// <exception cref="SynthDataException">The table is empty, lacks a column, or a cell does not parse as its column's kind.</exception>
    public static GaussianCopulaModel Fit(Table table, TableMetadata metadata, GaussianCopulaOptions? options = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= new GaussianCopulaOptions();
        if (table.RowCount == 0)
            throw new SynthDataException("The table has no rows to learn from.", table.SourcePath, hint: "Give a CSV with a header and at least one data row.");
        var root = new SynthRandom(options.Seed);
        var copulaColumns = new List<CopulaColumn>();
        var scores = new List<double[]>();
        var generated = new List<GeneratedColumnSpec>();
        var categoryCodes = new Dictionary<CategoricalCopulaColumn, int[]>();
        var missingTokens = new string?[metadata.Columns.Count];
        for (var i = 0; i < metadata.Columns.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = metadata.Columns[i];
            var tableIndex = table.IndexOf(column.Name);
            missingTokens[i] = table.MissingTokens[tableIndex];
            var random = root.Derive("fit:" + column.Name);
            if (!column.IsModelled)
            {
                generated.Add(GeneratedColumnFitter.Fit(table, tableIndex, column));
                progress?.Report($"{column.Name}: generated ({(column.Pii != PiiKind.None ? "personal data, faked" : column.Kind.ToString().ToLowerInvariant())})");
                continue;
            }
            var fitted = column.IsNumeric
                ? FitNumeric(table, tableIndex, column, i, options, random, scores, categoryCodes)
                : FitCategorical(table.Column(tableIndex), column, i, random, scores, categoryCodes);
            copulaColumns.Add(fitted);
            progress?.Report($"{column.Name}: {fitted.Describe()}");
        }
        CategoryOrdering.Apply(copulaColumns, scores, categoryCodes, root.Derive("category-order"));
        var correlation = CorrelationEstimator.Estimate(scores.ToArray());
        var provenance = ModelProvenance.Of(table, options.Seed);
        return new GaussianCopulaModel(metadata, options, copulaColumns.ToArray(), correlation, generated.ToArray(), missingTokens, provenance);
    }

    private static CopulaColumn FitNumeric(Table table, int tableIndex, ColumnMetadata column, int sourceIndex,
        GaussianCopulaOptions options, SynthRandom random, List<double[]> scores, Dictionary<CategoricalCopulaColumn, int[]> categoryCodes)
    {
        var values = ColumnValues.ToDoubles(table, tableIndex, column);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length == 0)
            return FitCategorical(values.Select(_ => (string?)null).ToArray(), column, sourceIndex, random, scores, categoryCodes);
        Array.Sort(present);
        var (marginal, note) = FitMarginal(present, column, options, random);
        var missing = 1 - present.Length / (double)values.Length;
        var result = new NumericCopulaColumn(column, sourceIndex, marginal, missing) { FitNote = note };

        var valueScores = new double[values.Length];
        var missingScores = result.HasMissingDimension ? new double[values.Length] : null;
        var present01 = 1 - missing;
        for (var row = 0; row < values.Length; row++)
        {
            var x = values[row];
            // The missingness dimension: present rows fall in [0, 1 − m), missing rows in [1 − m, 1).
            if (missingScores is not null)
                missingScores[row] = StandardNormal.InverseCdf(double.IsNaN(x)
                    ? present01 + missing * random.NextOpenDouble()
                    : present01 * random.NextOpenDouble());
            valueScores[row] = double.IsNaN(x) ? double.NaN : StandardNormal.InverseCdf(marginal.Encode(x, random));
        }
        scores.Add(valueScores);
        if (missingScores is not null) scores.Add(missingScores);
        return result;
    }

    private static (MixedMarginal Marginal, string? Note) FitMarginal(double[] sorted, ColumnMetadata column, GaussianCopulaOptions options, SynthRandom random)
    {
        var threshold = Math.Max(options.AtomMinimumCount, options.AtomMinimumFraction * sorted.Length);
        var atoms = new List<(double Value, int Count)>();
        var rest = new List<double>(sorted.Length);
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            if (end - start >= threshold) atoms.Add((sorted[start], end - start));
            else for (var k = start; k < end; k++) rest.Add(sorted[k]);
            start = end;
        }
        ContinuousMarginal? continuous = null;
        string? note = null;
        var distinctRest = rest.Count == 0 ? 0 : 1 + Enumerable.Range(1, rest.Count - 1).Count(k => rest[k] != rest[k - 1]);
        if (rest.Count >= MinimumContinuousValues && distinctRest >= 2)
        {
            (continuous, note) = SelectContinuous(rest.ToArray(), options, random);
        }
        else if (atoms.Count == 0 && sorted[0] == sorted[^1])
        {
            // One distinct value (a single row, a single non-missing cell, a constant column): nothing to fit, so the
            // value itself is the distribution.
            atoms.Add((sorted[0], sorted.Length));
            note = $"fallback: {Plural(sorted.Length, "value")}, all equal, so a point mass";
        }
        else if (atoms.Count == 0)
        {
            // Too few values for any fitted family: a uniform over the observed range stands in for them.
            continuous = UniformMarginal.Fit(sorted);
            note = $"fallback: only {Plural(sorted.Length, "value")}, too few to fit a family, so uniform over the observed range";
        }
        var atomMass = continuous is null ? atoms.Sum(a => a.Count) : sorted.Length;
        var marginal = new MixedMarginal(
            atoms.Select(a => a.Value).ToArray(),
            atoms.Select(a => a.Count / (double)atomMass).ToArray(),
            continuous, sorted[0], sorted[^1]);
        return (marginal, note);
    }

    // Selection drops families that fail to fit; should every candidate fail in some unforeseen way, the uniform (which
    // needs only two distinct values) still gives a usable model, and the note says so.
    private static (ContinuousMarginal, string?) SelectContinuous(double[] values, GaussianCopulaOptions options, SynthRandom random)
    {
        try
        {
            return (MarginalSelector.Select(values, random.Derive("marginal"), new MarginalFitOptions { Families = options.MarginalFamilies }).Marginal, null);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            return (UniformMarginal.Fit(values), $"fallback: no family could be fitted ({e.Message.TrimEnd('.')}), so uniform over the observed range");
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static CategoricalCopulaColumn FitCategorical(IReadOnlyList<string?> cells, ColumnMetadata column, int sourceIndex,
        SynthRandom random, List<double[]> scores, Dictionary<CategoricalCopulaColumn, int[]> categoryCodes)
    {
        // Group by the trimmed label but keep the source's own spelling (the most frequent one) for output.
        var groups = new Dictionary<string, (int Count, Dictionary<string, int> Spellings)>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                missing++;
                continue;
            }
            var key = CellText.Normalize(cell);
            if (!groups.TryGetValue(key, out var group)) group = (0, new Dictionary<string, int>(StringComparer.Ordinal));
            group.Spellings[cell] = group.Spellings.GetValueOrDefault(cell) + 1;
            groups[key] = (group.Count + 1, group.Spellings);
        }
        // Most frequent first, ties by label, missing last: a stable order that does not depend on row order.
        var ordered = groups
            .OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: (string?)g.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key, g.Value.Count))
            .ToList();
        if (missing > 0) ordered.Add((null, missing));
        var total = (double)cells.Count;
        var result = new CategoricalCopulaColumn(column, sourceIndex,
            ordered.Select(o => o.Label).ToArray(), ordered.Select(o => o.Count / total).ToArray());

        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < ordered.Count; k++)
            if (ordered[k].Label is { } label) codeOf[CellText.Normalize(label)] = k;
        var missingCode = ordered.Count - 1;
        var z = new double[cells.Count];
        var codes = new int[cells.Count];
        for (var row = 0; row < z.Length; row++)
        {
            var code = cells[row] is { } cell ? codeOf[CellText.Normalize(cell)] : missingCode;
            codes[row] = code;
            z[row] = StandardNormal.InverseCdf(result.Encode(code, random));
        }
        scores.Add(z);
        categoryCodes[result] = codes;
        return result;
    }
}
