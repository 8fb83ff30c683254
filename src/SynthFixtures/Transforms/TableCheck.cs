using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms;

/// <summary>
/// Settles the metadata of a table read for training or evaluation and checks every cell against it (see
/// <see cref="CellChecker"/>): the one step both use, so both read a CSV the same way.
/// </summary>
public static class TableCheck
{
    /// <summary>
    /// The table and metadata to train or evaluate with: <paramref name="given"/> checked against <paramref name="table"/>
    /// (columns, and kinds against the values), or the profiler's metadata when none was given; then each cell that does not
    /// parse as its column's kind is read as missing and listed (or, under <see cref="BadCellPolicy.Reject"/>, is an error).
    /// </summary>
    /// <exception cref="SynthDataException"><paramref name="given"/> does not fit <paramref name="table"/> (a column set differs, a kind
    /// contradicts the values), or a cell does not parse under <see cref="BadCellPolicy.Reject"/>.</exception>
    public static CheckedTable Prepare(TableMetadata? given, Table table, BadCellPolicy policy = BadCellPolicy.TreatAsMissing)
    {
        ArgumentNullException.ThrowIfNull(table);
        var metadata = MetadataValidator.CheckedOrProfiled(given, table);
        var (cleaned, issues) = CellChecker.Check(table, metadata, policy, given is null ? "profile" : "metadata");
        return new CheckedTable(cleaned, metadata, issues);
    }

    /// <summary>
    /// Checks another table (synthetic rows, a holdout) against metadata already settled: columns must match, kinds must fit
    /// the values, and unparseable cells are handled as <see cref="Prepare"/> does.
    /// </summary>
    /// <exception cref="SynthDataException">The table does not fit <paramref name="metadata"/>.</exception>
    public static CheckedTable Conform(TableMetadata metadata, Table table, BadCellPolicy policy = BadCellPolicy.TreatAsMissing)
    {
        MetadataValidator.CheckAgainst(metadata, table);
        var (cleaned, issues) = CellChecker.Check(table, metadata, policy, "metadata");
        return new CheckedTable(cleaned, metadata, issues);
    }

    /// <summary>
    /// For a differentially private fit: every cell of a column <paramref name="metadata"/> describes that does not parse as
    /// the column's kind, read as missing, however many, with no error and no listing (a labelled column keeps whatever
    /// labels it has). Nothing this returns or throws depends on a row.
    /// </summary>
    /// <exception cref="SynthDataException">The metadata names a column the table lacks (the header is public).</exception>
    public static Table ConformPrivately(TableMetadata metadata, Table table)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(table);
        return CellChecker.ReadUnparseableAsMissing(table, metadata);
    }
}
