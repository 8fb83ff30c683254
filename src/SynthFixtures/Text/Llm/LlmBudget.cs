namespace SynthFixtures.Text.Llm;

/// <summary>
/// A cap on what the LLM calls of one sample may spend, over all its LLM columns: tokens (input plus output), money at
/// the configured prices, or both. Only calls made over the network count (replayed responses cost nothing now). The
/// spend is checked between batches: when it reaches the cap the run stops cleanly, the cells not yet written are left
/// missing, and the run says how far it got; a batch in flight finishes, so the spend can pass the cap by one batch.
/// </summary>
/// <param name="MaxTokens">Input plus output tokens; <c>null</c>: no token cap.</param>
/// <param name="MaxCost">Money in the prices' currency; <c>null</c>: no money cap (it needs prices).</param>
public sealed record LlmBudget(long? MaxTokens = null, decimal? MaxCost = null)
{
    /// <summary>No cap.</summary>
    public static LlmBudget None { get; } = new();

    /// <summary>Whether <paramref name="tokens"/> and <paramref name="cost"/> reached the cap.</summary>
    public bool Reached(long tokens, decimal? cost) => tokens >= MaxTokens || (MaxCost is { } max && cost >= max);
}

/// <summary>What a model costs, per million tokens.</summary>
/// <param name="InputPerMillion">Price of a million prompt tokens.</param>
/// <param name="OutputPerMillion">Price of a million completion tokens.</param>
/// <param name="Currency">The currency, e.g. USD.</param>
public sealed record LlmPrice(decimal InputPerMillion, decimal OutputPerMillion, string Currency = "USD")
{
    /// <summary>The price of <paramref name="inputTokens"/> and <paramref name="outputTokens"/>.</summary>
    public decimal Of(long inputTokens, long outputTokens) => (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}
