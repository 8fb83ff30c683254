namespace SynthFixtures.Text.Llm;

/// <summary>What LLM-written cells of one column cost: calls, tokens and money, for the sampling log, the run record and the report.</summary>
/// <param name="Column">The column the LLM wrote.</param>
/// <param name="Model">The model as named on the command line (e.g. <c>openai:gpt-4o-mini</c>).</param>
/// <param name="Rows">Cells written.</param>
/// <param name="Calls">Chat calls made over the network.</param>
/// <param name="ReplayedCalls">Responses taken from the replay cache instead.</param>
/// <param name="InputTokens">Prompt tokens, as the service counted them (replayed calls count what they cost when recorded).</param>
/// <param name="OutputTokens">Completion tokens, likewise.</param>
/// <param name="Cost">Money at the configured prices, in <see cref="Currency"/>; <c>null</c> when no price is configured.</param>
/// <param name="Currency">The prices' currency (e.g. USD).</param>
public sealed record LlmUsage(string Column, string Model, int Rows, int Calls, int ReplayedCalls, long InputTokens, long OutputTokens,
    decimal? Cost, string? Currency);
