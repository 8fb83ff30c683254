using SynthFixtures.Data;

namespace SynthFixtures.Metadata;

/// <summary>Checks that metadata and a CSV describe the same columns before they are used together.</summary>
public static class MetadataValidator
{
    /// <summary>
    /// The metadata to use for <paramref name="table"/>: <paramref name="given"/> once checked against it, or the
    /// profiler's when none was given. Training and evaluation both start here.
    /// </summary>
    /// <exception cref="SynthDataException"><paramref name="given"/> does not fit <paramref name="table"/>.</exception>
    public static TableMetadata CheckedOrProfiled(TableMetadata? given, Table table)
    {
        if (given is null) return TableProfiler.Profile(table);
        CheckAgainst(given, table);
        return given;
    }

    /// <summary>
    /// Throws when <paramref name="metadata"/> names a column <paramref name="table"/> lacks, or the table has a column the
    /// metadata does not describe. Columns are matched by exact name; their order does not matter.
    /// </summary>
    /// <exception cref="SynthDataException">The column sets differ; the message lists every difference.</exception>
    public static void CheckAgainst(TableMetadata metadata, Table table)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(table);
        var notInCsv = metadata.Columns.Where(c => !table.HasColumn(c.Name)).Select(c => c.Name).ToArray();
        var notInMetadata = table.ColumnNames.Where(n => metadata.Find(n) is null).ToArray();
        if (notInCsv.Length == 0 && notInMetadata.Length == 0) return;

        var problems = new List<string>();
        if (notInCsv.Length > 0) problems.Add($"the metadata names {Quote(notInCsv)}, which the CSV does not have");
        if (notInMetadata.Length > 0) problems.Add($"the CSV has {Quote(notInMetadata)}, which the metadata does not describe");
        int? field = notInMetadata.Length > 0 ? table.IndexOf(notInMetadata[0]) + 1 : null;
        throw new SynthDataException(
            $"The metadata and the CSV disagree: {string.Join("; and ", problems)}.",
            table.SourcePath, table.SourcePath is null ? null : 1, field,
            "Column names must match the CSV header exactly (case and spaces count). Rename the columns in one of them, " +
            "or profile the CSV again to regenerate the metadata.",
            notInMetadata.FirstOrDefault() ?? notInCsv.FirstOrDefault());
    }

    private static string Quote(string[] names) =>
        (names.Length == 1 ? "column " : "columns ") + string.Join(", ", names.Select(n => $"'{n}'"));
}
