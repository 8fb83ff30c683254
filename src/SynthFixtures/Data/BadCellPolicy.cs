namespace SynthFixtures.Data;

/// <summary>What to do with a cell that does not parse as its column's kind (see <see cref="CsvReadOptions.BadCells"/>).</summary>
public enum BadCellPolicy
{
    /// <summary>Read it as a missing value and report it (line, column, value) with the result.</summary>
    TreatAsMissing,
    /// <summary>Stop with an error naming the first such cell's line and column.</summary>
    Reject,
}
