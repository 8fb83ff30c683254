using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation;

/// <summary>
/// Checks and prepares the modelled columns of the tables once, for every report that needs them (quality, privacy,
/// diagnostics): each column is parsed and coded in parallel, and the first bad column in metadata order is reported
/// whatever the threads did.
/// </summary>
internal static class PreparedColumns
{
    /// <summary>The modelled columns of <paramref name="metadata"/>, prepared from the tables.</summary>
    /// <exception cref="SynthDataException">A table lacks a modelled column or has no rows, a numeric cell does not
    /// parse, or the metadata has no modelled column.</exception>
    public static EvaluatedColumn[] Prepare(Table real, Table synthetic, Table? holdout, TableMetadata metadata,
        ParallelOptions options)
    {
        var modelled = metadata.Columns.Where(c => c.IsModelled).ToArray();
        Validate(real, synthetic, holdout, modelled);
        var columns = new EvaluatedColumn[modelled.Length];
        var errors = new SynthDataException?[modelled.Length];
        Parallel.For(0, modelled.Length, options, i =>
        {
            try
            {
                columns[i] = EvaluatedColumn.Prepare(real, synthetic, modelled[i], holdout);
            }
            catch (SynthDataException error)
            {
                errors[i] = error;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first) throw first;
        return columns;
    }

    private static void Validate(Table real, Table synthetic, Table? holdout, IReadOnlyList<ColumnMetadata> modelled)
    {
        if (modelled.Count == 0)
            throw new SynthDataException("The metadata has no modelled column to evaluate.", real.SourcePath,
                hint: "Identifier, text and PII columns are not evaluated; mark at least one column as numeric, datetime, categorical or boolean.");
        var tables = new List<(Table, string)> { (real, "real"), (synthetic, "synthetic") };
        if (holdout is not null) tables.Add((holdout, "holdout"));
        foreach (var (table, role) in tables)
        {
            foreach (var column in modelled)
                if (!table.HasColumn(column.Name))
                    throw new SynthDataException($"The {role} table has no column '{column.Name}', which the metadata lists.",
                        table.SourcePath, hint: $"Its columns are: {string.Join(", ", table.ColumnNames)}.", columnName: column.Name);
            if (table.RowCount == 0)
                throw new SynthDataException($"The {role} table has no rows; a report needs at least one row in each table.",
                    table.SourcePath);
        }
    }
}
