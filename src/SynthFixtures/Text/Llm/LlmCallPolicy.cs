namespace SynthFixtures.Text.Llm;

/// <summary>How LLM calls are made: rows per batch, calls at once, retries with exponential backoff, a timeout per call.</summary>
public sealed record LlmCallPolicy
{
    /// <summary>Rows whose calls are made together; the budget is checked between batches, so a batch in flight finishes.</summary>
    public int BatchRows { get; init; } = 16;

    /// <summary>Calls in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Attempts per call (the first and its retries) for transient errors: rate limits (429), server errors (5xx), timeouts.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry; each further retry waits twice as long, with seeded jitter (50–100 %).</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call may take before it counts as a (transient) timeout.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Refuses values that cannot work.</summary>
    /// <exception cref="SynthDataException">A count below one or a non-positive time.</exception>
    public void Check()
    {
        if (BatchRows < 1) throw new SynthDataException($"The LLM batch must hold at least 1 row, not {BatchRows}.", hint: "E.g. 16 rows per batch.");
        if (Concurrency < 1) throw new SynthDataException($"The LLM concurrency must be at least 1, not {Concurrency}.", hint: "E.g. 4 calls at once.");
        if (MaxAttempts < 1) throw new SynthDataException($"An LLM call needs at least 1 attempt, not {MaxAttempts}.", hint: "E.g. 5 attempts.");
        if (CallTimeout <= TimeSpan.Zero) throw new SynthDataException($"The LLM call timeout must be positive, not {CallTimeout}.", hint: "E.g. 60 seconds.");
        if (FirstBackoff < TimeSpan.Zero || MaxBackoff < FirstBackoff)
            throw new SynthDataException("The LLM retry backoff must be zero or more and at most its maximum.", hint: "E.g. 1 s first, 30 s at most.");
    }
}
