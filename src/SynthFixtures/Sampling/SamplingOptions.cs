namespace SynthFixtures.Sampling;

/// <summary>How a sample is drawn. None of these change which rows come out for a seed.</summary>
public sealed record SamplingOptions
{
    /// <summary>Threads to use; results are identical for any value. <c>null</c>: all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// When conditions must be checked row by row, at most this many candidate rows are drawn per requested row
    /// (and at least <see cref="MinimumCandidates"/>) before the conditions are declared too rare.
    /// </summary>
    public int CandidatesPerRow { get; init; } = 50;

    /// <summary>The smallest candidate budget, so a request for a few rows still tries hard enough.</summary>
    public int MinimumCandidates { get; init; } = 100_000;

    /// <summary>
    /// Number of the first row for generated keys (sequences, prefixed codes): a caller that samples in batches passes
    /// the rows it already has, so keys stay unique across batches. For <see cref="Models.SynthModel.SampleGiven"/> it is
    /// also the number of the first given row, which picks each row's random stream: a given table sampled in pieces,
    /// each with the rows before it here, gives the rows of the whole.
    /// </summary>
    public long FirstRowNumber { get; init; }

    /// <summary>
    /// Rows per chunk when a sample is streamed (<see cref="Models.SynthModel.SampleChunks"/>), rounded up to whole blocks
    /// of 1,024 rows. Bounds the memory a streamed sample holds; the rows do not depend on it.
    /// </summary>
    public int ChunkRows { get; init; } = 8_192;
}
