using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Transforms;

/// <summary>
/// A table ready for training or evaluation: its metadata (given and checked, or profiled), the cells that did not
/// parse as their column's kind read as missing, and those cells listed so the caller can report them.
/// </summary>
/// <param name="Table">The rows, with unparseable cells replaced by missing values.</param>
/// <param name="Metadata">The metadata the rows were checked against.</param>
/// <param name="Issues">Every cell read as missing because it did not parse, in column then row order.</param>
public sealed record CheckedTable(Table Table, TableMetadata Metadata, IReadOnlyList<CellIssue> Issues);
