namespace SynthFixtures.Sampling;

/// <summary>
/// One sample being drawn, chunk by chunk. A model opens it with everything that does not depend on the chunk size
/// (condition plan, random streams, candidate budget) and then hands out the rows in order: block b of the model's
/// rows always comes from stream <c>Derive(b)</c> and generated columns continue their own streams, so any split
/// into chunks gives exactly the rows of one whole sample.
/// </summary>
internal abstract class SampleCursor
{
    /// <summary>Rows per independently seeded block; every model kind draws its rows in blocks of this size.</summary>
    public const int BlockSize = 1024;

    private readonly CancellationToken _cancellationToken;

    protected SampleCursor(int rows, SamplingOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(options);
        Rows = rows;
        Options = options;
        _cancellationToken = cancellationToken;
        Parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
    }

    /// <summary>Rows the whole sample has.</summary>
    public int Rows { get; }

    /// <summary>Rows handed out so far.</summary>
    public int Produced { get; private set; }

    /// <summary>Rows still to come.</summary>
    public int Remaining => Rows - Produced;

    /// <summary>How the sample is drawn.</summary>
    protected SamplingOptions Options { get; }

    /// <summary>Threads and cancellation for the parallel loops.</summary>
    protected ParallelOptions Parallel { get; }

    /// <summary>Number of the first row of the whole sample, for generated keys.</summary>
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
        var table = Draw(count, Produced);
        Produced += count;
        return table;
    }

    /// <summary>
    /// Candidate rows checked and accepted so far when rows are checked one by one; <c>null</c> when every row drawn is
    /// kept (conditions met in closed form, or none).
    /// </summary>
    public virtual (long Examined, long Accepted)? Candidates => null;

    /// <summary>Draws the rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="count"/> − 1 of the sample.</summary>
    protected abstract SampledTable Draw(int count, int firstRow);
}
