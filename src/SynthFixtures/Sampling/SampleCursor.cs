namespace SynthFixtures.Sampling;

/// <summary>
/// One sample being drawn, chunk by chunk. A model opens it with everything that does not depend on the chunk size
/// (condition plan, random streams, candidate budget) and then hands out the rows in order: block b of the model's
/// rows always comes from stream <c>Derive(b)</c> and generated columns' block b from their own streams'
/// <c>Derive(b)</c>, so any split into chunks gives exactly the rows of one whole sample. A cursor may start at a later
/// block (<see cref="StartRow"/>): without row checks its rows are then exactly those rows of the whole sample.
/// </summary>
internal abstract class SampleCursor
{
    /// <summary>Rows per independently seeded block; every model kind draws its rows in blocks of this size.</summary>
    public const int BlockSize = 1024;

    private readonly CancellationToken _cancellationToken;

    protected SampleCursor(long startRow, long rows, SamplingOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startRow);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (startRow % BlockSize != 0) throw new ArgumentException($"A sample can only start on a block boundary (a multiple of {BlockSize} rows).", nameof(startRow));
        StartRow = startRow;
        Rows = rows;
        Options = options;
        _cancellationToken = cancellationToken;
        Parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
    }

    /// <summary>The sample row this cursor starts at (0 for a whole sample; a multiple of <see cref="BlockSize"/>).</summary>
    public long StartRow { get; }

    /// <summary>Rows this cursor hands out.</summary>
    public long Rows { get; }

    /// <summary>Rows handed out so far.</summary>
    public long Produced { get; private set; }

    /// <summary>Rows still to come.</summary>
    public long Remaining => Rows - Produced;

    /// <summary>
    /// Whether rows are checked one by one against conditions: the rows kept then depend on every candidate before
    /// them, so such a sample cannot start anywhere but at its first row.
    /// </summary>
    public abstract bool ChecksRows { get; }

    /// <summary>How the sample is drawn.</summary>
    protected SamplingOptions Options { get; }

    /// <summary>Threads and cancellation for the parallel loops.</summary>
    protected ParallelOptions Parallel { get; }

    /// <summary>Number of the sample's first row, for generated keys.</summary>
    protected long FirstRowNumber => Options.FirstRowNumber;

    /// <summary>The candidate budget of the whole sample when rows must be checked one by one.</summary>
    protected long CandidateBudget => ConditionErrors.Budget(Options, Rows);

    /// <summary>
    /// The next <paramref name="count"/> rows. Every chunk but the last must be a whole number of blocks, so that
    /// each chunk starts on a block boundary.
    /// </summary>
    public SampledTable Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Remaining);
        if (count < Remaining && count % BlockSize != 0)
            throw new ArgumentException($"Every chunk but the last must hold a multiple of {BlockSize} rows.", nameof(count));
        _cancellationToken.ThrowIfCancellationRequested();
        var table = Draw(count, StartRow + Produced);
        Produced += count;
        return table;
    }

    /// <summary>
    /// Candidate rows checked and accepted so far when rows are checked one by one; <c>null</c> when every row drawn is
    /// kept (conditions met in closed form, or none).
    /// </summary>
    public virtual (long Examined, long Accepted)? Candidates => null;

    /// <summary>
    /// Draws the sample rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="count"/> − 1
    /// (<paramref name="firstRow"/> counts from the sample's first row, not the cursor's, and is on a block boundary).
    /// </summary>
    protected abstract SampledTable Draw(int count, long firstRow);
}
