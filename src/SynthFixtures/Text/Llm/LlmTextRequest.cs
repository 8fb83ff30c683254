namespace SynthFixtures.Text.Llm;

/// <summary>LLM-written columns for one sample: the chat service, the columns, and how calls are made, capped, priced and cached.</summary>
public sealed record LlmTextRequest
{
    /// <summary>The chat service.</summary>
    public required LlmChat Chat { get; init; }

    /// <summary>The columns to write, in order (a later column's prompt may name an earlier one and sees its new text).</summary>
    public required IReadOnlyList<LlmTextColumn> Columns { get; init; }

    /// <summary>The sampling seed: each call's seed and each row's candidate order derive from it and the row number.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Batching, concurrency, retries, timeout.</summary>
    public LlmCallPolicy Policy { get; init; } = new();

    /// <summary>The cap on network spend; none by default.</summary>
    public LlmBudget Budget { get; init; } = LlmBudget.None;

    /// <summary>The model's price, for costs and a money cap; <c>null</c>: costs are not computed.</summary>
    public LlmPrice? Price { get; init; }

    /// <summary>The record/replay cache, or <c>null</c> to call every time and store nothing.</summary>
    public LlmReplayCache? Cache { get; init; }

    /// <summary>Where the run record goes; <c>null</c>: beside the sample (<see cref="LlmRunRecordJson.DefaultPathFor"/>).</summary>
    public string? RunRecordPath { get; init; }
}
