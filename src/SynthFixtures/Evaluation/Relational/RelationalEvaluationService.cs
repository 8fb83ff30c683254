using System.Reflection;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Evaluation.Relational;

/// <summary>
/// The multi-table evaluate use case: a synthetic database against the real one it was learned from. The real
/// database's metadata (tables, keys) governs; the synthetic database must hold the same tables and columns, and any it
/// lacks are listed as not scored, with the reason. See <see cref="RelationalQualityReport"/> for what is measured.
/// </summary>
public static class RelationalEvaluationService
{
    /// <summary>Evaluates <paramref name="synthetic"/> against <paramref name="real"/>.</summary>
    /// <param name="real">The real database (its metadata declares the keys).</param>
    /// <param name="synthetic">The generated database.</param>
    /// <param name="options">Seed, names and caps; the defaults when <c>null</c>.</param>
    /// <param name="ct">Stops the evaluation (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="SynthDataException">A table's profile does not fit its real rows, a synthetic column contradicts
    /// its kind, or nothing in the two databases could be scored.</exception>
    public static RelationalQualityReport Evaluate(RelationalDataset real, RelationalDataset synthetic,
        RelationalEvaluationOptions? options = null, CancellationToken ct = default) =>
        Evaluate(real, synthetic, options, progress: null, ct);

    /// <summary>As the other overload, reporting a line per stage to <paramref name="progress"/>.</summary>
    /// <param name="real">The real database (its metadata declares the keys).</param>
    /// <param name="synthetic">The generated database.</param>
    /// <param name="options">Seed, names and caps; the defaults when <c>null</c>.</param>
    /// <param name="progress">Receives a line per stage, or <c>null</c>.</param>
    /// <param name="ct">Stops the evaluation (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="SynthDataException">As the other overload.</exception>
    public static RelationalQualityReport Evaluate(RelationalDataset real, RelationalDataset synthetic,
        RelationalEvaluationOptions? options, IProgress<string>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        options ??= new RelationalEvaluationOptions();
        options.Check();
        var metadata = real.Metadata;
        var parallel = new ParallelOptions { CancellationToken = ct };
        var realTables = real.Tables.ToDictionary(t => t.Table.Name, t => t.Rows, StringComparer.Ordinal);
        var syntheticTables = synthetic.Tables.ToDictionary(t => t.Table.Name, t => t.Rows, StringComparer.Ordinal);
        var timings = new StageTimings(ct);

        var prepared = timings.Time("tables", () => metadata.Tables.Select(table =>
        {
            ct.ThrowIfCancellationRequested();
            var result = TableQualityEvaluator.Evaluate(table, metadata, realTables[table.Name],
                syntheticTables.GetValueOrDefault(table.Name), parallel);
            progress?.Report(result.Result.Quality is { } q
                ? $"{table.Name}: quality {q.Overall:F4} {QualityHeadline.Coverage(q)}"
                : $"{table.Name}: not scored ({result.Result.SkipReason})");
            return result;
        }).ToDictionary(p => p.Result.Table, StringComparer.Ordinal));

        var syntheticDiagnostics = timings.Time("diagnostics", () => KeyDiagnostics.Evaluate(metadata, syntheticTables, options.ListedValues));
        var realDiagnostics = KeyDiagnostics.Evaluate(metadata, realTables, options.ListedValues);
        progress?.Report($"Referential integrity {syntheticDiagnostics.IntegrityShare:P2}, key uniqueness {syntheticDiagnostics.UniquenessScore:F4}");

        var relationships = timings.Time("relationships", () => metadata.ForeignKeys.Select(key =>
        {
            ct.ThrowIfCancellationRequested();
            var relationship = Relationship(key, prepared, realTables, syntheticTables, options, parallel);
            progress?.Report(relationship.Cardinality is { } c
                ? $"{key}: cardinality {c.Score:F4}, parent–child trends {(relationship.Trends?.Score is { } t ? t.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "n/a")}"
                : $"{key}: not evaluated ({relationship.SkipReason})");
            return relationship;
        }).ToArray());

        var tables = metadata.Tables.Select(t => prepared[t.Name].Result).ToArray();
        var tableQuality = MeanOrNull(tables.Select(t => t.Quality?.Overall));
        var cardinality = MeanOrNull(relationships.Select(r => r.Cardinality?.Score));
        var trends = MeanOrNull(relationships.Select(r => r.Trends?.Score));
        var overall = MeanOrNull([tableQuality, cardinality, trends])
            ?? throw new SynthDataException("Nothing in the two databases could be scored: no table has a learned column with rows on both sides, and no foreign key could be compared.",
                hint: "Check that the synthetic database holds the real one's tables, with rows.");
        progress?.Report($"Overall {overall:F4}");
        return new RelationalQualityReport
        {
            Overall = overall, TableQuality = tableQuality, Cardinality = cardinality, ParentChildTrends = trends,
            Tables = tables, Relationships = relationships, Synthetic = syntheticDiagnostics, Real = realDiagnostics,
            Audit = new RelationalAudit(options.RealName, options.SyntheticName, real.RowCount, synthetic.RowCount, options.Seed,
                typeof(RelationalEvaluationService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                timings.Stages),
        };
    }

    private static RelationshipQuality Relationship(ForeignKey key, IReadOnlyDictionary<string, PreparedTable> prepared,
        IReadOnlyDictionary<string, Table> realTables, IReadOnlyDictionary<string, Table> syntheticTables,
        RelationalEvaluationOptions options, ParallelOptions parallel)
    {
        RelationshipQuality Skip(string reason) => new() { Key = key, SkipReason = reason };
        foreach (var (tableName, columns) in new[] { (key.ParentTable, key.ParentColumns), (key.ChildTable, key.ChildColumns) })
        {
            if (!realTables.TryGetValue(tableName, out var realTable)) return Skip($"the real database has no table '{tableName}'");
            if (!syntheticTables.TryGetValue(tableName, out var syntheticTable)) return Skip($"the synthetic database has no table '{tableName}'");
            if (!KeyValues.Has(realTable, columns)) return Skip($"the real table '{tableName}' lacks a key column ({string.Join(", ", columns)})");
            if (!KeyValues.Has(syntheticTable, columns)) return Skip($"the synthetic table '{tableName}' lacks a key column ({string.Join(", ", columns)})");
        }
        if (realTables[key.ParentTable].RowCount == 0) return Skip($"the real table '{key.ParentTable}' has no rows");
        var real = (ParentKeys.Of(realTables[key.ParentTable], key.ParentColumns), realTables[key.ChildTable]);
        var synthetic = (ParentKeys.Of(syntheticTables[key.ParentTable], key.ParentColumns), syntheticTables[key.ChildTable]);
        return new RelationshipQuality
        {
            Key = key,
            Cardinality = CardinalityEvaluator.Compute(key, real, synthetic),
            Trends = ParentChildTrendEvaluator.Evaluate(key, prepared[key.ParentTable], prepared[key.ChildTable], real, synthetic, options, parallel),
        };
    }

    private static double? MeanOrNull(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToArray();
        return present.Length == 0 ? null : present.Average();
    }
}
