namespace SynthFixtures.Metadata.Sequences;

/// <summary>What orders an entity's steps.</summary>
public enum SequenceIndexKind
{
    /// <summary>No index column: the steps are in the file's row order.</summary>
    RowOrder,

    /// <summary>An integer column (a step number, a year).</summary>
    Integer,

    /// <summary>A datetime column.</summary>
    DateTime,
}
